import { BpmnModdle } from 'bpmn-moddle';
import ELK from 'elkjs/lib/elk.bundled.js';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { processToBpmn } from '../../core/bpmn';
import { renderDiagram } from '../../core/diagram';
import { defaultLaneY, LANE_HEADER_WIDTH, STEP_GAP_X, STEP_SIZE } from '../../core/geometry';
import { elkGraph, fromElk, layeredLayout, type Placement } from '../../core/layout';
import type { StepKind } from '../../core/model';
import { newRecord, type Flow, type Lane, type Step } from '../../core/records';
import {
  boxesMeet,
  isOrthogonal,
  roundedPath,
  routeProcess,
  routingInput,
  segmentBoxes,
  type AvoidApi,
  type Box,
  type FlowRoute,
  type Point,
  type RoutingInput,
} from '../../core/routing';
import { loadAvoid } from '../../main/report/routes';
import { seeded, generateEngagement } from '../bench/generate';
import { cleanTempDirs, newStore, processViewsOf } from '../helpers';
import { processViews, sampleStore } from '../reportFixtures';

/**
 * Flow routing, checked geometrically on the sample, on generated processes, on steps put anywhere,
 * and on the cases issue 12 names: no two flows share a segment, no flow runs through a step, every
 * label sits beside its own flow clear of everything else, and every output gets the same lines.
 */

afterEach(cleanTempDirs);

let avoid: AvoidApi;
beforeAll(async () => {
  avoid = await loadAvoid();
});

interface Drawn {
  lanes: Lane[];
  steps: Step[];
  flows: Flow[];
}

const EPS = 0.5;

function segments(points: readonly Point[]): { a: Point; b: Point; horizontal: boolean }[] {
  const out: { a: Point; b: Point; horizontal: boolean }[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    out.push({ a, b, horizontal: Math.abs(a.y - b.y) < EPS });
  }
  return out;
}

/** Overlap (in px) of two collinear segments; 0 when they are not on one line or only touch. */
function sharedLength(p: { a: Point; b: Point; horizontal: boolean }, q: { a: Point; b: Point; horizontal: boolean }): number {
  if (p.horizontal !== q.horizontal) return 0;
  if (p.horizontal && Math.abs(p.a.y - q.a.y) > EPS) return 0;
  if (!p.horizontal && Math.abs(p.a.x - q.a.x) > EPS) return 0;
  const [p0, p1] = p.horizontal ? [Math.min(p.a.x, p.b.x), Math.max(p.a.x, p.b.x)] : [Math.min(p.a.y, p.b.y), Math.max(p.a.y, p.b.y)];
  const [q0, q1] = q.horizontal ? [Math.min(q.a.x, q.b.x), Math.max(q.a.x, q.b.x)] : [Math.min(q.a.y, q.b.y), Math.max(q.a.y, q.b.y)];
  return Math.max(0, Math.min(p1, q1) - Math.max(p0, q0));
}

function shrink(box: Box, by: number): Box {
  return { x: box.x + by, y: box.y + by, width: Math.max(0, box.width - 2 * by), height: Math.max(0, box.height - 2 * by) };
}

function distance(box: Box, seg: Box): number {
  const dx = Math.max(0, seg.x - (box.x + box.width), box.x - (seg.x + seg.width));
  const dy = Math.max(0, seg.y - (box.y + box.height), box.y - (seg.y + seg.height));
  return Math.hypot(dx, dy);
}

function routeDistance(box: Box, points: readonly Point[]): number {
  return Math.min(...segmentBoxes(points).map((s) => distance(box, s)));
}

