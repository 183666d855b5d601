import fs from 'node:fs';
import path from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import { Linter } from 'bpmnlint';
import NodeResolver from 'bpmnlint/lib/resolver/node-resolver.js';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { processToBpmn } from '../../core/bpmn';
import type { PlannedProcess } from '../../core/import/plan';
import { dissolveParallelGateways } from '../../main/import/bpmn';
import { STEP_SIZE } from '../../core/geometry';
import type { ProcessView } from '../../core/model';
import { loadAvoid, processRoutes } from '../../main/report/routes';
import { cleanTempDirs, harness, type Harness } from '../helpers';

const harnesses: Harness[] = [];
let avoid: Awaited<ReturnType<typeof loadAvoid>>;

beforeAll(async () => {
  avoid = await loadAvoid();
});

afterEach(async () => {
  // The snapshot taken on open finishes before its folder is removed.
  for (const h of harnesses.splice(0)) {
    await h.workspace.schedule?.pending;
    h.workspace.close();
  }
  cleanTempDirs();
});

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'import');
const fixture = (name: string) => path.join(FIXTURES, name);

interface El {
  $type: string;
  [key: string]: unknown;
}

const KIND_OF: Record<string, string> = {
  StartEvent: 'start',
  EndEvent: 'end',
  IntermediateCatchEvent: 'wait',
  Task: 'activity',
  UserTask: 'activity',
  ManualTask: 'activity',
  ServiceTask: 'activity',
  ExclusiveGateway: 'decision',
  ParallelGateway: 'decision',
  SubProcess: 'subprocess',
  CallActivity: 'subprocess',
};

/** Steps by kind and flows, in one BPMN container (not counting what a sub-process holds). */
function countsOf(container: El): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const element of (container.flowElements as El[] | undefined) ?? []) {
    const local = element.$type.replace('bpmn:', '');
    const key = local === 'SequenceFlow' ? 'flows' : KIND_OF[local];
    if (key) counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/**
 * The counts Shoshin holds after import: a parallel gateway that only splits or only joins becomes
 * the flows through it (one flow fewer each), to be written back as a gateway on export.
 */
function importedCountsOf(container: El): Record<string, number> {
  const counts = countsOf(container);
  const elements = (container.flowElements as El[] | undefined) ?? [];
  const flows = elements.filter((e) => e.$type === 'bpmn:SequenceFlow');
  const ends = (e: El, side: 'sourceRef' | 'targetRef') => flows.filter((f) => f[side] === e).length;
  const dissolved = elements.filter((e) => e.$type === 'bpmn:ParallelGateway' && (ends(e, 'targetRef') === 1 || ends(e, 'sourceRef') === 1)).length;
  if (dissolved === 0) return counts;
  const out = { ...counts, decision: (counts.decision ?? 0) - dissolved, flows: (counts.flows ?? 0) - dissolved };
  if (out.decision === 0) delete (out as Record<string, number>).decision;
  return out;
}

function viewCounts(view: ProcessView): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const step of view.steps) counts[step.kind] = (counts[step.kind] ?? 0) + 1;
  if (view.flows.length) counts.flows = view.flows.length;
  return counts;
}

async function parse(xml: string): Promise<El> {
  const { rootElement } = await new BpmnModdle().fromXML(xml);
  return rootElement as El;
}

async function lintErrors(xml: string): Promise<string[]> {
  const linter = new Linter({ config: { extends: 'bpmnlint:recommended', rules: { 'label-required': 'off', 'no-bpmndi': 'error' } }, resolver: new NodeResolver() });
  const results = await linter.lint(await parse(xml));
  return Object.entries(results).flatMap(([rule, reports]) => reports.filter((r) => r.category === 'error').map((r) => `${rule}: ${r.id ?? ''} ${r.message}`));
}

async function opened(): Promise<Harness> {
  const h = harness();
  harnesses.push(h);
  await h.call('engagement.create', { name: 'Import', client: 'Acme' });
  return h;
}

async function imported(h: Harness, file: string, as: 'documented' | 'observed' = 'documented') {
  const reply = await h.call('import.run', { path: fixture(file), as });
  const views = await Promise.all(reply.processIds.map((id) => h.view(id)));
  return { reply, views };
}

function stepByText(view: ProcessView, text: string) {
  const step = view.steps.find((s) => s.text === text);
  if (!step) throw new Error(`No step “${text}” in ${view.process.name}`);
  return step;
}

