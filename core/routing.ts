import { flowGraph, backFlows } from './graph';
import { laneBands, STEP_SIZE, type LaneBand } from './geometry';
import type { Flow, Lane, Step, StepKind } from './model';
import { textWidth, wrapText } from './diagram/text';

/**
 * How flows run between steps, computed once for every output: the canvas (in a Web Worker), the
 * SVG and PNG exports, the report's figures and BPMN DI all draw these points and label boxes.
 *
 * Why libavoid and not ELK: steps stay where the consultant put them (or where Tidy put them, which
 * is ELK's columns but the lanes' rows), and ELK layered only routes edges for node positions it
 * computes itself. Its interactive strategies keep y but recompute x (on the sample, 22 of 23
 * steps moved, up to 604 px), and ELK's router for fixed positions is its libavoid integration,
 * which elkjs does not ship (elk#315). libavoid-js is that same libavoid (Monash's orthogonal
 * object-avoiding router, as used by Inkscape and Dunnart) compiled to WebAssembly: it routes
 * around every step at any positions and nudges flows apart so no two share a segment.
 *
 * This module is pure: it takes the loaded library (`AvoidApi`) as an argument. main/ loads the
 * Node build, the renderer's routing worker the browser build; the same WebAssembly on the same
 * input gives the same lines.
 */

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

/** A flow's label as drawn: one line of bold 12 px text centred in this box. */
export interface LabelBox extends Box {
  text: string;
}

export interface FlowRoute {
  /** From the source's outline to the target's outline; every segment horizontal or vertical. */
  points: Point[];
  label: LabelBox | null;
  /** Halfway along the route, where markers on the flow sit. */
  middle: Point;
}

export type Routes = Readonly<Record<string, FlowRoute>>;

export interface RoutingStep {
  id: string;
  kind: StepKind;
  /** The shape, in canvas coordinates. */
  box: Box;
  /** What flows keep clear of: the shape, plus the text under a start or end event. */
  area: Box;
}

export interface RoutingFlow {
  id: string;
  sourceId: string;
  targetId: string;
  label: string;
}

/** Everything routing reads: plain data, posted as is to the renderer's worker. */
export interface RoutingInput {
  steps: RoutingStep[];
  flows: RoutingFlow[];
  /** Flows that close a loop (core/graph.ts): routed after the others, so the main path gets the natural sides. */
  backFlowIds: string[];
}

export const LABEL_FONT = 12;
export const LABEL_MAX_WIDTH = 150;
const LABEL_PAD_X = 4;
const LABEL_HEIGHT = 16;
/** Start and end events carry their text below the circle, up to this wide, in up to three lines of 12 px. */
export const EVENT_LABEL_WIDTH = 140;
export const EVENT_LABEL_LINES = 3;
const EVENT_LABEL_GAP = 4;

/** How far flows keep from steps, and how far apart libavoid spaces flows that share a channel. */
const SHAPE_BUFFER = 12;
const NUDGE_DISTANCE = 10;
/** A bend costs as much as this much length: routes with fewer bends win over slightly shorter ones. */
const SEGMENT_PENALTY = 50;
/** Leaving or entering at the top or bottom costs this much more than at the sides, so flows read left to right. */
const VERTICAL_SIDE_COST = 100;
/** Extra sides (used only when a step has more flows than main sides) cost a little more than the main ones. */
const EXTRA_PIN_COST = 10;

