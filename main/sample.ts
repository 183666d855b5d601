import { randomUUID } from 'node:crypto';
import { defaultLaneY, LANE_HEADER_WIDTH, STEP_GAP_X, STEP_SIZE } from '../core/geometry';
import { msg } from '../core/messages';
import { LANE_COLORS, TABLE_SCHEMAS, type LaneKind, type StepKind, type TableName } from '../core/model';
import type { Tx } from '../db/journal';
import type { EngagementStore } from '../db/store';
import sample from '../resources/sample-engagement.json';

type Nullable<T> = T | null;
interface SampleStep {
  key: string;
  lane: string;
  kind: StepKind;
  text: string;
  description: string;
  system: string;
  workMinutes: Nullable<number>;
  waitMinutes: Nullable<number>;
  volume: string;
  valueClass: Nullable<string>;
  session: Nullable<string>;
  subprocess: Nullable<string>;
}
interface SampleFlow {
  from: string;
  to: string;
  label: string;
}
interface SampleProcess {
  key: string;
  name: string;
  description: string;
  department: string;
  lanes: { key: string; name: string; kind: LaneKind }[];
  steps: SampleStep[];
  flows: SampleFlow[];
  painPoints: {
    target: string;
    ref: string;
    text: string;
    raisedBy: Nullable<string>;
    session: Nullable<string>;
    waste: Nullable<string>;
    fourP: Nullable<string>;
    severity: Nullable<number>;
    frequency: Nullable<string>;
    notes: string;
  }[];
  quotes: { step: Nullable<string>; text: string; person: Nullable<string>; session: Nullable<string> }[];
  questions: { step: Nullable<string>; text: string; status: string; answer: string }[];
}
interface SampleData {
  engagement: { name: string; client: string; scope: string; objectives: string; consultant: string; departments: string[] };
  people: (Record<string, unknown> & { key: string })[];
  sessions: { key: string; name: string; date: string; facilitator: string; notes: string; participants: string[] }[];
  processes: SampleProcess[];
  observations: { text: string; fourP: Nullable<string>; person: Nullable<string>; session: Nullable<string> }[];
  opportunities: { title: string; description: string; impact: number; effort: number; horizon: string; owner: string; painPoints: string[] }[];
  votes: { session: string; person: string; painPoint: string; dots: number }[];
  voteRounds: { session: string; dotsPerPerson: number; revealed: boolean }[];
  needs: { kind: string; text: string; person: Nullable<string>; lane: Nullable<string> }[];
}

const data = sample as unknown as SampleData;

/**
 * Column of each step: its longest distance from the start, ignoring flows that loop back,
 * so the sample reads left to right the way it was told.
 */
function columns(steps: readonly SampleStep[], flows: readonly SampleFlow[]): Map<string, number> {
  const out = new Map<string, string[]>();
  for (const f of flows) out.set(f.from, [...(out.get(f.from) ?? []), f.to]);
  const order = new Map(steps.map((s, i) => [s.key, i]));
  const column = new Map<string, number>();
  for (const s of steps) column.set(s.key, 0);
  for (const s of steps) {
    for (const next of out.get(s.key) ?? []) {
      if ((order.get(next) ?? 0) > (order.get(s.key) ?? 0)) column.set(next, Math.max(column.get(next) ?? 0, (column.get(s.key) ?? 0) + 1));
    }
  }
  return column;
}

