import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../core/contract';
import { laneBands, STEP_GAP_X, STEP_SIZE } from '../../core/geometry';
import { boxesOverlap, FIRST_STEP_X } from '../../core/layout';
import type { ProcessView, Step } from '../../core/model';
import { EngagementStore } from '../../db/store';
import { cleanTempDirs, harness, type Harness } from '../helpers';
import { format, type Message } from '../../core/messages';

const said = (label: Message | null) => (label ? format(label) : null);

let h: Harness;
let processId: string;

beforeEach(async () => {
  h = harness();
  await h.call('engagement.create', { name: 'Gesture tests', client: 'Acme' });
  processId = (await h.call('process.create', { name: 'Access request' })).process.id;
});

afterEach(() => {
  h.workspace.close();
  cleanTempDirs();
});

const view = (): Promise<ProcessView> => h.view(processId);
const journalCount = (): number => (h.workspace.requireStore().db.prepare('SELECT COUNT(*) AS n FROM journal').get() as { n: number }).n;
const column = STEP_SIZE.activity.width + STEP_GAP_X;

async function expectError(method: string, payload: unknown, code: ErrorCode): Promise<void> {
  const before = JSON.stringify(await view());
  const journal = journalCount();
  const result = await h.dispatch(h.workspace, method, payload);
  expect(result).toMatchObject({ ok: false, error: { code } });
  expect(JSON.stringify(await view())).toBe(before);
  expect(journalCount()).toBe(journal);
}

function flowsOf(v: ProcessView): string[] {
  const text = new Map(v.steps.map((s) => [s.id, s.text]));
  return v.flows.map((f) => `${text.get(f.sourceId)} -> ${text.get(f.targetId)}${f.label ? ` [${f.label}]` : ''}`).sort();
}

function expectApart(v: ProcessView): void {
  const bands = laneBands(v.lanes, v.steps);
  const top = new Map(bands.map((b) => [b.laneId, b.top]));
  const abs = v.steps.map((s) => ({ ...s, y: (top.get(s.laneId) ?? 0) + s.y }));
  for (let i = 0; i < abs.length; i++) for (let j = i + 1; j < abs.length; j++) expect(boxesOverlap(abs[i] as Step, abs[j] as Step, 0)).toBe(false);
}

/** A → B → C in one lane, one column apart, plus D in a second lane under C. */
async function line(): Promise<{ desk: string; a: Step; b: Step; c: Step; d: Step }> {
  const desk = (await h.call('lane.create', { processId, name: 'Service desk' })).lane.id;
  const eng = (await h.call('lane.create', { processId, name: 'Engineer' })).lane.id;
  const a = (await h.call('step.add', { processId, laneId: desk, text: 'Logs the request', x: FIRST_STEP_X, y: 37 })).step;
  const b = (await h.call('step.add', { processId, laneId: desk, text: 'Checks the manager approved', x: FIRST_STEP_X + column, y: 37, after: a.id })).step;
  const c = (await h.call('step.add', { processId, laneId: desk, text: 'Grants access', x: FIRST_STEP_X + 2 * column, y: 37, after: b.id })).step;
  const d = (await h.call('step.add', { processId, laneId: eng, text: 'Adds the account', x: FIRST_STEP_X + 2 * column, y: 37, after: c.id })).step;
  return { desk, a, b, c, d };
}

