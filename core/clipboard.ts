import { CLIPBOARD_STEP_KEYS, type ClipboardKey, type Step } from './records';

/**
 * Steps and the flows between them as they travel on the clipboard: lanes by name (so they land in
 * the same-named lanes of another process or engagement) and references local to the copy. Which
 * of a step's fields travel is part of the step's definition (core/records.ts).
 */
export const CLIPBOARD_MIME = 'application/x-shoshin-steps+json';
export const MAX_CLIPBOARD_STEPS = 2000;

export type ClipboardStep = Pick<Step, ClipboardKey> & { ref: string; laneName: string | null };

export interface ClipboardPayload {
  format: 'shoshin.steps/1';
  steps: ClipboardStep[];
  flows: { from: string; to: string; label: string }[];
}

interface CopySource {
  lanes: readonly { id: string; name: string }[];
  steps: readonly Step[];
  flows: readonly { sourceId: string; targetId: string; label: string }[];
}

function clipboardFields(step: Step): Pick<Step, ClipboardKey> {
  return Object.fromEntries(CLIPBOARD_STEP_KEYS.map((key) => [key, step[key]])) as Pick<Step, ClipboardKey>;
}

/** The selected steps, with the flows that run between two of them. */
export function copySteps(view: CopySource, selected: ReadonlySet<string>): ClipboardPayload | null {
  const steps = view.steps.filter((s) => selected.has(s.id));
  if (steps.length === 0) return null;
  const laneName = new Map(view.lanes.map((l) => [l.id, l.name]));
  const ref = new Map(steps.map((s, i) => [s.id, `s${i + 1}`]));
  return {
    format: 'shoshin.steps/1',
    steps: steps.map((s) => ({ ...clipboardFields(s), ref: ref.get(s.id) ?? '', laneName: s.laneId ? (laneName.get(s.laneId) ?? null) : null })),
    flows: view.flows
      .filter((f) => ref.has(f.sourceId) && ref.has(f.targetId))
      .map((f) => ({ from: ref.get(f.sourceId) ?? '', to: ref.get(f.targetId) ?? '', label: f.label })),
  };
}

/** Plain-text form for other programs: one "Lane: step" line per step, which pastes back as type-to-map. */
export function clipboardText(payload: ClipboardPayload): string {
  return payload.steps.map((s) => (s.laneName ? `${s.laneName}: ${s.text}` : s.text)).join('\n');
}