/** Every rule of issue 12's "unambiguous arrows", as a list of what breaks them (empty when none does). */
function problems(input: RoutingInput, routes: Record<string, FlowRoute>): string[] {
  const found: string[] = [];
  const areas = new Map(input.steps.map((s) => [s.id, s.area]));
  const boxes = new Map(input.steps.map((s) => [s.id, s.box]));
  for (const flow of input.flows) {
    const route = routes[flow.id];
    if (!route) {
      found.push(`${flow.id}: no route`);
      continue;
    }
    if (!isOrthogonal(route.points)) found.push(`${flow.id}: not orthogonal`);
    const start = route.points[0] as Point;
    const end = route.points[route.points.length - 1] as Point;
    const on = (p: Point, b: Box | undefined) => !!b && p.x >= b.x - EPS && p.x <= b.x + b.width + EPS && p.y >= b.y - EPS && p.y <= b.y + b.height + EPS;
    if (!on(start, boxes.get(flow.sourceId))) found.push(`${flow.id}: does not start at its source`);
    if (!on(end, boxes.get(flow.targetId))) found.push(`${flow.id}: does not end at its target`);
    // Through no step: only the first segment may be inside the source's area, only the last inside the target's.
    const segs = segmentBoxes(route.points);
    segs.forEach((seg, i) => {
      for (const [id, area] of areas) {
        if (id === flow.sourceId && i === 0) continue;
        if (id === flow.targetId && i === segs.length - 1) continue;
        if (flow.sourceId === flow.targetId && id === flow.sourceId) continue;
        if (boxesMeet(seg, shrink(area, 1))) found.push(`${flow.id}: segment ${i} runs through step ${id}`);
      }
    });
  }
  // No shared segments between two flows.
  const flows = input.flows.filter((f) => routes[f.id]);
  for (let i = 0; i < flows.length; i++) {
    for (let j = i + 1; j < flows.length; j++) {
      const a = flows[i] as RoutingInput['flows'][number];
      const b = flows[j] as RoutingInput['flows'][number];
      for (const p of segments(routes[a.id]?.points ?? [])) {
        for (const q of segments(routes[b.id]?.points ?? [])) {
          const shared = sharedLength(p, q);
          if (shared > 1) found.push(`${a.id} and ${b.id} share ${shared.toFixed(1)} px`);
        }
      }
    }
  }
  // Labels beside their own flow, near where it leaves, and clear of steps, other flows and other labels.
  const labelled = input.flows.filter((f) => f.label.trim() && routes[f.id]);
  for (const flow of labelled) {
    const route = routes[flow.id] as FlowRoute;
    const label = route.label;
    if (!label) {
      found.push(`${flow.id}: label "${flow.label}" not placed`);
      continue;
    }
    const own = routeDistance(label, route.points);
    if (own > 6) found.push(`${flow.id}: label ${own.toFixed(1)} px from its own flow`);
    for (const [id, area] of areas) if (boxesMeet(label, area)) found.push(`${flow.id}: label covers step ${id}`);
    for (const other of input.flows) {
      if (other.id === flow.id || !routes[other.id]) continue;
      const d = routeDistance(label, routes[other.id]?.points ?? []);
      if (d < 1) found.push(`${flow.id}: label touches flow ${other.id}`);
      if (d <= own) found.push(`${flow.id}: label as near flow ${other.id} as its own`);
      const otherLabel = routes[other.id]?.label;
      if (otherLabel && boxesMeet(label, otherLabel)) found.push(`${flow.id}: label overlaps the label of ${other.id}`);
    }
    // Its own line never runs through it.
    for (const seg of segmentBoxes(route.points)) if (boxesMeet(label, seg, -1)) found.push(`${flow.id}: own line runs through its label`);
    // Near the decision: beside one of the first three segments, not somewhere down the line.
    const nearest = segmentBoxes(route.points).findIndex((s) => distance(label, s) === own);
    if (nearest > 2) found.push(`${flow.id}: label beside segment ${nearest}, far from its source`);
  }
  return found;
}

function routed(view: Drawn): { input: RoutingInput; routes: Record<string, FlowRoute> } {
  const input = routingInput(view);
  return { input, routes: routeProcess(avoid, input) };
}

