import { randomUUID } from 'node:crypto';
import { defaultLaneY, LANE_HEADER_WIDTH, STEP_GAP_X, STEP_SIZE } from '../../core/geometry';
import { FOUR_PS, FREQUENCIES, LANE_COLORS, WASTE_TYPES, type StepKind } from '../../core/model';
import type { EngagementStore } from '../../db/store';
import { at } from '../helpers';
import { msg } from '../../core/messages';

/** Deterministic pseudo-random numbers (mulberry32), so every bench run measures the same engagement. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  processes: number;
  stepsPerProcess: number | number[];
  lanes: number;
  painPoints: number;
  people: number;
  seed?: number;
}

const ROLES = ['Service desk', 'Requester', 'Line manager', 'HR', 'IT operations', 'Facilities', 'Finance', 'Supplier', 'Identity system', 'Security'];
const VERBS = ['Log', 'Check', 'Approve', 'Assign', 'Update', 'Email', 'Chase', 'Verify', 'Order', 'Record', 'Escalate', 'Close'];
const THINGS = ['the ticket', 'the request', 'the access form', 'the laptop order', 'the budget code', 'the contract', 'the account', 'the badge'];
const NAMES = ['Alex', 'Sam', 'Priya', 'Jordan', 'Chen', 'Fatima', 'Noah', 'Maria', 'Tom', 'Aisha', 'Lars', 'Mei'];

/**
 * A realistic engagement: laned processes told left to right, a decision every few steps whose
 * branches rejoin, timings on most steps, pain points on steps, lanes and flows, and a stakeholder list.
 */
export function generateEngagement(store: EngagementStore, options: GenerateOptions): { processIds: string[] } {
  const random = seeded(options.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const processIds: string[] = [];
  store.command('bench.generate', msg('undo.sample.load'), (tx) => {
    const people = Array.from({ length: options.people }, (_, i) => {
      const id = randomUUID();
      tx.insert('people', {
        id,
        name: `${pick(NAMES)} ${String.fromCharCode(65 + (i % 26))}.`,
        role: pick(ROLES),
        team: pick(ROLES),
        influence: 1 + Math.floor(random() * 5),
        sponsor: i === 0,
        champion: i % 7 === 1,
        awareness: 1 + Math.floor(random() * 5),
        commitment: 1 + Math.floor(random() * 5),
        readiness: 1 + Math.floor(random() * 5),
        reinforcement: 1 + Math.floor(random() * 5),
        resistance: i % 5 === 0 ? 'prefers_current' : null,
        notes: '',
        anonymise: false,
      });
      return id;
    });
    const targets: { processId: string; kind: 'step' | 'flow' | 'lane'; id: string }[] = [];
    for (let p = 0; p < options.processes; p++) {
      const processId = randomUUID();
      processIds.push(processId);
      tx.insert('processes', { id: processId, name: `Process ${p + 1}: ${pick(VERBS)} ${pick(THINGS)}`, description: '', department: pick(ROLES), parentStepId: null, position: p, documented: false, observedId: null });
      const lanes = Array.from({ length: options.lanes }, (_, i) => {
        const id = randomUUID();
        tx.insert('lanes', { id, processId, name: ROLES[i % ROLES.length] ?? `Lane ${i}`, kind: 'role', color: at(LANE_COLORS, i % LANE_COLORS.length), position: i });
        targets.push({ processId, kind: 'lane', id });
        return id;
      });
      const count = Array.isArray(options.stepsPerProcess) ? (options.stepsPerProcess[p] ?? 10) : options.stepsPerProcess;
      let column = 0;
      let made = 0;
      const addStep = (kind: StepKind, lane: number, depth: number): string => {
        const id = randomUUID();
        const size = STEP_SIZE[kind];
        tx.insert('steps', {
          id,
          processId,
          laneId: at(lanes, lane),
          kind,
          text: kind === 'start' ? 'Request arrives' : kind === 'end' ? 'Done' : kind === 'decision' ? `${pick(THINGS)} complete?` : `${pick(VERBS)} ${pick(THINGS)}`,
          x: LANE_HEADER_WIDTH + 48 + column * (STEP_SIZE.activity.width + STEP_GAP_X) + (STEP_SIZE.activity.width - size.width) / 2,
          y: defaultLaneY(kind) + depth * 110,
          description: '',
          system: random() < 0.5 ? 'ServiceNow' : '',
          workMinutes: random() < 0.9 ? Math.round(random() * 30) : null,
          waitMinutes: random() < 0.8 ? Math.round(random() * 240) : null,
          volume: '',
          valueClass: random() < 0.3 ? 'value_adding' : random() < 0.5 ? 'necessary' : 'waste',
          sessionId: null,
          subprocessId: null,
        });
        targets.push({ processId, kind: 'step', id });
        made++;
        return id;
      };
      const connect = (from: string[], to: string, label = '') => {
        for (const source of from) {
          const id = randomUUID();
          tx.insert('flows', { id, processId, sourceId: source, targetId: to, label });
          targets.push({ processId, kind: 'flow', id });
        }
      };
      let previous = [addStep('start', 0, 0)];
      column++;
      while (made < count - 1) {
        const lane = Math.floor(random() * lanes.length);
        if (made % 8 === 6 && made < count - 4) {
          const decision = addStep('decision', lane, 0);
          connect(previous, decision);
          column++;
          const yes = addStep('activity', lane, 0);
          const no = addStep('activity', (lane + 1) % lanes.length, 1);
          connect([decision], yes, 'Yes');
          connect([decision], no, 'No');
          previous = [yes, no];
        } else {
          const step = addStep(random() < 0.1 ? 'wait' : 'activity', lane, 0);
          connect(previous, step);
          previous = [step];
        }
        column++;
      }
      connect(previous, addStep('end', Math.floor(random() * lanes.length), 0));
    }
    const numbers = new Map<string, number>();
    for (let i = 0; i < options.painPoints; i++) {
      const target = pick(targets);
      const number = (numbers.get(target.processId) ?? 0) + 1;
      numbers.set(target.processId, number);
      tx.insert('pain_points', {
        id: randomUUID(),
        processId: target.processId,
        targetKind: target.kind,
        targetId: target.id,
        number,
        text: `It takes ages because ${pick(THINGS)} goes back and forth`,
        raisedBy: people.length ? pick(people) : null,
        sessionId: null,
        waste: pick(WASTE_TYPES),
        fourP: pick(FOUR_PS),
        severity: 1 + Math.floor(random() * 5),
        frequency: pick(FREQUENCIES),
        notes: '',
      });
    }
  });
  store.db.prepare('DELETE FROM journal').run();
  return { processIds };
}
