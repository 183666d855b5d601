import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../core/contract';
import { laneBands, STEP_SIZE } from '../../core/geometry';
import { boxesOverlap, layeredLayout } from '../../core/layout';
import type { ProcessView, Step } from '../../core/model';
import { EngagementStore } from '../../db/store';
import { cleanTempDirs, harness, type Harness } from '../helpers';
import { format, msg, type Message } from '../../core/messages';

let h: Harness;
let processId: string;

beforeEach(async () => {
  h = harness();
  await h.call('engagement.create', { name: 'Capture tests', client: 'Acme' });
  processId = (await h.call('process.create', { name: 'Password reset' })).process.id;
});

afterEach(() => {
  h.workspace.close();
  cleanTempDirs();
});

const view = (): Promise<ProcessView> => h.view(processId);
const said = (label: Message | null) => (label ? format(label) : null);
const journalCount = (): unknown => h.workspace.requireStore().db.prepare('SELECT COUNT(*) AS n FROM journal').get();

async function expectError(method: string, payload: unknown, code: ErrorCode): Promise<void> {
  const before = JSON.stringify(await view());
  const journal = journalCount();
  const result = await h.dispatch(h.workspace, method, payload);
  expect(result).toMatchObject({ ok: false, error: { code } });
  expect(JSON.stringify(await view())).toBe(before);
  expect(journalCount()).toEqual(journal);
}

function expectNoOverlaps(v: ProcessView): void {
  const bands = laneBands(v.lanes, v.steps);
  const top = new Map(bands.map((b) => [b.laneId, b.top]));
  const abs = v.steps.map((s) => ({ ...s, y: (top.get(s.laneId) ?? 0) + s.y }));
  for (let i = 0; i < abs.length; i++) for (let j = i + 1; j < abs.length; j++) expect(boxesOverlap(abs[i] as Step, abs[j] as Step, 0)).toBe(false);
}

describe('lanes', () => {
  it('renames, recolours, changes kind, reorders and deletes lanes, each one undoable', async () => {
    const a = (await h.call('lane.create', { processId, name: 'Employee' })).lane;
    const b = (await h.call('lane.create', { processId, name: 'Service desk', kind: 'team' })).lane;
    const c = (await h.call('lane.create', { processId, name: 'Identity system', kind: 'system' })).lane;
    const step = (await h.call('step.add', { processId, laneId: c.id, text: 'Reset password', x: 216, y: 37 })).step;

    await h.call('lane.update', { id: a.id, patch: { name: 'Staff member', color: '#e6f4ee', kind: 'partner' } });
    expect((await view()).lanes[0]).toMatchObject({ name: 'Staff member', color: '#e6f4ee', kind: 'partner' });
    expect(await h.history()).toMatchObject({ undoLabel: msg('undo.lane.edit') });

    await h.call('lane.move', { id: c.id, direction: 'up' });
    expect((await view()).lanes.map((l) => l.name)).toEqual(['Staff member', 'Identity system', 'Service desk']);
    await h.call('lane.move', { id: a.id, direction: 'up' });
    expect((await view()).lanes.map((l) => l.name)).toEqual(['Staff member', 'Identity system', 'Service desk']);
    await h.call('history.undo');
    expect((await view()).lanes.map((l) => l.name)).toEqual(['Staff member', 'Service desk', 'Identity system']);
    await h.call('history.redo');

    await h.call('lane.delete', { id: c.id });
    const after = await view();
    expect(after.lanes.map((l) => l.id)).toEqual([a.id, b.id]);
    expect(after.steps.find((s) => s.id === step.id)).toMatchObject({ laneId: null, text: 'Reset password' });
    await h.call('history.undo');
    expect((await view()).steps.find((s) => s.id === step.id)?.laneId).toBe(c.id);
  });

  it('rejects a bad colour, an unknown direction and an empty name without changing anything', async () => {
    const lane = (await h.call('lane.create', { processId, name: 'Employee' })).lane;
    await expectError('lane.update', { id: lane.id, patch: { color: 'red' } }, 'invalid_input');
    await expectError('lane.update', { id: lane.id, patch: { name: '' } }, 'invalid_input');
    await expectError('lane.move', { id: lane.id, direction: 'sideways' }, 'invalid_input');
    await expectError('lane.update', { id: randomUUID(), patch: { name: 'Ghost' } }, 'not_found');
  });
});

