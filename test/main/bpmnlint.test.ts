import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BPMN_NAME_MAX, processToBpmn } from '../../core/bpmn';
import { defaultLaneY, LANE_HEADER_WIDTH, STEP_GAP_X, STEP_SIZE } from '../../core/geometry';
import type { ProcessView, StepKind } from '../../core/model';
import { msg } from '../../core/messages';
import { boxesMeet, routingInput, type AvoidApi, type Box } from '../../core/routing';
import { EngagementStore } from '../../db/store';
import { loadAvoid, processRoutes } from '../../main/report/routes';
import { generateEngagement, seeded } from '../bench/generate';
import { at, cleanTempDirs, processViewsOf, tempDir } from '../helpers';
import { lintBpmn } from '../lintBpmn';
import { hostileStore, processViews, sampleStore } from '../reportFixtures';

afterEach(cleanTempDirs);

let avoid: AvoidApi;
beforeAll(async () => {
  avoid = await loadAvoid();
});

async function bpmnOf(view: ProcessView): Promise<string> {
  return processToBpmn({ ...view, routes: await processRoutes(view), avoid });
}

const LONG = `${'The service desk checks the request against the catalogue, the budget holder and the asset register before anything is ordered, '.repeat(30)}`.trim();

/**
 * Processes drawn the way workshops draw them: decisions with two or three labelled answers that
 * rejoin, work that goes on along two ways at once, rework loops back into steps and into
 * decisions, a step that loops on itself, a start that leads two ways, ends reached from several
 * steps, a labelled flow out of a plain step, and a few names far too long for a diagram.
 */
function tangledEngagement(processes: number, steps: number, seed: number): ProcessView[] {
  const store = EngagementStore.create(path.join(tempDir(), 'tangled.shoshin'), { name: 'Tangled', client: '' });
  const random = seeded(seed);
  store.command('test.tangled', msg('undo.sample.load'), (tx) => {
    for (let p = 0; p < processes; p++) {
      const processId = randomUUID();
      tx.insert('processes', { id: processId, name: p === 1 ? LONG : `Process ${p + 1}`, description: '', department: '', parentStepId: null, position: p, documented: false, observedId: null });
      const lanes = ['Requester', 'Service desk', 'Approver', p === 2 ? LONG : 'Supplier'].map((name, i) => {
        const id = randomUUID();
        tx.insert('lanes', { id, processId, name, kind: 'role', color: '#e8eef9', position: i });
        return id;
      });
      let column = 0;
      let made = 0;
      const add = (kind: StepKind, lane: number, depth = 0, text = ''): string => {
        const id = randomUUID();
        const size = STEP_SIZE[kind];
        made++;
        tx.insert('steps', {
          id, processId, laneId: at(lanes, lane % lanes.length), kind,
          text: text || (made % 37 === 5 ? LONG : `${kind} ${made}`),
          x: LANE_HEADER_WIDTH + 48 + column * (STEP_SIZE.activity.width + STEP_GAP_X) + (STEP_SIZE.activity.width - size.width) / 2,
          y: defaultLaneY(kind) + depth * 110,
          description: '', system: '', workMinutes: null, waitMinutes: null, volume: '', valueClass: null, sessionId: null, subprocessId: null,
        });
        return id;
      };
      const connect = (from: readonly string[], to: string, label = '') => {
        for (const source of from) tx.insert('flows', { id: randomUUID(), processId, sourceId: source, targetId: to, label });
      };
      const lane = () => Math.floor(random() * lanes.length);
      const start = add('start', 0, 0, 'Request arrives');
      column++;
      // The start leads two ways at once.
      const a = add('activity', 0, 0);
      const b = add('activity', 1, 1);
      connect([start], a);
      connect([start], b);
      column++;
      let previous = [a, b];
      const history: string[] = [a];
      while (made < steps - 2) {
        const pattern = Math.floor(random() * 7);
        if (pattern === 0) {
          // A decision with two or three answers that rejoin.
          const decision = add('decision', lane(), 0, `${LONG.slice(0, 20)}?`);
          connect(previous, decision);
          column++;
          const answers = random() < 0.5 ? ['Yes', 'No'] : ['Approved', 'Rejected', 'Needs more information'];
          previous = answers.map((answer, i) => {
            const step = add('activity', lane(), i);
            connect([decision], step, answer);
            return step;
          });
        } else if (pattern === 1 && history.length > 2) {
          // A check whose "No" goes back to an earlier step (a rework loop).
          const check = add('decision', lane(), 0, 'Complete?');
          connect(previous, check);
          connect([check], at(history, Math.floor(random() * history.length)), 'No');
          column++;
          const next = add('activity', lane(), 0);
          connect([check], next, 'Yes');
          previous = [next];
        } else if (pattern === 2) {
          // Two pieces of work at once.
          const fork = add('activity', lane(), 0);
          connect(previous, fork);
          column++;
          const left = add('activity', lane(), 0);
          const right = add(random() < 0.5 ? 'wait' : 'subprocess', lane(), 1);
          connect([fork], left);
          connect([fork], right);
          previous = [left, right];
        } else if (pattern === 3 && history.length > 2) {
          // Rework from a plain step back into a decision: the decision joins and forks.
          const decision = add('decision', lane(), 0, 'Accepted?');
          connect(previous, decision);
          column++;
          const yes = add('activity', lane(), 0);
          const no = add('activity', lane(), 1);
          connect([decision], yes, 'Yes');
          connect([decision], no, 'No');
          connect([no], decision);
          previous = [yes];
        } else if (pattern === 4) {
          // A step that repeats itself until done.
          const step = add('activity', lane(), 0);
          connect(previous, step);
          connect([step], step);
          previous = [step];
        } else if (pattern === 5) {
          // A labelled flow out of a plain step (a note on the way, not an answer).
          const step = add('activity', lane(), 0);
          connect(previous, step, previous.length === 1 ? 'by email' : '');
          previous = [step];
        } else {
          const step = add('activity', lane(), 0);
          connect(previous, step);
          previous = [step];
        }
        history.push(...previous);
        column++;
      }
      // Two ends, one reached from several steps.
      const end = add('end', lane(), 0, 'Done');
      connect(previous, end);
      const cancelled = add('end', lane(), 1, 'Cancelled');
      const early = at(history, Math.floor(history.length / 2));
      connect([early], cancelled);
      connect([at(history, 0)], end);
    }
  });
  const views = processViewsOf(store.db);
  store.close();
  return views;
}

