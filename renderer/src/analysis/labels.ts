import type { Flow, Lane, PainPoint, ProcessView } from '../../../core/model';
import { FOUR_PS, FREQUENCIES, HORIZONS, RESISTANCE_SOURCES, WASTE_TYPES } from '../../../core/vocabulary';
import type { PainTargetChoice } from './analysisStore';
import { t } from '../i18n';

/** Classification names as the UI shows them, from the catalogue (core's English copies serve the exports). */
export const WASTE_LABELS = Object.fromEntries(WASTE_TYPES.map((k) => [k, t(`analysis.labels.waste.${k}`)])) as Record<(typeof WASTE_TYPES)[number], string>;
export const FOUR_P_LABELS = Object.fromEntries(FOUR_PS.map((k) => [k, t(`analysis.labels.fourP.${k}`)])) as Record<(typeof FOUR_PS)[number], string>;
export const FREQUENCY_LABELS = Object.fromEntries(FREQUENCIES.map((k) => [k, t(`analysis.labels.frequency.${k}`)])) as Record<(typeof FREQUENCIES)[number], string>;
export const RESISTANCE_LABELS = Object.fromEntries(RESISTANCE_SOURCES.map((k) => [k, t(`analysis.labels.resistance.${k}`)])) as Record<(typeof RESISTANCE_SOURCES)[number], string>;
export const HORIZON_LABELS = Object.fromEntries(HORIZONS.map((k) => [k, t(`analysis.labels.horizon.${k}`)])) as Record<(typeof HORIZONS)[number], string>;

export const NEED_LABELS = { training: t('analysis.labels.needTraining'), communication: t('analysis.labels.needCommunication') } as const;

export function stepName(step: { text: string; kind: string }): string {
  if (step.text) return step.text;
  return step.kind === 'start' ? t('analysis.labels.start') : step.kind === 'end' ? t('analysis.labels.end') : t('analysis.labels.untitledStep');
}

function flowName(view: ProcessView, flow: Flow): string {
  const name = (id: string) => {
    const step = view.steps.find((s) => s.id === id);
    return step ? stepName(step) : t('analysis.labels.unknownStep');
  };
  return t('analysis.labels.flowName', { source: name(flow.sourceId), target: name(flow.targetId) });
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
  if (step) choices.push({ kind: 'step', id: step.id, label: t('analysis.labels.targetStep', { name: stepName(step) }) });
  if (flow) choices.push({ kind: 'flow', id: flow.id, label: t('analysis.labels.targetFlow', { name: flowName(view, flow) }) });
  if (lane) choices.push({ kind: 'lane', id: lane.id, label: t('analysis.labels.targetLane', { name: lane.name }) });
  choices.push({ kind: 'process', id: view.process.id, label: t('analysis.labels.targetProcess', { name: view.process.name }) });
  // Lanes cannot be selected on the canvas, so every other lane is offered here too.
  for (const other of view.lanes) if (other.id !== lane?.id) choices.push({ kind: 'lane', id: other.id, label: t('analysis.labels.targetLane', { name: other.name }) });
  return choices;
}

/** Pain-point numbers per target id, for markers. */
export function painNumbers(painPoints: readonly PainPoint[], kind: PainPoint['targetKind']): Map<string, number[]> {
  const numbers = new Map<string, number[]>();
  for (const p of painPoints) if (p.targetKind === kind) numbers.set(p.targetId, [...(numbers.get(p.targetId) ?? []), p.number]);
  return numbers;
}
