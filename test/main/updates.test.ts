import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { METHOD_NAMES, type MethodInput } from '../../core/contract';
import type { Engagement, Need, Observation, Opportunity, Person, Session } from '../../core/model';
import { changedFields } from '../../core/patch';
import { cleanTempDirs, harness, type Harness } from '../helpers';

/**
 * Every `*.update` method, sent exactly the patch shape its UI builds: the edit dialogs start
 * from the whole record and send what changed (core/patch.ts), the step panel and lane dialog
 * one field or a few at a time. The value must be there after the file is closed and reopened.
 */
let h: Harness;

beforeEach(() => {
  h = harness();
});

afterEach(() => {
  h.workspace.close();
  cleanTempDirs();
});

async function setup() {
  const view = await h.call('engagement.create', { name: 'Northwind discovery', client: 'Northwind' });
  const processId = (await h.call('process.create', { name: 'Access request' })).process.id;
  const lane = (await h.call('lane.create', { processId, name: 'Service desk' })).lane;
  const other = (await h.call('lane.create', { processId, name: 'Approver' })).lane;
  const step = (await h.call('step.add', { processId, laneId: lane.id, text: 'Log the request', x: 200, y: 40 })).step;
  const next = (await h.call('step.add', { processId, laneId: lane.id, text: 'Check the form', x: 400, y: 40, after: step.id })).step;
  const person = (await h.call('person.create', { name: 'Raj Patel', role: 'Service desk lead' })).person;
  const colleague = (await h.call('person.create', { name: 'Sue Barker', role: 'Analyst' })).person;
  const session = (await h.call('session.create', { name: 'Walkthrough', date: '2026-11-04', participantIds: [] })).session;
  const pain = (await h.call('painPoint.add', { processId, targetKind: 'step', targetId: step.id, text: 'Forms come back incomplete' })).painPoint;
  const question = (await h.call('question.add', { processId, stepId: step.id, text: 'Who approves contractors?' })).question;
  const observation = (await h.call('observation.create', { text: 'The team covers for each other' })).observation;
  const need = (await h.call('need.create', { kind: 'training', text: 'Using the new form' })).need;
  const opportunity = (await h.call('opportunity.create', { title: 'One intake form' })).opportunity;
  return { path: view.file.path, engagement: view.records.engagement[0] as Engagement, processId, lane, other, step, next, person, colleague, session, pain, question, observation, need, opportunity };
}

type Setup = Awaited<ReturnType<typeof setup>>;

/** Closes and reopens the file, so what is checked is what is on disk. */
async function reopen(path: string): Promise<void> {
  await h.call('engagement.close');
  await h.call('engagement.open', { path });
}