async function lintAll(views: readonly ProcessView[]): Promise<string[]> {
  const found: string[] = [];
  for (const view of views) for (const line of await lintBpmn(await bpmnOf(view))) found.push(`${view.process.name.slice(0, 40)}: ${line}`);
  return found;
}

describe('BPMN export against bpmnlint:recommended (the rules Camunda Modeler applies)', () => {
  it('reports nothing on the sample engagement', async () => {
    const store = sampleStore();
    const views = processViews(store);
    store.close();
    expect(await lintAll(views)).toEqual([]);
  });

  it('reports nothing on an engagement whose every field holds hostile text (blank names, control characters, 50,000 characters)', async () => {
    const store = hostileStore();
    const views = processViews(store);
    store.close();
    expect(await lintAll(views)).toEqual([]);
  });

  it('reports nothing on generated engagements: branches that rejoin, parallel work, loops, long names', async () => {
    const store = EngagementStore.create(path.join(tempDir(), 'generated.shoshin'), { name: 'Generated', client: '' });
    generateEngagement(store, { processes: 3, stepsPerProcess: [12, 40, 90], lanes: 5, painPoints: 20, people: 0, seed: 3 });
    const generated = processViewsOf(store.db);
    store.close();
    expect(await lintAll(generated)).toEqual([]);
    expect(await lintAll(tangledEngagement(4, 40, 11))).toEqual([]);
  });

  it('reports nothing on a 10 × 100 engagement; the gateways it adds sit beside their own steps and clear of every step', async () => {
    const views = tangledEngagement(10, 100, 5);
    expect(views).toHaveLength(10);
    const added = { parallel: 0, choice: 0, join: 0, parallelJoin: 0 };
    let notes = 0;
    const distances: number[] = [];
    for (const view of views) {
      expect(view.steps.length).toBeGreaterThanOrEqual(100);
      const xml = await bpmnOf(view);
      expect(await lintBpmn(xml)).toEqual([]);
      const { rootElement } = await new BpmnModdle().fromXML(xml);
      const root = rootElement as { rootElements: El[]; diagrams: { plane: { planeElement: (El & { bpmnElement: El; bounds?: Box })[] } }[] };
      const elements = root.rootElements.find((e) => e.$type === 'bpmn:Process')?.flowElements ?? [];
      const process = root.rootElements.find((e) => e.$type === 'bpmn:Process') as El & { artifacts?: (El & { text?: string })[] };
      notes += (process.artifacts ?? []).filter((a) => a.$type === 'bpmn:TextAnnotation' && a.text === 'by email').length;
      for (const e of elements) {
        if (e.id.startsWith('Gateway_split_')) added[e.$type === 'bpmn:ParallelGateway' ? 'parallel' : 'choice']++;
        if (e.id.startsWith('Gateway_join_')) added[e.$type === 'bpmn:ParallelGateway' ? 'parallelJoin' : 'join']++;
      }
      // Clear of every step as the canvas draws it (larger than BPMN's own shapes), not only as bpmnlint sees them.
      const steps = routingInput(view).steps;
      const areas = steps.map((s) => s.area);
      for (const shape of root.diagrams[0]?.plane.planeElement ?? []) {
        if (!shape.bpmnElement.id.startsWith('Gateway_') || !shape.bounds) continue;
        for (const area of areas) expect(boxesMeet(shape.bounds, area)).toBe(false);
        // Beside its own step, where it reads as that step's split or join.
        const own = steps.find((s) => shape.bpmnElement.id.endsWith(s.id))?.area as Box;
        distances.push(Math.max(own.x - (shape.bounds.x + shape.bounds.width), shape.bounds.x - (own.x + own.width), own.y - (shape.bounds.y + shape.bounds.height), shape.bounds.y - (own.y + own.height)));
      }
    }
    expect(added.parallel).toBeGreaterThan(0);
    expect(added.choice).toBeGreaterThan(0);
    expect(added.join).toBeGreaterThan(0);
    expect(distances.filter((d) => d > 60)).toEqual([]);
    // Work split in two (the start leads two ways at once) waits for both branches where they meet.
    expect(added.parallelJoin).toBeGreaterThanOrEqual(views.length);
    // A label on a plain flow ("by email") is kept as a text annotation: BPMN names only a decision's answers.
    expect(notes).toBeGreaterThan(0);
  }, 240_000);

  it('cuts a long name at a word, under the limit, and keeps the whole text in the documentation', async () => {
    const views = tangledEngagement(3, 40, 9);
    let cut = 0;
    for (const view of views) {
      const { rootElement } = await new BpmnModdle().fromXML(await bpmnOf(view));
      const root = rootElement as { rootElements: (El & { participants?: El[]; laneSets?: { lanes: El[] }[] })[] };
      const process = root.rootElements.find((e) => e.$type === 'bpmn:Process');
      const collaboration = root.rootElements.find((e) => e.$type === 'bpmn:Collaboration');
      const named = [...(process?.flowElements ?? []), ...(process?.laneSets?.[0]?.lanes ?? []), ...(collaboration?.participants ?? []), ...(process ? [process] : [])];
      for (const element of named) {
        const name = element.name ?? '';
        expect(Array.from(name).length).toBeLessThanOrEqual(BPMN_NAME_MAX);
        // An added gateway's question quotes its step's name, cut shorter still; the step keeps the whole text.
        if (!name.endsWith('…') || element.id.startsWith('Gateway_')) continue;
        cut++;
        expect(LONG.startsWith(name.slice(0, -1))).toBe(true);
        // At a word: what was kept ends where a word ends in the full text.
        expect(LONG[name.length - 1]).toBe(' ');
        expect(element.documentation?.[0]?.text.startsWith(LONG)).toBe(true);
      }
    }
    expect(cut).toBeGreaterThanOrEqual(3);
  });
});

interface El {
  $type: string;
  id: string;
  name?: string;
  flowElements?: El[];
  documentation?: { text: string }[];
}