describe('steps', () => {
  it('moves a step into a lane named in its text, creating the lane as an undo entry of its own, without covering another step', async () => {
    const desk = (await h.call('lane.create', { processId, name: 'Service desk' })).lane;
    const first = (await h.call('step.add', { processId, laneId: desk.id, text: 'Log the call', x: 216, y: 37 })).step;
    const engineerStep = (await h.call('step.add', { processId, laneId: desk.id, x: 456, y: 37, after: first.id })).step;
    await h.call('step.update', { id: engineerStep.id, patch: { text: 'reset password' }, laneName: 'Engineer' });
    const v = await view();
    const engineer = v.lanes.find((l) => l.name === 'Engineer');
    expect(engineer).toBeDefined();
    expect(v.steps.find((s) => s.id === engineerStep.id)).toMatchObject({ laneId: engineer?.id, text: 'reset password', x: 456 });
    // The words join the step's own entry; the new lane is the next one, so Undo takes back just the lane first.
    expect(said((await h.history()).undoLabel)).toBe('Add lane “Engineer”');

    // Same lane again, any case: no second lane. And a step moved onto an occupied spot goes to a free row.
    const other = (await h.call('step.add', { processId, laneId: desk.id, x: 456, y: 37 })).step;
    await h.call('step.update', { id: other.id, patch: { text: 'check' }, laneName: ' engineer ' });
    const v2 = await view();
    expect(v2.lanes.filter((l) => l.name.toLowerCase() === 'engineer')).toHaveLength(1);
    expectNoOverlaps(v2);

    await h.call('history.undo');
    await h.call('history.undo');
    await h.call('history.undo');
    const undone = await view();
    expect(undone.lanes.map((l) => l.name)).toEqual(['Service desk']);
    expect(undone.steps.find((s) => s.id === engineerStep.id)).toMatchObject({ laneId: desk.id, text: 'reset password' });
    expect(said((await h.history()).undoLabel)).toBe('Add step “reset password”');
    await h.call('history.undo');
    expect((await view()).steps.map((s) => s.id)).toEqual([first.id]);
  });

  it('takes the id the renderer chose, a flow label and the capturing session; refuses a duplicate id', async () => {
    const session = (await h.call('session.create', { name: 'Workshop 1', date: '2025-03-04' })).session;
    const decision = (await h.call('step.add', { processId, kind: 'decision', text: 'Verified?', x: 216, y: 19 })).step;
    const id = randomUUID();
    const added = await h.call('step.add', { id, processId, x: 400, y: 37, after: decision.id, label: 'Yes', sessionId: session.id });
    expect(added.step).toMatchObject({ id, sessionId: session.id });
    expect(added.flow).toMatchObject({ sourceId: decision.id, targetId: id, label: 'Yes' });
    expect(said((await h.history()).undoLabel)).toBe('Add branch “Yes”');
    await expectError('step.add', { id, processId, x: 0, y: 0 }, 'conflict');
  });

  it('keeps a step’s centre when its shape changes, and a sub-process step opens a child process (one undo)', async () => {
    const step = (await h.call('step.add', { processId, text: 'Order laptop', x: 400, y: 37 })).step;
    await h.call('step.update', { id: step.id, patch: { kind: 'decision' } });
    const diamond = (await view()).steps[0] as Step;
    expect(diamond.x + STEP_SIZE.decision.width / 2).toBe(step.x + STEP_SIZE.activity.width / 2);

    await h.call('step.update', { id: step.id, patch: { kind: 'subprocess' } });
    const linked = (await view()).steps[0] as Step;
    expect(linked.subprocessId).not.toBeNull();
    const child = await h.view(linked.subprocessId ?? '');
    expect(child.process).toMatchObject({ name: 'Order laptop', parentStepId: step.id });
    expect(child.breadcrumbs).toEqual([{ id: processId, name: 'Password reset' }]);

    await h.call('history.undo');
    expect((await view()).steps[0]).toMatchObject({ kind: 'decision', subprocessId: null });
    expect((await h.engagement()).processes).toHaveLength(1);
  });

  it('records details, value class and session; rejects bad numbers', async () => {
    const step = (await h.call('step.add', { processId, x: 216, y: 37 })).step;
    await h.call('step.update', {
      id: step.id,
      patch: { description: 'Checks the caller', system: 'ServiceNow', workMinutes: 4, waitMinutes: 30, volume: '120 a week', valueClass: 'necessary' },
    });
    expect((await view()).steps[0]).toMatchObject({ system: 'ServiceNow', workMinutes: 4, waitMinutes: 30, volume: '120 a week', valueClass: 'necessary' });
    await expectError('step.update', { id: step.id, patch: { workMinutes: -1 } }, 'invalid_input');
    await expectError('step.update', { id: step.id, patch: { valueClass: 'great' } }, 'invalid_input');
    await expectError('step.update', { id: step.id, patch: { sessionId: randomUUID() } }, 'not_found');
  });
});

