import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../core/contract';
import { format, msg } from '../../core/messages';
import type { PainPoint, ProcessView } from '../../core/model';
import { cleanTempDirs, harness, type Harness } from '../helpers';

/**
 * Pain points through the real dispatcher and a real engagement file: they stay pinned to their
 * step, flow or lane whatever happens to the drawing, and deleting a step never drops them silently.
 */
let h: Harness;
let processId: string;
let lanes: { desk: string; hr: string };

beforeEach(async () => {
  h = harness();
  await h.call('engagement.create', { name: 'Pain points', client: 'Acme' });
  processId = (await h.call('process.create', { name: 'Password reset' })).process.id;
  lanes = {
    desk: (await h.call('lane.create', { processId, name: 'Service desk' })).lane.id,
    hr: (await h.call('lane.create', { processId, name: 'HR' })).lane.id,
  };
});

afterEach(() => {
  h.workspace.close();
  cleanTempDirs();
});

const view = (): Promise<ProcessView> => h.view(processId);

async function chain(...texts: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, text] of texts.entries()) {
    const previous = ids[ids.length - 1];
    const added = await h.call('step.add', { processId, laneId: lanes.desk, text, x: 200 + 240 * i, y: 40, ...(previous ? { after: previous } : {}) });
    ids.push(added.step.id);
  }
  return ids;
}

async function pin(targetKind: PainPoint['targetKind'], targetId: string, text: string): Promise<PainPoint> {
  return (await h.call('painPoint.add', { processId, targetKind, targetId, text })).painPoint;
}

async function expectError(method: string, payload: unknown, code: ErrorCode): Promise<string> {
  const result = await h.dispatch(h.workspace, method, payload);
  expect(result).toMatchObject({ ok: false, error: { code } });
  return result.ok ? '' : result.error.message;
}

function pins(v: ProcessView): string[] {
  return v.painPoints.map((p) => `${p.number}:${p.targetKind}:${p.targetId}`);
}

describe('pain points stay attached', () => {
  it('through step moves, lane changes, renames and undo of each', async () => {
    const [a, b] = await chain('Ring the desk', 'Log the call');
    const flow = (await view()).flows[0]?.id ?? '';
    const onStep = await pin('step', b ?? '', 'Forty minutes in the queue');
    const onFlow = await pin('flow', flow, 'Nobody picks up the handover');
    const onLane = await pin('lane', lanes.hr, 'HR hear about it last');
    const onProcess = await pin('process', processId, 'Nobody owns the journey');
    expect([onStep.number, onFlow.number, onLane.number, onProcess.number]).toEqual([1, 2, 3, 4]);
    const pinned = pins(await view());

    await h.call('step.update', { id: b ?? '', patch: { x: 900, y: 120 } });
    await h.call('step.update', { id: b ?? '', patch: { laneId: lanes.hr } });
    await h.call('step.update', { id: a ?? '', patch: { text: 'Ring the service desk', laneId: null } });
    await h.call('lane.update', { id: lanes.hr, patch: { name: 'Human resources' } });
    expect(pins(await view())).toEqual(pinned);
    expect((await view()).steps.find((s) => s.id === b)?.laneId).toBe(lanes.hr);

    for (let i = 0; i < 4; i++) {
      await h.call('history.undo');
      expect(pins(await view())).toEqual(pinned);
    }
    for (let i = 0; i < 4; i++) await h.call('history.redo');
    expect(pins(await view())).toEqual(pinned);

    // The register follows the step into its new lane.
    const register = (await h.analysis()).register;
    expect(register.find((r) => r.id === onStep.id)).toMatchObject({ laneId: lanes.hr, laneName: 'Human resources', targetLabel: msg('register.step', { step: 'Log the call' }) });
    const flowLabel = register.find((r) => r.id === onFlow.id)?.targetLabel;
    expect(flowLabel && format(flowLabel)).toBe('Flow: Ring the service desk → Log the call');
  });

  it('undoing the pin removes it, redo brings it back with the same number', async () => {
    const [a] = await chain('Ring the desk');
    const p = await pin('step', a ?? '', 'Queue');
    await h.call('history.undo');
    expect((await view()).painPoints).toEqual([]);
    await h.call('history.redo');
    expect((await view()).painPoints).toEqual([p]);
  });

  it('re-pins lane and flow pain points to the process when the lane or flow is deleted, and undo pins them back', async () => {
    const [a] = await chain('Ring the desk', 'Log the call');
    const flow = (await view()).flows[0]?.id ?? '';
    await pin('lane', lanes.hr, 'HR hear about it last');
    await pin('flow', flow, 'Handover lost');
    const before = pins(await view());
    await h.call('lane.delete', { id: lanes.hr });
    await h.call('flow.delete', { id: flow });
    expect((await view()).painPoints.map((p) => p.targetKind)).toEqual(['process', 'process']);
    await h.call('history.undo');
    await h.call('history.undo');
    expect(pins(await view())).toEqual(before);
    expect(a).toBeDefined();
  });
});

