import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import { LANE_HEADER_WIDTH, LANE_MIN_HEIGHT, STEP_GAP_X, STEP_SIZE } from './geometry';
import { backFlows, flowGraph, topologicalOrder, withoutFlows } from './graph';
import type { Flow, Lane, Step, StepKind } from './model';

/**
 * Where steps go on the canvas. Lanes are horizontal bands and a step's y is relative to its
 * lane's top (see geometry.ts), so every function here places steps within their own lane:
 * x comes from the flow (left to right), y from a few fixed rows inside the lane.
 */

/** Left edge of the first column, clear of the fixed lane header. */
export const FIRST_STEP_X = LANE_HEADER_WIDTH + 48;
/** Vertical distance between row centres inside a lane; fits the tallest shape (a decision) plus air. */
export const ROW_PITCH = 136;
/** Empty space kept around every step so shapes, badges and arrows never touch. */
export const CLEARANCE = 16;
/** Most steps one layout may move; far above any process drawn by hand. */
export const MAX_LAYOUT_STEPS = 5000;

export interface Placement {
  id: string;
  x: number;
  /** Relative to the step's lane, like Step.y. */
  y: number;
}

export interface LayoutInput {
  lanes: readonly Lane[];
  steps: readonly Step[];
  flows: readonly Flow[];
}

type Box = Pick<Step, 'x' | 'y' | 'kind'>;

/** The y that centres a step of `kind` on row `row` of its lane (row 0 is the middle of an empty lane). */
export function rowY(kind: StepKind, row: number): number {
  return Math.round(LANE_MIN_HEIGHT / 2 + row * ROW_PITCH - STEP_SIZE[kind].height / 2);
}

/** Where a step goes when its shape changes: same centre, so it does not jump (never above the lane's top margin). */
export function keepCentre(step: Box, kind: StepKind): { x: number; y: number } {
  const from = STEP_SIZE[step.kind];
  const to = STEP_SIZE[kind];
  return { x: Math.round(step.x + (from.width - to.width) / 2), y: Math.max(8, Math.round(step.y + (from.height - to.height) / 2)) };
}

export function boxesOverlap(a: Box, b: Box, clearance = CLEARANCE): boolean {
  const sa = STEP_SIZE[a.kind];
  const sb = STEP_SIZE[b.kind];
  return a.x < b.x + sb.width + clearance && b.x < a.x + sa.width + clearance && a.y < b.y + sb.height + clearance && b.y < a.y + sa.height + clearance;
}

function laneKey(step: Pick<Step, 'laneId'>, known: ReadonlySet<string>): string | null {
  return step.laneId && known.has(step.laneId) ? step.laneId : null;
}

function stepsInLane(view: Pick<LayoutInput, 'lanes' | 'steps'>, laneId: string | null, ignoreId?: string): Step[] {
  const known = new Set(view.lanes.map((l) => l.id));
  const key = laneId && known.has(laneId) ? laneId : null;
  return view.steps.filter((s) => s.id !== ignoreId && laneKey(s, known) === key);
}

/**
 * The nearest free spot for a step at (x, y) among `others` (all in the same lane): the same
 * x on the first row at or below y that is clear, so a new step never covers an existing one.
 */
export function freeSpot(others: readonly Box[], kind: StepKind, x: number, y: number): { x: number; y: number } {
  const candidate = { kind, x: Math.round(x), y: Math.max(8, Math.round(y)) };
  if (!others.some((o) => boxesOverlap(candidate, o))) return candidate;
  // Snap to the lane's rows, then walk down them: rows are far enough apart for any shape.
  let row = Math.max(0, Math.ceil((candidate.y + STEP_SIZE[kind].height / 2 - LANE_MIN_HEIGHT / 2) / ROW_PITCH));
  for (let tries = 0; tries < others.length + 2; tries++, row++) {
    const spot = { kind, x: candidate.x, y: rowY(kind, row) };
    if (!others.some((o) => boxesOverlap(spot, o))) return spot;
  }
  return { x: candidate.x, y: rowY(kind, row) };
}

