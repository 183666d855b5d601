import { afterEach, describe, expect, it } from 'vitest';
import { clipboardText, copySteps } from '../../core/clipboard';
import { cleanTempDirs, harness } from '../helpers';

afterEach(cleanTempDirs);

describe('copy and paste of steps', () => {
  it('pastes steps and the flows between them into another process and another engagement, lanes by name, one undo', async () => {
    const h = harness();
    await h.call('engagement.openSample');
    const engagement = await h.engagement();
    const source = await h.view(engagement.processes[0]?.id ?? '');
    const picked = new Set(source.steps.slice(1, 5).map((s) => s.id));
    const payload = copySteps(source, picked);
    if (!payload) throw new Error('nothing copied');
    const inner = source.flows.filter((f) => picked.has(f.sourceId) && picked.has(f.targetId)).length;
    expect(payload.steps).toHaveLength(4);
    expect(payload.flows).toHaveLength(inner);
    expect(clipboardText(payload).split('\n')[0]).toMatch(/^[^:]+: /);

    // The same process: new steps to the right, the originals untouched.
    const same = await h.call('steps.paste', { processId: source.process.id, payload });
    const after = await h.view(source.process.id);
    expect(after.steps).toHaveLength(source.steps.length + 4);
    expect(Math.min(...same.steps.map((s) => s.x))).toBeGreaterThan(Math.max(...source.steps.map((s) => s.x)));
    await h.call('history.undo');
    expect((await h.view(source.process.id)).steps).toHaveLength(source.steps.length);

    // Another engagement: lanes are created by name, flows are rebuilt between the new steps.
    await h.call('engagement.create', { name: 'Other client', client: 'Contoso' });
    const { process } = await h.call('process.create', { name: 'Target' });
    const pasted = await h.call('steps.paste', { processId: process.id, payload });
    const target = await h.view(process.id);
    expect(target.steps.map((s) => s.text)).toEqual(payload.steps.map((s) => s.text));
    expect(target.flows).toHaveLength(inner);
    expect(new Set(target.lanes.map((l) => l.name))).toEqual(new Set(payload.steps.map((s) => s.laneName)));
    expect(pasted.steps.every((s) => target.lanes.some((l) => l.id === s.laneId))).toBe(true);
    await h.workspace.schedule?.pending;
    h.workspace.close();
  });

  it('refuses a payload whose flows point outside it, changing nothing', async () => {
    const h = harness();
    await h.call('engagement.create', { name: 'E', client: '' });
    const { process } = await h.call('process.create', { name: 'P' });
    const step = { ref: 'a', kind: 'activity', text: 'x', laneName: null, x: 0, y: 0, description: '', system: '', workMinutes: null, waitMinutes: null, volume: '' };
    const bad = await h.dispatch(h.workspace, 'steps.paste', {
      processId: process.id,
      payload: { format: 'shoshin.steps/1', steps: [step], flows: [{ from: 'a', to: 'zz', label: '' }] },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const malformed = await h.dispatch(h.workspace, 'steps.paste', { processId: process.id, payload: { format: 'other', steps: [], flows: [] } });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await h.view(process.id)).steps).toEqual([]);
    await h.workspace.schedule?.pending;
    h.workspace.close();
  });
});