describe('inserting a step between two (step.add with insertOn)', () => {
  it('splices A → new → B in one command and one undo entry, moving the later steps right, and one undo restores A → B', async () => {
    const { desk, a, b, c, d } = await line();
    const ab = (await view()).flows.find((f) => f.sourceId === a.id && f.targetId === b.id);
    if (!ab) throw new Error('no flow A → B');
    const pain = (await h.call('painPoint.add', { processId, targetKind: 'flow', targetId: ab.id, text: 'Requests sit here for days' })).painPoint;
    const before = await view();
    const journal = journalCount();
    const id = randomUUID();

    const added = await h.call('step.add', { id, processId, laneId: desk, kind: 'activity', text: 'Checks the request is complete', x: 0, y: 37, insertOn: ab.id });
    expect(journalCount()).toBe(journal + 1);
    expect(said((await h.history()).undoLabel)).toBe('Insert step “Checks the request is complete”');
    expect(added.flow).toMatchObject({ id: ab.id, sourceId: a.id, targetId: id });
    const v = await view();
    expect(flowsOf(v)).toEqual(
      [
        'Logs the request -> Checks the request is complete',
        'Checks the request is complete -> Checks the manager approved',
        'Checks the manager approved -> Grants access',
        'Grants access -> Adds the account',
      ].sort(),
    );
    // The flow kept its id, so what was pinned to it stays on the way out of A.
    expect(v.painPoints.find((p) => p.id === pain.id)).toMatchObject({ targetKind: 'flow', targetId: ab.id });
    const x = new Map(v.steps.map((s) => [s.id, s.x]));
    expect(x.get(id)).toBe(a.x + column);
    expect([x.get(b.id), x.get(c.id), x.get(d.id)]).toEqual([b.x + column, c.x + column, d.x + column]);
    expect(x.get(a.id)).toBe(a.x);
    expectApart(v);
    // The reply carries every change: the renderer applies it without asking again.
    expect(added.changes.filter((ch) => ch.table === 'steps').map((ch) => ch.id).sort()).toEqual([id, b.id, c.id, d.id].sort());

    await h.call('history.undo');
    expect(await view()).toEqual(before);
    await h.call('history.redo');
    expect(flowsOf(await view())).toEqual(flowsOf(v));
  });

  it('keeps a decision’s branch label on the way out of the decision', async () => {
    const decide = (await h.call('step.add', { processId, kind: 'decision', text: 'Approved?', x: FIRST_STEP_X, y: 19 })).step;
    const yes = (await h.call('step.add', { processId, text: 'Grants access', x: FIRST_STEP_X + column, y: 37, after: decide.id, label: 'Yes' })).step;
    const flow = (await view()).flows[0];
    await h.call('step.add', { processId, text: 'Checks the licence count', x: 0, y: 37, insertOn: flow?.id });
    expect(flowsOf(await view())).toEqual(['Approved? -> Checks the licence count [Yes]', 'Checks the licence count -> Grants access']);
    expect((await view()).steps.find((s) => s.id === yes.id)?.x).toBeGreaterThan(yes.x);
  });

  it('refuses a flow of another process, an unknown flow, and insertOn with after, changing nothing', async () => {
    const { a } = await line();
    const other = (await h.call('process.create', { name: 'Other' })).process.id;
    const p = (await h.call('step.add', { processId: other, x: 0, y: 0 })).step;
    const q = (await h.call('step.add', { processId: other, x: 300, y: 0, after: p.id })).step;
    const foreign = (await h.view(other)).flows.find((f) => f.targetId === q.id);
    const ab = (await view()).flows[0];
    await expectError('step.add', { processId, x: 0, y: 37, insertOn: foreign?.id }, 'conflict');
    await expectError('step.add', { processId, x: 0, y: 37, insertOn: randomUUID() }, 'not_found');
    await expectError('step.add', { processId, x: 0, y: 37, insertOn: ab?.id, after: a.id }, 'invalid_input');
  });
});

