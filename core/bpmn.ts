import { contentExtent } from './diagram';
import { STEP_KIND_LABELS } from './labels';
import { say } from './messages';
import type { Flow, Lane, PainPoint, Process, Step, StepKind } from './model';
import { boxesMeet, routeProcess, routingInput, segmentBoxes, stepBoxes, type AvoidApi, type Box, type FlowRoute, type Point, type Routes, type RoutingFlow, type RoutingStep } from './routing';
import { escapeXml, oneLine } from './xml';

/**
 * One process as BPMN 2.0 XML, laid out where the user drew it, so bpmn.io, Camunda Modeler and
 * other BPMN tools open it with lanes, shapes and edges in place rather than as a heap.
 *
 * A workshop map lets a step have several ways out and several ways in; BPMN (and bpmnlint's
 * recommended rules, which Camunda Modeler applies) wants those splits and joins said with
 * gateways. So the export adds them: a gateway after a step that leads to several steps, and one
 * in front of a step that several steps lead to, each drawn in free space beside its step.
 */

export interface BpmnInput {
  process: Process;
  lanes: readonly Lane[];
  steps: readonly Step[];
  flows: readonly Flow[];
  painPoints?: readonly PainPoint[];
  /** The flows' routes (core/routing.ts routeProcess): the edges get the same waypoints and label boxes as every other output. */
  routes: Routes;
  /** libavoid, to route the flows that run to and from the gateways the export adds. */
  avoid: AvoidApi;
}

const ELEMENT: Record<StepKind, string> = {
  start: 'startEvent',
  end: 'endEvent',
  activity: 'task',
  decision: 'exclusiveGateway',
  wait: 'intermediateCatchEvent',
  subprocess: 'callActivity',
};

/** BPMN's customary sizes: events are small circles and gateways small diamonds, centred where the step was. */
const SHAPE_SIZE: Partial<Record<StepKind, number>> = { start: 36, end: 36, wait: 36, decision: 50 };

/** The gateways the export adds: small enough to fit in the gap between two columns of steps. */
const GATEWAY_SIZE = 32;
/** How far an added gateway keeps from steps, other gateways and the flows it does not carry. */
const GATEWAY_CLEARANCE = 6;

const POOL_LABEL = 30;
const LANE_LABEL = 30;

/**
 * Names longer than this are cut (at a word where there is one) and the whole text goes into the
 * element's documentation: a 50,000-character name makes bpmn-js zoom out to an empty view.
 */
export const BPMN_NAME_MAX = 200;

/** Text on one line, cut to at most `max` characters at a word boundary (where one is not too far back), with an ellipsis. */
function cutAtWord(text: string, max: number): string {
  const value = oneLine(text);
  const points = Array.from(value);
  if (points.length <= max) return value;
  const head = points.slice(0, max - 1).join('');
  const space = head.lastIndexOf(' ');
  const cut = space >= head.length / 2 ? head.slice(0, space) : head;
  return `${cut.trimEnd()}…`;
}

/** A name as BPMN tools show it: one line, at most BPMN_NAME_MAX characters, cut at a word boundary. */
export function bpmnName(text: string): string {
  return cutAtWord(text, BPMN_NAME_MAX);
}

function nameAttr(text: string): string {
  const value = bpmnName(text);
  return value ? ` name="${escapeXml(value)}"` : '';
}

/** The documentation of an element: its full name when the name was cut, then its notes. */
function documentation(fullName: string, ...notes: string[]): string {
  const parts = oneLine(fullName) !== bpmnName(fullName) ? [fullName, ...notes] : notes;
  const text = parts.filter((t) => t.trim()).join('\n\n');
  return text ? `<bpmn:documentation>${escapeXml(text)}</bpmn:documentation>` : '';
}

