import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import validate from '@ooxml-tools/validate';
import { BpmnModdle } from 'bpmn-moddle';
import mammoth from 'mammoth';
import { afterEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../main/cli';
import { cleanTempDirs, tempDir } from '../helpers';
import { sampleStore } from '../reportFixtures';

afterEach(cleanTempDirs);

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCommand(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function sampleFile(): string {
  const store = sampleStore();
  const file = store.path;
  store.close();
  return file;
}

describe('shoshin export', () => {
  it('runs as the real bin/shoshin.mjs without Electron: a valid Word report and one BPMN file per process', async () => {
    const file = sampleFile();
    const dir = tempDir();
    const report = path.join(dir, 'report.docx');
    const docx = await run(process.execPath, ['bin/shoshin.mjs', 'export', file, '--format', 'docx', '--out', report, '--anonymise', '--no-confidential'], { cwd: ROOT });
    expect(docx.stdout.trim()).toBe(`Wrote ${report}`);
    expect(await validate(new Uint8Array(fs.readFileSync(report)), 'docx', 'Microsoft365')).toEqual([]);
    const text = (await mammoth.extractRawText({ path: report })).value;
    expect(text).toContain('Executive summary');
    expect(text).not.toContain('Helen Okafor');
    expect(text).not.toContain('CONFIDENTIAL');

    const folder = path.join(dir, 'bpmn');
    const bpmn = await run(process.execPath, ['bin/shoshin.mjs', 'export', file, '--format', 'bpmn', '--out', folder], { cwd: ROOT });
    const written = bpmn.stdout.trim().split('\n');
    expect(written).toHaveLength(3);
    expect(fs.readdirSync(folder).sort()).toEqual(['New starter onboarding.bpmn', 'Order laptop.bpmn', 'Password reset.bpmn']);
    for (const name of fs.readdirSync(folder)) {
      expect((await new BpmnModdle().fromXML(fs.readFileSync(path.join(folder, name), 'utf8'))).warnings).toEqual([]);
    }
    // The engagement file is only read: no lock or WAL files are left beside it.
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual([path.basename(file)]);
  }, 120_000);

  it('exports one process by name as SVG or PNG, and the registers as CSV', async () => {
    const file = sampleFile();
    const dir = tempDir();
    expect(await cli(['export', file, '--format', 'svg', '--process', 'order LAPTOP', '--out', path.join(dir, 'laptop.svg')])).toMatchObject({ code: 0 });
    expect(fs.readFileSync(path.join(dir, 'laptop.svg'), 'utf8')).toContain('>IT asset team</text>');
    expect(await cli(['export', file, '--format', 'png', '--process', 'Password reset', '--out', path.join(dir, 'reset.png')])).toMatchObject({ code: 0 });
    expect(fs.readFileSync(path.join(dir, 'reset.png')).subarray(1, 4).toString()).toBe('PNG');
    // Anonymised by default; named with --no-anonymise, except for those who asked not to be.
    expect(await cli(['export', file, '--format', 'csv', '--register', 'stakeholders', '--out', path.join(dir, 'people.csv')])).toMatchObject({ code: 0 });
    expect(fs.readFileSync(path.join(dir, 'people.csv'), 'utf8')).not.toContain('Helen Okafor');
    expect(await cli(['export', file, '--format', 'csv', '--register', 'stakeholders', '--no-anonymise', '--out', path.join(dir, 'named.csv')])).toMatchObject({ code: 0 });
    expect(fs.readFileSync(path.join(dir, 'named.csv'), 'utf8')).toContain('Helen Okafor');
    expect(fs.readFileSync(path.join(dir, 'named.csv'), 'utf8')).not.toContain('Jo Fletcher');
    expect(await cli(['export', file, '--format', 'csv', '--anonymise', '--out', path.join(dir, 'pains.csv')])).toMatchObject({ code: 0 });
    const pains = fs.readFileSync(path.join(dir, 'pains.csv'), 'utf8');
    expect(pains.startsWith('\uFEFFProcess,Number,Pain point')).toBe(true);
    expect(pains).not.toContain('Sue Barker');
  }, 120_000);

  it('takes report options from a JSON file, with flags on top', async () => {
    const file = sampleFile();
    const dir = tempDir();
    const options = path.join(dir, 'opts.json');
    fs.writeFileSync(options, JSON.stringify({ sections: ['summary', 'people'], includeQuestions: false, brandColor: '#0b6e4f' }));
    const out = path.join(dir, 'r.docx');
    expect(await cli(['export', file, '--format', 'docx', '--options', options, '--sections', 'people', '--out', out])).toMatchObject({ code: 0 });
    const html = (await mammoth.convertToHtml({ path: out })).value;
    expect(html).toContain('People and readiness for change');
    expect(html).not.toContain('Executive summary</h1>');
    expect(html).not.toMatch(/<h1>(<a [^>]*><\/a>)*Executive summary/);
  }, 120_000);

  it('explains bad input with exit code 2 and writes nothing', async () => {
    const file = sampleFile();
    const dir = tempDir();
    const out = path.join(dir, 'x.docx');
    const cases: [string[], string][] = [
      [['export'], 'Say which engagement'],
      [['export', file, '--out', out], 'Say which format'],
      [['export', file, '--format', 'pdf', '--out', out], 'Say which format with --format docx|bpmn|svg|png|csv'],
      [['export', file, '--format', 'docx'], 'Say where to write'],
      [['export', file, '--format', 'docx', '--out', out, '--colour', 'red'], "Unknown option '--colour'"],
      [['export', file, '--format', 'docx', '--out', out, '--brand-color', 'red'], 'Use a colour like #1f4e79'],
      [['export', file, '--format', 'docx', '--out', out, '--sections', 'summary,gossip'], 'Unknown section “gossip”'],
      [['export', file, '--format', 'docx', '--out', out, '--options', path.join(dir, 'none.json')], 'Cannot read the options file'],
      [['export', file, '--format', 'docx', '--out', out, '--logo', path.join(dir, 'none.png')], 'The logo file was not found'],
      [['export', file, '--format', 'docx', '--out', out, '--template', path.join(dir, 'none.dotx')], 'The template file was not found'],
      [['export', file, '--format', 'docx', '--out', out, '--map-paper', 'a5'], '--map-paper must be a4 or a3'],
      [['export', file, '--format', 'docx', '--out', out, '--language', 'English please'], 'Use a language tag like en-GB'],
      [['export', file, '--format', 'svg', '--process', 'Payroll', '--out', out], 'No process called “Payroll”'],
      [['export', file, '--format', 'docx', '--process', 'Password reset', '--out', out], '--process is for bpmn, svg and png'],
      [['export', file, '--format', 'csv', '--register', 'gossip', '--out', out], '--register must be pain-points or stakeholders'],
      [['export', path.join(dir, 'missing.shoshin'), '--format', 'docx', '--out', out], 'No engagement file at'],
      [['export', file, '--format', 'docx', '--out', out, '--confidential', '--no-confidential'], 'not both'],
      [['export', file, '--format', 'docx', '--out', out, '--anonymise', '--no-anonymise'], 'not both'],
      [['export', file, '--format', 'docx', '--out', out, '--name-individuals'], 'needs --no-anonymise'],
    ];
    const badJson = path.join(dir, 'bad.json');
    fs.writeFileSync(badJson, '{"anonymise": "yes"}');
    cases.push([['export', file, '--format', 'docx', '--out', out, '--options', badJson], 'is not valid at anonymise']);
    for (const [args, message] of cases) {
      const result = await cli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err).toContain(message);
      expect(result.out).toBe('');
    }
    expect(fs.existsSync(out)).toBe(false);

    fs.writeFileSync(out, 'the client edited this');
    expect(await cli(['export', file, '--format', 'docx', '--out', out])).toMatchObject({ code: 2, err: expect.stringContaining('already exists; use --force') });
    expect(fs.readFileSync(out, 'utf8')).toBe('the client edited this');
    expect(await cli(['export', file, '--format', 'docx', '--out', out, '--force'])).toMatchObject({ code: 0 });
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  }, 120_000);

  it('lists export in the usage text', async () => {
    expect((await cli(['--help'])).out).toContain('shoshin export FILE --format docx|bpmn|svg|png|csv --out PATH');
  });
});
