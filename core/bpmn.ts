import { contentExtent } from './diagram';
import type { Flow, Lane, PainPoint, Process, Step, StepKind } from './model';
import { stepBoxes, type Box, type Point, type Routes } from './routing';
import { escapeXml, oneLine } from './xml';

/**
 * One process as BPMN 2.0 XML, laid out where the user drew it, so bpmn.io, Camunda Modeler and
 * other BPMN tools open it with lanes, shapes and edges in place rather than as a heap.
 */

export interface BpmnInput {
  process: Process;
  lanes: readonly Lane[];
  steps: readonly Step[];
  flows: readonly Flow[];
  painPoints?: readonly PainPoint[];
  /** The flows' routes (core/routing.ts routeProcess): the edges get the same waypoints and label boxes as every other output. */
  routes: Routes;
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

const POOL_LABEL = 30;
const LANE_LABEL = 30;

function name(text: string): string {
  const value = oneLine(text);
  return value ? ` name="${escapeXml(value)}"` : '';
}

function documentation(text: string): string {
  return text.trim() ? `<bpmn:documentation>${escapeXml(text)}</bpmn:documentation>` : '';
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
};

export function processToBpmn(input: BpmnInput): string {
  const { process } = input;
  const { bands, boxes } = stepBoxes(input.lanes, input.steps);
  const stepIds = new Set(input.steps.map((s) => s.id));
  const flows = input.flows.filter((f) => stepIds.has(f.sourceId) && stepIds.has(f.targetId));
  const shapes = new Map<string, Box>();
  for (const step of input.steps) {
    const box = boxes.get(step.id);
    if (box) shapes.set(step.id, shapeBox(step, box));
  }

  const extent = contentExtent(input);
  const laneX = extent.from - LANE_LABEL;
  const poolX = laneX - POOL_LABEL;
  const poolWidth = extent.to - poolX;
  let poolTop = 0;
  let poolBottom = Math.max(150, bands.reduce((sum, b) => sum + b.height, 0));
  for (const box of shapes.values()) {
    poolTop = Math.min(poolTop, box.y - 30);
    poolBottom = Math.max(poolBottom, box.y + box.height + 40);
  }
  for (const f of flows) {
    const route = input.routes[f.id];
    for (const p of route?.points ?? []) {
      poolTop = Math.min(poolTop, p.y - 20);
      poolBottom = Math.max(poolBottom, p.y + 20);
    }
    if (route?.label) {
      poolTop = Math.min(poolTop, route.label.y - 10);
      poolBottom = Math.max(poolBottom, route.label.y + route.label.height + 10);
    }
  }

  const incoming = new Map<string, string[]>();
  const outgoing = new Map<string, string[]>();
  for (const f of flows) {
    outgoing.set(f.sourceId, [...(outgoing.get(f.sourceId) ?? []), bpmnId.flow(f.id)]);
    incoming.set(f.targetId, [...(incoming.get(f.targetId) ?? []), bpmnId.flow(f.id)]);
  }
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
  out.push(`<bpmn:collaboration id="Collaboration_${process.id}">`);
  out.push(`<bpmn:participant id="${bpmnId.participant(process.id)}"${name(process.name)} processRef="${bpmnId.process(process.id)}"/>`);
  out.push('</bpmn:collaboration>');
  out.push(`<bpmn:process id="${bpmnId.process(process.id)}"${name(process.name)} isExecutable="false">`);
  out.push(documentation(process.description));
  if (lanes.length > 0) {
    out.push(`<bpmn:laneSet id="LaneSet_${process.id}">`);
    for (const band of lanes) {
      out.push(`<bpmn:lane id="${bpmnId.lane(band.laneId)}"${name(band.name)}>`);
      for (const step of input.steps) if (laneOf(step) === band.laneId) out.push(`<bpmn:flowNodeRef>${bpmnId.step(step.id)}</bpmn:flowNodeRef>`);
      out.push('</bpmn:lane>');
    }
    out.push('</bpmn:laneSet>');
  }
  for (const step of input.steps) {
    const element = ELEMENT[step.kind];
    const notes = [step.description, ...(painsByStep.get(step.id) ?? []).map((p) => `Pain point ${p.number}: ${p.text}`)].filter((t) => t.trim()).join('\n\n');
    const attrs = step.kind === 'subprocess' && step.subprocessId ? ` calledElement="${bpmnId.process(step.subprocessId)}"` : '';
    out.push(`<bpmn:${element} id="${bpmnId.step(step.id)}"${name(step.text)}${attrs}>`);
    out.push(documentation(notes));
    for (const ref of incoming.get(step.id) ?? []) out.push(`<bpmn:incoming>${ref}</bpmn:incoming>`);
    for (const ref of outgoing.get(step.id) ?? []) out.push(`<bpmn:outgoing>${ref}</bpmn:outgoing>`);
    if (step.kind === 'wait') out.push(`<bpmn:timerEventDefinition id="Timer_${step.id}"/>`);
    out.push(`</bpmn:${element}>`);
  }
  for (const f of flows) {
    out.push(`<bpmn:sequenceFlow id="${bpmnId.flow(f.id)}"${name(f.label)} sourceRef="${bpmnId.step(f.sourceId)}" targetRef="${bpmnId.step(f.targetId)}"/>`);
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
  for (const step of input.steps) {
    const box = shapes.get(step.id);
    if (!box) continue;
    const id = bpmnId.step(step.id);
    const external = SHAPE_SIZE[step.kind] !== undefined;
    const label = external && oneLine(step.text) ? `<bpmndi:BPMNLabel>${bounds({ x: box.x + box.width / 2 - 50, y: box.y + box.height + 5, width: 100, height: 27 })}</bpmndi:BPMNLabel>` : '';
    const extra = step.kind === 'decision' ? ' isMarkerVisible="true"' : step.kind === 'subprocess' ? ' isExpanded="false"' : '';
    out.push(`<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"${extra}>${bounds(box)}${label}</bpmndi:BPMNShape>`);
  }
  const kinds = new Map(input.steps.map((step) => [step.id, step.kind]));
  for (const f of flows) {
    const route = input.routes[f.id];
    const s = shapes.get(f.sourceId);
    const t = shapes.get(f.targetId);
    if (!route || route.points.length < 2 || !s || !t) continue;
    const points = [...route.points];
    const last = points.length - 1;
    points[0] = dockOnShape(kinds.get(f.sourceId) ?? 'activity', s, points[0] as Point, points[1] as Point);
    points[last] = dockOnShape(kinds.get(f.targetId) ?? 'activity', t, points[last] as Point, points[last - 1] as Point);
    const waypoints = points.map((p) => `<di:waypoint x="${coordinate(p.x)}" y="${coordinate(p.y)}"/>`).join('');
    const label = route.label && oneLine(f.label) ? `<bpmndi:BPMNLabel>${exactBounds(route.label)}</bpmndi:BPMNLabel>` : '';
    out.push(`<bpmndi:BPMNEdge id="${bpmnId.flow(f.id)}_di" bpmnElement="${bpmnId.flow(f.id)}">${waypoints}${label}</bpmndi:BPMNEdge>`);
  }
  out.push('</bpmndi:BPMNPlane>');
  out.push('</bpmndi:BPMNDiagram>');
  out.push('</bpmn:definitions>');
  return out.filter(Boolean).join('\n') + '\n';
}
