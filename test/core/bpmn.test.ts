import { BpmnModdle } from 'bpmn-moddle';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bpmnId, processToBpmn } from '../../core/bpmn';
import { laneBands } from '../../core/geometry';
import type { ProcessView } from '../../core/model';
import { routeProcess, routingInput, type AvoidApi } from '../../core/routing';
import { loadAvoid } from '../../main/report/routes';
import { cleanTempDirs } from '../helpers';
import { HOSTILE, hostileStore, processViews, sampleStore, XML_ILLEGAL } from '../reportFixtures';

afterEach(cleanTempDirs);

let avoid: AvoidApi;
beforeAll(async () => {
  avoid = await loadAvoid();
});

/** The process as BPMN, with its flows routed as every output routes them. */
function bpmnOf(view: ProcessView): string {
  return processToBpmn({ ...view, routes: routeProcess(avoid, routingInput(view)), avoid });
}

interface El {
  $type: string;
  id: string;
  name?: string;
  [key: string]: unknown;
}

async function read(xml: string) {
  const moddle = new BpmnModdle();
  const { rootElement, warnings } = await moddle.fromXML(xml);
  const root = rootElement as unknown as { rootElements: El[]; diagrams: { plane: { planeElement: (El & { bpmnElement: El; waypoint?: unknown[] })[] } }[] };
  const process = root.rootElements.find((e) => e.$type === 'bpmn:Process') as El & { flowElements: El[]; laneSets?: { lanes: (El & { flowNodeRef?: El[] })[] }[] };
  const collaboration = root.rootElements.find((e) => e.$type === 'bpmn:Collaboration') as El & { participants: El[] };
  const plane = root.diagrams[0]?.plane.planeElement ?? [];
  return { warnings, process, collaboration, plane };
}

function expected(view: ProcessView) {
  const kind = (k: string) => view.steps.filter((s) => s.kind === k).length;
  // BPMN says a split or a join with a gateway: one after a step with several ways out (a decision
  // is one already), one in front of a step with several ways in (a decision only when it also forks).
  const ins = (id: string) => view.flows.filter((f) => f.targetId === id).length;
  const outs = (id: string) => view.flows.filter((f) => f.sourceId === id).length;
  const joins = view.steps.filter((s) => ins(s.id) > 1 && (s.kind !== 'decision' || outs(s.id) > 1)).length;
  const splits = view.steps.filter((s) => outs(s.id) > 1 && s.kind !== 'decision').length;
  // A decision with nothing to decide yet (one way in, one way out) is a task in BPMN.
  const undecided = view.steps.filter((s) => s.kind === 'decision' && ins(s.id) <= 1 && outs(s.id) <= 1).length;
  return {
    lanes: laneBands(view.lanes, view.steps).length,
    tasks: kind('activity') + undecided,
    gateways: kind('decision') - undecided + joins + splits,
    added: joins + splits,
    timers: kind('wait'),
    calls: kind('subprocess'),
    starts: kind('start'),
    ends: kind('end'),
    flows: view.flows.length + joins + splits,
  };
}

