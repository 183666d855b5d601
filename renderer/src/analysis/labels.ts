import { FOUR_P_LABELS, FREQUENCY_LABELS, HORIZON_LABELS, RESISTANCE_LABELS, WASTE_LABELS } from '../../../core/csv';
import type { Flow, Lane, PainPoint, ProcessView } from '../../../core/model';
import type { PainTargetChoice } from './analysisStore';

export { FOUR_P_LABELS, FREQUENCY_LABELS, HORIZON_LABELS, RESISTANCE_LABELS, WASTE_LABELS };

export const NEED_LABELS = { training: 'Training', communication: 'Communication' } as const;

export function stepName(step: { text: string; kind: string }): string {
  if (step.text) return step.text;
  return step.kind === 'start' ? 'Start' : step.kind === 'end' ? 'End' : 'Untitled step';
}

function flowName(view: ProcessView, flow: Flow): string {
  const name = (id: string) => {
    const step = view.steps.find((s) => s.id === id);
    return step ? stepName(step) : '?';
  };
  return `${name(flow.sourceId)} → ${name(flow.targetId)}`;
}

/**
 * What the quick-capture box may pin to, given the canvas selection: the selected step, flow or
 * lane first, then the wider things it sits in, ending with the whole process.
 */
export function captureTargets(view: ProcessView, selected: ReadonlySet<string>): PainTargetChoice[] {
  const ids = [...selected];
  const step = view.steps.find((s) => ids.includes(s.id));
  const flow = step ? undefined : view.flows.find((f) => ids.includes(f.id));
  const laneId = step?.laneId ?? ids.map((id) => (id.startsWith('lane:') ? id.slice(5) : id)).find((id) => view.lanes.some((l) => l.id === id));
  const lane: Lane | undefined = view.lanes.find((l) => l.id === laneId);
  const choices: PainTargetChoice[] = [];
  if (step) choices.push({ kind: 'step', id: step.id, label: `Step: ${stepName(step)}` });
  if (flow) choices.push({ kind: 'flow', id: flow.id, label: `Flow: ${flowName(view, flow)}` });
  if (lane) choices.push({ kind: 'lane', id: lane.id, label: `Lane: ${lane.name}` });
  choices.push({ kind: 'process', id: view.process.id, label: `Whole process: ${view.process.name}` });
  // Lanes cannot be selected on the canvas, so every other lane is offered here too.
  for (const other of view.lanes) if (other.id !== lane?.id) choices.push({ kind: 'lane', id: other.id, label: `Lane: ${other.name}` });
  return choices;
}

/** Pain-point numbers per target id, for markers. */
export function painNumbers(painPoints: readonly PainPoint[], kind: PainPoint['targetKind']): Map<string, number[]> {
  const numbers = new Map<string, number[]>();
  for (const p of painPoints) if (p.targetKind === kind) numbers.set(p.targetId, [...(numbers.get(p.targetId) ?? []), p.number]);
  return numbers;
}