export function stepBox(step: Pick<Step, 'kind' | 'x' | 'y'>, bandTop: number): Box {
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

/** The text under a start or end event, as every output wraps it. */
export function eventLabelLines(step: Pick<Step, 'kind' | 'text'>): string[] {
  const text = step.text || (step.kind === 'end' ? 'End' : 'Start');
  return wrapText(text, EVENT_LABEL_WIDTH, 12, EVENT_LABEL_LINES).lines;
}

function stepArea(step: Pick<Step, 'kind' | 'text'>, box: Box): Box {
  if (step.kind !== 'start' && step.kind !== 'end') return box;
  const lines = eventLabelLines(step).length;
  const width = Math.max(box.width, EVENT_LABEL_WIDTH);
  return { x: box.x + (box.width - width) / 2, y: box.y, width, height: box.height + EVENT_LABEL_GAP + lines * 15 };
}

/** The routing input of a process as drawn: the same function for the canvas and for every export. */
export function routingInput(view: { lanes: readonly Lane[]; steps: readonly Step[]; flows: readonly Flow[] }): RoutingInput {
  const { boxes } = stepBoxes(view.lanes, view.steps);
  const steps: RoutingStep[] = [];
  for (const step of view.steps) {
    const box = boxes.get(step.id);
    if (box) steps.push({ id: step.id, kind: step.kind, box, area: stepArea(step, box) });
  }
  const ids = new Set(steps.map((s) => s.id));
  const flows = view.flows
    .filter((f) => ids.has(f.sourceId) && ids.has(f.targetId))
    .map((f) => ({ id: f.id, sourceId: f.sourceId, targetId: f.targetId, label: f.label }));
  const { backFlowIds } = backFlows(flowGraph(view.steps, flows));
  return { steps, flows, backFlowIds: flows.filter((f) => backFlowIds.has(f.id)).map((f) => f.id) };
}

// ---------------------------------------------------------------------------------------------
// The part of libavoid-js this module uses. The package's own typings are mostly `any`.

export interface AvoidObject {
  readonly __avoidObject?: never;
}
interface AvoidPoint extends AvoidObject {
  x: number;
  y: number;
}
interface AvoidRouter extends AvoidObject {
  setRoutingParameter(parameter: number, value: number): void;
  setRoutingOption(option: number, value: boolean): void;
  processTransaction(): void;
}
interface AvoidShape extends AvoidObject {
  readonly __shape?: never;
}
interface AvoidPin extends AvoidObject {
  setExclusive(exclusive: boolean): void;
  setConnectionCost(cost: number): void;
}
interface AvoidPolyLine extends AvoidObject {
  size(): number;
  get_ps(index: number): AvoidPoint;
}
interface AvoidConnector extends AvoidObject {
  setRoutingType(type: number): void;
  displayRoute(): AvoidPolyLine;
}

export interface AvoidApi {
  Router: new (flags: number) => AvoidRouter;
  Point: new (x: number, y: number) => AvoidPoint;
  Rectangle: new (topLeft: AvoidPoint, bottomRight: AvoidPoint) => AvoidObject;
  ShapeRef: new (router: AvoidRouter, polygon: AvoidObject) => AvoidShape;
  ShapeConnectionPin: new (shape: AvoidShape, classId: number, x: number, y: number, proportional: boolean, insideOffset: number, directions: number) => AvoidPin;
  ConnEnd: new (shape: AvoidShape, classId: number) => AvoidObject;
  ConnRef: new (router: AvoidRouter, source: AvoidObject, target: AvoidObject) => AvoidConnector;
  destroy(object: AvoidObject): void;
  OrthogonalRouting: number;
  ConnType_Orthogonal: number;
  ConnDirUp: number;
  ConnDirDown: number;
  ConnDirLeft: number;
  ConnDirRight: number;
  shapeBufferDistance: number;
  idealNudgingDistance: number;
  segmentPenalty: number;
  nudgeOrthogonalSegmentsConnectedToShapes: number;
  nudgeSharedPathsWithCommonEndPoint: number;
  penaliseOrthogonalSharedPathsAtConnEnds: number;
}

// ---------------------------------------------------------------------------------------------
// Where flows attach: pins on each shape's outline.

type Side = 'left' | 'right' | 'top' | 'bottom';

interface PinSpec {
  /** Offset from the area's top-left corner. */
  dx: number;
  dy: number;
  side: Side;
  cost: number;
}

/**
 * A point on the shape's outline on the given side: `t` = 0.5 is the middle of a rectangle's side,
 * a diamond's corner or a circle's quarter point; other values move along the outline towards the
 * neighbouring corner (0 towards the top or left, 1 towards the bottom or right).
 */
function outlinePoint(kind: StepKind, box: Box, side: Side, t: number): Point {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const hw = box.width / 2;
  const hh = box.height / 2;
  const off = t - 0.5;
  if (kind === 'decision') {
    // Along the diamond's edge, a fraction |off| of the way to the next corner.
    const u = Math.abs(off);
    const sign = Math.sign(off);
    if (side === 'left') return { x: cx - hw * (1 - u), y: cy + sign * hh * u };
    if (side === 'right') return { x: cx + hw * (1 - u), y: cy + sign * hh * u };
    if (side === 'top') return { x: cx + sign * hw * u, y: cy - hh * (1 - u) };
    return { x: cx + sign * hw * u, y: cy + hh * (1 - u) };
  }
  if (kind === 'start' || kind === 'end') {
    const angle = (off * Math.PI) / 2;
    const along = Math.cos(angle);
    const across = Math.sin(angle);
    if (side === 'left') return { x: cx - hw * along, y: cy + hh * across };
    if (side === 'right') return { x: cx + hw * along, y: cy + hh * across };
    if (side === 'top') return { x: cx + hw * across, y: cy - hh * along };
    return { x: cx + hw * across, y: cy + hh * along };
  }
  if (side === 'left') return { x: box.x, y: box.y + t * box.height };
  if (side === 'right') return { x: box.x + box.width, y: box.y + t * box.height };
  if (side === 'top') return { x: box.x + t * box.width, y: box.y };
  return { x: box.x + t * box.width, y: box.y + box.height };
}

/**
 * The pins of one step: the middle of each side (the corners of a diamond, the quarter points of a
 * circle) and, for a step with more flows than that, points either side of them. A start or end
 * event has no bottom pin: its text is there.
 */
function pinsOf(step: RoutingStep, degree: number): PinSpec[] {
  const sides: Side[] = step.kind === 'start' || step.kind === 'end' ? ['left', 'right', 'top'] : ['left', 'right', 'top', 'bottom'];
  const offsets = degree > sides.length ? [0.5, 0.3, 0.7] : [0.5];
  const pins: PinSpec[] = [];
  offsets.forEach((t, i) => {
    for (const side of sides) {
      const p = outlinePoint(step.kind, step.box, side, t);
      const cost = (side === 'top' || side === 'bottom' ? VERTICAL_SIDE_COST : 0) + (i > 0 ? EXTRA_PIN_COST : 0);
      pins.push({ dx: p.x - step.area.x, dy: p.y - step.area.y, side, cost });
    }
  });
  return pins;
}

/** A flow from a step to itself leaves on the right and comes back in at the top, near the corner. */
function selfLoopPins(step: RoutingStep): [PinSpec, PinSpec] {
  const out = outlinePoint(step.kind, step.box, 'right', 0.25);
  const back = outlinePoint(step.kind, step.box, 'top', 0.75);
  return [
    { dx: out.x - step.area.x, dy: out.y - step.area.y, side: 'right', cost: 0 },
    { dx: back.x - step.area.x, dy: back.y - step.area.y, side: 'top', cost: 0 },
  ];
}

// ---------------------------------------------------------------------------------------------
// Geometry helpers shared by the label placement, the outputs and the tests.

const EPSILON = 0.01;

function snap(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Drops repeated points and points in the middle of a straight run. */
export function simplify(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - p.x) < EPSILON && Math.abs(last.y - p.y) < EPSILON) continue;
    const before = out[out.length - 2];
    if (before && last && ((Math.abs(before.x - last.x) < EPSILON && Math.abs(last.x - p.x) < EPSILON) || (Math.abs(before.y - last.y) < EPSILON && Math.abs(last.y - p.y) < EPSILON))) {
      out[out.length - 1] = p;
      continue;
    }
    out.push(p);
  }
  return out;
}

