import type { ReactNode } from 'react';
import { duration, percentage, type Measure, type ProcessMetrics } from '../../../core/metrics';
import { useShoshin } from '../store';
import { useAnalysis, useAnalysisUi } from './analysisStore';
import { EmptyNote } from './ui';
import { t } from '../i18n';

interface Row {
  label: string;
  cell: (m: ProcessMetrics) => ReactNode;
}

function measured(measure: Measure, format: (n: number) => string): ReactNode {
  if (measure.value !== null) return format(measure.value);
  return (
    <span className="not-known" title={t(measure.reason)}>
      {t('analysis.compare.notKnown')}
    </span>
  );
}

const formatMinutes = (minutes: number): string => t(duration(minutes));
const formatPercent = (ratio: number): string => t(percentage(ratio));

const ROWS: Row[] = [
  { label: t('analysis.compare.rowSteps'), cell: (m) => m.stepCount },
  { label: t('analysis.compare.rowHandoffs'), cell: (m) => m.handoffs },
  { label: t('analysis.compare.rowReworkLoops'), cell: (m) => m.reworkLoops.length },
  { label: t('analysis.compare.rowLeadTime'), cell: (m) => measured(m.leadTime, formatMinutes) },
  { label: t('analysis.compare.rowWorkTime'), cell: (m) => measured(m.workTime, formatMinutes) },
  { label: t('analysis.compare.rowWaitTime'), cell: (m) => measured(m.waitTime, formatMinutes) },
  { label: t('analysis.compare.rowCycleEfficiency'), cell: (m) => measured(m.cycleEfficiency, formatPercent) },
  { label: t('analysis.compare.rowPainPoints'), cell: (m) => m.painPointCount },
  { label: t('analysis.compare.rowVotes'), cell: (m) => m.votes },
  { label: t('analysis.compare.rowUntimed'), cell: (m) => new Set([...m.missing.workMinutes, ...m.missing.waitMinutes]).size },
  { label: t('analysis.compare.rowNoLane'), cell: (m) => m.unassignedStepIds.length },
  { label: t('analysis.compare.rowDeadEnds'), cell: (m) => m.deadEndStepIds.length },
];

/** Every process side by side: the same function in another department, done differently. */
export function CompareView() {
  const view = useAnalysis((s) => s.view);
  const processes = useShoshin((s) => s.engagement?.processes ?? []);
  const selectProcess = useShoshin((s) => s.selectProcess);
  const setTab = useAnalysisUi((s) => s.setTab);
  if (!view) return <p className="muted analysis-loading">{t('analysis.compare.loading')}</p>;
  const department = new Map(processes.map((p) => [p.id, p.department]));
  // One note per process and reason: lead time and efficiency usually wait for the same timings.
  const unknown = view.metrics.flatMap((m) => {
    const notes = new Map<string, string[]>();
    for (const [label, measure] of [
      [t('analysis.compare.noteLeadTime'), m.leadTime],
      [t('analysis.compare.noteCycleEfficiency'), m.cycleEfficiency],
    ] as const) {
      if (measure.value === null) {
        const reason = t(measure.reason);
        notes.set(reason, [...(notes.get(reason) ?? []), label]);
      }
    }
    return [...notes].map(([reason, labels]) => ({ process: m.processName, label: labels.join(t('analysis.compare.noteJoin')), reason }));
  });
  return (
    <section className="analysis-view" aria-labelledby="compare-title">
      <header className="analysis-head">
        <h2 id="compare-title">{t('analysis.compare.title')}</h2>
        <span className="muted">{t('analysis.compare.count', { count: view.metrics.length })}</span>
      </header>
      {view.metrics.length === 0 ? (
        <EmptyNote title={t('analysis.compare.emptyTitle')}>{t('analysis.compare.emptyText')}</EmptyNote>
      ) : (
        <>
          <div className="table-wrap">
            <table className="data-table compare-table" aria-label={t('analysis.compare.tableLabel')}>
              <thead>
                <tr>
                  <th scope="col">{t('analysis.compare.metric')}</th>
                  {view.metrics.map((m) => (
                    <th key={m.processId} scope="col" className="num">
                      <button
                        type="button"
                        className="link-btn"
                        onClick={() => {
                          void selectProcess(m.processId);
                          setTab('metrics');
                        }}
                      >
                        {m.processName}
                      </button>
                      {department.get(m.processId) && <div className="muted cell-sub">{department.get(m.processId)}</div>}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {ROWS.map((row) => (
                  <tr key={row.label}>
                    <th scope="row">{row.label}</th>
                    {view.metrics.map((m) => (
                      <td key={m.processId} className="num">
                        {row.cell(m)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {unknown.length > 0 && (
            <div className="footnotes">
              <h3 className="a-panel-title">{t('analysis.compare.unknownTitle')}</h3>
              <ul>
                {unknown.map((u) => (
                  <li key={`${u.process}:${u.label}`}>
                    <strong>{t('analysis.compare.unknownItem', { process: u.process, label: u.label })}</strong>{' '}
                    {u.reason}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    </section>
  );
}
