import type { ReactNode } from 'react';
import type { StepRef } from '../../../core/ipc/analysis';
import { formatMinutes, formatPercent, laneHeat, type Measure, type ProcessMetrics } from '../../../core/metrics';
import { useShoshin } from '../store';
import { useAnalysis } from './analysisStore';
import { jumpToStep } from './jump';
import { stepName } from './labels';
import { EmptyNote } from './ui';

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
  return <MetricCard label={label} value="Not known yet" warn note={note ?? measure.reason} />;
}

function StepLinks({ ids, steps, processId }: { ids: readonly string[]; steps: ReadonlyMap<string, StepRef>; processId: string }) {
  return (
    <ul className="step-links">
      {ids.map((id) => {
        const step = steps.get(id);
        return (
          <li key={id}>
            <button type="button" className="link-btn" onClick={() => void jumpToStep(processId, id)}>
              {step ? stepName(step) : 'Unknown step'}
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
    return step ? stepName(step) : '?';
  }).join(' → ');
}

export function ProcessMetricsPanel({ metrics, steps }: { metrics: ProcessMetrics; steps: ReadonlyMap<string, StepRef> }) {
  const m = metrics;
  const untimed = m.blocking.timings;
  const heat = laneHeat(m.lanes, 'painPoints');
  // The callout names the steps; the cards only say what they are waiting for.
  const waiting = untimed.length > 0 ? 'Waits for the timings listed above.' : undefined;
  const lowerBound = waiting && m.mainPath && m.mainPath.knownMinutes > 0 ? `At least ${formatMinutes(m.mainPath.knownMinutes)} from the steps timed so far.` : waiting;
  return (
    <div className="metrics-panel">
      {untimed.length > 0 && (
        <div className="callout callout-question" role="note">
          <strong>
            Timings missing on {untimed.length} {untimed.length === 1 ? 'step' : 'steps'}.
          </strong>{' '}
          Lead time, work and wait time and cycle efficiency are shown only once every step between start and end has its work and wait minutes:
          <StepLinks ids={untimed} steps={steps} processId={m.processId} />
        </div>
      )}
      <div className="metric-grid">
        <MetricCard label="Steps" value={m.stepCount} />
        <MetricCard label="Handoffs" value={m.handoffs} note="Flows that cross lanes" />
        <MetricCard label="Rework loops" value={m.reworkLoops.length} />
        <TimeCard label="Lead time" measure={m.leadTime} format={formatMinutes} note={lowerBound} />
        <TimeCard label="Work time" measure={m.workTime} format={formatMinutes} note={waiting} />
        <TimeCard label="Wait time" measure={m.waitTime} format={formatMinutes} note={waiting} />
        <TimeCard label="Process cycle efficiency" measure={m.cycleEfficiency} format={formatPercent} note={waiting} />
        <MetricCard label="Pain points" value={m.painPointCount} note={`${m.votes} ${m.votes === 1 ? 'vote' : 'votes'}`} />
      </div>
      <div className="metrics-columns">
        <section className="a-panel" aria-labelledby={`lanes-${m.processId}`}>
          <h3 id={`lanes-${m.processId}`} className="a-panel-title">
            Pain points and votes per lane
          </h3>
          <table className="data-table compact" aria-label={`Lanes of ${m.processName}`}>
            <thead>
              <tr>
                <th scope="col">Lane</th>
                <th scope="col" className="num">
                  Steps
                </th>
                <th scope="col" className="num">
                  Pain points
                </th>
                <th scope="col" className="num">
                  Votes
                </th>
                <th scope="col">
                  <span className="visually-hidden">Heat</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {m.lanes.map((l) => (
                <tr key={l.laneId ?? 'none'}>
                  <th scope="row">{l.name}</th>
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
                    Whole process
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
            Rework loops
          </h3>
          {m.reworkLoops.length === 0 ? (
            <p className="muted">No flow goes back to an earlier step.</p>
          ) : (
            <ol className="loop-list">
              {m.reworkLoops.map((loop) => (
                <li key={loop.flowId}>{pathText([...loop.stepIds, loop.stepIds[0] ?? ''], steps)}</li>
              ))}
            </ol>
          )}
          <h3 className="a-panel-title">Main path</h3>
          {m.mainPath ? (
            <p className="path-text">
              {pathText(m.mainPath.stepIds, steps)}
              {!m.mainPath.certain && <span className="muted"> (provisional until every step is timed)</span>}
            </p>
          ) : (
            <p className="muted">{m.leadTime.reason}</p>
          )}
        </section>
      </div>
      {(m.unassignedStepIds.length > 0 || m.deadEndStepIds.length > 0) && (
        <section className="a-panel" aria-labelledby={`gaps-${m.processId}`}>
          <h3 id={`gaps-${m.processId}`} className="a-panel-title">
            Gaps in the drawing
          </h3>
          {m.unassignedStepIds.length > 0 && (
            <>
              <p>Steps with no owner lane:</p>
              <StepLinks ids={m.unassignedStepIds} steps={steps} processId={m.processId} />
            </>
          )}
          {m.deadEndStepIds.length > 0 && (
            <>
              <p>Steps that lead nowhere (no outgoing flow, not an end):</p>
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
  if (!view) return <p className="muted analysis-loading">Loading metrics…</p>;
  const metrics = view.metrics.find((m) => m.processId === processId);
  const steps = new Map(view.steps.map((s) => [s.id, s]));
  return (
    <section className="analysis-view" aria-labelledby="metrics-title">
      <header className="analysis-head">
        <h2 id="metrics-title">Metrics{metrics ? ` · ${metrics.processName}` : ''}</h2>
        <span className="muted">Pick another process on the left</span>
      </header>
      {metrics ? (
        <ProcessMetricsPanel metrics={metrics} steps={steps} />
      ) : (
        <EmptyNote title="No process chosen">Add or pick a process on the left to see its metrics.</EmptyNote>
      )}
    </section>
  );
}