export function isOrthogonal(points: readonly Point[]): boolean {
  if (points.length < 2) return false;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    if (Math.abs(a.x - b.x) > EPSILON && Math.abs(a.y - b.y) > EPSILON) return false;
  }
  return true;
}

export function routeLength(points: readonly Point[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += Math.abs((points[i] as Point).x - (points[i - 1] as Point).x) + Math.abs((points[i] as Point).y - (points[i - 1] as Point).y);
  return total;
}

/** The point `distance` along the route from its start. */
export function pointAlong(points: readonly Point[], distance: number): Point {
  let left = distance;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    const length = Math.abs(b.x - a.x) + Math.abs(b.y - a.y);
    if (left <= length && length > 0) {
      const f = left / length;
      return { x: snap(a.x + (b.x - a.x) * f), y: snap(a.y + (b.y - a.y) * f) };
    }
    left -= length;
  }
  return points[points.length - 1] ?? { x: 0, y: 0 };
}

/** The segments of a route as boxes (zero width or height), for collision tests. */
export function segmentBoxes(points: readonly Point[]): Box[] {
  const out: Box[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    out.push({ x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(b.x - a.x), height: Math.abs(b.y - a.y) });
  }
  return out;
}

/** Whether two boxes overlap by more than `slack` (negative slack: come closer than -slack). */
export function boxesMeet(a: Box, b: Box, slack = 0): boolean {
  return a.x < b.x + b.width + slack && b.x < a.x + a.width + slack && a.y < b.y + b.height + slack && b.y < a.y + a.height + slack;
}