/** Where a new step goes after `from`: right of it, in its lane, pushed right until it overlaps nothing. */
export function placeAfter(
  view: Pick<LayoutInput, 'lanes' | 'steps'>,
  from: Step | null,
  kind: StepKind,
): { laneId: string | null; x: number; y: number } {
  const size = STEP_SIZE[kind];
  const ordered = [...view.lanes].sort((a, b) => a.position - b.position);
  const laneId = from ? from.laneId : (ordered[0]?.id ?? null);
  const inLane = stepsInLane(view, laneId);
  let x: number;
  let y: number;
  if (from) {
    const fromSize = STEP_SIZE[from.kind];
    x = from.x + fromSize.width + STEP_GAP_X;
    y = Math.max(8, from.y + fromSize.height / 2 - size.height / 2);
  } else {
    x = inLane.reduce((max, s) => Math.max(max, s.x + STEP_SIZE[s.kind].width + STEP_GAP_X), FIRST_STEP_X);
    y = rowY(kind, 0);
  }
  const candidate = { kind, x: Math.round(x), y: Math.round(y) };
  while (inLane.some((s) => boxesOverlap(candidate, s))) candidate.x += size.width + STEP_GAP_X;
  return { laneId, x: candidate.x, y: candidate.y };
}

/** Where a new branch of `origin` goes: one column right of it, below the branches it already has. */
export function placeBranch(view: LayoutInput, origin: Step, kind: StepKind): { laneId: string | null; x: number; y: number } {
  const originSize = STEP_SIZE[origin.kind];
  const size = STEP_SIZE[kind];
  const x = origin.x + originSize.width + STEP_GAP_X;
  const y = origin.y + originSize.height / 2 - size.height / 2;
  return { laneId: origin.laneId, ...freeSpot(stepsInLane(view, origin.laneId), kind, x, y) };
}

/**
 * Places a chain of new steps left to right, one column each, starting at `startX`; each goes to
 * the free spot in its own lane, so a typed list becomes a laid-out laned flow. An item may
 * follow an earlier one other than the one before it (`from`, by index: a decision's branches
 * share the column after it); null starts at `startX`.
 */
export function placeChain(
  view: Pick<LayoutInput, 'lanes' | 'steps'>,
  items: readonly { laneId: string | null; kind: StepKind; from?: number | null }[],
  startX: number,
): { x: number; y: number }[] {
  const known = new Set(view.lanes.map((l) => l.id));
  const byLane = new Map<string | null, Box[]>();
  for (const s of view.steps) {
    const key = laneKey(s, known);
    byLane.set(key, [...(byLane.get(key) ?? []), s]);
  }
  const out: { x: number; y: number }[] = [];
  items.forEach((item, index) => {
    const fromIndex = item.from === undefined ? index - 1 : item.from;
    const before = fromIndex === null ? undefined : out[fromIndex];
    const beforeKind = fromIndex === null ? undefined : items[fromIndex]?.kind;
    const x = before && beforeKind ? before.x + STEP_SIZE[beforeKind].width + STEP_GAP_X : startX;
    const key = item.laneId && known.has(item.laneId) ? item.laneId : null;
    const others = byLane.get(key) ?? [];
    const spot = freeSpot(others, item.kind, x, rowY(item.kind, 0));
    others.push({ ...spot, kind: item.kind });
    byLane.set(key, others);
    out.push(spot);
  });
  return out;
}

/** The right edge of the rightmost step, or where the first step would go on an empty canvas. */
export function rightEdge(steps: readonly Box[]): number {
  return steps.reduce((max, s) => Math.max(max, s.x + STEP_SIZE[s.kind].width), FIRST_STEP_X - STEP_GAP_X);
}

/**
 * Stacks steps into rows inside their own lane given each step's x: steps whose columns would
 * touch share no row; the order hint decides who gets the upper row. This is what keeps a
 * layout inside the lanes, whatever computed the x.
 */
