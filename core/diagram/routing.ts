import { laneBands, STEP_SIZE, type LaneBand } from '../geometry';
import type { Lane, Step } from '../model';

/** Where steps are drawn and how flows run between them: orthogonal routes around the other steps. */

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function stepBox(step: Step, bandTop: number): Box {
  const size = STEP_SIZE[step.kind];
  return { x: step.x, y: bandTop + step.y, width: size.width, height: size.height };
}

/** Where each step is drawn, in canvas coordinates: lane band top plus the step's y within its lane. */
export function stepBoxes(lanes: readonly Lane[], steps: readonly Step[]): { bands: LaneBand[]; boxes: Map<string, Box> } {
  const bands = laneBands(lanes, steps);
  const known = new Set(lanes.map((l) => l.id));
  const top = new Map(bands.map((b) => [b.laneId, b.top]));
  const boxes = new Map<string, Box>();
  for (const step of steps) {
    const laneKey = step.laneId && known.has(step.laneId) ? step.laneId : null;
    boxes.set(step.id, stepBox(step, top.get(laneKey) ?? 0));
  }
  return { bands, boxes };
}

export interface Route {
  points: Point[];
  /** Where a flow label sits (text anchor point). */
  label: Point & { anchor: 'start' | 'middle' };
  /** Where markers on the flow sit. */
  middle: Point;
}

function jogRoute(s: Box, t: Box, jog: number): Route {
  const sRight = s.x + s.width;
  const sMidY = s.y + s.height / 2;
  const tMidY = t.y + t.height / 2;
  const points = [{ x: sRight, y: sMidY }, { x: jog, y: sMidY }, { x: jog, y: tMidY }, { x: t.x, y: tMidY }];
  const rise = tMidY - sMidY;
  // Beside the vertical run, a third of the way along, so the label reads with its own branch.
  const label = Math.abs(rise) >= 60 ? { x: jog + 6, y: sMidY + rise * 0.3 + 4, anchor: 'start' as const } : { x: sRight + 6, y: rise > 0 ? sMidY - 6 : sMidY + 15, anchor: 'start' as const };
  return { points, label, middle: { x: jog, y: sMidY + rise * 0.62 } };
}

/**
 * Orthogonal route candidates between two step boxes, best first by convention: forwards a flow
 * leaves the source on the right and enters the target on the left; stacked steps connect bottom
 * to top; a flow back to an earlier step (rework) runs under or over both, so loops stand out
 * instead of crossing the line they return to.
 */
function candidateRoutes(s: Box, t: Box): Route[] {
  if (s.x === t.x && s.y === t.y && s.width === t.width && s.height === t.height) {
    const right = s.x + s.width;
    const midY = s.y + s.height / 2;
    const over = s.y - 20;
    return [
      {
        points: [{ x: right, y: midY }, { x: right + 20, y: midY }, { x: right + 20, y: over }, { x: s.x + s.width / 2, y: over }, { x: s.x + s.width / 2, y: s.y }],
        label: { x: right + 24, y: over - 4, anchor: 'start' },
        middle: { x: right + 20, y: (midY + over) / 2 },
      },
    ];
  }
  const sRight = s.x + s.width;
  const sMidY = s.y + s.height / 2;
  const tMidY = t.y + t.height / 2;
  const sMidX = s.x + s.width / 2;
  const tMidX = t.x + t.width / 2;
  if (t.x >= sRight + 12) {
    if (Math.abs(sMidY - tMidY) < 1) {
      const straight = { points: [{ x: sRight, y: sMidY }, { x: t.x, y: tMidY }], label: { x: sRight + 6, y: sMidY - 6, anchor: 'start' as const }, middle: { x: (sRight + t.x) / 2, y: sMidY } };
      return [straight];
    }
    const gap = t.x - sRight;
    return [jogRoute(s, t, sRight + Math.min(gap / 2, 40)), jogRoute(s, t, t.x - Math.min(gap / 2, 32)), jogRoute(s, t, sRight + gap / 2)];
  }
  const overlapX = t.x < sRight && t.x + t.width > s.x;
  if (overlapX && (t.y >= s.y + s.height || t.y + t.height <= s.y)) {
    const below = t.y >= s.y + s.height;
    const start = { x: sMidX, y: below ? s.y + s.height : s.y };
    const end = { x: tMidX, y: below ? t.y : t.y + t.height };
    const midY = (start.y + end.y) / 2;
    const points = Math.abs(sMidX - tMidX) < 1 ? [start, end] : [start, { x: sMidX, y: midY }, { x: tMidX, y: midY }, end];
    return [{ points, label: { x: sMidX + 6, y: start.y + (below ? 16 : -8), anchor: 'start' }, middle: { x: (sMidX + tMidX) / 2, y: midY } }];
  }
  if (overlapX) {
    const start = { x: sMidX, y: sMidY };
    const end = { x: tMidX, y: tMidY };
    return [{ points: [start, end], label: { x: (sMidX + tMidX) / 2, y: (sMidY + tMidY) / 2 - 6, anchor: 'middle' }, middle: { x: (sMidX + tMidX) / 2, y: (sMidY + tMidY) / 2 } }];
  }
  const midX = (sMidX + tMidX) / 2;
  const under = Math.max(s.y + s.height, t.y + t.height) + 22;
  const over = Math.min(s.y, t.y) - 22;
  return [
    {
      points: [{ x: sMidX, y: s.y + s.height }, { x: sMidX, y: under }, { x: tMidX, y: under }, { x: tMidX, y: t.y + t.height }],
      label: { x: midX, y: under - 6, anchor: 'middle' },
      middle: { x: midX, y: under },
    },
    {
      points: [{ x: sMidX, y: s.y }, { x: sMidX, y: over }, { x: tMidX, y: over }, { x: tMidX, y: t.y }],
      label: { x: midX, y: over - 6, anchor: 'middle' },
      middle: { x: midX, y: over },
    },
  ];
}

function crossings(route: Route, obstacles: readonly Box[]): number {
  let count = 0;
  for (let i = 1; i < route.points.length; i++) {
    const a = route.points[i - 1] as Point;
    const b = route.points[i] as Point;
    const minX = Math.min(a.x, b.x);
    const maxX = Math.max(a.x, b.x);
    const minY = Math.min(a.y, b.y);
    const maxY = Math.max(a.y, b.y);
    for (const o of obstacles) if (maxX > o.x + 2 && minX < o.x + o.width - 2 && maxY > o.y + 2 && minY < o.y + o.height - 2) count++;
  }
  return count;
}

/** The candidate route that crosses the fewest other steps; ties go to the conventional one. */
export function routeFlow(s: Box, t: Box, obstacles: readonly Box[] = []): Route {
  const others = obstacles.filter((o) => o !== s && o !== t);
  let best: Route | null = null;
  let bestScore = Infinity;
  for (const candidate of candidateRoutes(s, t)) {
    const score = crossings(candidate, others);
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best as Route;
}
