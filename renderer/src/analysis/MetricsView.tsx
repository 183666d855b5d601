import type { ReactNode } from 'react';
import type { StepRef } from '../../../core/views';
import { duration, laneHeat, percentage, type Measure, type ProcessMetrics } from '../../../core/metrics';
import { useShoshin } from '../store';
import { useAnalysis } from './analysisStore';
import { jumpToStep } from './jump';
import { stepName } from './labels';
import { EmptyNote } from './ui';
import { t } from '../i18n';

function MetricCard({ label, value, note, warn = false }: { label: string; value: ReactNode; note?: ReactNode; warn?: boolean }) {
  return (
    <div className={`metric-card${warn ? ' metric-missing' : ''}`} role="group" aria-label={label}>
      <div className="metric-label">{label}</div>
      <div className="metric-value">{value}</div>
      {note && <div className="metric-note">{note}</div>}
    </div>
  );
}

/** A time measure, or plainly why it is not known: never a number that could be wrong. */
function TimeCard({ label, measure, format, note }: { label: string; measure: Measure; format: (n: number) => string; note?: string | undefined }) {
  if (measure.value !== null) return <MetricCard label={label} value={format(measure.value)} />;
  return <MetricCard label={label} value={t('analysis.metrics.notKnownYet')} warn note={note ?? t(measure.reason)} />;
}

const formatMinutes = (minutes: number): string => t(duration(minutes));
const formatPercent = (ratio: number): string => t(percentage(ratio));