// A tiny process builder for the cases the issue names.
function lane(id: string, position: number, name = id): Lane {
  return newRecord('lanes', { id, processId: 'p', name, kind: 'role', color: '#888888', position });
}
function step(id: string, laneId: string, kind: StepKind, column: number, row = 0, text = id): Step {
  const size = STEP_SIZE[kind];
  return newRecord('steps', {
    id,
    processId: 'p',
    laneId,
    kind,
    text,
    x: LANE_HEADER_WIDTH + 48 + column * (STEP_SIZE.activity.width + STEP_GAP_X) + (STEP_SIZE.activity.width - size.width) / 2,
    y: defaultLaneY(kind) + row * 136,
  });
}
function flow(id: string, sourceId: string, targetId: string, label = ''): Flow {
  return newRecord('flows', { id, processId: 'p', sourceId, targetId, label });
}

describe('routing the sample and generated processes', () => {
  it('routes every sample process with no shared segment, no flow through a step and every label beside its own flow', () => {
    const store = sampleStore();
    const views = processViews(store);
    store.close();
    for (const view of views) {
      const { input, routes } = routed(view);
      expect(Object.keys(routes).sort()).toEqual(view.flows.map((f) => f.id).sort());
      expect(problems(input, routes)).toEqual([]);
    }
  });

  it('routes generated processes (decisions whose branches rejoin, every lane used) cleanly', () => {
    const store = newStore();
    generateEngagement(store, { processes: 4, stepsPerProcess: [12, 40, 60, 90], lanes: 5, painPoints: 0, people: 0, seed: 7 });
    const views = processViewsOf(store.db);
    store.close();
    for (const view of views) {
      const { input, routes } = routed(view);
      expect(problems(input, routes)).toEqual([]);
    }
  });

  it('routes the sample after Tidy (ELK, and the built-in layout it falls back to) and with steps dragged anywhere', async () => {
    const store = sampleStore();
    const views = processViews(store);
    store.close();
    const moved = (view: Drawn, placements: Placement[]): Drawn => {
      const places = new Map(placements.map((p) => [p.id, p]));
      return { ...view, steps: view.steps.map((s) => ({ ...s, ...(places.get(s.id) ?? {}) })) };
    };
    for (const view of views) {
      for (const placements of [layeredLayout(view), fromElk(view, await new ELK().layout(elkGraph(view)))]) {
        const tidy = routed(moved(view, placements));
        expect(problems(tidy.input, tidy.routes)).toEqual([]);
      }
    }
    // Steps scattered by hand: random places in random lanes, never closer than the canvas's clearance.
    for (const seed of [1, 2, 3]) {
      const random = seeded(seed);
      const view = views[1] as Drawn;
      const placed: Step[] = [];
      for (const s of view.steps) {
        const laneId = view.lanes[Math.floor(random() * view.lanes.length)]?.id ?? null;
        let candidate: Step = s;
        for (let tries = 0; tries < 200; tries++) {
          candidate = { ...s, laneId, x: Math.round(LANE_HEADER_WIDTH + 40 + random() * 3000), y: Math.round(8 + random() * 260) };
          const mine = candidate;
          const clash = placed.some((o) => o.laneId === mine.laneId && Math.abs(o.x + STEP_SIZE[o.kind].width / 2 - (mine.x + STEP_SIZE[mine.kind].width / 2)) < (STEP_SIZE[o.kind].width + STEP_SIZE[mine.kind].width) / 2 + 40 && Math.abs(o.y + STEP_SIZE[o.kind].height / 2 - (mine.y + STEP_SIZE[mine.kind].height / 2)) < (STEP_SIZE[o.kind].height + STEP_SIZE[mine.kind].height) / 2 + 40);
          if (!clash) break;
        }
        placed.push(candidate);
      }
      const scattered = routed({ ...view, steps: placed });
      expect(problems(scattered.input, scattered.routes)).toEqual([]);
    }
  });
});

