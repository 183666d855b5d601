import type { ReactNode } from 'react';
import { formatMinutes, formatPercent, type Measure, type ProcessMetrics } from '../../../core/metrics';
import { useShoshin } from '../store';
import { useAnalysis, useAnalysisUi } from './analysisStore';
import { EmptyNote } from './ui';

interface Row {
  label: string;
  cell: (m: ProcessMetrics) => ReactNode;
}

function measured(measure: Measure, format: (n: number) => string): ReactNode {
  if (measure.value !== null) return format(measure.value);
  return (
    <span className="not-known" title={measure.reason}>
      Not known
    </span>
  );
}

const ROWS: Row[] = [
  { label: 'Steps', cell: (m) => m.stepCount },
  { label: 'Handoffs', cell: (m) => m.handoffs },
  { label: 'Rework loops', cell: (m) => m.reworkLoops.length },
  { label: 'Lead time', cell: (m) => measured(m.leadTime, formatMinutes) },
  { label: 'Work time', cell: (m) => measured(m.workTime, formatMinutes) },
  { label: 'Wait time', cell: (m) => measured(m.waitTime, formatMinutes) },
  { label: 'Process cycle efficiency', cell: (m) => measured(m.cycleEfficiency, formatPercent) },
  { label: 'Pain points', cell: (m) => m.painPointCount },
  { label: 'Votes', cell: (m) => m.votes },
  { label: 'Steps without timings', cell: (m) => new Set([...m.missing.workMinutes, ...m.missing.waitMinutes]).size },
  { label: 'Steps with no lane', cell: (m) => m.unassignedStepIds.length },
  { label: 'Steps leading nowhere', cell: (m) => m.deadEndStepIds.length },
];

/** Every process side by side: the same function in another department, done differently. */
export function CompareView() {
  const view = useAnalysis((s) => s.view);
  const processes = useShoshin((s) => s.engagement?.processes ?? []);
  const selectProcess = useShoshin((s) => s.selectProcess);
  const setTab = useAnalysisUi((s) => s.setTab);
  if (!view) return <p className="muted analysis-loading">Loading the comparison…</p>;
  const department = new Map(processes.map((p) => [p.id, p.department]));
  // One note per process and reason: lead time and efficiency usually wait for the same timings.
  const unknown = view.metrics.flatMap((m) => {
    const notes = new Map<string, string[]>();
    for (const [label, measure] of [
      ['lead time', m.leadTime],
      ['cycle efficiency', m.cycleEfficiency],
    ] as const) {
      if (measure.value === null) notes.set(measure.reason, [...(notes.get(measure.reason) ?? []), label]);
    }
    return [...notes].map(([reason, labels]) => ({ process: m.processName, label: labels.join(' and '), reason }));
  });
  return (
    <section className="analysis-view" aria-labelledby="compare-title">
      <header className="analysis-head">
        <h2 id="compare-title">Compare processes</h2>
        <span className="muted">{view.metrics.length} processes side by side</span>
      </header>
      {view.metrics.length === 0 ? (
        <EmptyNote title="Nothing to compare yet">Add processes on the left; each gets a column here.</EmptyNote>
      ) : (
        <>
          <div className="table-wrap">
            <table className="data-table compare-table" aria-label="Process comparison">
              <thead>
                <tr>
                  <th scope="col">Metric</th>
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
              <h3 className="a-panel-title">Why some numbers are not known</h3>
              <ul>
                {unknown.map((u) => (
                  <li key={`${u.process}:${u.label}`}>
                    <strong>
                      {u.process}, {u.label}:
                    </strong>{' '}
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