/** One case per update method: what its UI sends, and how to find the value again. */
const cases: Record<string, (s: Setup) => Promise<() => Promise<void>>> = {
  'engagement.update': async (s) => {
    const draft: Engagement = { ...s.engagement, name: 'Northwind ESM discovery', client: 'Northwind Health', scope: 'Access requests', objectives: 'Three quick wins', departments: ['IT', 'HR'] };
    await h.call('engagement.update', { id: s.engagement.id, patch: changedFields(s.engagement, draft) });
    return async () => expect((await h.engagement()).engagement).toEqual(draft);
  },
  'process.update': async (s) => {
    await h.call('process.update', { id: s.processId, patch: { name: 'Access request (as is)' } });
    return async () => expect((await h.view(s.processId)).process.name).toBe('Access request (as is)');
  },
  'lane.update': async (s) => {
    const patch: MethodInput<'lane.update'>['patch'] = { name: 'IT service desk', kind: 'team', color: '#e6f4ee' };
    await h.call('lane.update', { id: s.lane.id, patch });
    return async () => expect((await h.view(s.processId)).lanes.find((l) => l.id === s.lane.id)).toMatchObject(patch);
  },
  'step.update': async (s) => {
    // The step panel commits one field at a time.
    const fields: MethodInput<'step.update'>['patch'][] = [
      { text: 'Log the access request' },
      { kind: 'wait' },
      { laneId: s.other.id },
      { description: 'From the portal or by mail' },
      { system: 'ServiceNow' },
      { workMinutes: 5 },
      { waitMinutes: 120 },
      { volume: '40 a week' },
      { valueClass: 'necessary' },
      { sessionId: s.session.id },
    ];
    for (const patch of fields) await h.call('step.update', { id: s.step.id, patch });
    return async () =>
      expect((await h.view(s.processId)).steps.find((x) => x.id === s.step.id)).toMatchObject({
        text: 'Log the access request',
        kind: 'wait',
        laneId: s.other.id,
        description: 'From the portal or by mail',
        system: 'ServiceNow',
        workMinutes: 5,
        waitMinutes: 120,
        volume: '40 a week',
        valueClass: 'necessary',
        sessionId: s.session.id,
      });
  },
  'painPoint.update': async (s) => {
    const draft = { ...s.pain, text: 'Forms come back incomplete, every time', waste: 'defect' as const, fourP: 'process' as const, severity: 4, frequency: 'daily' as const, notes: 'Mondays', raisedBy: s.person.id };
    await h.call('painPoint.update', { id: s.pain.id, patch: changedFields(s.pain, draft) });
    return async () => expect((await h.view(s.processId)).painPoints[0]).toMatchObject({ ...draft, number: 1 });
  },
  'question.update': async (s) => {
    await h.call('question.update', { id: s.question.id, patch: { status: 'answered' } });
    await h.call('question.update', { id: s.question.id, patch: { answer: 'The line manager' } });
    return async () => expect((await h.view(s.processId)).questions[0]).toMatchObject({ status: 'answered', answer: 'The line manager' });
  },
  'person.update': async (s) => {
    const draft: Person = { ...s.person, name: 'Raj Patel-Singh', team: 'Service desk', influence: 4, sponsor: true, awareness: 3, commitment: 2, readiness: 3, reinforcement: 1, resistance: 'fears_blame', notes: 'Keen', anonymise: true };
    await h.call('person.update', { id: s.person.id, patch: changedFields(s.person, draft) });
    return async () => expect((await h.engagement()).people.find((p) => p.id === s.person.id)).toEqual(draft);
  },
  'session.update': async (s) => {
    const draft: Session = { ...s.session, name: 'Walkthrough and vote', date: '2026-11-05', facilitator: 'Jane Doe', notes: 'Room 4', participantIds: [s.person.id, s.colleague.id] };
    await h.call('session.update', { id: s.session.id, patch: changedFields(s.session, draft) });
    return async () => expect((await h.engagement()).sessions.find((x) => x.id === s.session.id)).toEqual(draft);
  },
  'observation.update': async (s) => {
    const draft: Observation = { ...s.observation, text: 'The team covers for each other, quietly', fourP: 'people', personId: s.person.id, sessionId: s.session.id };
    await h.call('observation.update', { id: s.observation.id, patch: changedFields(s.observation, draft) });
    return async () => expect((await h.analysis()).observations.find((o) => o.id === s.observation.id)).toEqual(draft);
  },
  'need.update': async (s) => {
    const draft: Need = { ...s.need, kind: 'communication', text: 'Why the form changed', personId: s.person.id, laneId: s.lane.id };
    await h.call('need.update', { id: s.need.id, patch: changedFields(s.need, draft) });
    return async () => expect((await h.analysis()).needs.find((n) => n.id === s.need.id)).toEqual(draft);
  },
  'opportunity.update': async (s) => {
    const draft: Opportunity = { ...s.opportunity, title: 'One intake form for every request', description: 'Portal only', impact: 4, effort: 2, horizon: 'quick_win', owner: 'Raj', painPointIds: [s.pain.id] };
    await h.call('opportunity.update', { id: s.opportunity.id, patch: changedFields(s.opportunity, draft) });
    return async () => expect((await h.analysis()).opportunities.find((o) => o.id === s.opportunity.id)).toEqual(draft);
  },
};

describe('every update method takes the patch its UI sends', () => {
  it('has a case for every *.update method in the contract', () => {
    const updates = METHOD_NAMES.filter((m) => m.endsWith('.update') && m !== 'settings.update');
    expect(Object.keys(cases).sort()).toEqual([...updates].sort());
  });

  for (const [method, run] of Object.entries(cases)) {
    it(`${method}: saves, and the value is there after reopening`, async () => {
      const s = await setup();
      const check = await run(s);
      await check();
      await reopen(s.path);
      await check();
    });
  }

  it('refuses a whole record sent as the patch, naming the field, and changes nothing', async () => {
    const s = await setup();
    const before = await h.engagement();
    const result = await h.dispatch(h.workspace, 'person.update', { id: s.person.id, patch: s.person });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await h.engagement()).toEqual(before);
  });

  it('sends nothing when a dialog is saved unchanged', () => {
    const person: Person = { id: '00000000-0000-4000-8000-000000000001', name: 'Raj', role: '', team: '', influence: null, sponsor: false, champion: false, awareness: null, commitment: null, readiness: null, reinforcement: null, resistance: null, notes: '', anonymise: false };
    expect(changedFields(person, { ...person })).toEqual({});
    expect(changedFields({ ids: ['a', 'b'] }, { ids: ['a', 'b'] })).toEqual({});
    expect(changedFields({ ids: ['a', 'b'] }, { ids: ['b', 'a'] })).toEqual({ ids: ['b', 'a'] });
  });
});
