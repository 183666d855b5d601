import { afterEach, describe, expect, it } from 'vitest';
import { cleanTempDirs, harness } from '../helpers';
import { format, msg } from '../../core/messages';

afterEach(cleanTempDirs);

describe('one undo per captured step', () => {
  it('takes away a typed step, text and all, with one undo', async () => {
    const h = harness();
    await h.call('engagement.create', { name: 'Merge', client: '' });
    const { process } = await h.call('process.create', { name: 'P' });
    const first = await h.call('step.add', { processId: process.id, x: 0, y: 0 });
    await h.call('step.update', { id: first.step.id, patch: { text: 'Log the call' } });
    const second = await h.call('step.add', { processId: process.id, x: 240, y: 0, after: first.step.id });
    await h.call('step.update', { id: second.step.id, patch: { text: 'Reset password' } });
    const label = (await h.history()).undoLabel;
    expect(label).toEqual(msg('undo.step.addNamed', { text: 'Reset password' }));
    expect(label && format(label)).toBe('Add step “Reset password”');

    await h.call('history.undo');
    let view = await h.view(process.id);
    expect(view.steps.map((s) => s.text)).toEqual(['Log the call']);
    expect(view.flows).toEqual([]);

    await h.call('history.redo');
    view = await h.view(process.id);
    expect(view.steps.map((s) => s.text)).toEqual(['Log the call', 'Reset password']);

    // Renaming the step just named is its own undo step, not a second merge into its capture.
    await h.call('step.update', { id: second.step.id, patch: { text: 'Reset the password' } });
    await h.call('history.undo');
    view = await h.view(process.id);
    expect(view.steps.map((s) => s.text)).toEqual(['Log the call', 'Reset password']);

    // A later rename of an older step is its own undo step.
    await h.call('step.update', { id: first.step.id, patch: { text: 'Log the call in ServiceNow' } });
    await h.call('history.undo');
    view = await h.view(process.id);
    expect(view.steps.map((s) => s.text)).toEqual(['Log the call', 'Reset password']);
    await h.workspace.schedule?.pending;
    h.workspace.close();
  });
});