/** Writes the demo engagement into a freshly created store, as one journalled command per area. */
export function writeSample(store: EngagementStore): void {
  const id = new Map<string, string>();
  const key = (scope: string, k: string | null): string | null => (k === null ? null : (id.get(`${scope}:${k}`) ?? null));
  store.command('sample.load', msg('undo.sample.load'), (tx: Tx) => {
    // The sample is data like any other: each record is checked against its schema on the way in.
    const insert = <N extends TableName>(table: N, record: Record<string, unknown>): void => {
      tx.insert(table, TABLE_SCHEMAS[table].parse(record));
    };
    const engagementId = (tx.db.prepare('SELECT id FROM engagement').get() as { id: string }).id;
    tx.update('engagement', engagementId, data.engagement);
    for (const p of data.people) {
      const { key: k, ...rest } = p;
      id.set(`person:${k}`, randomUUID());
      insert('people', { ...rest, id: id.get(`person:${k}`) ?? '' });
    }
    data.sessions.forEach((s, position) => {
      id.set(`session:${s.key}`, randomUUID());
      insert('sessions', {
        id: id.get(`session:${s.key}`) ?? '',
        name: s.name,
        date: s.date,
        facilitator: s.facilitator,
        notes: s.notes,
        participantIds: s.participants.map((p) => key('person', p)),
        position,
      });
    });
    for (const p of data.processes) id.set(`process:${p.key}`, randomUUID());
    const painPointIds = new Map<string, string>();
    data.processes.forEach((p, position) => {
      const processId = key('process', p.key) ?? '';
      insert('processes', { id: processId, name: p.name, description: p.description, department: p.department, parentStepId: null, position, documented: false, observedId: null });
      p.lanes.forEach((l, i) => {
        id.set(`lane:${p.key}:${l.key}`, randomUUID());
        insert('lanes', { id: key('lane', `${p.key}:${l.key}`) ?? '', processId, name: l.name, kind: l.kind, color: LANE_COLORS[i % LANE_COLORS.length], position: i });
      });
      const column = columns(p.steps, p.flows);
      const stacked = new Map<string, number>();
      for (const s of p.steps) {
        const col = column.get(s.key) ?? 0;
        const slot = `${s.lane}:${col}`;
        const depth = stacked.get(slot) ?? 0;
        stacked.set(slot, depth + 1);
        const size = STEP_SIZE[s.kind];
        id.set(`step:${p.key}:${s.key}`, randomUUID());
        insert('steps', {
          id: key('step', `${p.key}:${s.key}`) ?? '',
          processId,
          laneId: key('lane', `${p.key}:${s.lane}`),
          kind: s.kind,
          text: s.text,
          x: LANE_HEADER_WIDTH + 48 + col * (STEP_SIZE.activity.width + STEP_GAP_X) + (STEP_SIZE.activity.width - size.width) / 2,
          y: defaultLaneY(s.kind) + depth * 120,
          description: s.description,
          system: s.system,
          workMinutes: s.workMinutes,
          waitMinutes: s.waitMinutes,
          volume: s.volume,
          valueClass: s.valueClass,
          sessionId: key('session', s.session),
          subprocessId: null,
        });
      }
      for (const f of p.flows) {
        id.set(`flow:${p.key}:${f.from}>${f.to}`, randomUUID());
        insert('flows', {
          id: key('flow', `${p.key}:${f.from}>${f.to}`) ?? '',
          processId,
          sourceId: key('step', `${p.key}:${f.from}`),
          targetId: key('step', `${p.key}:${f.to}`),
          label: f.label,
        });
      }
      p.painPoints.forEach((pp, index) => {
        const target = pp.target === 'process' ? processId : key(pp.target, `${p.key}:${pp.ref}`);
        const painId = randomUUID();
        painPointIds.set(`${p.key}:${index}`, painId);
        insert('pain_points', {
          id: painId,
          processId,
          targetKind: pp.target,
          targetId: target,
          number: index + 1,
          text: pp.text,
          raisedBy: key('person', pp.raisedBy),
          sessionId: key('session', pp.session),
          waste: pp.waste,
          fourP: pp.fourP,
          severity: pp.severity,
          frequency: pp.frequency,
          notes: pp.notes,
        });
      });
      for (const q of p.quotes) {
        insert('quotes', { id: randomUUID(), processId, stepId: key('step', `${p.key}:${q.step}`), text: q.text, personId: key('person', q.person), sessionId: key('session', q.session) });
      }
      for (const q of p.questions) {
        insert('questions', { id: randomUUID(), processId, stepId: key('step', `${p.key}:${q.step}`), text: q.text, status: q.status, answer: q.answer });
      }
    });
    for (const p of data.processes) {
      for (const s of p.steps) {
        if (!s.subprocess) continue;
        const stepId = key('step', `${p.key}:${s.key}`) ?? '';
        const childId = key('process', s.subprocess) ?? '';
        tx.update('steps', stepId, { subprocessId: childId });
        tx.update('processes', childId, { parentStepId: stepId });
      }
    }
    for (const o of data.observations) {
      insert('observations', { id: randomUUID(), text: o.text, fourP: o.fourP, personId: key('person', o.person), sessionId: key('session', o.session) });
    }
    for (const o of data.opportunities) {
      const { painPoints, ...rest } = o;
      insert('opportunities', { id: randomUUID(), ...rest, painPointIds: painPoints.map((k) => painPointIds.get(k) ?? '') });
    }
    for (const v of data.votes) {
      insert('votes', { id: randomUUID(), sessionId: key('session', v.session), personId: key('person', v.person), painPointId: painPointIds.get(v.painPoint) ?? '', dots: v.dots });
    }
    for (const r of data.voteRounds) {
      insert('vote_rounds', { id: randomUUID(), sessionId: key('session', r.session), dotsPerPerson: r.dotsPerPerson, revealed: r.revealed, startedAt: new Date().toISOString() });
    }
    for (const n of data.needs) {
      insert('needs', { id: randomUUID(), kind: n.kind, text: n.text, personId: key('person', n.person), laneId: n.lane ? key('lane', n.lane) : null });
    }
  });
  store.db.prepare('DELETE FROM journal').run();
}