describe('a step dropped onto a flow (step.splice)', () => {
  it('splices a loose step in, in the lane it was dropped in, in one undo', async () => {
    const { a, b } = await line();
    const eng = (await view()).lanes.find((l) => l.name === 'Engineer')?.id ?? null;
    const loose = (await h.call('step.add', { processId, laneId: null, text: 'Phones the manager', x: FIRST_STEP_X + 6 * column, y: 37 })).step;
    const ab = (await view()).flows.find((f) => f.sourceId === a.id && f.targetId === b.id);
    const before = await view();
    const journal = journalCount();
    await h.call('step.splice', { id: loose.id, flowId: ab?.id, laneId: eng, y: 40 });
    expect(journalCount()).toBe(journal + 1);
    const v = await view();
    expect(v.steps.find((s) => s.id === loose.id)).toMatchObject({ laneId: eng, x: a.x + column });
    expect(flowsOf(v)).toContain('Logs the request -> Phones the manager');
    expect(flowsOf(v)).toContain('Phones the manager -> Checks the manager approved');
    expect(flowsOf(v)).not.toContain('Logs the request -> Checks the manager approved');
    expectApart(v);
    expect(said((await h.history()).undoLabel)).toBe('Move step into the flow');
    await h.call('history.undo');
    expect(await view()).toEqual(before);
  });

  it('takes a step out of its old place, joining its neighbours, and refuses one with branches', async () => {
    const { a, b, c } = await line();
    const cd = (await view()).flows.find((f) => f.sourceId === c.id);
    const ab = (await view()).flows.find((f) => f.sourceId === a.id);
    // C sits between B and D; dropped onto A → B it leaves B → D behind.
    await h.call('step.splice', { id: c.id, flowId: ab?.id, laneId: (await view()).lanes[0]?.id ?? null, y: 37 });
    expect(flowsOf(await view())).toEqual(
      ['Logs the request -> Grants access', 'Grants access -> Checks the manager approved', 'Checks the manager approved -> Adds the account'].sort(),
    );
    expect(cd).toBeDefined();

    const decide = (await h.call('step.add', { processId, kind: 'decision', text: 'Urgent?', x: FIRST_STEP_X, y: 300 })).step;
    await h.call('step.add', { processId, text: 'Phones', x: FIRST_STEP_X + column, y: 300, after: decide.id, label: 'Yes' });
    await h.call('step.add', { processId, text: 'E-mails', x: FIRST_STEP_X + column, y: 450, after: decide.id, label: 'No' });
    const bc = (await view()).flows.find((f) => f.sourceId === b.id);
    await expectError('step.splice', { id: decide.id, flowId: bc?.id, laneId: null, y: 37 }, 'conflict');
    await expectError('step.splice', { id: b.id, flowId: bc?.id, laneId: null, y: 37 }, 'conflict');
  });
});

describe('lanes from typed text', () => {
  it('adds a step with its words and an existing lane by name in one entry', async () => {
    const desk = (await h.call('lane.create', { processId, name: 'Service desk' })).lane;
    const journal = journalCount();
    const added = await h.call('step.add', { processId, text: 'Logs it', laneName: 'service  DESK', x: FIRST_STEP_X, y: 37 });
    expect(added.step).toMatchObject({ laneId: desk.id, text: 'Logs it' });
    expect(journalCount()).toBe(journal + 1);
    expect(said((await h.history()).undoLabel)).toBe('Add step “Logs it”');
  });

  it('makes a new lane its own undo entry, so undoing it keeps the step and its words', async () => {
    const desk = (await h.call('lane.create', { processId, name: 'Service desk' })).lane;
    const first = (await h.call('step.add', { processId, laneId: desk.id, text: 'Logs it', x: FIRST_STEP_X, y: 37 })).step;
    const journal = journalCount();
    const added = await h.call('step.add', { processId, laneId: desk.id, text: 'Resets the password', laneName: 'Engineer', x: FIRST_STEP_X + column, y: 37, after: first.id });
    expect(journalCount()).toBe(journal + 2);
    const lane = (await view()).lanes.find((l) => l.name === 'Engineer');
    expect(added.step).toMatchObject({ laneId: lane?.id, text: 'Resets the password' });
    expect(added.changes.some((c) => c.table === 'lanes' && c.before === null)).toBe(true);
    expect(said((await h.history()).undoLabel)).toBe('Add lane “Engineer”');

    await h.call('history.undo', { journalId: added.journalId });
    const v = await view();
    expect(v.lanes.map((l) => l.name)).toEqual(['Service desk']);
    expect(v.steps.find((s) => s.id === added.step.id)).toMatchObject({ laneId: desk.id, text: 'Resets the password' });
    const history = await h.history();
    expect([said(history.undoLabel), said(history.redoLabel)]).toEqual(['Add step “Resets the password”', 'Add lane “Engineer”']);
    await h.call('history.redo');
    expect((await view()).lanes.map((l) => l.name)).toEqual(['Service desk', 'Engineer']);
  });

  it('does the same when a step is renamed into a new lane', async () => {
    const step = (await h.call('step.add', { processId, text: 'Old words', x: FIRST_STEP_X, y: 37 })).step;
    await h.call('quote.add', { processId, text: 'We reset a lot of passwords.' });
    const journal = journalCount();
    await h.call('step.update', { id: step.id, patch: { text: 'New words' }, laneName: 'Identity team' });
    expect(journalCount()).toBe(journal + 2);
    await h.call('history.undo');
    expect((await view()).steps[0]).toMatchObject({ laneId: null, text: 'New words' });
    await h.call('history.undo');
    expect((await view()).steps[0]).toMatchObject({ text: 'Old words' });
  });

  it('undoes a named entry only while nothing came after it', async () => {
    const added = await h.call('step.add', { processId, text: 'Resets', laneName: 'Engineer', x: FIRST_STEP_X, y: 37 });
    await h.call('step.add', { processId, text: 'Next', x: FIRST_STEP_X + column, y: 37 });
    const before = await view();
    const result = await h.dispatch(h.workspace, 'history.undo', { journalId: added.journalId });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await view()).toEqual(before);
    expect(said((await h.history()).undoLabel)).toBe('Add step “Next”');
  });
});