/**
 * An SVG path through the points with rounded corners (radius up to `radius`, never more than half
 * of either segment at a corner). The canvas and the SVG draw this same string.
 */
export function roundedPath(points: readonly Point[], radius = 8): string {
  const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));
  const first = points[0];
  if (!first) return '';
  let d = `M${fmt(first.x)} ${fmt(first.y)}`;
  for (let i = 1; i < points.length; i++) {
    const p = points[i] as Point;
    const next = points[i + 1];
    if (!next) {
      d += `L${fmt(p.x)} ${fmt(p.y)}`;
      break;
    }
    const prev = points[i - 1] as Point;
    const inLength = Math.abs(p.x - prev.x) + Math.abs(p.y - prev.y);
    const outLength = Math.abs(next.x - p.x) + Math.abs(next.y - p.y);
    const r = Math.min(radius, inLength / 2, outLength / 2);
    const ux = Math.sign(p.x - prev.x);
    const uy = Math.sign(p.y - prev.y);
    const vx = Math.sign(next.x - p.x);
    const vy = Math.sign(next.y - p.y);
    d += `L${fmt(snap(p.x - ux * r))} ${fmt(snap(p.y - uy * r))}Q${fmt(p.x)} ${fmt(p.y)} ${fmt(snap(p.x + vx * r))} ${fmt(snap(p.y + vy * r))}`;
  }
  return d;
}

// ---------------------------------------------------------------------------------------------
// Routing.

/** A plain elbow between two boxes: for a flow libavoid could not route, and on the canvas mid-drag. */
export function elbowRoute(s: Box, t: Box): Point[] {
  const start = { x: s.x + s.width, y: s.y + s.height / 2 };
  const end = { x: t.x, y: t.y + t.height / 2 };
  const midX = snap((start.x + end.x) / 2);
  return simplify([start, { x: midX, y: start.y }, { x: midX, y: end.y }, end]);
}

/**
 * The order flows are routed in: libavoid hands out pins greedily, so the main path (forward
 * flows, cheapest first: a flow straight across to an aligned step gets the sides facing it) goes
 * before the loops, which take the sides left over.
 */
function routingOrder(input: RoutingInput, byId: ReadonlyMap<string, RoutingStep>): RoutingFlow[] {
  const back = new Set(input.backFlowIds);
  const estimate = (f: RoutingFlow): number => {
    const s = byId.get(f.sourceId)?.box;
    const t = byId.get(f.targetId)?.box;
    if (!s || !t) return 0;
    const dx = t.x + t.width / 2 - (s.x + s.width / 2);
    const dy = t.y + t.height / 2 - (s.y + s.height / 2);
    return Math.abs(dx) + Math.abs(dy) + (Math.abs(dx) > 1 && Math.abs(dy) > 1 ? 2 * SEGMENT_PENALTY : 0);
  };
  const index = new Map(input.flows.map((f, i) => [f.id, i]));
  return [...input.flows].sort((a, b) => Number(back.has(a.id)) - Number(back.has(b.id)) || estimate(a) - estimate(b) || (index.get(a.id) ?? 0) - (index.get(b.id) ?? 0));
}