describe('deleting a step with pain points', () => {
  it('keeps them on the process by default (the renderer always asks first)', async () => {
    const [, b] = await chain('Ring the desk', 'Log the call', 'Reset');
    const p = await pin('step', b ?? '', 'Queue');
    await h.call('step.delete', { id: b ?? '' });
    expect((await view()).painPoints).toEqual([{ ...p, targetKind: 'process', targetId: processId }]);
  });

  it('can move them to the step before', async () => {
    const [a, b] = await chain('Ring the desk', 'Log the call', 'Reset');
    const p = await pin('step', b ?? '', 'Queue');
    await h.call('step.delete', { id: b ?? '', painPoints: 'predecessor' });
    expect((await view()).painPoints).toEqual([{ ...p, targetKind: 'step', targetId: a }]);
    await h.call('history.undo');
    expect((await view()).painPoints).toEqual([p]);
  });

  it('keeps them on the process when there is no step before to move them to', async () => {
    const [a] = await chain('Ring the desk', 'Log the call');
    const p = await pin('step', a ?? '', 'Queue');
    await h.call('step.delete', { id: a ?? '', painPoints: 'predecessor' });
    expect((await view()).painPoints).toEqual([{ ...p, targetKind: 'process', targetId: processId }]);
  });

  it('deletes them with their votes and opportunity links only when asked, and one undo restores everything', async () => {
    const [, b] = await chain('Ring the desk', 'Log the call');
    const doomed = await pin('step', b ?? '', 'Queue');
    const kept = await pin('process', processId, 'No owner');
    const person = (await h.call('person.create', { name: 'Raj Patel' })).person;
    const session = (await h.call('session.create', { name: 'Playback', participantIds: [person.id] })).session;
    await h.call('vote.start', { sessionId: session.id, dotsPerPerson: 3 });
    await h.call('vote.setDots', { sessionId: session.id, personId: person.id, painPointId: doomed.id, dots: 2 });
    const opportunity = (await h.call('opportunity.create', { title: 'Self-service reset', painPointIds: [doomed.id, kept.id] })).opportunity;
    const before = await h.analysis();

    await h.call('step.delete', { id: b ?? '', painPoints: 'delete' });
    const after = await h.analysis();
    expect(after.register.map((r) => r.id)).toEqual([kept.id]);
    expect(after.votes).toEqual([]);
    expect(after.opportunities.find((o) => o.id === opportunity.id)?.painPointIds).toEqual([kept.id]);

    await h.call('history.undo');
    const restored = await h.analysis();
    expect(restored.register.map((r) => r.id).sort()).toEqual(before.register.map((r) => r.id).sort());
    expect(restored.votes).toEqual(before.votes);
    expect(restored.opportunities).toEqual(before.opportunities);
  });

  it('refuses an unknown choice and changes nothing', async () => {
    const [a] = await chain('Ring the desk');
    await pin('step', a ?? '', 'Queue');
    await expectError('step.delete', { id: a, painPoints: 'drop' }, 'invalid_input');
    expect((await view()).steps).toHaveLength(1);
    expect((await view()).painPoints[0]?.targetKind).toBe('step');
  });
});
