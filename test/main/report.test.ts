import fs from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import validate from '@ooxml-tools/validate';
import { BpmnModdle } from 'bpmn-moddle';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_REPORT_OPTIONS, REPORT_SECTIONS, type ExportFormat, type ReportOptions } from '../../core/ipc/report';
import { format as english } from '../../core/messages';
import type { ProcessView } from '../../core/model';
import { peopleOf, snapshotOf } from '../../core/views';
import { loadRecords } from '../../db/records';
import { runExportInWorker } from '../../main/report/jobs';
import { cleanTempDirs, harness, tempDir } from '../helpers';
import { HOSTILE, hostileStore, processViews, sampleStore } from '../reportFixtures';

afterEach(cleanTempDirs);

const SECTION_HEADINGS = ['Executive summary', 'Comparison of processes', 'Opportunities', 'People and readiness for change', 'Observations', 'Appendix'];

/** Validates with the Open XML SDK (compiled to WebAssembly, runs offline); returns the errors. */
async function ooxmlErrors(file: string): Promise<string[]> {
  const results = await validate(new Uint8Array(fs.readFileSync(file)), 'docx', 'Microsoft365');
  return results.map((r) => `${r.description} (${r.path.partUri} ${r.path.xpath})`);
}

async function html(file: string): Promise<string> {
  return (await mammoth.convertToHtml({ path: file })).value;
}

