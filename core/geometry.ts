import { format, msg } from './messages';
import type { Lane, Step, StepKind } from './model';

/** Canvas geometry shared by the canvas, the sample loader and the diagram renderer. */
export const LANE_HEADER_WIDTH = 168;
export const LANE_MIN_HEIGHT = 150;
export const LANE_PADDING = 28;
export const STEP_GAP_X = 64;

export const STEP_SIZE: Record<StepKind, { width: number; height: number }> = {
  start: { width: 56, height: 56 },
  end: { width: 56, height: 56 },
  activity: { width: 176, height: 76 },
  subprocess: { width: 176, height: 76 },
  wait: { width: 176, height: 76 },
  decision: { width: 112, height: 112 },
};

export interface LaneBand {
  laneId: string | null;
  /** The lane's name; for the row of steps with no lane, English for the documents (the UI says it with t('lane.none')). */
  name: string;
  top: number;
  height: number;
}

/**
 * Steps store y relative to their lane's top, so a lane grows to fit its lowest step and the
 * lanes below move with it, without rewriting every step below.
 */
export function laneBands(lanes: readonly Lane[], steps: readonly Step[]): LaneBand[] {
  const ordered = [...lanes].sort((a, b) => a.position - b.position);
  const bands: LaneBand[] = [];
  let top = 0;
  const rows: { laneId: string | null; name: string }[] = ordered.map((l) => ({ laneId: l.id, name: l.name }));
  const known = new Set(ordered.map((l) => l.id));
  if (steps.some((s) => s.laneId === null || !known.has(s.laneId))) rows.push({ laneId: null, name: format(msg('lane.none')) });
  for (const row of rows) {
    let bottom = LANE_MIN_HEIGHT;
    for (const s of steps) {
      const inRow = row.laneId === null ? s.laneId === null || !known.has(s.laneId) : s.laneId === row.laneId;
      if (inRow) bottom = Math.max(bottom, s.y + STEP_SIZE[s.kind].height + LANE_PADDING);
    }
    bands.push({ laneId: row.laneId, name: row.name, top, height: bottom });
    top += bottom;
  }
  return bands;
}

/** The y, relative to its lane, that centres a step of this kind vertically in an empty lane. */
export function defaultLaneY(kind: StepKind): number {
  return Math.round((LANE_MIN_HEIGHT - STEP_SIZE[kind].height) / 2);
}

/** Which band an absolute canvas y falls in; above the first goes to the first, below the last to the last. */
export function bandAt(bands: readonly LaneBand[], y: number): LaneBand | undefined {
  for (const band of bands) if (y < band.top + band.height) return band;
  return bands[bands.length - 1];
}