function rawRoutes(avoid: AvoidApi, input: RoutingInput): Map<string, Point[]> {
  const byId = new Map(input.steps.map((s) => [s.id, s]));
  const degree = new Map<string, number>();
  for (const f of input.flows) {
    if (f.sourceId === f.targetId) continue;
    degree.set(f.sourceId, (degree.get(f.sourceId) ?? 0) + 1);
    degree.set(f.targetId, (degree.get(f.targetId) ?? 0) + 1);
  }
  const temporaries: AvoidObject[] = [];
  const keep = <T extends AvoidObject>(object: T): T => {
    temporaries.push(object);
    return object;
  };
  const router = new avoid.Router(avoid.OrthogonalRouting);
  try {
    router.setRoutingParameter(avoid.shapeBufferDistance, SHAPE_BUFFER);
    router.setRoutingParameter(avoid.idealNudgingDistance, NUDGE_DISTANCE);
    router.setRoutingParameter(avoid.segmentPenalty, SEGMENT_PENALTY);
    router.setRoutingOption(avoid.nudgeOrthogonalSegmentsConnectedToShapes, true);
    router.setRoutingOption(avoid.nudgeSharedPathsWithCommonEndPoint, true);
    router.setRoutingOption(avoid.penaliseOrthogonalSharedPathsAtConnEnds, true);
    const direction: Record<Side, number> = { left: avoid.ConnDirLeft, right: avoid.ConnDirRight, top: avoid.ConnDirUp, bottom: avoid.ConnDirDown };
    const shapes = new Map<string, AvoidShape>();
    const addPin = (shape: AvoidShape, classId: number, pin: PinSpec, exclusive: boolean) => {
      const made = new avoid.ShapeConnectionPin(shape, classId, pin.dx, pin.dy, false, 0, direction[pin.side]);
      made.setExclusive(exclusive);
      if (pin.cost) made.setConnectionCost(pin.cost);
    };
    for (const step of input.steps) {
      const a = step.area;
      const rect = keep(new avoid.Rectangle(keep(new avoid.Point(a.x, a.y)), keep(new avoid.Point(a.x + a.width, a.y + a.height))));
      const shape = new avoid.ShapeRef(router, rect);
      shapes.set(step.id, shape);
      const pins = pinsOf(step, degree.get(step.id) ?? 0);
      // More flows than pins (a step joined by many): they share, rather than one going unrouted.
      const exclusive = (degree.get(step.id) ?? 0) <= pins.length;
      for (const pin of pins) addPin(shape, 1, pin, exclusive);
      if (input.flows.some((f) => f.sourceId === step.id && f.targetId === step.id)) {
        const [out, back] = selfLoopPins(step);
        addPin(shape, 2, out, false);
        addPin(shape, 3, back, false);
      }
    }
    const connectors: [string, AvoidConnector][] = [];
    // libavoid routes the connector made last first.
    for (const flow of routingOrder(input, byId).reverse()) {
      const source = shapes.get(flow.sourceId);
      const target = shapes.get(flow.targetId);
      if (!source || !target) continue;
      const loop = flow.sourceId === flow.targetId;
      const connector = new avoid.ConnRef(router, keep(new avoid.ConnEnd(source, loop ? 2 : 1)), keep(new avoid.ConnEnd(target, loop ? 3 : 1)));
      connector.setRoutingType(avoid.ConnType_Orthogonal);
      connectors.push([flow.id, connector]);
    }
    router.processTransaction();
    const out = new Map<string, Point[]>();
    for (const [id, connector] of connectors) {
      const line = connector.displayRoute();
      const points: Point[] = [];
      for (let i = 0; i < line.size(); i++) {
        const p = line.get_ps(i);
        points.push({ x: snap(p.x), y: snap(p.y) });
      }
      out.set(id, simplify(points));
    }
    return out;
  } finally {
    // The router owns its shapes, pins and connectors; what was made only to hand over is freed here.
    avoid.destroy(router);
    for (const object of temporaries) avoid.destroy(object);
  }
}

// ---------------------------------------------------------------------------------------------
// Labels: beside their own flow, near where it leaves the step, clear of everything else.

/** How far another flow must stay from a label: twice the distance between a label and its own flow. */
const OTHER_FLOW_CLEARANCE = 6;