describe('tidy (step.place)', () => {
  it('writes every position in one command that one undo reverts', async () => {
    const r = await h.call('process.mapText', {
      processId,
      text: '@Employee: ring the desk\n@Service desk: log the call\nIdentity verified?\n@Engineer: reset password\nEmployee: log in',
    });
    const before = await view();
    await h.call('step.update', { id: r.steps[1]?.id ?? '', patch: { x: 900, y: 300 } });
    const messy = await view();
    const places = layeredLayout(messy);
    const journal = (journalCount() as { n: number }).n;
    await h.call('step.place', { processId, places });
    expect((journalCount() as { n: number }).n).toBe(journal + 1);
    const tidy = await view();
    expectNoOverlaps(tidy);
    expect(tidy.steps.map((s) => s.laneId)).toEqual(before.steps.map((s) => s.laneId));
    expect(await h.history()).toMatchObject({ undoLabel: msg('undo.steps.tidy') });
    await h.call('history.undo');
    expect(await view()).toEqual(messy);
  });

  it('refuses steps of another process, too many places, and bad coordinates', async () => {
    const other = (await h.call('process.create', { name: 'Other' })).process.id;
    const foreign = (await h.call('step.add', { processId: other, x: 0, y: 0 })).step;
    await expectError('step.place', { processId, places: [{ id: foreign.id, x: 1, y: 1 }] }, 'conflict');
    await expectError('step.place', { processId, places: [] }, 'invalid_input');
    await expectError('step.place', { processId, places: Array.from({ length: 5001 }, () => ({ id: foreign.id, x: 0, y: 0 })) }, 'invalid_input');
    await expectError('step.place', { processId, places: [{ id: foreign.id, x: Number.NaN, y: 0 }] }, 'invalid_input');
  });
});

describe('type-to-map (process.mapText)', () => {
  it('turns ten lines into a connected, laned, non-overlapping flow in one undo', async () => {
    await h.call('lane.create', { processId, name: 'Service desk' });
    const text = [
      '@Employee: notices they are locked out',
      'Employee: rings the service desk',
      'Service desk: answers the call',
      'Service desk: asks security questions',
      'Identity verified?',
      '@Engineer resets the password in AD',
      'Engineer: sends a temporary password',
      'Employee: logs in with it',
      'Employee: sets a new password',
      'service desk: closes the ticket',
    ].join('\n');
    const journal = (journalCount() as { n: number }).n;
    const result = await h.call('process.mapText', { processId, text });
    expect((journalCount() as { n: number }).n).toBe(journal + 1);
    const v = await view();
    expect(result.steps).toHaveLength(10);
    expect(v.lanes.map((l) => l.name)).toEqual(['Service desk', 'Employee', 'Engineer']);
    const laneName = new Map(v.lanes.map((l) => [l.id, l.name]));
    expect(v.steps.map((s) => [laneName.get(s.laneId ?? ''), s.text, s.kind])).toEqual([
      ['Employee', 'notices they are locked out', 'activity'],
      ['Employee', 'rings the service desk', 'activity'],
      ['Service desk', 'answers the call', 'activity'],
      ['Service desk', 'asks security questions', 'activity'],
      ['Service desk', 'Identity verified?', 'decision'],
      ['Engineer', 'resets the password in AD', 'activity'],
      ['Engineer', 'sends a temporary password', 'activity'],
      ['Employee', 'logs in with it', 'activity'],
      ['Employee', 'sets a new password', 'activity'],
      ['Service desk', 'closes the ticket', 'activity'],
    ]);
    expect(v.flows).toHaveLength(9);
    v.flows.forEach((f, i) => expect([f.sourceId, f.targetId]).toEqual([v.steps[i]?.id, v.steps[i + 1]?.id]));
    for (let i = 1; i < v.steps.length; i++) expect(v.steps[i]?.x).toBeGreaterThan(v.steps[i - 1]?.x ?? 0);
    expectNoOverlaps(v);
    expect(await h.history()).toMatchObject({ undoLabel: msg('undo.process.mapText') });

    await h.call('history.undo');
    const undone = await view();
    expect(undone.steps).toEqual([]);
    expect(undone.lanes.map((l) => l.name)).toEqual(['Service desk']);
  });

  it('continues from a chosen step, in its lane', async () => {
    const first = await h.call('process.mapText', { processId, text: '@Desk: a\nDesk: b' });
    const from = first.steps[0] as Step;
    const more = await h.call('process.mapText', { processId, text: 'c\nd', after: from.id });
    const v = await view();
    expect(more.steps.map((s) => s.laneId)).toEqual([from.laneId, from.laneId]);
    expect(v.flows.filter((f) => f.sourceId === from.id)).toHaveLength(2);
    expectNoOverlaps(v);
  });

  it('refuses empty text and more than 500 lines, changing nothing', async () => {
    await expectError('process.mapText', { processId, text: '  \n\n ' }, 'invalid_input');
    await expectError('process.mapText', { processId, text: Array.from({ length: 501 }, (_, i) => `step ${i}`).join('\n') }, 'invalid_input');
    await expectError('process.mapText', { processId, text: 'x', after: randomUUID() }, 'not_found');
  });
});