describe('BPMN import', () => {
  it('reads a Camunda Modeler collaboration: the pool names the process, lanes, every task type, named flows, documentation; the rest is counted', async () => {
    const h = await opened();
    const { reply, views } = await imported(h, 'camunda.bpmn');
    expect(reply.summary).toEqual({
      processes: [{ name: 'Invoice handling', steps: 7, lanes: 2, flows: 6 }],
      skipped: { poolsWithoutProcess: 1, messageFlow: 1, dataStoreReference: 1, textAnnotation: 1, association: 1 },
    });
    const [view] = views as [ProcessView];
    expect(view.process.documented).toBe(true);
    expect(view.lanes.map((l) => l.name)).toEqual(['Accounts clerk', 'Approver']);
    const lane = (text: string) => view.lanes.find((l) => l.id === stepByText(view, text).laneId)?.name;
    expect(lane('Scan invoice')).toBe('Accounts clerk');
    expect(lane('Approve invoice')).toBe('Approver');
    expect(stepByText(view, 'Approved?').kind).toBe('decision');
    expect(stepByText(view, 'Book invoice').kind).toBe('activity');
    expect(stepByText(view, 'Scan invoice').description).toBe('Scan the paper invoice into the archive.');
    expect(view.flows.map((f) => f.label).filter(Boolean).sort()).toEqual(['No', 'Yes']);
  });

  it('keeps the diagram’s positions: left-to-right order and lane membership as drawn, no two steps overlapping', async () => {
    const h = await opened();
    const { views } = await imported(h, 'camunda.bpmn');
    const [view] = views as [ProcessView];
    const x = (text: string) => stepByText(view, text).x;
    expect(x('Invoice received')).toBeLessThan(x('Scan invoice'));
    expect(x('Scan invoice')).toBeLessThan(x('Approve invoice'));
    expect(x('Approve invoice')).toBeLessThan(x('Approved?'));
    expect(x('Approved?')).toBeLessThan(x('Book invoice'));
    expect(x('Book invoice')).toBeLessThan(x('Invoice booked'));
    for (const a of view.steps) {
      for (const b of view.steps) {
        if (a === b || a.laneId !== b.laneId) continue;
        const sa = STEP_SIZE[a.kind];
        const sb = STEP_SIZE[b.kind];
        const overlap = a.x < b.x + sb.width && b.x < a.x + sa.width && a.y < b.y + sb.height && b.y < a.y + sa.height;
        expect(overlap, `${a.text} and ${b.text}`).toBe(false);
      }
    }
  });

  it('reads a Signavio export: an expanded sub-process becomes a child process the step drills down into; a timer becomes a wait', async () => {
    const h = await opened();
    const { reply, views } = await imported(h, 'signavio.bpmn', 'observed');
    expect(reply.summary.skipped).toEqual({ dataObject: 1, dataObjectReference: 1 });
    const [main, child] = views as [ProcessView, ProcessView];
    expect(main.process.name).toBe('Service desk');
    expect(main.process.description).toBe('Incident handling as written in the service manual, v3.');
    expect(main.process.documented).toBe(false);
    const fix = stepByText(main, 'Diagnose and fix');
    expect(fix.kind).toBe('subprocess');
    expect(fix.subprocessId).toBe(child.process.id);
    expect(child.process.parentStepId).toBe(fix.id);
    expect(child.process.name).toBe('Diagnose and fix');
    expect(child.steps.map((s) => s.text)).toEqual(['', 'Diagnose', 'Apply fix', '']);
    expect(stepByText(child, 'Diagnose').description).toBe('Use the known-error database first.');
    expect(stepByText(main, 'Customer confirms').kind).toBe('wait');
    expect(main.flows.find((f) => f.label === 'fixed')).toBeDefined();
  });

  it('reads a Bizagi export: a pool without lanes becomes one lane named after it; a call activity opens the process it calls', async () => {
    const h = await opened();
    const { reply, views } = await imported(h, 'bizagi.bpmn');
    expect(reply.summary).toEqual({
      processes: [
        { name: 'New starter onboarding', steps: 5, lanes: 1, flows: 5 },
        { name: 'Create accounts', steps: 3, lanes: 0, flows: 2 },
      ],
      skipped: { group: 1 },
    });
    const [main, called] = views as [ProcessView, ProcessView];
    expect(main.lanes.map((l) => l.name)).toEqual(['New starter onboarding']);
    expect(main.steps.every((s) => s.laneId === main.lanes[0]?.id)).toBe(true);
    const call = stepByText(main, 'Create accounts');
    expect(call.subprocessId).toBe(called.process.id);
    expect(called.process.parentStepId).toBe(call.id);
    // Its parallel split and join are flows: creating accounts and booking the induction run side by side, after the laptop is ordered.
    expect(main.steps.filter((s) => s.kind === 'decision')).toHaveLength(0);
    const from = (text: string) => main.flows.filter((f) => f.sourceId === stepByText(main, text).id).map((f) => main.steps.find((s) => s.id === f.targetId)?.text).sort();
    expect(from('Order laptop')).toEqual(['Book induction', 'Create accounts']);
    expect(from('Create accounts')).toEqual(['Ready for day one']);
    expect(from('Book induction')).toEqual(['Ready for day one']);
  });

  it('lays out a file with no diagram (as Tidy would) and counts elements it does not know', async () => {
    const h = await opened();
    const { reply, views } = await imported(h, 'no-di.bpmn');
    expect(reply.summary.skipped).toEqual({ unknownElements: 1 });
    const [view] = views as [ProcessView];
    const x = (text: string) => stepByText(view, text).x;
    expect(x('Change requested')).toBeLessThan(x('Assess risk'));
    expect(x('Assess risk')).toBeLessThan(x('Low risk?'));
    expect(x('Ask the CAB')).toBeLessThan(x('Implement change'));
    expect(x('Implement change')).toBeLessThan(x('Change closed'));
    expect(new Set(view.steps.map((s) => `${s.x},${s.y}`)).size).toBe(view.steps.length);
  });

  it('is one command: one undo takes every imported process, lane, step and flow back, redo brings them again', async () => {
    const h = await opened();
    const before = (await h.call('engagement.load')).records;
    const { reply } = await imported(h, 'signavio.bpmn');
    expect((await h.history()).undoLabel?.key).toMatch(/^undo\.importProcess/);
    await h.call('history.undo');
    expect((await h.call('engagement.load')).records).toEqual(before);
    await h.call('history.redo');
    const after = await h.view(reply.processIds[0] as string);
    expect(after.steps).toHaveLength(5);
  });

  it.each(['camunda.bpmn', 'signavio.bpmn', 'bizagi.bpmn', 'no-di.bpmn'])('round-trips %s: exported again, bpmnlint finds no errors and the element counts are equal', async (file) => {
    const h = await opened();
    const source = await parse(fs.readFileSync(fixture(file), 'utf8'));
    const containers: El[] = [];
    const walk = (container: El) => {
      containers.push(container);
      for (const e of (container.flowElements as El[] | undefined) ?? []) if (e.$type === 'bpmn:SubProcess') walk(e);
    };
    for (const root of source.rootElements as El[]) if (root.$type === 'bpmn:Process') walk(root);
    const { views } = await imported(h, file);
    expect(views).toHaveLength(containers.length);
    for (const [i, view] of views.entries()) {
      const xml = processToBpmn({ ...view, routes: await processRoutes(view), avoid });
      expect(await lintErrors(xml)).toEqual([]);
      const exported = ((await parse(xml)).rootElements as El[]).find((e) => e.$type === 'bpmn:Process') as El;
      expect(countsOf(exported)).toEqual(countsOf(containers[i] as El));
      expect(viewCounts(view)).toEqual(importedCountsOf(containers[i] as El));
    }
  });

  it('reads a parallel gateway that only splits or only joins as flows, and keeps one after a decision or one that joins and splits', () => {
    const step = (key: string, kind: 'activity' | 'decision' = 'activity') => ({ key, laneKey: null, kind, text: key, description: '', system: '', workMinutes: null, waitMinutes: null, opensProcessKey: null, bounds: null });
    const flow = (sourceKey: string, targetKey: string, label = '') => ({ sourceKey, targetKey, label });
    const planned = (steps: string[], flows: ReturnType<typeof flow>[], decisions: string[] = []): PlannedProcess => ({
      key: 'p',
      name: 'P',
      description: '',
      lanes: [],
      steps: steps.map((k) => step(k, decisions.includes(k) || k.startsWith('g') ? 'decision' : 'activity')),
      flows,
      parentStepKey: null,
    });
    const shown = (p: PlannedProcess) => p.flows.map((f) => `${f.sourceKey}>${f.targetKey}${f.label ? `:${f.label}` : ''}`).sort();

    const splitJoin = planned(['a', 'g1', 'b', 'c', 'g2', 'd'], [flow('a', 'g1'), flow('g1', 'b'), flow('g1', 'c'), flow('b', 'g2'), flow('c', 'g2'), flow('g2', 'd')]);
    expect(dissolveParallelGateways(splitJoin, new Set(['g1', 'g2']))).toBe(2);
    expect(shown(splitJoin)).toEqual(['a>b', 'a>c', 'b>d', 'c>d']);
    expect(splitJoin.steps.map((s) => s.key)).toEqual(['a', 'b', 'c', 'd']);

    const afterDecision = planned(['q', 'g', 'b', 'c'], [flow('q', 'g', 'Yes'), flow('g', 'b'), flow('g', 'c')], ['q']);
    expect(dissolveParallelGateways(afterDecision, new Set(['g']))).toBe(0);
    expect(shown(afterDecision)).toEqual(['g>b', 'g>c', 'q>g:Yes']);

    const both = planned(['a', 'b', 'g', 'c', 'd'], [flow('a', 'g'), flow('b', 'g'), flow('g', 'c'), flow('g', 'd')]);
    expect(dissolveParallelGateways(both, new Set(['g']))).toBe(0);

    // A chain of gateways, and a flow that already exists, come out as one flow each.
    const chain = planned(['a', 'g1', 'g2', 'b', 'c'], [flow('a', 'g1'), flow('g1', 'g2'), flow('g1', 'b'), flow('g2', 'b'), flow('g2', 'c')]);
    expect(dissolveParallelGateways(chain, new Set(['g1', 'g2']))).toBe(2);
    expect(shown(chain)).toEqual(['a>b', 'a>c']);
  });
});
