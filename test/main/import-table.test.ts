import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../main/cli';
import { cleanTempDirs, harness, tempDir, type Harness } from '../helpers';

const harnesses: Harness[] = [];

afterEach(async () => {
  for (const h of harnesses.splice(0)) {
    await h.workspace.schedule?.pending;
    h.workspace.close();
  }
  cleanTempDirs();
});

const REQUESTS = path.join(import.meta.dirname, '..', 'fixtures', 'import', 'requests.csv');

async function opened(): Promise<Harness> {
  const h = harness();
  harnesses.push(h);
  await h.call('engagement.create', { name: 'Import', client: 'Acme' });
  return h;
}

async function xlsx(sheets: Record<string, (string | number)[][]>, hidden: string[] = []): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name, { state: hidden.includes(name) ? 'hidden' : 'visible' });
    for (const row of rows) sheet.addRow(row);
  }
  const file = path.join(tempDir(), 'procedure.xlsx');
  fs.writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
  return file;
}

describe('step table import', () => {
  it('imports a CSV procedure table with its default columns: lanes, branches with labels, systems, work and wait times', async () => {
    const h = await opened();
    const preview = await h.call('import.preview', { path: REQUESTS });
    expect(preview.format).toBe('csv');
    expect(preview.tables[0]?.mapping).toMatchObject({ id: 0, lane: 1, step: 2, next: 3, system: 4, work: 5, wait: 6, description: 7 });
    expect(preview.summary).toEqual({ processes: [{ name: 'requests', steps: 5, lanes: 3, flows: 5 }], skipped: {} });
    expect((await h.call('engagement.load')).records.processes).toHaveLength(0);

    const reply = await h.call('import.run', { path: REQUESTS, as: 'documented' });
    const view = await h.view(reply.processIds[0] as string);
    expect(view.process.documented).toBe(true);
    const step = (text: string) => view.steps.find((s) => s.text === text);
    expect(step('Check request complete?')).toMatchObject({ kind: 'decision', system: 'ServiceNow', workMinutes: 10, waitMinutes: 60 });
    expect(step('Approve request')).toMatchObject({ workMinutes: 15, waitMinutes: 2880 });
    expect(step('Submit request')?.description).toBe('Via the web form');
    const lane = (text: string) => view.lanes.find((l) => l.id === step(text)?.laneId)?.name;
    expect(lane('Approve request')).toBe('Approver');
    const labels = view.flows.filter((f) => f.sourceId === step('Check request complete?')?.id).map((f) => [f.label, view.steps.find((s) => s.id === f.targetId)?.text]);
    expect(labels.sort()).toEqual([
      ['No', 'Complete missing details; resubmit'],
      ['Yes', 'Approve request'],
    ]);
    // Laid out left to right along the flow.
    expect(step('Submit request')?.x).toBeLessThan(step('Approve request')?.x ?? 0);
    await h.call('history.undo');
    expect((await h.call('engagement.load')).records.processes).toHaveLength(0);
  });

  it('imports each visible sheet of a workbook as a process, and takes the consultant’s column mapping', async () => {
    const h = await opened();
    const file = await xlsx(
      {
        Joiners: [
          ['Who', 'What', 'Minutes'],
          ['HR', 'Send contract', 10],
          ['IT', 'Order laptop', 20],
        ],
        Leavers: [
          ['Who', 'What', 'Minutes'],
          ['IT', 'Collect laptop', 15],
        ],
        Lists: [['Who'], ['HR']],
      },
      ['Lists'],
    );
    const guessed = await h.call('import.preview', { path: file });
    expect(guessed.summary.processes.map((p) => p.name)).toEqual(['Joiners', 'Leavers']);
    const reply = await h.call('import.run', { path: file, as: 'observed', mapping: { lane: 0, step: 1, work: 2 } });
    const [joiners, leavers] = await Promise.all(reply.processIds.map((id) => h.view(id)));
    expect(joiners?.steps.map((s) => [s.text, s.workMinutes])).toEqual([
      ['Send contract', 10],
      ['Order laptop', 20],
    ]);
    expect(joiners?.lanes.map((l) => l.name)).toEqual(['HR', 'IT']);
    expect(joiners?.flows).toHaveLength(1);
    expect(leavers?.process.documented).toBe(false);
  });

  it('asks which column holds the steps when no heading says so', async () => {
    const h = await opened();
    const file = await xlsx({ Sheet1: [['Colour', 'Size'], ['Red', 'L']] });
    const result = await h.dispatch(h.workspace, 'import.run', { path: file, as: 'documented' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/No column in this table names the steps/) } });
  });

  it('shoshin import reads a CSV with --columns given by letter and number', async () => {
    const target = path.join(tempDir(), 'demo.shoshin');
    const io = () => {
      const out: string[] = [];
      const err: string[] = [];
      return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
    };
    const first = io();
    expect(await runCommand(['sample', target], first.io)).toBe(0);
    const csv = path.join(tempDir(), 'steps.csv');
    fs.writeFileSync(csv, 'x,y,z\nClerk,Open the post,\nClerk,Sort the post,\n');
    const run = io();
    expect(await runCommand(['import', target, '--from', csv, '--columns', 'lane=A,step=2'], run.io)).toBe(0);
    expect(JSON.parse(run.out.join('\n'))).toEqual({ processes: [{ name: 'steps', steps: 2, lanes: 1, flows: 1 }], skipped: {} });
  });
});
