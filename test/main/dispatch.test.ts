import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PAYLOAD_BYTES, type ErrorCode } from '../../core/contract';
import { cleanTempDirs, harness, type Harness } from '../helpers';
import { msg } from '../../core/messages';

let h: Harness;

beforeEach(() => {
  h = harness();
});

afterEach(() => {
  h.workspace.close();
  cleanTempDirs();
});

async function expectError(method: unknown, payload: unknown, code: ErrorCode): Promise<void> {
  const result = await h.dispatch(h.workspace, method, payload);
  expect(result).toMatchObject({ ok: false, error: { code } });
  if (!result.ok) expect(result.error.message).toBeTypeOf('string');
}

/** Everything a user could see of the engagement, plus the undo journal. */
async function contentOf(): Promise<string> {
  const engagement = await h.engagement();
  const processes = await Promise.all(engagement.processes.map((p) => h.view(p.id)));
  const journal = h.workspace.requireStore().db.prepare('SELECT COUNT(*) AS n FROM journal').get();
  return JSON.stringify({ engagement, processes, journal });
}

describe('dispatch', () => {
  it('creates an engagement, a process and a chain of five steps joined by four flows', async () => {
    const created = await h.call('engagement.create', { name: 'Service desk review', client: 'Acme' });
    expect(created.file.path.startsWith(h.dataDir)).toBe(true);
    expect(created.records.engagement).toMatchObject([{ name: 'Service desk review', client: 'Acme' }]);

    const { process, changes } = await h.call('process.create', { name: 'Incident intake' });
    expect(changes).toEqual([{ table: 'processes', id: process.id, before: null, after: process }]);

    let previous: string | undefined;
    for (const [i, text] of ['Call arrives', 'Log ticket', 'Categorise', 'Assign', 'Resolve'].entries()) {
      const added = await h.call('step.add', { processId: process.id, text, x: 200 * i, y: 80, ...(previous ? { after: previous } : {}) });
      expect(added.flow === null).toBe(previous === undefined);
      previous = added.step.id;
    }

    const view = await h.view(process.id);
    expect(view.steps.map((s) => s.text)).toEqual(['Call arrives', 'Log ticket', 'Categorise', 'Assign', 'Resolve']);
    expect(view.flows).toHaveLength(4);
    view.flows.forEach((flow, i) => {
      expect(flow.sourceId).toBe(view.steps[i]?.id);
      expect(flow.targetId).toBe(view.steps[i + 1]?.id);
    });
    expect((await h.call('engagement.load')).records.steps).toHaveLength(5);
    expect(await h.history()).toMatchObject({ canUndo: true, undoLabel: msg('undo.step.addNamed', { text: 'Resolve' }) });
    expect(h.logged).toEqual([]);
  });

  it('answers no_engagement when nothing is open', async () => {
    await expectError('engagement.load', {}, 'no_engagement');
    await expectError('step.add', { processId: randomUUID(), x: 0, y: 0 }, 'no_engagement');
    await expectError('history.undo', {}, 'no_engagement');

    await h.call('engagement.create', { name: 'Opened then closed', client: '' });
    await h.call('engagement.close');
    await expectError('engagement.load', undefined, 'no_engagement');
  });

  describe('refuses bad calls without touching the engagement', () => {
    let processId: string;
    let stepId: string;
    let before: string;

    beforeEach(async () => {
      await h.call('engagement.create', { name: 'Service desk review', client: 'Acme' });
      processId = (await h.call('process.create', { name: 'Incident intake' })).process.id;
      stepId = (await h.call('step.add', { processId, text: 'Call arrives', x: 0, y: 0 })).step.id;
      await h.call('step.add', { processId, text: 'Log ticket', x: 200, y: 0, after: stepId });
      before = await contentOf();
    });

    afterEach(async () => {
      expect(await contentOf()).toBe(before);
      expect(h.logged).toEqual([]);
    });

    it('unknown methods', async () => {
      await expectError('step.explode', { id: stepId }, 'unknown_method');
      await expectError('toString', {}, 'unknown_method');
      await expectError('__proto__', {}, 'unknown_method');
      await expectError(42, {}, 'unknown_method');
      await expectError(undefined, {}, 'unknown_method');
    });

    it('malformed payloads', async () => {
      await expectError('step.add', { processId, x: 'abc', y: 0 }, 'invalid_input');
      await expectError('step.add', { processId, x: 0, y: 0, evil: true }, 'invalid_input');
      await expectError('step.add', { processId, x: Number.NaN, y: 0 }, 'invalid_input');
      await expectError('step.add', { processId: 'not-a-uuid', x: 0, y: 0 }, 'invalid_input');
      await expectError('step.add', null, 'invalid_input');
      await expectError('step.add', 'step', 'invalid_input');
      await expectError('step.delete', { id: "1' OR '1'='1" }, 'invalid_input');
      await expectError('step.update', { id: stepId, patch: { valueClass: 'terrible' } }, 'invalid_input');
      await expectError('step.update', { id: stepId, patch: { owner: 'Sam' } }, 'invalid_input');
      await expectError('step.update', { id: stepId, patch: { workMinutes: -5 } }, 'invalid_input');
      await expectError('process.create', { name: '' }, 'invalid_input');
      await expectError('engagement.load', { extra: 1 }, 'invalid_input');
      await expectError('process.create', { name: '   ' }, 'invalid_input');
      await expectError('person.update', { id: stepId, patch: { id: stepId } }, 'invalid_input');
    });

    it('oversized payloads', async () => {
      await expectError('step.add', { processId, x: 0, y: 0, text: 'x'.repeat(MAX_PAYLOAD_BYTES + 1) }, 'payload_too_large');
      // Bytes, not characters: é is two bytes in UTF-8.
      await expectError('step.update', { id: stepId, patch: { text: 'é'.repeat(MAX_PAYLOAD_BYTES / 2 + 1) } }, 'payload_too_large');
      const circular: Record<string, unknown> = { processId, x: 0, y: 0 };
      circular['self'] = circular;
      await expectError('step.add', circular, 'payload_too_large');
    });

    it('well-formed calls that name something missing or mismatched (rolled back whole)', async () => {
      await expectError('process.update', { id: randomUUID(), patch: { name: 'Gone' } }, 'not_found');
      await expectError('step.delete', { id: randomUUID() }, 'not_found');
      await expectError('step.add', { processId, x: 0, y: 0, after: randomUUID() }, 'not_found');
      await expectError('flow.add', { processId: randomUUID(), sourceId: stepId, targetId: stepId }, 'conflict');
    });

    it('a second flow between the same two steps, the same way round', async () => {
      const [first, second] = (await h.view(processId)).steps;
      const result = await h.dispatch(h.workspace, 'flow.add', { processId, sourceId: first?.id, targetId: second?.id, label: 'again' });
      expect(result).toMatchObject({ ok: false, error: { code: 'conflict', message: 'These two steps are already connected in this direction.' } });
    });

    it('names and text that are only spaces where one is required', async () => {
      await expectError('lane.create', { processId, name: ' \t\n ' }, 'invalid_input');
      await expectError('step.update', { id: stepId, patch: { text: 'Call arrives' }, laneName: '   ' }, 'invalid_input');
      await expectError('process.mapText', { processId, text: ' \n \n ' }, 'invalid_input');
      await expectError('process.update', { id: processId, patch: { name: '\u00a0 ' } }, 'invalid_input');
      const step = { kind: 'activity', text: 'Copied', x: 0, y: 0, description: '', system: '', workMinutes: null, waitMinutes: null, volume: '' };
      const payload = (laneName: string | null, flows: { from: string; to: string; label: string }[] = []) => ({
        format: 'shoshin.steps/1',
        steps: [{ ...step, ref: 'a', laneName }, { ...step, ref: 'b', laneName: null }],
        flows,
      });
      await expectError('steps.paste', { processId, payload: payload('  ') }, 'invalid_input');
      const twice = [{ from: 'a', to: 'b', label: '' }, { from: 'a', to: 'b', label: 'again' }];
      await expectError('steps.paste', { processId, payload: payload(null, twice) }, 'invalid_input');
    });
  });
});
