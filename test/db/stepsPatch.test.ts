import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../core/contract';
import { laneBands } from '../../core/geometry';
import { boxesOverlap } from '../../core/layout';
import type { ProcessView, Step } from '../../core/model';
import { cleanTempDirs, harness, type Harness } from '../helpers';
import { format, type Message } from '../../core/messages';

const said = (label: Message | null) => (label ? format(label) : null);

/** The table's batch edit (steps.patch) through the real dispatcher, every reply checked against the contract. */
let h: Harness;
let processId: string;

beforeEach(async () => {
  h = harness();
  await h.call('engagement.create', { name: 'Table tests', client: 'Acme' });
  processId = (await h.call('process.create', { name: 'Access request' })).process.id;
});

afterEach(() => {
  h.workspace.close();
  cleanTempDirs();
});

const view = (): Promise<ProcessView> => h.view(processId);
const journalCount = (): number => (h.workspace.requireStore().db.prepare('SELECT COUNT(*) AS n FROM journal').get() as { n: number }).n;
const stepById = async (id: string): Promise<Step> => {
  const step = (await view()).steps.find((s) => s.id === id);
  if (!step) throw new Error(`No step ${id}`);
  return step;
};

async function expectError(payload: unknown, code: ErrorCode): Promise<void> {
  const before = JSON.stringify(await view());
  const journal = journalCount();
  const result = await h.dispatch(h.workspace, 'steps.patch', payload);
  expect(result).toMatchObject({ ok: false, error: { code } });
  expect(JSON.stringify(await view())).toBe(before);
  expect(journalCount()).toBe(journal);
}

function expectNoOverlaps(v: ProcessView): void {
  const bands = laneBands(v.lanes, v.steps);
  const top = new Map(bands.map((b) => [b.laneId, b.top]));
  const abs = v.steps.map((s) => ({ ...s, y: (top.get(s.laneId) ?? 0) + s.y }));
  for (let i = 0; i < abs.length; i++) for (let j = i + 1; j < abs.length; j++) expect(boxesOverlap(abs[i] as Step, abs[j] as Step, 0)).toBe(false);
}

async function chain(): Promise<{ desk: string; steps: Step[] }> {
  const desk = (await h.call('lane.create', { processId, name: 'Service desk' })).lane.id;
  const result = await h.call('process.mapText', { processId, text: 'Service desk: Log the request\nCheck the manager approved\nGrant access' });
  return { desk, steps: result.steps };
}

