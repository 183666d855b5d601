import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compareProcesses } from '../../core/compare';
import { cleanTempDirs, harness, tempDir, type Harness } from '../helpers';
import { msg } from '../../core/messages';

const harnesses: Harness[] = [];

afterEach(async () => {
  for (const h of harnesses.splice(0)) {
    await h.workspace.schedule?.pending;
    h.workspace.close();
  }
  cleanTempDirs();
});

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'import');

describe('documented and observed processes', () => {
  it('an imported procedure is compared with a process mapped in the room; a correction takes precedence and one undo takes it back; an observed process cannot be documented while compared', async () => {
    const h = harness();
    harnesses.push(h);
    await h.call('engagement.create', { name: 'Compare', client: 'Acme' });
    const doc = (await h.call('import.run', { path: path.join(FIXTURES, 'camunda.bpmn'), as: 'documented' })).processIds[0] as string;
    const shown = path.join(tempDir(), 'Invoices as shown.csv');
    fs.writeFileSync(shown, 'Role,Step\nAccounts clerk,Scan invoices\nAccounts clerk,Book invoice\nManager,Approve invoice\nAccounts clerk,File paper copy\n');
    const obs = (await h.call('import.run', { path: shown, as: 'observed' })).processIds[0] as string;

    await h.call('process.compareWith', { id: doc, observedId: obs });
    const compare = async () => {
      const [d, o] = [await h.view(doc), await h.view(obs)];
      const records = (await h.call('engagement.load')).records;
      return { d, o, c: compareProcesses(d, o, records.step_matches.filter((m) => m.processId === doc)) };
    };
    const { d, o } = await compare();
    let { c } = await compare();
    expect(d.process.observedId).toBe(obs);
    const name = (id: string) => [...d.steps, ...o.steps].find((s) => s.id === id)?.text;
    expect(c.pairs.map((p) => [name(p.documentedId), name(p.observedId)])).toEqual([
      ['Scan invoice', 'Scan invoices'],
      ['Approve invoice', 'Approve invoice'],
      ['Book invoice', 'Book invoice'],
    ]);
    expect(c.notDocumented.map(name)).toEqual(['File paper copy']);
    expect(c.otherRole.map((r) => [r.documentedLane, r.observedLane])).toEqual([['Approver', 'Manager']]);

    const booked = d.steps.find((s) => s.text === 'Invoice booked')?.id ?? null;
    const filed = o.steps.find((s) => s.text === 'File paper copy')?.id ?? null;
    await h.call('match.set', { processId: doc, documentedStepId: booked, observedStepId: filed });
    ({ c } = await compare());
    expect(c.pairs.find((p) => p.corrected)).toMatchObject({ documentedId: booked, observedId: filed });
    expect((await h.history()).undoLabel).toEqual(msg('undo.matchSteps'));
    await h.call('history.undo');
    ({ c } = await compare());
    expect(c.pairs.some((p) => p.corrected)).toBe(false);

    const refused = await h.dispatch(h.workspace, 'process.compareWith', { id: obs, observedId: doc });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