function labelCandidates(points: readonly Point[], width: number, height: number): { box: Box; score: number }[] {
  const out: { box: Box; score: number }[] = [];
  const gap = 3;
  const margin = 6;
  for (let i = 1; i < points.length && i <= 3; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    const horizontal = Math.abs(a.y - b.y) < EPSILON;
    const length = Math.abs(b.x - a.x) + Math.abs(b.y - a.y);
    const extent = horizontal ? width : height;
    const room = length - extent - 2 * margin;
    if (room < 0) continue;
    const steps = Math.max(1, Math.min(12, Math.floor(room / 10) + 1));
    for (let k = 0; k < steps; k++) {
      const along = margin + (steps === 1 ? 0 : (room * k) / (steps - 1));
      for (const [sideIndex, side] of [0, 1].entries()) {
        let box: Box;
        if (horizontal) {
          const left = b.x >= a.x ? a.x + along : a.x - along - width;
          box = { x: left, y: side === 0 ? a.y - gap - height : a.y + gap, width, height };
        } else {
          const top = b.y >= a.y ? a.y + along : a.y - along - height;
          box = { x: side === 0 ? a.x + gap : a.x - gap - width, y: top, width, height };
        }
        // Near the step first, then the first segment before later ones, then the preferred side.
        out.push({ box: { x: snap(box.x), y: snap(box.y), width, height }, score: (i - 1) * 1000 + along + sideIndex * 15 });
      }
    }
  }
  return out.sort((p, q) => p.score - q.score);
}

function placeLabels(input: RoutingInput, routes: Map<string, Point[]>): Map<string, LabelBox> {
  const placed = new Map<string, LabelBox>();
  const areas = input.steps.map((s) => s.area);
  const segments = new Map([...routes].map(([id, points]) => [id, segmentBoxes(points)]));
  for (const flow of input.flows) {
    const text = wrapText(flow.label, LABEL_MAX_WIDTH - 2 * LABEL_PAD_X, LABEL_FONT, 1, true).lines[0] ?? '';
    const points = routes.get(flow.id);
    if (!text || !points) continue;
    const width = Math.ceil(textWidth(text, LABEL_FONT, true)) + 2 * LABEL_PAD_X;
    const candidates = labelCandidates(points, width, LABEL_HEIGHT);
    const own = segments.get(flow.id) ?? [];
    let best: { box: Box; collisions: number } | null = null;
    for (const { box } of candidates) {
      let collisions = 0;
      for (const area of areas) if (boxesMeet(box, area, 2)) collisions += 3;
      for (const [id, list] of segments) {
        // Its own segments may run beside it (it sits 3 px off one) but not through it; another
        // flow must stay clearly further away than its own, so no one reads it as that flow's label.
        for (const seg of list) if (boxesMeet(box, seg, id === flow.id ? -1 : OTHER_FLOW_CLEARANCE)) collisions += id === flow.id ? 1 : 2;
      }
      for (const other of placed.values()) if (boxesMeet(box, other, 2)) collisions += 3;
      if (!best || collisions < best.collisions) best = { box, collisions };
      if (collisions === 0) break;
    }
    if (!best && own.length > 0) {
      const start = points[0] as Point;
      best = { box: { x: start.x + 4, y: start.y - LABEL_HEIGHT - 3, width, height: LABEL_HEIGHT }, collisions: 1 };
    }
    if (best) placed.set(flow.id, { ...best.box, text });
  }
  return placed;
}

/**
 * Routes every flow of the process. Deterministic: the same input gives the same points in the
 * renderer's worker and in main, so the canvas, the exports and the report draw the same lines.
 */
export function routeProcess(avoid: AvoidApi, input: RoutingInput): Record<string, FlowRoute> {
  const raw = input.flows.length > 0 ? rawRoutes(avoid, input) : new Map<string, Point[]>();
  const byId = new Map(input.steps.map((s) => [s.id, s]));
  const points = new Map<string, Point[]>();
  for (const flow of input.flows) {
    const found = raw.get(flow.id);
    const s = byId.get(flow.sourceId);
    const t = byId.get(flow.targetId);
    if (!s || !t) continue;
    // libavoid answers a flow it could not route (a pin buried under another step) with a straight line.
    points.set(flow.id, found && isOrthogonal(found) ? found : elbowRoute(s.box, t.box));
  }
  const labels = placeLabels(input, points);
  const out: Record<string, FlowRoute> = {};
  for (const flow of input.flows) {
    const route = points.get(flow.id);
    if (!route) continue;
    out[flow.id] = { points: route, label: labels.get(flow.id) ?? null, middle: pointAlong(route, routeLength(route) / 2) };
  }
  return out;
}