function StepLinks({ ids, steps, processId }: { ids: readonly string[]; steps: ReadonlyMap<string, StepRef>; processId: string }) {
  return (
    <ul className="step-links">
      {ids.map((id) => {
        const step = steps.get(id);
        return (
          <li key={id}>
            <button type="button" className="link-btn" onClick={() => void jumpToStep(processId, id)}>
              {step ? stepName(step) : t('analysis.metrics.unknownStep')}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

function pathText(ids: readonly string[], steps: ReadonlyMap<string, StepRef>): string {
  return ids.map((id) => {
    const step = steps.get(id);
    return step ? stepName(step) : t('analysis.metrics.unknownStepShort');
  }).join(t('analysis.metrics.pathJoin'));
}

export function ProcessMetricsPanel({ metrics, steps }: { metrics: ProcessMetrics; steps: ReadonlyMap<string, StepRef> }) {
  const m = metrics;
  const untimed = m.blocking.timings;
  const heat = laneHeat(m.lanes, 'painPoints');
  // The callout names the steps; the cards only say what they are waiting for.
  const waiting = untimed.length > 0 ? t('analysis.metrics.waiting') : undefined;
  const lowerBound = waiting && m.mainPath && m.mainPath.knownMinutes > 0 ? t('analysis.metrics.lowerBound', { time: formatMinutes(m.mainPath.knownMinutes) }) : waiting;
  return (
    <div className="metrics-panel">
      {untimed.length > 0 && (
        <div className="callout callout-question" role="note">
          <strong>{t(untimed.length === 1 ? 'analysis.metrics.timingsMissing.one' : 'analysis.metrics.timingsMissing.other', { count: untimed.length })}</strong>{' '}
          {t('analysis.metrics.timingsExplain')}
          <StepLinks ids={untimed} steps={steps} processId={m.processId} />
        </div>
      )}
      <div className="metric-grid">
        <MetricCard label={t('analysis.metrics.steps')} value={m.stepCount} />
        <MetricCard label={t('analysis.metrics.handoffs')} value={m.handoffs} note={t('analysis.metrics.handoffsNote')} />
        <MetricCard label={t('analysis.metrics.reworkLoops')} value={m.reworkLoops.length} />
        <TimeCard label={t('analysis.metrics.leadTime')} measure={m.leadTime} format={formatMinutes} note={lowerBound} />
        <TimeCard label={t('analysis.metrics.workTime')} measure={m.workTime} format={formatMinutes} note={waiting} />
        <TimeCard label={t('analysis.metrics.waitTime')} measure={m.waitTime} format={formatMinutes} note={waiting} />
        <TimeCard label={t('analysis.metrics.cycleEfficiency')} measure={m.cycleEfficiency} format={formatPercent} note={waiting} />
        <MetricCard
          label={t('analysis.metrics.painPoints')}
          value={m.painPointCount}
          note={t(m.votes === 1 ? 'analysis.metrics.votes.one' : 'analysis.metrics.votes.other', { count: m.votes })}
        />
      </div>
      <div className="metrics-columns">
        <section className="a-panel" aria-labelledby={`lanes-${m.processId}`}>
          <h3 id={`lanes-${m.processId}`} className="a-panel-title">
            {t('analysis.metrics.lanesTitle')}
          </h3>
          <table className="data-table compact" aria-label={t('analysis.metrics.lanesLabel', { process: m.processName })}>
            <thead>
              <tr>
                <th scope="col">{t('analysis.metrics.lane')}</th>
                <th scope="col" className="num">
                  {t('analysis.metrics.steps')}
                </th>
                <th scope="col" className="num">
                  {t('analysis.metrics.painPoints')}
                </th>
                <th scope="col" className="num">
                  {t('analysis.metrics.votesColumn')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('analysis.metrics.heat')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {m.lanes.map((l) => (
                <tr key={l.laneId ?? 'none'}>
                  <th scope="row">{l.laneId === null ? t('lane.none') : l.name}</th>
                  <td className="num">{l.stepCount}</td>
                  <td className="num">{l.painPoints}</td>
                  <td className="num">{l.votes}</td>
                  <td className="heat-cell">
                    <span className="heat-bar" style={{ width: `${Math.round((heat.get(l.laneId) ?? 0) * 100)}%` }} />
                  </td>
                </tr>
              ))}
              {m.processPainPoints > 0 && (
                <tr>
                  <th scope="row" className="muted">
                    {t('analysis.metrics.wholeProcess')}
                  </th>
                  <td className="num" />
                  <td className="num">{m.processPainPoints}</td>
                  <td className="num" />
                  <td />
                </tr>
              )}
            </tbody>
          </table>
        </section>
        <section className="a-panel" aria-labelledby={`loops-${m.processId}`}>
          <h3 id={`loops-${m.processId}`} className="a-panel-title">
            {t('analysis.metrics.reworkLoops')}
          </h3>
          {m.reworkLoops.length === 0 ? (
            <p className="muted">{t('analysis.metrics.noLoops')}</p>
          ) : (
            <ol className="loop-list">
              {m.reworkLoops.map((loop) => (
                <li key={loop.flowId}>{pathText([...loop.stepIds, loop.stepIds[0] ?? ''], steps)}</li>
              ))}
            </ol>
          )}
          <h3 className="a-panel-title">{t('analysis.metrics.mainPath')}</h3>
          {m.mainPath ? (
            <p className="path-text">
              {pathText(m.mainPath.stepIds, steps)}
              {!m.mainPath.certain && <span className="muted">{t('analysis.metrics.provisional')}</span>}
            </p>
          ) : (
            <p className="muted">{m.leadTime.reason && t(m.leadTime.reason)}</p>
          )}
        </section>
      </div>
      {(m.unassignedStepIds.length > 0 || m.deadEndStepIds.length > 0) && (
        <section className="a-panel" aria-labelledby={`gaps-${m.processId}`}>
          <h3 id={`gaps-${m.processId}`} className="a-panel-title">
            {t('analysis.metrics.gaps')}
          </h3>
          {m.unassignedStepIds.length > 0 && (
            <>
              <p>{t('analysis.metrics.noOwner')}</p>
              <StepLinks ids={m.unassignedStepIds} steps={steps} processId={m.processId} />
            </>
          )}
          {m.deadEndStepIds.length > 0 && (
            <>
              <p>{t('analysis.metrics.deadEnds')}</p>
              <StepLinks ids={m.deadEndStepIds} steps={steps} processId={m.processId} />
            </>
          )}
        </section>
      )}
    </div>
  );
}

/** The metrics a-panel for the process chosen in the sidebar. */
export function MetricsView() {
  const view = useAnalysis((s) => s.view);
  const processId = useShoshin((s) => s.processId);
  if (!view) return <p className="muted analysis-loading">{t('analysis.metrics.loading')}</p>;
  const metrics = view.metrics.find((m) => m.processId === processId);
  const steps = new Map(view.steps.map((s) => [s.id, s]));
  return (
    <section className="analysis-view" aria-labelledby="metrics-title">
      <header className="analysis-head">
        <h2 id="metrics-title">{metrics ? t('analysis.metrics.titleWithProcess', { process: metrics.processName }) : t('analysis.metrics.title')}</h2>
        <span className="muted">{t('analysis.metrics.pickAnother')}</span>
      </header>
      {metrics ? (
        <ProcessMetricsPanel metrics={metrics} steps={steps} />
      ) : (
        <EmptyNote title={t('analysis.metrics.emptyTitle')}>{t('analysis.metrics.emptyText')}</EmptyNote>
      )}
    </section>
  );
}