function decode(text: string): string {
  return text
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function headings(doc: string, level: number): string[] {
  return [...doc.matchAll(new RegExp(`<h${level}>(.*?)</h${level}>`, 'g'))].map((m) => decode(m[1] ?? ''));
}

/** The HTML between one process's heading and the next top-level heading. */
function chapter(doc: string, title: string): string {
  const start = doc.search(new RegExp(`<h1>(<a id="[^"]*"></a>)*${title}</h1>`));
  const end = doc.indexOf('<h1>', start + 4);
  return start < 0 ? '' : doc.slice(start, end < 0 ? undefined : end);
}

async function exportSample(format: ExportFormat, options: Partial<ReportOptions> = {}, extra: { processId?: string } = {}) {
  const store = sampleStore();
  const views = processViews(store);
  const file = store.path;
  const people = peopleOf(snapshotOf(loadRecords(store.db)));
  store.close();
  const out = path.join(tempDir(), `out.${format}`);
  const phases: string[] = [];
  await runExportInWorker({ engagementPath: file, format, options: { ...DEFAULT_REPORT_OPTIONS, ...options }, out, ...extra }, { onProgress: (phase) => phases.push(english(phase)) });
  return { out, views, people, phases, file };
}

describe('Word report', () => {
  it('exports the sample with every section, a steps table and a diagram per process, and passes the Open XML validator', async () => {
    const { out, views, phases } = await exportSample('docx');
    expect(phases).toContain('Reading the engagement');
    expect(phases.some((p) => p.startsWith('Drawing '))).toBe(true);
    expect(await ooxmlErrors(out)).toEqual([]);

    const doc = await html(out);
    const h1 = headings(doc, 1);
    for (const title of SECTION_HEADINGS) expect(h1).toContain(title);
    for (const view of views) {
      expect(h1).toContain(view.process.name);
      const part = chapter(doc, view.process.name);
      expect(part).toMatch(/<img [^>]*src="data:image\/png;base64,/);
      const stepsTable = part.slice(part.search(/<h2>(<a id="[^"]*"><\/a>)*Steps<\/h2>/));
      const table = stepsTable.slice(stepsTable.indexOf('<table>'), stepsTable.indexOf('</table>'));
      for (const header of ['Lane', 'Step', 'Type', 'System', 'Work', 'Wait']) expect(table).toContain(`<p>${header}</p>`);
      for (const step of view.steps.filter((s) => s.text)) expect(decode(table)).toContain(step.text);
      for (const h2 of ['About this process', 'Metrics', 'Steps', 'Pain points']) expect(headings(part, 2)).toContain(h2);
    }
    for (const h2 of ['Scope', 'Objectives', 'Headline figures', 'Sessions', 'People met', 'Top pain points', 'Quick wins', 'Impact and effort', 'Sponsors and champions', 'Readiness by team', 'Resistance', 'Training needs', 'Communication needs', 'All quotes', 'Pain-point register']) {
      expect(headings(doc, 2)).toContain(h2);
    }

    // The contents are a real TOC field with its page numbers filled in, so Word has no fields to update on opening.
    const xml = await documentXml(out);
    expect(xml).toMatch(/<w:instrText[^>]*>\s*TOC \\/);
    expect(xml).toContain('PAGE');
    expect(await settingsXml(out)).not.toContain('updateFields');
    // Each diagram is an SVG with a PNG fallback.
    expect(xml).toContain('asvg:svgBlip');
  }, 120_000);

  it('names people by role when anonymising, and always for those who asked', async () => {
    const named = await exportSample('docx', { anonymise: false, nameIndividuals: true });
    const volunteer = named.people.find((p) => p.anonymise);
    const shown = named.people.filter((p) => !p.anonymise && p.name);
    const text = decode(await html(named.out));
    for (const p of shown) expect(text).toContain(p.name);
    if (volunteer) expect(text).not.toContain(volunteer.name);

    const anonymous = await exportSample('docx', { anonymise: true });
    const hidden = decode(await html(anonymous.out));
    for (const p of anonymous.people) {
      expect(hidden).not.toContain(p.name);
      // Sponsors and champions are listed by role; everyone else is counted in their team, never listed (a role may be one person's alone).
      if (p.role && (p.sponsor || p.champion) && !p.anonymise) expect(hidden).toContain(p.role);
    }
    expect(anonymous.people.some((p) => p.role && (p.sponsor || p.champion) && !p.anonymise)).toBe(true);
  }, 120_000);

  it('leaves out the sections and open questions the consultant turned off, and embeds the logo', async () => {
    const logo = path.join(tempDir(), 'logo.png');
    fs.writeFileSync(
      logo,
      new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#1f4e79"/></svg>').render().asPng(),
    );
    const { out } = await exportSample('docx', { sections: ['summary', 'appendix'], includeQuestions: false, logoPath: logo, confidential: false, brandColor: '#7a1f5c' });
    expect(await ooxmlErrors(out)).toEqual([]);
    const doc = await html(out);
    const h1 = headings(doc, 1);
    expect(h1).toEqual(['Executive summary', 'Appendix']);
    expect(doc).not.toContain('Open questions');
    expect(decode(doc)).not.toContain('CONFIDENTIAL');
    expect(await documentXml(out)).toMatch(/<wp:docPr [^>]*name="Logo"/);
    expect(await stylesXml(out)).toContain('w:fill="7A1F5C"');
  }, 120_000);

  it('refuses a logo that is not an image, with a message, and writes nothing', async () => {
    const bad = path.join(tempDir(), 'logo.png');
    fs.writeFileSync(bad, 'not an image');
    await expect(exportSample('docx', { logoPath: bad })).rejects.toThrow('The logo must be a PNG, JPEG or SVG image file of at most 5 MB.');
    await expect(exportSample('docx', { logoPath: path.join(tempDir(), 'missing.png') })).rejects.toThrow('The logo file was not found');
  }, 60_000);
});

async function zipEntry(file: string, entry: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return (await zip.file(entry)?.async('string')) ?? '';
}
const documentXml = (file: string) => zipEntry(file, 'word/document.xml');
const settingsXml = (file: string) => zipEntry(file, 'word/settings.xml');
const stylesXml = (file: string) => zipEntry(file, 'word/styles.xml');

describe('other exports', () => {
  it('writes a process as SVG, PNG and BPMN, and the registers as CSV', async () => {
    const store = sampleStore();
    const view = processViews(store)[0] as ProcessView;
    const file = store.path;
    store.close();
    const dir = tempDir();
    const run = (format: ExportFormat, extra: object = {}) =>
      runExportInWorker({ engagementPath: file, format, options: DEFAULT_REPORT_OPTIONS, out: path.join(dir, `x.${format}`), processId: view.process.id, ...extra });

    const svg = fs.readFileSync((await run('svg')).file, 'utf8');
    expect(svg.startsWith('<?xml')).toBe(true);
    const parsed = new Resvg(svg, { font: { loadSystemFonts: false } });
    expect(parsed.width).toBeGreaterThan(1000);
    const png = fs.readFileSync((await run('png')).file);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(Math.round(parsed.width * 2));
    const bpmn = fs.readFileSync((await run('bpmn')).file, 'utf8');
    expect((await new BpmnModdle().fromXML(bpmn)).warnings).toEqual([]);
    const pains = fs.readFileSync((await run('csv', { register: 'painPoints', out: path.join(dir, 'p.csv') })).file, 'utf8');
    expect(pains.startsWith('\uFEFFProcess,Number,Pain point')).toBe(true);
    const people = fs.readFileSync((await run('csv', { register: 'stakeholders', out: path.join(dir, 's.csv') })).file, 'utf8');
    expect(people.startsWith('\uFEFFName,Role')).toBe(true);
    await expect(run('svg', { processId: '00000000-0000-4000-8000-000000000000' })).rejects.toThrow('That process no longer exists.');
  }, 120_000);
});

describe('hostile text', () => {
  it('turns every field of a hostile engagement into valid Word, SVG, PNG, BPMN and CSV files', async () => {
    const store = hostileStore();
    const views = processViews(store);
    const file = store.path;
    store.close();
    const dir = tempDir();
    const all = { ...DEFAULT_REPORT_OPTIONS, sections: [...REPORT_SECTIONS] };
    for (const anonymise of [false, true]) {
      const out = path.join(dir, `hostile-${anonymise}.docx`);
      await runExportInWorker({ engagementPath: file, format: 'docx', options: { ...all, anonymise }, out });
      expect(await ooxmlErrors(out)).toEqual([]);
      const text = decode(await html(out));
      expect(text).toContain('<script>alert("x")</script>');
      expect(text).toContain(HOSTILE.rtl);
      expect(text).toContain('👩🏽‍💻');
      expect(text).toContain(HOSTILE.long.slice(0, 2000));
      expect(text).toContain('bell null escape');
    }
    for (const view of views) {
      for (const format of ['svg', 'png', 'bpmn'] as const) {
        const out = path.join(dir, `${view.process.id}.${format}`);
        await runExportInWorker({ engagementPath: file, format, options: all, out, processId: view.process.id });
        expect(fs.statSync(out).size).toBeGreaterThan(0);
        if (format === 'bpmn') expect((await new BpmnModdle().fromXML(fs.readFileSync(out, 'utf8'))).warnings).toEqual([]);
      }
    }
    await runExportInWorker({ engagementPath: file, format: 'csv', options: all, out: path.join(dir, 'h.csv') });
  }, 300_000);
});

describe('report service', () => {
  it('remembers the options a Word report was made with, outside the undo history, and rejects bad ones', async () => {
    const h = harness();
    await h.call('engagement.openSample');
    expect(await h.call('report.options')).toEqual(DEFAULT_REPORT_OPTIONS);
    const before = await h.history();
    const options = { ...DEFAULT_REPORT_OPTIONS, anonymise: true, brandColor: '#2f855a', sections: ['summary' as const] };
    const started = await h.call('report.start', { format: 'docx', options });
    expect(await h.call('report.options')).toEqual(options);
    expect(await h.history()).toEqual(before);
    const row = h.workspace.requireStore().db.prepare("SELECT value FROM settings WHERE key = 'report.options'").get() as { value: string };
    expect(JSON.parse(row.value)).toEqual(options);

    const bad = await h.dispatch(h.workspace, 'report.start', { format: 'docx', options: { ...options, brandColor: 'red' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const extra = await h.dispatch(h.workspace, 'report.start', { format: 'docx', options: { ...options, macro: true } });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const noLogo = await h.dispatch(h.workspace, 'report.start', { format: 'docx', options: { ...options, logoPath: '/nowhere/logo.png' } });
    expect(noLogo).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await h.call('report.options')).toEqual(options);
    for (;;) {
      const progress = await h.call('report.progress', { jobId: started.jobId ?? '' });
      if (progress.done) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    h.workspace.close();
  }, 120_000);

  it('runs an export as a job the UI polls, writing into the data folder without overwriting', async () => {
    const h = harness();
    await h.call('engagement.openSample');
    const poll = async (jobId: string) => {
      const seen: number[] = [];
      for (;;) {
        const progress = await h.call('report.progress', { jobId });
        seen.push(progress.percent);
        if (progress.done) return { progress, seen };
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const first = await h.call('report.start', { format: 'docx' });
    expect(first.jobId).not.toBeNull();
    const { progress, seen } = await poll(first.jobId ?? '');
    expect(progress).toMatchObject({ done: true, error: null, percent: 100, downloadUrl: null, canOpen: false });
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(path.dirname(progress.file ?? '')).toBe(path.join(h.dataDir, 'exports'));
    expect(progress.fileName).toMatch(/^Sample - discovery report\.docx$|discovery report\.docx$/);
    expect(await ooxmlErrors(progress.file ?? '')).toEqual([]);

    const second = await poll((await h.call('report.start', { format: 'docx' })).jobId ?? '');
    expect(second.progress.file).not.toBe(progress.file);
    expect(fs.existsSync(progress.file ?? '')).toBe(true);

    const processId = h.workspace.requireStore().db.prepare('SELECT id FROM processes ORDER BY position LIMIT 1').get() as { id: string };
    const bpmn = await poll((await h.call('report.start', { format: 'bpmn', processId: processId.id })).jobId ?? '');
    expect(bpmn.progress.fileName).toBe('Password reset.bpmn');

    expect(await h.dispatch(h.workspace, 'report.start', { format: 'svg' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await h.dispatch(h.workspace, 'report.start', { format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await h.dispatch(h.workspace, 'report.progress', { jobId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(h.logged).toEqual([]);
    h.workspace.close();
  }, 120_000);
});
