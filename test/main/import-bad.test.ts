import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../core/contract';
import { MAX_IMPORT_BYTES } from '../../core/import/plan';
import { runCommand } from '../../main/cli';
import { cleanTempDirs, harness, sha256, tempDir, type Harness } from '../helpers';

const harnesses: Harness[] = [];

afterEach(async () => {
  for (const h of harnesses.splice(0)) {
    await h.workspace.schedule?.pending;
    h.workspace.close();
  }
  cleanTempDirs();
});

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'import');

async function opened(): Promise<Harness> {
  const h = harness();
  harnesses.push(h);
  await h.call('engagement.create', { name: 'Import', client: 'Acme' });
  return h;
}

function write(name: string, data: string | Buffer): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, data);
  return file;
}

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Procedure');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const BPMN_NS = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"';

const BAD: [string, () => Promise<string>, RegExp][] = [
  ['malformed XML', async () => write('broken.bpmn', `<bpmn:definitions ${BPMN_NS}><bpmn:process id="p"><bpmn:task id="t"></bpmn:process>`), /not well-formed XML/],
  ['XML that is not BPMN', async () => write('page.bpmn', '<?xml version="1.0"?><html><body><p>Procedure</p></body></html>'), /not BPMN 2\.0/],
  ['a file over 20 MB', async () => {
    const file = write('huge.bpmn', '');
    fs.truncateSync(file, MAX_IMPORT_BYTES + 1);
    return file;
  }, /larger than 20 MB/],
  ['an entity-expansion bomb', async () => {
    const entities = Array.from({ length: 10 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    return write('bomb.bpmn', `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">${entities}]><bpmn:definitions ${BPMN_NS}><bpmn:process id="p"><bpmn:task id="t" name="&lol10;"/></bpmn:process></bpmn:definitions>`);
  }, /declares its own XML entities/],
  ['a password-protected workbook', async () => {
    // Excel saves an encrypted workbook as an OLE compound file (EncryptionInfo and EncryptedPackage streams).
    const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    return write('locked.xlsx', Buffer.concat([header, Buffer.alloc(4096, 7)]));
  }, /password-protected/],
  ['a macro workbook', async () => {
    const zip = await JSZip.loadAsync(await workbook([['Step'], ['Check invoice']]));
    zip.file('xl/vbaProject.bin', Buffer.from('Attribute VB_Name = "Module1"'));
    return write('macros.xlsx', await zip.generateAsync({ type: 'nodebuffer' }));
  }, /contains macros/],
  ['a macro workbook by its name', async () => write('macros.xlsm', await workbook([['Step'], ['Check invoice']])), /contains macros/],
  ['a damaged workbook', async () => write('damaged.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(200, 1)])), /damaged or not an Excel workbook/],
  ['a file of another kind', async () => write('notes.docx', 'hello'), /imports BPMN/],
  ['a BPMN file with no steps', async () => write('empty.bpmn', `<bpmn:definitions ${BPMN_NS}><bpmn:process id="p"/></bpmn:definitions>`), /no steps to import/],
];

describe('importing bad input', () => {
  it.each(BAD)('refuses %s with one sentence and changes nothing', async (_what, make, message) => {
    const h = await opened();
    const file = await make();
    const before = await h.call('engagement.load');
    for (const method of ['import.preview', 'import.run'] as const) {
      // An empty file previews as empty; only adding it is refused.
      if (method === 'import.preview' && /no steps/.test(message.source)) continue;
      const result = (await h.dispatch(h.workspace, method, method === 'import.run' ? { path: file, as: 'documented' } : { path: file })) as Envelope<unknown>;
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.message).toMatch(message);
      expect(result.error.message).not.toContain('\n');
      expect(result.error.code).not.toBe('internal');
    }
    const after = await h.call('engagement.load');
    expect(after.records).toEqual(before.records);
    expect(after.history).toEqual(before.history);
    expect(h.logged).toEqual([]);
  });

  it('refuses a payload that names a mapping column out of range, before reading anything', async () => {
    const h = await opened();
    const result = (await h.dispatch(h.workspace, 'import.run', { path: path.join(FIXTURES, 'camunda.bpmn'), as: 'documented', mapping: { step: -1 } })) as Envelope<unknown>;
    expect(result.ok).toBe(false);
  });
});

describe('shoshin import', () => {
  async function cli(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCommand(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('imports a BPMN file into an engagement and prints the JSON summary', async () => {
    const file = path.join(tempDir(), 'demo.shoshin');
    expect((await cli(['sample', file])).code).toBe(0);
    const before = JSON.parse((await cli(['info', file])).out) as { processes: number; steps: number };
    const result = await cli(['import', file, '--from', path.join(FIXTURES, 'bizagi.bpmn'), '--as', 'observed']);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(result.out)).toEqual({
      processes: [
        { name: 'New starter onboarding', steps: 5, lanes: 1, flows: 5 },
        { name: 'Create accounts', steps: 3, lanes: 0, flows: 2 },
      ],
      skipped: { group: 1 },
    });
    const after = JSON.parse((await cli(['info', file])).out) as { processes: number; steps: number };
    expect(after).toMatchObject({ processes: before.processes + 2, steps: before.steps + 8 });
  });

  it('refuses a bad file with one line on stderr, exit 2, and leaves the engagement file as it was', async () => {
    const file = path.join(tempDir(), 'demo.shoshin');
    expect((await cli(['sample', file])).code).toBe(0);
    const before = sha256(file);
    const broken = write('broken.bpmn', '<bpmn:definitions');
    const result = await cli(['import', file, '--from', broken]);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err.split('\n')).toHaveLength(1);
    expect(result.err).toMatch(/^shoshin: This file is not well-formed XML/);
    expect(sha256(file)).toBe(before);
  });

  it('says how to call it when --from or --as is wrong', async () => {
    const file = path.join(tempDir(), 'demo.shoshin');
    expect((await cli(['sample', file])).code).toBe(0);
    expect(await cli(['import', file])).toMatchObject({ code: 2, err: expect.stringMatching(/--from/) });
    expect(await cli(['import', file, '--from', path.join(FIXTURES, 'camunda.bpmn'), '--as', 'imagined'])).toMatchObject({ code: 2, err: expect.stringMatching(/documented or observed/) });
  });
});