describe('BPMN export', () => {
  it('writes each sample process as BPMN that bpmn-moddle reads with no warnings and the right counts', async () => {
    const store = sampleStore();
    const views = processViews(store);
    store.close();
    for (const view of views) {
      const { warnings, process, collaboration, plane } = await read(bpmnOf(view));
      expect(warnings).toEqual([]);
      const want = expected(view);
      const count = (type: string) => process.flowElements.filter((e) => e.$type === type).length;
      expect(process.laneSets?.[0]?.lanes).toHaveLength(want.lanes);
      expect(count('bpmn:Task')).toBe(want.tasks);
      expect(count('bpmn:ExclusiveGateway') + count('bpmn:ParallelGateway')).toBe(want.gateways);
      expect(count('bpmn:IntermediateCatchEvent')).toBe(want.timers);
      expect(count('bpmn:CallActivity')).toBe(want.calls);
      expect(count('bpmn:StartEvent')).toBe(want.starts);
      expect(count('bpmn:EndEvent')).toBe(want.ends);
      expect(count('bpmn:SequenceFlow')).toBe(want.flows);
      for (const timer of process.flowElements.filter((e) => e.$type === 'bpmn:IntermediateCatchEvent')) {
        expect((timer['eventDefinitions'] as El[])[0]?.$type).toBe('bpmn:TimerEventDefinition');
      }
      expect(collaboration.participants[0]?.['processRef']).toBe(process);
      expect(process.name).toBe(view.process.name);

      // Every lane holds its own steps, and every step is in exactly one lane.
      const laneOf = new Map<string, string>();
      for (const lane of process.laneSets?.[0]?.lanes ?? []) for (const node of lane.flowNodeRef ?? []) {
        expect(laneOf.has(node.id)).toBe(false);
        laneOf.set(node.id, lane.id);
      }
      for (const step of view.steps) expect(laneOf.get(bpmnId.step(step.id))).toBe(bpmnId.lane(step.laneId));
      // An added gateway sits in the lane of the step it splits after or joins in front of.
      for (const step of view.steps) {
        for (const gateway of [bpmnId.join(step.id), bpmnId.split(step.id)]) {
          if (process.flowElements.some((e) => e.id === gateway)) expect(laneOf.get(gateway)).toBe(bpmnId.lane(step.laneId));
        }
      }

      // Laid out: a shape for the pool, every lane and every step; an edge with waypoints for every flow.
      const shapes = new Set(plane.filter((e) => e.$type === 'bpmndi:BPMNShape').map((e) => e.bpmnElement.id));
      expect(shapes.has(bpmnId.participant(view.process.id))).toBe(true);
      for (const lane of process.laneSets?.[0]?.lanes ?? []) expect(shapes.has(lane.id)).toBe(true);
      for (const node of process.flowElements.filter((e) => e.$type !== 'bpmn:SequenceFlow')) expect(shapes.has(node.id)).toBe(true);
      const edges = plane.filter((e) => e.$type === 'bpmndi:BPMNEdge' && e.bpmnElement.$type === 'bpmn:SequenceFlow');
      expect(edges).toHaveLength(want.flows);
      for (const edge of edges) expect((edge.waypoint ?? []).length).toBeGreaterThanOrEqual(2);

      // Flow labels and the sub-process link survive: a label is the name of a flow out of a
      // deciding gateway, and a text annotation (drawn where the label is) on any other flow.
      const artifacts = (process['artifacts'] ?? []) as (El & { text?: string; sourceRef?: El; targetRef?: El })[];
      for (const flow of view.flows.filter((f) => f.label)) {
        const element = process.flowElements.find((e) => e.id === bpmnId.flow(flow.id)) as El;
        const note = artifacts.find((a) => a.$type === 'bpmn:Association' && a.sourceRef === element)?.targetRef as (El & { text?: string }) | undefined;
        expect(element.name ?? note?.text).toBe(flow.label);
        if (note) expect(shapes.has(note.id)).toBe(true);
      }
      for (const step of view.steps.filter((s) => s.kind === 'subprocess' && s.subprocessId)) {
        expect(process.flowElements.find((e) => e.id === bpmnId.step(step.id))?.['calledElement']).toBe(bpmnId.process(step.subprocessId ?? ''));
      }
    }
  });

  it('round-trips hostile names: escaped, legal, and read back as written', async () => {
    const store = hostileStore();
    const views = processViews(store);
    store.close();
    let names = '';
    for (const view of views) {
      const xml = bpmnOf(view);
      expect(xml).not.toMatch(XML_ILLEGAL);
      const { warnings, process } = await read(xml);
      expect(warnings).toEqual([]);
      const want = expected(view);
      expect(process.flowElements.filter((e) => e.$type === 'bpmn:SequenceFlow')).toHaveLength(want.flows);
      expect(process.laneSets?.[0]?.lanes).toHaveLength(want.lanes);
      names += process.flowElements.map((e) => e.name ?? '').join('\n');
    }
    expect(names).toContain(`<script>alert("x")</script> & 'quotes'`);
    expect(names).toContain(HOSTILE.rtl);
    expect(names).toContain('👩🏽‍💻');
    expect(names).toContain('bell null escape');
  });

  it('writes a process with no steps or lanes as a valid, empty pool', async () => {
    const store = sampleStore();
    const view = processViews(store)[0] as ProcessView;
    store.close();
    const { warnings, process, plane } = await read(bpmnOf({ ...view, lanes: [], steps: [], flows: [], painPoints: [] }));
    expect(warnings).toEqual([]);
    expect(process.flowElements ?? []).toHaveLength(0);
    expect(process.laneSets ?? []).toHaveLength(0);
    expect(plane.filter((e) => e.$type === 'bpmndi:BPMNShape')).toHaveLength(1);
  });
});