export function stackInLanes(input: LayoutInput, xs: ReadonlyMap<string, number>, order: ReadonlyMap<string, number>): Placement[] {
  const known = new Set(input.lanes.map((l) => l.id));
  const groups = new Map<string | null, Step[]>();
  for (const s of input.steps) {
    const key = laneKey(s, known);
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const placements: Placement[] = [];
  for (const steps of groups.values()) {
    const sorted = [...steps].sort((a, b) => (xs.get(a.id) ?? a.x) - (xs.get(b.id) ?? b.x) || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    const rowEnds: number[] = [];
    for (const s of sorted) {
      const x = Math.round(xs.get(s.id) ?? s.x);
      let row = rowEnds.findIndex((end) => end + CLEARANCE <= x);
      if (row === -1) {
        row = rowEnds.length;
        rowEnds.push(0);
      }
      rowEnds[row] = x + STEP_SIZE[s.kind].width;
      placements.push({ id: s.id, x, y: rowY(s.kind, row) });
    }
  }
  return placements;
}

/**
 * A plain layered layout without ELK: each step's column is its longest distance from a start
 * (loops ignored), columns as wide as their widest step. Used when ELK is unavailable or runs
 * out of time, so Tidy always gives a clean answer.
 */
export function layeredLayout(input: LayoutInput): Placement[] {
  const graph = flowGraph(input.steps, input.flows);
  const forward = withoutFlows(graph, backFlows(graph).backFlowIds);
  const column = new Map<string, number>(input.steps.map((s) => [s.id, 0]));
  for (const id of topologicalOrder(forward)) {
    for (const f of forward.out.get(id) ?? []) column.set(f.targetId, Math.max(column.get(f.targetId) ?? 0, (column.get(id) ?? 0) + 1));
  }
  const widths: number[] = [];
  for (const s of input.steps) {
    const c = column.get(s.id) ?? 0;
    widths[c] = Math.max(widths[c] ?? 0, STEP_SIZE[s.kind].width);
  }
  const lefts: number[] = [];
  let left = FIRST_STEP_X;
  for (let c = 0; c < widths.length; c++) {
    lefts[c] = left;
    left += (widths[c] ?? 0) + STEP_GAP_X;
  }
  const xs = new Map<string, number>();
  const order = new Map<string, number>();
  input.steps.forEach((s, index) => {
    const c = column.get(s.id) ?? 0;
    xs.set(s.id, (lefts[c] ?? FIRST_STEP_X) + ((widths[c] ?? 0) - STEP_SIZE[s.kind].width) / 2);
    order.set(s.id, index);
  });
  return stackInLanes(input, xs, order);
}

export const ELK_LAYOUT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.spacing.nodeNodeBetweenLayers': String(STEP_GAP_X + 8),
  'elk.spacing.nodeNode': '40',
  // Keep the order the consultant captured things in wherever the layout has a free choice.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  // elkGraph hands ELK a graph without loops; should one slip through, break it as a walk from the start would.
  'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
};

/**
 * The graph ELK lays out: steps as nodes with their real sizes, flows as edges. Pure data, posted
 * to the worker. The flows that close a loop (core/graph.ts, the ones the metrics count as rework)
 * go in reversed, so ELK keeps them going back instead of choosing its own: a branch added late
 * that joins an earlier step is still a forward flow. Only node positions are read back, so the
 * direction of an edge matters for nothing else.
 */
export function elkGraph(input: LayoutInput): ElkNode {
  const graph = flowGraph(input.steps, input.flows);
  const { backFlowIds } = backFlows(graph);
  const edges: ElkExtendedEdge[] = input.flows
    .filter((f) => graph.steps.has(f.sourceId) && graph.steps.has(f.targetId) && f.sourceId !== f.targetId)
    .map((f) => (backFlowIds.has(f.id) ? { id: f.id, sources: [f.targetId], targets: [f.sourceId] } : { id: f.id, sources: [f.sourceId], targets: [f.targetId] }));
  return {
    id: 'process',
    layoutOptions: ELK_LAYOUT_OPTIONS,
    children: input.steps.map((s) => ({ id: s.id, width: STEP_SIZE[s.kind].width, height: STEP_SIZE[s.kind].height })),
    edges,
  };
}

/**
 * Turns ELK's answer into lane-respecting positions: ELK decides the columns (x) and the order
 * within a column; y comes from the lane. ELK left-aligns a column; we centre each step in it.
 */
export function fromElk(input: LayoutInput, result: ElkNode): Placement[] {
  const placed = new Map((result.children ?? []).map((c) => [c.id, c]));
  const minX = [...placed.values()].reduce((min, c) => Math.min(min, c.x ?? 0), Infinity);
  const columnWidth = new Map<number, number>();
  for (const s of input.steps) {
    const x = placed.get(s.id)?.x;
    if (x === undefined) continue;
    columnWidth.set(x, Math.max(columnWidth.get(x) ?? 0, STEP_SIZE[s.kind].width));
  }
  const xs = new Map<string, number>();
  const order = new Map<string, number>();
  for (const s of input.steps) {
    const node = placed.get(s.id);
    if (node?.x === undefined) continue;
    const width = columnWidth.get(node.x) ?? STEP_SIZE[s.kind].width;
    xs.set(s.id, FIRST_STEP_X + node.x - minX + (width - STEP_SIZE[s.kind].width) / 2);
    order.set(s.id, (node.y ?? 0) + STEP_SIZE[s.kind].height / 2);
  }
  if (xs.size < input.steps.length) {
    // A step ELK did not return (should not happen) goes after everything rather than on top of something.
    let x = input.steps.reduce((max, s) => {
      const left = xs.get(s.id);
      return left === undefined ? max : Math.max(max, left + STEP_SIZE[s.kind].width + STEP_GAP_X);
    }, FIRST_STEP_X);
    for (const s of input.steps) {
      if (xs.has(s.id)) continue;
      xs.set(s.id, x);
      x += STEP_SIZE[s.kind].width + STEP_GAP_X;
    }
  }
  return stackInLanes(input, xs, order);
}

function rowsMeet(a: Box, b: Box): boolean {
  return a.y < b.y + STEP_SIZE[b.kind].height + CLEARANCE && b.y < a.y + STEP_SIZE[a.kind].height + CLEARANCE;
}

export interface SpliceRoom {
  laneId: string | null;
  x: number;
  y: number;
  /** Steps to move right, with their new places; empty when there was room already. */
  moves: Placement[];
}

/**
 * Room for a step spliced into the flow from `from` to `to`: it goes one column right of `from`,
 * in `from`'s lane and row unless `at` names another lane (a step dropped onto the flow where it
 * crosses that lane) and the row there. Every step that starts right of `from` (or, when `to`
 * sits below it in the same column, from `to`'s column on) then moves right by one and the same
 * distance, just enough for the new step to clear its row and for `to` (unless the flow goes
 * back along a loop) to come after it. One distance for all keeps the columns
 * as they were, so the map still reads in order without a Tidy. `view` leaves the new step out.
 */
export function spliceRoom(
  view: Pick<LayoutInput, 'lanes' | 'steps'>,
  from: Step,
  to: Step,
  kind: StepKind,
  at?: { laneId: string | null; y: number },
): SpliceRoom {
  const known = new Set(view.lanes.map((l) => l.id));
  const size = STEP_SIZE[kind];
  const fromSize = STEP_SIZE[from.kind];
  const laneId = at ? (at.laneId && known.has(at.laneId) ? at.laneId : null) : laneKey(from, known);
  const x = Math.round(from.x + fromSize.width + STEP_GAP_X);
  const wantedY = at ? at.y : from.y + fromSize.height / 2 - size.height / 2;
  // `to` lies ahead unless the flow goes back (a loop); then it stays where it is.
  const forward = to.id !== from.id && to.x >= from.x;
  const threshold = forward ? Math.min(from.x + fromSize.width, to.x) : from.x + fromSize.width;
  const following = view.steps.filter((s) => s.id !== from.id && s.x >= threshold);
  const ahead = new Set(following.map((s) => s.id));
  const inLane = view.steps.filter((s) => laneKey(s, known) === laneId);
  // The row: where wanted, unless a step that stays put is in the way there (those that move clear it).
  const { y } = freeSpot(inLane.filter((s) => !ahead.has(s.id)), kind, x, wantedY);
  const spot = { kind, x, y };
  const clearAt = x + size.width + STEP_GAP_X;
  let shift = 0;
  for (const s of following) {
    const blocks = (laneKey(s, known) === laneId && rowsMeet(spot, s)) || (forward && s.id === to.id);
    if (blocks) shift = Math.max(shift, clearAt - s.x);
  }
  const moves = shift > 0 ? following.map((s) => ({ id: s.id, x: s.x + shift, y: s.y })) : [];
  return { laneId, x, y, moves };
}
