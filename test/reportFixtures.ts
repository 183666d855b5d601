import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { defaultLaneY, LANE_HEADER_WIDTH } from '../core/geometry';
import type { PainPoint, ProcessView, StepKind } from '../core/model';
import { EngagementStore } from '../db/store';
import { writeSample } from '../main/sample';
import { passwordProcedureBpmn } from './documentedFixture';
import { at, harness, processViewsOf, tempDir } from './helpers';
import { msg } from '../core/messages';

/** The sample engagement written to a fresh file, as `npx shoshin sample` does. */
export function sampleStore(): EngagementStore {
  const store = EngagementStore.create(path.join(tempDir(), 'sample.shoshin'), { name: 'Sample', client: '' });
  writeSample(store);
  return store;
}

export function processViews(store: EngagementStore): ProcessView[] {
  return processViewsOf(store.db);
}

/** Text a workshop can produce and XML cannot take lightly. */
export const HOSTILE = {
  meta: `<script>alert("x")</script> & 'quotes' ]]> <![CDATA[ x ]]> &amp; &#0;`,
  emoji: 'Ticket 🎫 queue 😤 👩🏽‍💻 flags 🇬🇧',
  rtl: 'שלום עולם — مرحبا بالعالم',
  control: 'bell\u0007 null\u0000 escape\u001b vertical\u000b form\u000c lone\uD800 half\uDC00 end\uFFFE\uFFFF',
  long: `${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(880)}`.slice(0, 50_000),
  longWord: 'x'.repeat(50_000),
  empty: '',
};

/** Every hostile string, in turn, for fields that cycle through them. */
export const HOSTILE_VALUES = Object.values(HOSTILE);

/** Control characters that must never reach an XML file. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * An engagement whose every text field holds hostile text, written straight through the journal
 * (as the sample loader does) so the values are exactly what a damaged or pasted-into file could hold.
 */