describe('many steps in one command (steps.patch)', () => {
  it('changes many fields of many steps in one transaction that one undo takes back', async () => {
    const { steps } = await chain();
    const [a, b, c] = steps as [Step, Step, Step];
    const before = await view();
    const journal = journalCount();
    const result = await h.call('steps.patch', {
      processId,
      patches: [
        { id: a.id, patch: { workMinutes: 5, waitMinutes: 60, system: 'ServiceNow' } },
        { id: b.id, patch: { workMinutes: 90, volume: '40 a week', valueClass: 'necessary' } },
        { id: c.id, patch: { text: 'Grant access in AD', waitMinutes: null } },
      ],
    });
    expect(journalCount()).toBe(journal + 1);
    expect(result.steps).toEqual([]);
    // The reply carries every changed record, so the renderer needs to read nothing back.
    expect(result.changes.filter((ch) => ch.table === 'steps').map((ch) => ch.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(result.history.canUndo).toBe(true);
    expect(said(result.history.undoLabel)).toBe('Edit 3 steps');
    expect(await stepById(a.id)).toMatchObject({ workMinutes: 5, waitMinutes: 60, system: 'ServiceNow' });
    expect(await stepById(b.id)).toMatchObject({ workMinutes: 90, volume: '40 a week', valueClass: 'necessary' });
    expect(await stepById(c.id)).toMatchObject({ text: 'Grant access in AD', waitMinutes: null });

    const undone = await h.call('history.undo');
    expect(undone.changes.filter((ch) => ch.table === 'steps')).toHaveLength(3);
    expect(await view()).toEqual(before);
    await h.call('history.redo');
    expect(await stepById(b.id)).toMatchObject({ workMinutes: 90 });
  });

  it('moves steps into lanes by id or by name, creating a named lane once, in the same undo', async () => {
    const { desk, steps } = await chain();
    const [a, b, c] = steps as [Step, Step, Step];
    await h.call('steps.patch', {
      processId,
      patches: [
        { id: a.id, patch: {}, laneName: 'Manager' },
        { id: b.id, patch: { kind: 'decision' }, laneName: ' manager ' },
        { id: c.id, patch: { laneId: null } },
      ],
    });
    const v = await view();
    const manager = v.lanes.find((l) => l.name === 'Manager');
    expect(v.lanes.map((l) => l.name)).toEqual(['Service desk', 'Manager']);
    expect(await stepById(a.id)).toMatchObject({ laneId: manager?.id });
    expect(await stepById(b.id)).toMatchObject({ laneId: manager?.id, kind: 'decision' });
    expect(await stepById(c.id)).toMatchObject({ laneId: null });
    expectNoOverlaps(v);
    await h.call('history.undo');
    expect((await view()).lanes.map((l) => l.name)).toEqual(['Service desk']);
    expect(await stepById(a.id)).toMatchObject({ laneId: desk });
  });

  it('adds rows beyond the last as new steps, connected in order after the last row, lanes by name', async () => {
    const { desk, steps } = await chain();
    const last = steps[2] as Step;
    const session = (await h.call('session.create', { name: 'Workshop 1', date: '2025-03-04' })).session;
    const result = await h.call('steps.patch', {
      processId,
      patches: [{ id: last.id, patch: { workMinutes: 10 } }],
      after: last.id,
      append: [
        { patch: { text: 'Tell the requester', workMinutes: 2, sessionId: session.id } },
        { patch: { text: 'Access right?' }, laneName: 'Requester' },
        { patch: { text: 'Open the sub-process', kind: 'subprocess' } },
      ],
    });
    expect(said(result.history.undoLabel)).toBe('Add 3 steps and edit 1');
    const [tell, right, sub] = result.steps as [Step, Step, Step];
    const v = await view();
    const requester = v.lanes.find((l) => l.name === 'Requester');
    expect(tell).toMatchObject({ laneId: desk, kind: 'activity', workMinutes: 2, sessionId: session.id });
    // A question is a decision, as when typed on the map; the lane carries on to the next row.
    expect(right).toMatchObject({ laneId: requester?.id, kind: 'decision' });
    expect(sub).toMatchObject({ laneId: requester?.id, kind: 'subprocess' });
    expect(sub.subprocessId).not.toBeNull();
    const edges = v.flows.map((f) => `${f.sourceId}>${f.targetId}`);
    expect(edges).toEqual(expect.arrayContaining([`${last.id}>${tell.id}`, `${tell.id}>${right.id}`, `${right.id}>${sub.id}`]));
    expect(tell.x).toBeGreaterThan(last.x);
    expectNoOverlaps(v);

    await h.call('history.undo');
    const undone = await view();
    expect(undone.steps).toHaveLength(3);
    expect(undone.lanes.map((l) => l.name)).toEqual(['Service desk']);
    expect((await h.engagement()).processes).toHaveLength(1);
  });

  it('keeps an end step last: new rows go in before it, its flows lead to the first of them', async () => {
    const { steps } = await chain();
    const grant = steps[2] as Step;
    const end = (await h.call('step.add', { processId, kind: 'end', text: 'Done', x: grant.x + 250, y: 40, after: grant.id })).step;
    const result = await h.call('steps.patch', { processId, patches: [], after: end.id, append: [{ patch: { text: 'Close the ticket' } }, { patch: { text: 'Send survey' } }] });
    const [close, survey] = result.steps as [Step, Step];
    const v = await view();
    const edges = v.flows.map((f) => `${f.sourceId}>${f.targetId}`);
    expect(edges).toContain(`${grant.id}>${close.id}`);
    expect(edges).toContain(`${close.id}>${survey.id}`);
    expect(edges).toContain(`${survey.id}>${end.id}`);
    expect(edges).not.toContain(`${grant.id}>${end.id}`);
    expect((await stepById(end.id)).x).toBeGreaterThan(survey.x);
    expectNoOverlaps(v);
    expect(said(result.history.undoLabel)).toBe('Add 2 steps');
    await h.call('history.undo');
    expect((await view()).flows.map((f) => `${f.sourceId}>${f.targetId}`)).toContain(`${grant.id}>${end.id}`);
    expect((await stepById(end.id)).x).toBe(end.x);
  });

  it('starts a chain in an empty process, in the first lane', async () => {
    const result = await h.call('steps.patch', { processId, patches: [], append: [{ patch: { text: 'One' } }, { patch: { text: 'Two' }, laneName: 'Desk' }] });
    const v = await view();
    expect(v.steps).toHaveLength(2);
    expect(v.flows).toHaveLength(1);
    expect(result.steps[0]).toMatchObject({ text: 'One', laneId: null });
    expect(result.steps[1]).toMatchObject({ text: 'Two', laneId: v.lanes[0]?.id });
  });

  it('refuses what it cannot do whole, changing nothing', async () => {
    const { steps } = await chain();
    const a = steps[0] as Step;
    const otherProcess = (await h.call('process.create', { name: 'Other' })).process.id;
    const foreign = (await h.call('step.add', { processId: otherProcess, text: 'Elsewhere', x: 0, y: 0 })).step;
    const foreignLane = (await h.call('lane.create', { processId: otherProcess, name: 'Theirs' })).lane;

    await expectError({ processId, patches: [] }, 'invalid_input');
    await expectError({ processId, patches: [], append: [] }, 'invalid_input');
    await expectError({ processId, patches: [{ id: a.id, patch: { workMinutes: -5 } }] }, 'invalid_input');
    await expectError({ processId, patches: [{ id: a.id, patch: { valueClass: 'great' } }] }, 'invalid_input');
    await expectError({ processId, patches: [{ id: a.id, patch: { id: randomUUID() } }] }, 'invalid_input');
    await expectError({ processId, patches: [{ id: a.id, patch: { processId: otherProcess } }] }, 'invalid_input');
    await expectError({ processId, patches: [{ id: a.id, patch: {}, laneName: '' }] }, 'invalid_input');
    // A good patch and a bad one: neither is applied.
    await expectError({ processId, patches: [{ id: a.id, patch: { workMinutes: 3 } }, { id: foreign.id, patch: { workMinutes: 3 } }] }, 'conflict');
    await expectError({ processId, patches: [{ id: a.id, patch: { workMinutes: 3 } }, { id: randomUUID(), patch: { workMinutes: 3 } }] }, 'not_found');
    await expectError({ processId, patches: [{ id: a.id, patch: { laneId: foreignLane.id } }] }, 'conflict');
    await expectError({ processId, patches: [], append: [{ patch: { text: 'x', laneId: foreignLane.id } }] }, 'conflict');
    await expectError({ processId, patches: [], after: foreign.id, append: [{ patch: { text: 'x' } }] }, 'conflict');
    await expectError({ processId: randomUUID(), patches: [{ id: a.id, patch: { workMinutes: 3 } }] }, 'not_found');
    await expectError({ processId, patches: Array.from({ length: 5001 }, () => ({ id: a.id, patch: {} })) }, 'invalid_input');
  });
});