describe('type-to-map with lanes and branches', () => {
  it('keeps colons that name no lane as text, makes "@" lanes, and draws indented lines as labelled branches', async () => {
    await h.call('lane.create', { processId, name: 'Employee' });
    const text = [
      'employee: Submits the access request',
      'Note: urgent ones by phone',
      'Pings #it_help: any update?',
      '@Manager: Approves?',
      '  Yes: @IT: Grants access',
      '    Sends the login details',
      '  No: Employee: Gets a rejection e-mail',
      'Closes the request',
    ].join('\n');
    const journal = journalCount();
    await h.call('process.mapText', { processId, text });
    expect(journalCount()).toBe(journal + 1);
    const v = await view();
    const laneName = new Map(v.lanes.map((l) => [l.id, l.name]));
    expect(v.lanes.map((l) => l.name)).toEqual(['Employee', 'Manager', 'IT']);
    expect(v.steps.map((s) => [laneName.get(s.laneId ?? '') ?? 'none', s.kind, s.text])).toEqual([
      ['Employee', 'activity', 'Submits the access request'],
      ['Employee', 'activity', 'Note: urgent ones by phone'],
      ['Employee', 'decision', 'Pings #it_help: any update?'],
      ['Manager', 'decision', 'Approves?'],
      ['IT', 'activity', 'Grants access'],
      ['IT', 'activity', 'Sends the login details'],
      ['Employee', 'activity', 'Gets a rejection e-mail'],
      ['IT', 'activity', 'Closes the request'],
    ]);
    expect(flowsOf(v)).toEqual(
      [
        'Submits the access request -> Note: urgent ones by phone',
        'Note: urgent ones by phone -> Pings #it_help: any update?',
        'Pings #it_help: any update? -> Approves?',
        'Approves? -> Grants access [Yes]',
        'Grants access -> Sends the login details',
        'Approves? -> Gets a rejection e-mail [No]',
        'Sends the login details -> Closes the request',
      ].sort(),
    );
    expectApart(v);
    const x = new Map(v.steps.map((s) => [s.text, s.x]));
    expect(x.get('Grants access')).toBe(x.get('Gets a rejection e-mail'));
    await h.call('history.undo');
    expect((await view()).lanes.map((l) => l.name)).toEqual(['Employee']);
  });
});

describe('the session being captured', () => {
  it('is remembered in the file outside the undo history, and forgotten when the session goes', async () => {
    expect(await h.call('capture.session')).toEqual({ sessionId: null });
    const session = (await h.call('session.create', { name: 'Workshop 1', date: '2025-03-04' })).session;
    const history = await h.history();
    const journal = journalCount();
    await h.call('capture.chooseSession', { sessionId: session.id });
    expect(journalCount()).toBe(journal);
    expect(await h.history()).toEqual(history);

    const path = h.workspace.requireStore().path;
    h.workspace.close();
    h.workspace.replace(EngagementStore.open(path));
    expect(await h.call('capture.session')).toEqual({ sessionId: session.id });

    await h.call('session.delete', { id: session.id });
    expect(await h.call('capture.session')).toEqual({ sessionId: null });
    const refused = await h.dispatch(h.workspace, 'capture.chooseSession', { sessionId: randomUUID() });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await h.call('capture.chooseSession', { sessionId: null });
    expect(await h.call('capture.session')).toEqual({ sessionId: null });
  });
});