describe('the checks themselves', () => {
  it('catch a shared segment, a flow through a step and a label on another flow', () => {
    const view: Drawn = {
      lanes: [lane('a', 0)],
      steps: [step('p', 'a', 'activity', 0), step('q', 'a', 'activity', 1), step('r', 'a', 'activity', 2)],
      flows: [flow('pq', 'p', 'q', 'Yes'), flow('pr', 'p', 'r')],
    };
    const input = routingInput(view);
    const [p, q, r] = input.steps.map((s) => s.box) as [Box, Box, Box];
    const y = p.y + p.height / 2;
    const bad: Record<string, FlowRoute> = {
      pq: { points: [{ x: p.x + p.width, y }, { x: q.x, y }], label: { x: p.x + p.width + 4, y: y - 8, width: 30, height: 16, text: 'Yes' }, middle: { x: 0, y: 0 } },
      // Straight through q, along the same line as pq.
      pr: { points: [{ x: p.x + p.width, y }, { x: r.x, y }], label: null, middle: { x: 0, y: 0 } },
    };
    const found = problems(input, bad);
    expect(found.some((m) => m.includes('share'))).toBe(true);
    expect(found.some((m) => m.includes('runs through step q'))).toBe(true);
    expect(found.some((m) => m.includes('label touches flow pr') || m.includes('own line runs through its label'))).toBe(true);
  });
});

describe('the cases issue 12 names', () => {
  it('a decision whose No goes back: each label beside its own branch, not where the other turns', () => {
    const view: Drawn = {
      lanes: [lane('desk', 0), lane('user', 1)],
      steps: [step('s', 'desk', 'start', 0), step('ask', 'desk', 'activity', 1), step('ok', 'desk', 'decision', 2, 0, 'Logged in OK?'), step('close', 'desk', 'activity', 3), step('visit', 'user', 'activity', 3), step('e', 'desk', 'end', 4)],
      flows: [flow('f1', 's', 'ask'), flow('f2', 'ask', 'ok'), flow('yes', 'ok', 'close', 'Yes'), flow('no', 'ok', 'visit', 'No'), flow('back', 'visit', 'ask'), flow('f3', 'close', 'e')],
    };
    const { input, routes } = routed(view);
    expect(problems(input, routes)).toEqual([]);
    expect(input.backFlowIds).toEqual(['back']);
    // Yes and No leave the diamond from different corners.
    expect(routes['yes']?.points[0]).not.toEqual(routes['no']?.points[0]);
  });

  it('"Verified" and "Not verified" leave by different corners, and neither label strikes through the other', () => {
    const view: Drawn = {
      lanes: [lane('emp', 0), lane('desk', 1)],
      steps: [step('q', 'desk', 'activity', 0), step('v', 'desk', 'decision', 1, 0, 'Identity verified?'), step('hr', 'desk', 'activity', 2), step('mgr', 'emp', 'activity', 2), step('wait', 'emp', 'wait', 3)],
      flows: [flow('in', 'q', 'v'), flow('ok', 'v', 'hr', 'Verified'), flow('nok', 'v', 'mgr', 'Not verified'), flow('m', 'mgr', 'wait'), flow('loop', 'wait', 'q')],
    };
    const { input, routes } = routed(view);
    expect(problems(input, routes)).toEqual([]);
    const ok = routes['ok']?.label as Box;
    const nok = routes['nok']?.label as Box;
    expect(boxesMeet(ok, nok, 4)).toBe(false);
  });

  it('a decision with three branches, a step joined from four sides, and a flow from a step to itself', () => {
    const view: Drawn = {
      lanes: [lane('a', 0), lane('b', 1)],
      steps: [
        step('d', 'a', 'decision', 0, 0, 'Which?'),
        step('x', 'a', 'activity', 1, 0),
        step('y', 'a', 'activity', 1, 1),
        step('z', 'b', 'activity', 1, 0),
        step('j', 'a', 'activity', 2, 0, 'Join'),
        step('k', 'b', 'activity', 3, 0),
      ],
      flows: [
        flow('dx', 'd', 'x', 'One'),
        flow('dy', 'd', 'y', 'Two'),
        flow('dz', 'd', 'z', 'Three'),
        flow('xj', 'x', 'j'),
        flow('yj', 'y', 'j'),
        flow('zj', 'z', 'j'),
        flow('kj', 'k', 'j'),
        flow('jk', 'j', 'k'),
        flow('self', 'x', 'x', 'Again'),
      ],
    };
    const { input, routes } = routed(view);
    expect(problems(input, routes)).toEqual([]);
    const ends = ['xj', 'yj', 'zj', 'kj'].map((id) => JSON.stringify(routes[id]?.points.at(-1)));
    expect(new Set(ends).size).toBe(4);
  });
});

