import type { StepKind } from './model';

/**
 * Steps and the flows between them as they travel on the clipboard: lanes by name (so they land in
 * the same-named lanes of another process or engagement) and references local to the copy.
 */
export const CLIPBOARD_MIME = 'application/x-shoshin-steps+json';
export const MAX_CLIPBOARD_STEPS = 2000;

export interface ClipboardStep {
  ref: string;
  kind: StepKind;
  text: string;
  laneName: string | null;
  x: number;
  y: number;
  description: string;
  system: string;
  workMinutes: number | null;
  waitMinutes: number | null;
  volume: string;
}

export interface ClipboardPayload {
  format: 'shoshin.steps/1';
  steps: ClipboardStep[];
  flows: { from: string; to: string; label: string }[];
}

interface CopySource {
  lanes: readonly { id: string; name: string }[];
  steps: readonly {
    id: string;
    laneId: string | null;
    kind: StepKind;
    text: string;
    x: number;
    y: number;
    description: string;
    system: string;
    workMinutes: number | null;
    waitMinutes: number | null;
    volume: string;
  }[];
  flows: readonly { sourceId: string; targetId: string; label: string }[];
}

/** The selected steps, with the flows that run between two of them. */
export function copySteps(view: CopySource, selected: ReadonlySet<string>): ClipboardPayload | null {
  const steps = view.steps.filter((s) => selected.has(s.id));
  if (steps.length === 0) return null;
  const laneName = new Map(view.lanes.map((l) => [l.id, l.name]));
  const ref = new Map(steps.map((s, i) => [s.id, `s${i + 1}`]));
  return {
    format: 'shoshin.steps/1',
    steps: steps.map((s) => ({
      ref: ref.get(s.id) ?? '',
      kind: s.kind,
      text: s.text,
      laneName: s.laneId ? (laneName.get(s.laneId) ?? null) : null,
      x: s.x,
      y: s.y,
      description: s.description,
      system: s.system,
      workMinutes: s.workMinutes,
      waitMinutes: s.waitMinutes,
      volume: s.volume,
    })),
    flows: view.flows
      .filter((f) => ref.has(f.sourceId) && ref.has(f.targetId))
      .map((f) => ({ from: ref.get(f.sourceId) ?? '', to: ref.get(f.targetId) ?? '', label: f.label })),
  };
}

/** Plain-text form for other programs: one "Lane: step" line per step, which pastes back as type-to-map. */
export function clipboardText(payload: ClipboardPayload): string {
  return payload.steps.map((s) => (s.laneName ? `${s.laneName}: ${s.text}` : s.text)).join('\n');
}
