import { STEP_SIZE } from '../geometry';
import { boxesOverlap, FIRST_STEP_X, stackInLanes, type LayoutInput, type Placement } from '../layout';
import { defaultsOf, type Flow, type Lane, type Step } from '../records';
import type { PlannedProcess } from './plan';

/**
 * Where imported steps go on the canvas. A source diagram's positions (BPMN DI) are kept: its
 * shapes are smaller than Shoshin's, so the drawing is scaled up around the shapes' centres until
 * no two steps in a lane touch, and each lane's steps keep their height within the lane. A
 * process with no diagram (or with only part of one) is laid out like Tidy does.
 */

/** Scales tried in turn: BPMN tasks are 100 wide, Shoshin's 176. */
const SCALES = [1.5, 1.75, 2, 2.5, 3];
/** Space kept between a lane's top and its highest step. */
const TOP_MARGIN = 12;

/** Records standing in for the planned ones, keyed by the plan's keys, for the layout functions. */
export function layoutInputOf(process: PlannedProcess): LayoutInput {
  const lanes: Lane[] = process.lanes.map((l, position) => ({ ...defaultsOf('lanes'), id: l.key, processId: process.key, name: l.name, position }));
  const steps: Step[] = process.steps.map((s) => ({
    ...defaultsOf('steps'),
    id: s.key,
    processId: process.key,
    laneId: s.laneKey,
    kind: s.kind,
    text: s.text,
    x: 0,
    y: 0,
  }));
  const flows: Flow[] = process.flows.map((f, i) => ({ ...defaultsOf('flows'), id: `${process.key}-flow-${i}`, processId: process.key, sourceId: f.sourceKey, targetId: f.targetKey, label: f.label }));
  return { lanes, steps, flows };
}

/** Lanes in the order the source drew them, top to bottom; lanes it did not draw keep their place after. */
export function lanesInDrawnOrder(process: PlannedProcess): PlannedProcess['lanes'] {
  return process.lanes
    .map((lane, index) => ({ lane, index }))
    .sort((a, b) => (a.lane.bounds?.y ?? Infinity) - (b.lane.bounds?.y ?? Infinity) || a.index - b.index)
    .map((entry) => entry.lane);
}

/**
 * Positions from the source diagram, or null when some step has none (then the process is laid
 * out instead). Coordinates are Shoshin's: x on the canvas, y relative to the step's lane.
 */
export function positionsFromDiagram(process: PlannedProcess): Placement[] | null {
  if (process.steps.length === 0 || process.steps.some((s) => !s.bounds)) return null;
  const centre = new Map(process.steps.map((s) => [s.key, { x: (s.bounds?.x ?? 0) + (s.bounds?.width ?? 0) / 2, y: (s.bounds?.y ?? 0) + (s.bounds?.height ?? 0) / 2 }]));
  const laneKeys = new Set(process.lanes.map((l) => l.key));
  const laneOf = (key: string | null) => (key && laneKeys.has(key) ? key : null);
  const minX = Math.min(...process.steps.map((s) => centre.get(s.key)?.x ?? 0));
  const place = (scale: number): Placement[] => {
    const raw = process.steps.map((s) => {
      const c = centre.get(s.key) ?? { x: 0, y: 0 };
      const size = STEP_SIZE[s.kind];
      return { id: s.key, lane: laneOf(s.laneKey), x: (c.x - minX) * scale - size.width / 2, y: c.y * scale - size.height / 2 };
    });
    const left = Math.min(...raw.map((p) => p.x));
    // Each lane's highest step sits just below the lane's top (Shoshin's lanes grow to fit their lowest step).
    const lift = new Map<string | null, number>();
    for (const p of raw) lift.set(p.lane, Math.min(lift.get(p.lane) ?? Infinity, p.y));
    return raw.map((p) => ({ id: p.id, x: Math.round(FIRST_STEP_X + p.x - left), y: Math.round(p.y - (lift.get(p.lane) ?? 0) + TOP_MARGIN) }));
  };
  const kinds = new Map(process.steps.map((s) => [s.key, s.kind]));
  const lanes = new Map(process.steps.map((s) => [s.key, laneOf(s.laneKey)]));
  const clear = (placements: Placement[]): boolean => {
    const byLane = new Map<string | null, Placement[]>();
    for (const p of placements) byLane.set(lanes.get(p.id) ?? null, [...(byLane.get(lanes.get(p.id) ?? null) ?? []), p]);
    for (const group of byLane.values()) {
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) {
          const a = group[i] as Placement;
          const b = group[j] as Placement;
          if (boxesOverlap({ ...a, kind: kinds.get(a.id) ?? 'activity' }, { ...b, kind: kinds.get(b.id) ?? 'activity' })) return false;
        }
      }
    }
    return true;
  };
  for (const scale of SCALES) {
    const placements = place(scale);
    if (clear(placements)) return placements;
  }
  // Too crowded to scale clear: keep the drawing's columns and stack each lane's steps in rows.
  const fallback = place(SCALES[1] as number);
  const input = layoutInputOf(process);
  const xs = new Map(fallback.map((p) => [p.id, p.x]));
  const order = new Map(process.steps.map((s) => [s.key, centre.get(s.key)?.y ?? 0]));
  return stackInLanes(input, xs, order);
}