describe('one computation for every output', () => {
  it('is deterministic, and unchanged by the trip to the worker (structured clone)', () => {
    const store = sampleStore();
    const views = processViews(store);
    store.close();
    for (const view of views) {
      const input = routingInput(view);
      const first = routeProcess(avoid, input);
      expect(routeProcess(avoid, structuredClone(input))).toEqual(first);
      expect(JSON.stringify(routeProcess(avoid, routingInput(view)))).toBe(JSON.stringify(first));
    }
  });

  it('draws the same lines in the SVG (the canvas path strings) and the same waypoints and label boxes in BPMN DI', async () => {
    const store = sampleStore();
    const views = processViews(store);
    store.close();
    for (const view of views) {
      const routes = routeProcess(avoid, routingInput(view));
      const { svg } = renderDiagram({ ...view, routes });
      for (const f of view.flows) {
        const route = routes[f.id] as FlowRoute;
        // The canvas draws roundedPath(route.points); the SVG holds the very same string.
        expect(svg).toContain(`<path d="${roundedPath(route.points)}" fill="none"`);
      }
      const moddle = new BpmnModdle();
      const { rootElement, warnings } = await moddle.fromXML(processToBpmn({ ...view, routes, avoid }));
      expect(warnings).toEqual([]);
      type DiEdge = { $type: string; bpmnElement: { id: string; name?: string; sourceRef: { id: string }; targetRef: { id: string } }; waypoint: Point[]; label?: { bounds: Box } };
      const plane = (rootElement as unknown as { diagrams: { plane: { planeElement: DiEdge[] } }[] }).diagrams[0]?.plane.planeElement ?? [];
      let compared = 0;
      for (const f of view.flows) {
        const route = routes[f.id] as FlowRoute;
        const edge = plane.find((e) => e.$type === 'bpmndi:BPMNEdge' && e.bpmnElement.id === `Flow_${f.id}`) as DiEdge;
        // A flow that BPMN runs through a gateway the export adds (core/bpmn.ts) is routed to and from that gateway instead.
        if (edge.bpmnElement.sourceRef.id.startsWith('Gateway_') || edge.bpmnElement.targetRef.id.startsWith('Gateway_')) continue;
        compared++;
        const waypoints = edge.waypoint.map((p) => ({ x: p.x, y: p.y }));
        expect(waypoints).toHaveLength(route.points.length);
        // Every bend is the same point; the two ends lie on the same line, moved onto BPMN's smaller event and gateway shapes.
        expect(waypoints.slice(1, -1)).toEqual(route.points.slice(1, -1));
        for (const [end, next, mine] of [
          [waypoints[0], waypoints[1], route.points[0]],
          [waypoints.at(-1), waypoints.at(-2), route.points.at(-1)],
        ] as [Point, Point, Point][]) {
          expect(end.x === mine.x || end.y === mine.y).toBe(true);
          expect(end.x === next.x || end.y === next.y).toBe(true);
        }
        // A label is drawn in BPMN where it is the flow's name (an answer to a decision).
        if (route.label && edge.bpmnElement.name) {
          const b = edge.label?.bounds as Box;
          expect({ x: b.x, y: b.y, width: b.width, height: b.height }).toEqual({ x: route.label.x, y: route.label.y, width: route.label.width, height: route.label.height });
        }
      }
      expect(compared).toBeGreaterThan(view.flows.length / 2);
    }
  });
});