/** Coordinates as the SVG writes them (whole numbers or one decimal), so waypoints compare equal. */
function coordinate(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function bounds(box: Box): string {
  return `<dc:Bounds x="${Math.round(box.x)}" y="${Math.round(box.y)}" width="${Math.round(box.width)}" height="${Math.round(box.height)}"/>`;
}

function exactBounds(box: Box): string {
  return `<dc:Bounds x="${coordinate(box.x)}" y="${coordinate(box.y)}" width="${coordinate(box.width)}" height="${coordinate(box.height)}"/>`;
}

/**
 * Where a route that ends on the canvas shape's outline meets the smaller BPMN shape drawn at its
 * centre (events and gateways): the end moves inward along its own segment, so the edge still
 * touches the shape and every other waypoint stays as the SVG draws it.
 */
export function dockOnShape(kind: StepKind, shape: Box, end: Point, next: Point): Point {
  if (SHAPE_SIZE[kind] === undefined) return end;
  const cx = shape.x + shape.width / 2;
  const cy = shape.y + shape.height / 2;
  const half = shape.width / 2;
  const horizontal = Math.abs(next.y - end.y) < 0.01;
  const off = horizontal ? end.y - cy : end.x - cx;
  const reach = kind === 'decision' ? half - Math.abs(off) : Math.sqrt(half * half - off * off);
  // A line that passes beside the small shape keeps its end on the canvas outline.
  if (!(reach >= 0)) return end;
  const round = (v: number) => Math.round(v * 10) / 10;
  if (horizontal) return { x: round(next.x > end.x ? cx + reach : cx - reach), y: end.y };
  return { x: end.x, y: round(next.y > end.y ? cy + reach : cy - reach) };
}

function shapeBox(step: Step, box: Box): Box {
  const size = SHAPE_SIZE[step.kind];
  if (!size) return box;
  return { x: box.x + (box.width - size) / 2, y: box.y + (box.height - size) / 2, width: size, height: size };
}

export const bpmnId = {
  process: (id: string) => `Process_${id}`,
  participant: (id: string) => `Participant_${id}`,
  lane: (id: string | null) => (id ? `Lane_${id}` : 'Lane_unassigned'),
  step: (id: string) => `Step_${id}`,
  flow: (id: string) => `Flow_${id}`,
  /** The gateway in front of a step that several flows lead into, and the flow from it to the step. */
  join: (stepId: string) => `Gateway_join_${stepId}`,
  joinFlow: (stepId: string) => `Flow_join_${stepId}`,
  /** The gateway after a step that leads to several steps, and the flow from the step to it. */
  split: (stepId: string) => `Gateway_split_${stepId}`,
  splitFlow: (stepId: string) => `Flow_split_${stepId}`,
};

// ---------------------------------------------------------------------------------------------
// The process as BPMN sees it: the steps, the gateways the export adds, and the flows between them.

export interface BpmnGateway {
  id: string;
  /** The step it splits after or joins in front of. */
  stepId: string;
  role: 'split' | 'join';
  element: 'exclusiveGateway' | 'parallelGateway';
  /** A deciding gateway's question; joins and parallel splits need none. */
  name: string;
}

export interface BpmnFlow {
  id: string;
  /** The flow as drawn, or null for a flow between a step and its added gateway. */
  flow: Flow | null;
  /** BPMN ids of the ends: a step's or an added gateway's. */
  sourceRef: string;
  targetRef: string;
  label: string;
}

export interface BpmnGraph {
  gateways: BpmnGateway[];
  flows: BpmnFlow[];
}

/**
 * Where the export adds gateways, and which kind:
 * - a step (other than a decision) with several ways out gets a gateway after it: exclusive when a
 *   way out is labelled (the labels are the answers) or loops back (rework is a choice), parallel
 *   otherwise (the work goes on along every way at once);
 * - a step (other than a decision) that several flows lead into gets a gateway in front of it:
 *   parallel where the flows are exactly the branches of one parallel split (the work waits for
 *   every branch), exclusive otherwise (the ways merge); a decision with several ways in and out
 *   gets one too, since a BPMN gateway either joins or forks.
 * A second flow between the same two steps adds nothing (a file from elsewhere may hold one) and is left out.
 */
export function bpmnGraph(steps: readonly Step[], flows: readonly Flow[], backFlowIds: ReadonlySet<string>): BpmnGraph {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const kept: Flow[] = [];
  for (const f of flows) {
    const key = `${f.sourceId}\u0000${f.targetId}`;
    if (!byId.has(f.sourceId) || !byId.has(f.targetId) || seen.has(key)) continue;
    seen.add(key);
    kept.push(f);
  }
  const outgoing = new Map<string, Flow[]>();
  const incoming = new Map<string, Flow[]>();
  for (const f of kept) {
    outgoing.set(f.sourceId, [...(outgoing.get(f.sourceId) ?? []), f]);
    incoming.set(f.targetId, [...(incoming.get(f.targetId) ?? []), f]);
  }
  const parallel = (step: Step): boolean => {
    const outs = outgoing.get(step.id) ?? [];
    return step.kind !== 'decision' && outs.length > 1 && !outs.some((f) => oneLine(f.label) || backFlowIds.has(f.id));
  };
  // The step a flow's branch started from: back along plain steps with one way in and one way out
  // to the step that split; null where the branch starts elsewhere (a decision, a merge, a loop).
  const branchOrigin = (flow: Flow): string | null => {
    const visited = new Set<string>();
    let current = flow;
    for (;;) {
      const source = byId.get(current.sourceId);
      if (!source || visited.has(source.id)) return null;
      if ((outgoing.get(source.id)?.length ?? 0) > 1) return source.id;
      const ins = incoming.get(source.id) ?? [];
      if (source.kind === 'decision' || ins.length !== 1 || !ins[0]) return null;
      visited.add(source.id);
      current = ins[0];
    }
  };
  const gateways: BpmnGateway[] = [];
  const split = new Set<string>();
  const join = new Set<string>();
  for (const step of steps) {
    const outs = outgoing.get(step.id) ?? [];
    const ins = incoming.get(step.id) ?? [];
    if (ins.length > 1 && (step.kind !== 'decision' || outs.length > 1)) {
      join.add(step.id);
      // Every branch of one parallel split arriving, and nothing else: they wait for each other.
      const origins = new Set(ins.map((f) => (backFlowIds.has(f.id) ? null : branchOrigin(f))));
      const [origin] = origins;
      const together = origins.size === 1 && origin ? parallel(byId.get(origin) as Step) && (outgoing.get(origin)?.length ?? 0) === ins.length : false;
      gateways.push({ id: bpmnId.join(step.id), stepId: step.id, role: 'join', element: together ? 'parallelGateway' : 'exclusiveGateway', name: '' });
    }
    if (outs.length > 1 && step.kind !== 'decision') {
      split.add(step.id);
      const subject = cutAtWord(step.text, BPMN_NAME_MAX - 30) || STEP_KIND_LABELS[step.kind];
      gateways.push({
        id: bpmnId.split(step.id),
        stepId: step.id,
        role: 'split',
        element: parallel(step) ? 'parallelGateway' : 'exclusiveGateway',
        name: parallel(step) ? '' : say('bpmn.whichWay', { step: subject }),
      });
    }
  }
  const out: BpmnFlow[] = kept.map((f) => ({
    id: bpmnId.flow(f.id),
    flow: f,
    sourceRef: split.has(f.sourceId) ? bpmnId.split(f.sourceId) : bpmnId.step(f.sourceId),
    targetRef: join.has(f.targetId) ? bpmnId.join(f.targetId) : bpmnId.step(f.targetId),
    label: f.label,
  }));
  for (const g of gateways) {
    out.push(
      g.role === 'join'
        ? { id: bpmnId.joinFlow(g.stepId), flow: null, sourceRef: g.id, targetRef: bpmnId.step(g.stepId), label: '' }
        : { id: bpmnId.splitFlow(g.stepId), flow: null, sourceRef: bpmnId.step(g.stepId), targetRef: g.id, label: '' },
    );
  }
  return { gateways, flows: out };
}

// ---------------------------------------------------------------------------------------------
// Where the added gateways go, and how the flows that touch them run.

/**
 * A place for each added gateway beside its step, on the side its flows go (a split towards the
 * steps it leads to, a join towards the steps that lead into it), clear of every step, of the
 * other gateways and, where there is room, of the flows that keep their drawn routes.
 */
function placeGateways(graph: BpmnGraph, areas: ReadonlyMap<string, Box>, keptSegments: readonly Box[]): Map<string, Box> {
  const placed = new Map<string, Box>();
  const centre = (b: Box): Point => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
  const stepOf = (ref: string): string | null => (ref.startsWith('Step_') ? ref.slice('Step_'.length) : null);
  const allAreas = [...areas.values()];
  for (const g of graph.gateways) {
    const own = areas.get(g.stepId);
    if (!own) continue;
    // The steps at the far end of its flows: which way it should sit from its step.
    const others: Point[] = [];
    for (const f of graph.flows) {
      const far = g.role === 'split' ? (f.sourceRef === g.id ? f.targetRef : null) : f.targetRef === g.id ? f.sourceRef : null;
      const farStep = far ? (stepOf(far) ?? far.replace(/^Gateway_(join|split)_/, '')) : null;
      const box = farStep ? areas.get(farStep) : undefined;
      if (box) others.push(centre(box));
    }
    const c = centre(own);
    const dx = others.reduce((sum, p) => sum + (p.x - c.x), 0);
    const dy = others.reduce((sum, p) => sum + (p.y - c.y), 0);
    const horizontal: ('left' | 'right')[] = (g.role === 'split' ? dx >= 0 : dx > 0) ? ['right', 'left'] : ['left', 'right'];
    const vertical: ('top' | 'bottom')[] = dy >= 0 ? ['bottom', 'top'] : ['top', 'bottom'];
    const sides = [horizontal[0], vertical[0], vertical[1], horizontal[1]] as ('left' | 'right' | 'top' | 'bottom')[];
    const size = GATEWAY_SIZE;
    const candidates: { box: Box; score: number }[] = [];
    sides.forEach((side, rank) => {
      for (let d = 10; d <= 400; d += 6) {
        for (const shift of [0, -24, 24, -48, 48]) {
          let x: number;
          let y: number;
          if (side === 'left' || side === 'right') {
            x = side === 'right' ? own.x + own.width + d : own.x - d - size;
            y = c.y - size / 2 + shift;
          } else {
            x = c.x - size / 2 + shift;
            y = side === 'bottom' ? own.y + own.height + d : own.y - d - size;
          }
          candidates.push({ box: { x: Math.round(x), y: Math.round(y), width: size, height: size }, score: rank * 60 + d + Math.abs(shift) });
        }
      }
    });
    candidates.sort((a, b) => a.score - b.score);
    const free = (box: Box, withFlows: boolean): boolean =>
      !allAreas.some((a) => boxesMeet(box, a, GATEWAY_CLEARANCE)) &&
      ![...placed.values()].some((p) => boxesMeet(box, p, GATEWAY_CLEARANCE)) &&
      (!withFlows || !keptSegments.some((s) => boxesMeet(box, s, GATEWAY_CLEARANCE)));
    const chosen = candidates.find((k) => free(k.box, true)) ?? candidates.find((k) => free(k.box, false));
    // Steps packed on every side for 400 px: above the step, clear of the steps at least.
    const fallback = { x: c.x - size / 2, y: Math.min(...allAreas.map((a) => a.y)) - 2 * size - placed.size * (size + GATEWAY_CLEARANCE), width: size, height: size };
    placed.set(g.id, chosen?.box ?? fallback);
  }
  return placed;
}

export function processToBpmn(input: BpmnInput): string {
  const { process } = input;
  const { bands, boxes } = stepBoxes(input.lanes, input.steps);
  const routing = routingInput(input);
  const graph = bpmnGraph(input.steps, input.flows, new Set(routing.backFlowIds));
  const incoming = new Map<string, string[]>();
  const outgoing = new Map<string, string[]>();
  for (const f of graph.flows) {
    outgoing.set(f.sourceRef, [...(outgoing.get(f.sourceRef) ?? []), f.id]);
    incoming.set(f.targetRef, [...(incoming.get(f.targetRef) ?? []), f.id]);
  }
  // A decision with at most one way in and one way out has nothing to decide yet (a map still being
  // drawn): BPMN gets its question as a task rather than a gateway that neither joins nor forks.
  const undecided = (s: Step) => s.kind === 'decision' && (incoming.get(bpmnId.step(s.id))?.length ?? 0) <= 1 && (outgoing.get(bpmnId.step(s.id))?.length ?? 0) <= 1;
  const steps = input.steps.map((s): Step => (undecided(s) ? { ...s, kind: 'activity', text: oneLine(s.text) ? s.text : STEP_KIND_LABELS.decision } : s));
  const byRef = new Map(steps.map((s) => [bpmnId.step(s.id), s]));
  const shapes = new Map<string, Box>();
  for (const step of steps) {
    const box = boxes.get(step.id);
    if (box) shapes.set(bpmnId.step(step.id), shapeBox(step, box));
  }

  // Flows that run as drawn keep their routes; those that touch an added gateway are routed anew,
  // around the steps and the gateways, by the same router.
  const gatewayIds = new Set(graph.gateways.map((g) => g.id));
  const touchesGateway = (f: BpmnFlow) => gatewayIds.has(f.sourceRef) || gatewayIds.has(f.targetRef);
  const routes = new Map<string, FlowRoute>();
  const keptSegments: Box[] = [];
  for (const f of graph.flows) {
    const route = f.flow ? input.routes[f.flow.id] : undefined;
    if (!route || touchesGateway(f)) continue;
    routes.set(f.id, route);
    keptSegments.push(...segmentBoxes(route.points));
  }
  if (gatewayIds.size > 0) {
    const areas = new Map(routing.steps.map((s) => [s.id, s.area]));
    const gatewayBoxes = placeGateways(graph, areas, keptSegments);
    for (const [id, box] of gatewayBoxes) shapes.set(id, box);
    const nodeOf = (ref: string) => byRef.get(ref)?.id ?? ref;
    const steps: RoutingStep[] = [...routing.steps, ...[...gatewayBoxes].map(([id, box]) => ({ id, kind: 'decision' as const, box, area: box }))];
    const back = new Set(routing.backFlowIds);
    const flows: RoutingFlow[] = graph.flows.filter(touchesGateway).map((f) => ({ id: f.id, sourceId: nodeOf(f.sourceRef), targetId: nodeOf(f.targetRef), label: f.label }));
    const rerouted = routeProcess(input.avoid, { steps, flows, backFlowIds: graph.flows.filter((f) => touchesGateway(f) && f.flow && back.has(f.flow.id)).map((f) => f.id) });
    for (const [id, route] of Object.entries(rerouted)) routes.set(id, route);
  }

  const extent = contentExtent({ steps, routes: Object.fromEntries(routes) });
  for (const [id, box] of shapes) {
    if (!gatewayIds.has(id)) continue;
    extent.from = Math.min(extent.from, box.x - 20);
    extent.to = Math.max(extent.to, box.x + box.width + 20);
  }
  const laneX = extent.from - LANE_LABEL;
  const poolX = laneX - POOL_LABEL;
  const poolWidth = extent.to - poolX;
  let poolTop = 0;
  let poolBottom = Math.max(150, bands.reduce((sum, b) => sum + b.height, 0));
  for (const [id, box] of shapes) {
    // The name under an event or gateway, and above an added deciding gateway.
    poolTop = Math.min(poolTop, box.y - (gatewayIds.has(id) ? 45 : 30));
    poolBottom = Math.max(poolBottom, box.y + box.height + 40);
  }
  for (const route of routes.values()) {
    for (const p of route.points) {
      poolTop = Math.min(poolTop, p.y - 20);
      poolBottom = Math.max(poolBottom, p.y + 20);
    }
    if (route.label) {
      poolTop = Math.min(poolTop, route.label.y - 10);
      poolBottom = Math.max(poolBottom, route.label.y + route.label.height + 10);
    }
  }

  const refs = (id: string) =>
    [...(incoming.get(id) ?? []).map((ref) => `<bpmn:incoming>${ref}</bpmn:incoming>`), ...(outgoing.get(id) ?? []).map((ref) => `<bpmn:outgoing>${ref}</bpmn:outgoing>`)].join('');
  // A label is a BPMN name only where it answers a gateway's question; elsewhere it is a note on the flow.
  const decides = (ref: string) => (outgoing.get(ref)?.length ?? 0) > 1 && (byRef.get(ref)?.kind === 'decision' || graph.gateways.some((g) => g.id === ref && g.element === 'exclusiveGateway'));
  // A label on a flow that answers no question is a note on the way ("by email"): BPMN names only
  // a decision's answers, so the note becomes a text annotation where the label is drawn.
  const notes = graph.flows.flatMap((f) => {
    const text = oneLine(f.label);
    const route = routes.get(f.id);
    if (!text || decides(f.sourceRef) || !route) return [];
    const box = route.label ?? { x: route.middle.x + 6, y: route.middle.y - 22, width: Math.min(200, 8 + text.length * 7), height: 16 };
    const key = f.flow?.id ?? f.id;
    return [{ id: `Annotation_${key}`, association: `Association_${key}`, flowRef: f.id, text: f.label, box, anchor: route.middle }];
  });
  const painsByStep = new Map<string, PainPoint[]>();
  for (const p of input.painPoints ?? []) if (p.targetKind === 'step') painsByStep.set(p.targetId, [...(painsByStep.get(p.targetId) ?? []), p]);

  const known = new Set(input.lanes.map((l) => l.id));
  const laneOf = (step: Step): string | null => (step.laneId && known.has(step.laneId) ? step.laneId : null);
  const lanes = bands.length > 0 && input.lanes.length > 0 ? bands : [];

  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" ' +
      'xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" ' +
      `id="Definitions_${process.id}" targetNamespace="urn:shoshin:process" exporter="Shoshin" exporterVersion="1">`,
  );
  const processName = oneLine(process.name) ? process.name : say('bpmn.untitledProcess');
  out.push(`<bpmn:collaboration id="Collaboration_${process.id}">`);
  out.push(`<bpmn:participant id="${bpmnId.participant(process.id)}"${nameAttr(processName)} processRef="${bpmnId.process(process.id)}">${documentation(processName)}</bpmn:participant>`);
  out.push('</bpmn:collaboration>');
  out.push(`<bpmn:process id="${bpmnId.process(process.id)}"${nameAttr(processName)} isExecutable="false">`);
  out.push(documentation(processName, process.description));
  if (lanes.length > 0) {
    out.push(`<bpmn:laneSet id="LaneSet_${process.id}">`);
    for (const band of lanes) {
      const laneName = oneLine(band.name) ? band.name : say('bpmn.unnamedLane');
      out.push(`<bpmn:lane id="${bpmnId.lane(band.laneId)}"${nameAttr(laneName)}>`);
      out.push(documentation(laneName));
      for (const step of steps) {
        if (laneOf(step) !== band.laneId) continue;
        out.push(`<bpmn:flowNodeRef>${bpmnId.step(step.id)}</bpmn:flowNodeRef>`);
        for (const g of graph.gateways) if (g.stepId === step.id) out.push(`<bpmn:flowNodeRef>${g.id}</bpmn:flowNodeRef>`);
      }
      out.push('</bpmn:lane>');
    }
    out.push('</bpmn:laneSet>');
  }
  for (const step of steps) {
    const element = ELEMENT[step.kind];
    const id = bpmnId.step(step.id);
    // Every task, event and deciding gateway needs a name in BPMN: a step with no text is called by its kind.
    const text = oneLine(step.text) ? step.text : STEP_KIND_LABELS[step.kind];
    const pains = (painsByStep.get(step.id) ?? []).map((p) => say('bpmn.painPoint', { number: p.number, text: p.text }));
    const attrs = step.kind === 'subprocess' && step.subprocessId ? ` calledElement="${bpmnId.process(step.subprocessId)}"` : '';
    out.push(`<bpmn:${element} id="${id}"${nameAttr(text)}${attrs}>`);
    out.push(documentation(text, step.description, ...pains));
    out.push(refs(id));
    if (step.kind === 'wait') out.push(`<bpmn:timerEventDefinition id="Timer_${step.id}"/>`);
    out.push(`</bpmn:${element}>`);
  }
  for (const g of graph.gateways) {
    const direction = g.role === 'join' ? 'Converging' : 'Diverging';
    out.push(`<bpmn:${g.element} id="${g.id}"${nameAttr(g.name)} gatewayDirection="${direction}">${refs(g.id)}</bpmn:${g.element}>`);
  }
  for (const f of graph.flows) {
    const named = decides(f.sourceRef) ? f.label : '';
    const body = named && oneLine(named) !== bpmnName(named) ? documentation(named) : '';
    const open = `<bpmn:sequenceFlow id="${f.id}"${nameAttr(named)} sourceRef="${f.sourceRef}" targetRef="${f.targetRef}"`;
    out.push(body ? `${open}>${body}</bpmn:sequenceFlow>` : `${open}/>`);
  }
  for (const note of notes) {
    out.push(`<bpmn:textAnnotation id="${note.id}"><bpmn:text>${escapeXml(note.text)}</bpmn:text></bpmn:textAnnotation>`);
    out.push(`<bpmn:association id="${note.association}" sourceRef="${note.flowRef}" targetRef="${note.id}"/>`);
  }
  out.push('</bpmn:process>');

  out.push(`<bpmndi:BPMNDiagram id="Diagram_${process.id}">`);
  out.push(`<bpmndi:BPMNPlane id="Plane_${process.id}" bpmnElement="Collaboration_${process.id}">`);
  out.push(
    `<bpmndi:BPMNShape id="${bpmnId.participant(process.id)}_di" bpmnElement="${bpmnId.participant(process.id)}" isHorizontal="true">` +
      bounds({ x: poolX, y: poolTop, width: poolWidth, height: poolBottom - poolTop }) +
      '</bpmndi:BPMNShape>',
  );
  lanes.forEach((band, i) => {
    const top = i === 0 ? poolTop : band.top;
    const bottom = i === lanes.length - 1 ? poolBottom : band.top + band.height;
    out.push(
      `<bpmndi:BPMNShape id="${bpmnId.lane(band.laneId)}_di" bpmnElement="${bpmnId.lane(band.laneId)}" isHorizontal="true">` +
        bounds({ x: laneX, y: top, width: poolWidth - POOL_LABEL, height: bottom - top }) +
        '</bpmndi:BPMNShape>',
    );
  });
  for (const step of steps) {
    const id = bpmnId.step(step.id);
    const box = shapes.get(id);
    if (!box) continue;
    const external = SHAPE_SIZE[step.kind] !== undefined;
    const label = external ? `<bpmndi:BPMNLabel>${bounds({ x: box.x + box.width / 2 - 50, y: box.y + box.height + 5, width: 100, height: 27 })}</bpmndi:BPMNLabel>` : '';
    const extra = step.kind === 'decision' ? ' isMarkerVisible="true"' : step.kind === 'subprocess' ? ' isExpanded="false"' : '';
    out.push(`<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"${extra}>${bounds(box)}${label}</bpmndi:BPMNShape>`);
  }
  for (const g of graph.gateways) {
    const box = shapes.get(g.id);
    if (!box) continue;
    const label = g.name ? `<bpmndi:BPMNLabel>${bounds({ x: box.x + box.width / 2 - 50, y: box.y - 32, width: 100, height: 27 })}</bpmndi:BPMNLabel>` : '';
    const marker = g.element === 'exclusiveGateway' ? ' isMarkerVisible="true"' : '';
    out.push(`<bpmndi:BPMNShape id="${g.id}_di" bpmnElement="${g.id}"${marker}>${bounds(box)}${label}</bpmndi:BPMNShape>`);
  }
  const kindOf = (ref: string): StepKind => byRef.get(ref)?.kind ?? 'decision';
  for (const f of graph.flows) {
    const route = routes.get(f.id);
    const s = shapes.get(f.sourceRef);
    const t = shapes.get(f.targetRef);
    if (!route || route.points.length < 2 || !s || !t) continue;
    const points = [...route.points];
    const last = points.length - 1;
    points[0] = dockOnShape(kindOf(f.sourceRef), s, points[0] as Point, points[1] as Point);
    points[last] = dockOnShape(kindOf(f.targetRef), t, points[last] as Point, points[last - 1] as Point);
    const waypoints = points.map((p) => `<di:waypoint x="${coordinate(p.x)}" y="${coordinate(p.y)}"/>`).join('');
    const label = route.label && decides(f.sourceRef) && oneLine(f.label) ? `<bpmndi:BPMNLabel>${exactBounds(route.label)}</bpmndi:BPMNLabel>` : '';
    out.push(`<bpmndi:BPMNEdge id="${f.id}_di" bpmnElement="${f.id}">${waypoints}${label}</bpmndi:BPMNEdge>`);
  }
  for (const note of notes) {
    const { box, anchor } = note;
    const end = { x: box.x, y: box.y + box.height / 2 };
    out.push(`<bpmndi:BPMNShape id="${note.id}_di" bpmnElement="${note.id}">${exactBounds(box)}</bpmndi:BPMNShape>`);
    out.push(
      `<bpmndi:BPMNEdge id="${note.association}_di" bpmnElement="${note.association}">` +
        `<di:waypoint x="${coordinate(anchor.x)}" y="${coordinate(anchor.y)}"/><di:waypoint x="${coordinate(end.x)}" y="${coordinate(end.y)}"/></bpmndi:BPMNEdge>`,
    );
  }
  out.push('</bpmndi:BPMNPlane>');
  out.push('</bpmndi:BPMNDiagram>');
  out.push('</bpmn:definitions>');
  return out.filter(Boolean).join('\n') + '\n';
}