describe('quotes and questions', () => {
  it('adds and deletes quotes, adds, answers and deletes questions pinned to a step, each undoable; they show in the process view', async () => {
    const person = (await h.call('person.create', { name: 'Sue Barker', role: 'Service desk analyst' })).person;
    const step = (await h.call('step.add', { processId, text: 'Ask security questions', x: 216, y: 37 })).step;
    const quote = (await h.call('quote.add', { processId, stepId: step.id, text: 'Half of them forget their mother’s maiden name.', personId: person.id })).quote;
    expect(quote.personId).toBe(person.id);
    const anonymous = (await h.call('quote.add', { processId, stepId: step.id, text: 'We just guess.' })).quote;
    expect(anonymous.personId).toBeNull();
    const question = (await h.call('question.add', { processId, stepId: step.id, text: 'Who set the security questions?' })).question;
    expect(question.status).toBe('open');
    await h.call('question.update', { id: question.id, patch: { status: 'answered', answer: 'The 2019 ITSM project' } });
    expect(await h.history()).toMatchObject({ undoLabel: msg('undo.question.answer') });

    let v = await view();
    expect(v.quotes.map((q) => [q.text, q.personId])).toEqual([
      ['Half of them forget their mother’s maiden name.', person.id],
      ['We just guess.', null],
    ]);
    expect(v.questions).toMatchObject([{ status: 'answered', answer: 'The 2019 ITSM project' }]);

    await h.call('quote.delete', { id: anonymous.id });
    await h.call('question.delete', { id: question.id });
    v = await view();
    expect(v.quotes).toHaveLength(1);
    expect(v.questions).toHaveLength(0);
    await h.call('history.undo');
    expect((await view()).questions).toHaveLength(1);
  });

  it('refuses empty text, an unknown speaker and a step from another process', async () => {
    const other = (await h.call('process.create', { name: 'Other' })).process.id;
    const foreign = (await h.call('step.add', { processId: other, x: 0, y: 0 })).step;
    await expectError('quote.add', { processId, text: '' }, 'invalid_input');
    await expectError('quote.add', { processId, text: 'Hi', personId: randomUUID() }, 'not_found');
    await expectError('question.add', { processId, stepId: foreign.id, text: 'Why?' }, 'conflict');
    await expectError('question.update', { id: randomUUID(), patch: { status: 'closed' } }, 'invalid_input');
  });
});

describe('undo history in the file', () => {
  it('survives closing and reopening: type-to-map, a lane move and a tidy undo and redo after reopening', async () => {
    await h.call('process.mapText', { processId, text: '@A: one\n@B: two\n@C: three' });
    const mapped = await view();
    await h.call('lane.move', { id: mapped.lanes[2]?.id ?? '', direction: 'up' });
    await h.call('step.update', { id: mapped.steps[0]?.id ?? '', patch: { x: 2000, y: 60 } });
    await h.call('step.place', { processId, places: layeredLayout(await view()) });
    const tidy = await view();
    const history = await h.history();
    expect(history).toMatchObject({ canUndo: true, undoLabel: msg('undo.steps.tidy') });

    const path = h.workspace.requireStore().path;
    h.workspace.close();
    h.workspace.replace(EngagementStore.open(path));
    expect(await h.history()).toEqual(history);
    expect(await view()).toEqual(tidy);
    await h.call('history.undo');
    await h.call('history.undo');
    await h.call('history.undo');
    expect((await view()).lanes.map((l) => l.name)).toEqual(['A', 'B', 'C']);
    await h.call('history.undo');
    expect((await view()).steps).toEqual([]);
    for (let i = 0; i < 4; i++) await h.call('history.redo');
    expect(await view()).toEqual(tidy);
  });
});