export function hostileStore(): EngagementStore {
  const store = EngagementStore.create(path.join(tempDir(), 'hostile.shoshin'), { name: 'x', client: 'x' });
  const pick = (i: number): string => HOSTILE_VALUES[i % HOSTILE_VALUES.length] ?? '';
  store.command('test.hostile', msg('undo.sample.load'), (tx) => {
    const engagementId = (tx.db.prepare('SELECT id FROM engagement').get() as { id: string }).id;
    tx.update('engagement', engagementId, { name: HOSTILE.meta, client: `${HOSTILE.rtl} ${HOSTILE.emoji}`, scope: HOSTILE.long, consultant: HOSTILE.control, departments: [HOSTILE.emoji, HOSTILE.empty] });
    const people = HOSTILE_VALUES.map((text, i) => {
      const id = randomUUID();
      tx.insert('people', {
        id, name: text, role: pick(i + 1), team: pick(i + 2), influence: (i % 5) + 1, sponsor: i === 0, champion: i === 1,
        awareness: (i % 5) + 1, commitment: null, readiness: 3, reinforcement: null, resistance: i % 2 ? 'fears_blame' : null, notes: pick(i + 3), anonymise: i === 2,
      });
      return id;
    });
    const sessionId = randomUUID();
    tx.insert('sessions', { id: sessionId, name: HOSTILE.meta, date: HOSTILE.emoji.slice(0, 20), facilitator: HOSTILE.rtl, notes: HOSTILE.long, participantIds: people, position: 0 });
    const painIds: string[] = [];
    HOSTILE_VALUES.forEach((processName, p) => {
      const processId = randomUUID();
      tx.insert('processes', { id: processId, name: processName, description: pick(p + 1), department: pick(p + 2), parentStepId: null, position: p, documented: false, observedId: null });
      const lanes = [0, 1].map((l) => {
        const id = randomUUID();
        tx.insert('lanes', { id, processId, name: pick(p + l), kind: l ? 'system' : 'role', color: '#e8eef9', position: l });
        return id;
      });
      const kinds: StepKind[] = ['start', 'activity', 'decision', 'wait', 'subprocess', 'activity', 'end'];
      const steps = kinds.map((kind, s) => {
        const id = randomUUID();
        tx.insert('steps', {
          id, processId, laneId: s === 5 ? null : at(lanes, s % 2), kind, text: pick(p + s), x: LANE_HEADER_WIDTH + 48 + s * 240, y: defaultLaneY(kind),
          description: pick(p + s + 1), system: pick(p + s + 2), workMinutes: s * 5, waitMinutes: s === 3 ? 600 : 0, volume: pick(s), valueClass: s % 2 ? 'value_adding' : 'waste', sessionId, subprocessId: null,
        });
        return id;
      });
      const flows = steps.slice(1).map((target, s) => {
        const id = randomUUID();
        tx.insert('flows', { id, processId, sourceId: at(steps, s), targetId: target, label: pick(p + s) });
        return id;
      });
      const backFlow = randomUUID();
      tx.insert('flows', { id: backFlow, processId, sourceId: at(steps, 3), targetId: at(steps, 1), label: HOSTILE.rtl });
      const targets: [PainPoint['targetKind'], string][] = [['step', at(steps, 1)], ['flow', at(flows, 0)], ['lane', at(lanes, 0)], ['process', processId]];
      targets.forEach(([kind, target], n) => {
        const id = randomUUID();
        painIds.push(id);
        tx.insert('pain_points', {
          id, processId, targetKind: kind, targetId: target, number: n + 1, text: pick(p + n), raisedBy: at(people, n % people.length), sessionId,
          waste: 'handoff', fourP: 'people', severity: (n % 5) + 1, frequency: 'daily', notes: pick(p + n + 1),
        });
      });
      tx.insert('quotes', { id: randomUUID(), processId, stepId: at(steps, 2), text: pick(p + 4), personId: at(people, p % people.length), sessionId });
      tx.insert('questions', { id: randomUUID(), processId, stepId: at(steps, 1), text: pick(p + 5), status: 'open', answer: pick(p) });
    });
    painIds.slice(0, 5).forEach((painPointId, i) => tx.insert('votes', { id: randomUUID(), sessionId, personId: at(people, i % people.length), painPointId, dots: i + 1 }));
    HOSTILE_VALUES.forEach((text, i) => {
      tx.insert('observations', { id: randomUUID(), text, fourP: 'people', personId: at(people, i % people.length), sessionId });
      tx.insert('opportunities', { id: randomUUID(), title: text, description: pick(i + 1), impact: (i % 5) + 1, effort: ((i + 2) % 5) + 1, horizon: i % 2 ? 'quick_win' : 'later', owner: pick(i + 2), painPointIds: painIds.slice(i, i + 3) });
      tx.insert('needs', { id: randomUUID(), kind: i % 2 ? 'training' : 'communication', text, personId: at(people, i % people.length), laneId: null });
      tx.insert('quotes', { id: randomUUID(), processId: null, stepId: null, text, personId: null, sessionId: null });
    });
  });
  return store;
}

/** The sample engagement with the client's written password-reset procedure imported, compared with the observed "Password reset", and one pair corrected. */
export async function comparedEngagement(): Promise<string> {
  const h = harness();
  await h.call('engagement.openSample');
  const bpmn = path.join(tempDir(), 'password-procedure.bpmn');
  fs.writeFileSync(bpmn, await passwordProcedureBpmn());
  const [documented] = (await h.call('import.run', { path: bpmn, as: 'documented' })).processIds;
  const engagement = await h.engagement();
  const observed = engagement.processes.find((p) => p.name === 'Password reset');
  await h.call('process.compareWith', { id: documented, observedId: observed?.id ?? null });
  // The consultant's word: the procedure's "Log the call" is not what the service desk does.
  const logged = (await h.view(documented as string)).steps.find((s) => s.text === 'Log the call');
  await h.call('match.set', { processId: documented, documentedStepId: logged?.id ?? null, observedStepId: null });
  await h.workspace.schedule?.pending;
  h.workspace.close();
  return engagement.path;
}
