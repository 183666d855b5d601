import fs from 'node:fs';
import path from 'node:path';
import validate from '@ooxml-tools/validate';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from '../../core/ipc/report';
import { msg } from '../../core/messages';
import type { Person } from '../../core/model';
import { all, metricsOf, peopleOf, processViews, registerOf, snapshotOf, type Snapshot } from '../../core/views';
import { loadRecords } from '../../db/records';
import { EngagementStore } from '../../db/store';
import { isQuickWin } from '../../main/report/docx/summary';
import { runExportInWorker } from '../../main/report/jobs';
import { cleanTempDirs, tempDir } from '../helpers';
import { sampleStore } from '../reportFixtures';

/**
 * The executive summary (issue 13 item 4) and people safety (item 5), read back from the .docx the
 * way a client's Word or a text extractor reads it.
 */
afterEach(cleanTempDirs);

function decode(text: string): string {
  return text
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** The HTML of one chapter: from its heading to the next top-level heading. */
function chapter(doc: string, title: string): string {
  const start = doc.search(new RegExp(`<h1>(<a id="[^"]*"></a>)*${title}</h1>`));
  if (start < 0) return '';
  const end = doc.indexOf('<h1>', start + 4);
  return doc.slice(start, end < 0 ? undefined : end);
}

/** A chapter's sections by their level-2 heading. */
function sections(part: string): Map<string, string> {
  const out = new Map<string, string>();
  const pieces = part.split(/<h2>/).slice(1);
  for (const piece of pieces) {
    const title = decode(piece.slice(0, piece.indexOf('</h2>'))).trim();
    out.set(title, piece);
  }
  return out;
}

/** Every piece of text in the package: the body, headers, footers, notes, document properties. */
async function everyText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const parts = await Promise.all(
    Object.values(zip.files)
      .filter((entry) => !entry.dir && /\.(xml|rels)$/.test(entry.name))
      .map((entry) => entry.async('string')),
  );
  return decode(parts.join(' '));
}

async function exportDocx(file: string, options: Partial<ReportOptions> = {}): Promise<{ out: string; html: string }> {
  const out = path.join(tempDir(), 'report.docx');
  await runExportInWorker({ engagementPath: file, format: 'docx', options: { ...DEFAULT_REPORT_OPTIONS, ...options }, out });
  expect(await validate(new Uint8Array(fs.readFileSync(out)), 'docx', 'Microsoft365')).toEqual([]);
  return { out, html: (await mammoth.convertToHtml({ path: out })).value };
}

function sample(): { file: string; snapshot: Snapshot; people: Person[] } {
  const store = sampleStore();
  const snapshot = snapshotOf(loadRecords(store.db));
  const file = store.path;
  store.close();
  return { file, snapshot, people: peopleOf(snapshot) };
}

describe('the executive summary', () => {
  it('tells the sample’s story: scope, objectives, departments, headline figures, the most-voted pain points, quick wins', async () => {
    const { file, snapshot, people } = sample();
    const { out, html } = await exportDocx(file);
    const summary = chapter(html, 'Executive summary');
    const text = decode(summary);
    const parts = sections(summary);
    expect([...parts.keys()]).toEqual(['Scope', 'Objectives', 'Headline figures', 'Top pain points', 'Quick wins', 'Sessions', 'People met']);

    const engagement = all(snapshot, 'engagement')[0];
    if (!engagement) throw new Error('no engagement');
    expect(text).toContain(engagement.scope);
    expect(text).toContain('Departments involved: IT, HR, Facilities and Finance.');
    const objectives = engagement.objectives.split('\n');
    expect(objectives.length).toBe(3);
    for (const objective of objectives) expect(parts.get('Objectives')).toContain(`<li>${objective}</li>`);
    expect(text).not.toMatch(/no scope was written down/i);

    // Per process: its handoffs and rework loops always, times where the timings allow.
    const figures = decode(parts.get('Headline figures') ?? '');
    const views = processViews(snapshot).filter((v) => v.steps.length > 0);
    for (const view of views) {
      const m = metricsOf(snapshot, view);
      expect(figures).toContain(`${view.process.name} ${m.leadTime.value === null ? 'not yet measured ' : ''}`);
      expect(figures).toMatch(new RegExp(`${view.process.name} [^|]*?${m.handoffs} ${m.reworkLoops.length}`));
    }
    expect(figures).toMatch(/only 0\.4 % of that time is value-adding work/);
    expect(figures).not.toContain('–');

    // The five pain points with the most votes, most first, each with its process.
    const top = registerOf(snapshot)
      .filter((r) => r.votes > 0)
      .sort((a, b) => b.votes - a.votes || (b.severity ?? 0) - (a.severity ?? 0) || a.number - b.number)
      .slice(0, 5);
    expect(top.length).toBe(5);
    const pains = decode(parts.get('Top pain points') ?? '');
    let at = 0;
    for (const r of top) {
      const found = pains.indexOf(`${r.text} ${r.processName} #${r.number} ${r.votes}`, at);
      expect(found, r.text).toBeGreaterThan(-1);
      at = found;
    }

    // Quick wins: marked so, or high impact for low effort; nothing else.
    const wins = decode(parts.get('Quick wins') ?? '');
    const opportunities = all(snapshot, 'opportunities');
    expect(opportunities.filter(isQuickWin).length).toBe(2);
    for (const o of opportunities) {
      if (isQuickWin(o)) expect(wins).toContain(o.title);
      else expect(wins).not.toContain(o.title);
    }

    // People safety: the default report names no stakeholder anywhere in the package.
    const everything = await everyText(out);
    for (const p of people) expect(everything, p.name).not.toContain(p.name);
  }, 300_000);

  it('leaves out every section without content, and says so once on an empty engagement', async () => {
    const dir = tempDir();
    const empty = EngagementStore.create(path.join(dir, 'empty.shoshin'), { name: 'Empty', client: 'Acme' });
    const emptyFile = empty.path;
    empty.close();
    const blank = chapter((await exportDocx(emptyFile)).html, 'Executive summary');
    expect([...sections(blank).keys()]).toEqual([]);
    expect(decode(blank)).toContain('Nothing has been mapped or recorded for this engagement yet.');
    expect(decode(blank)).not.toMatch(/no scope|not yet measured|no pain point|no opportunit/i);

    // Only the engagement details: their sections and nothing else.
    const details = EngagementStore.create(path.join(dir, 'details.shoshin'), { name: 'Details', client: 'Acme' });
    details.command('test.details', msg('undo.engagement.edit'), (tx) => {
      const id = (tx.db.prepare('SELECT id FROM engagement').get() as { id: string }).id;
      tx.update('engagement', id, { objectives: 'Find the quick wins.', departments: ['Finance'] });
    });
    const detailsFile = details.path;
    details.close();
    const told = chapter((await exportDocx(detailsFile)).html, 'Executive summary');
    expect([...sections(told).keys()]).toEqual(['Scope', 'Objectives']);
    expect(decode(told)).toContain('Departments involved: Finance.');
    expect(decode(told)).toContain('Find the quick wins.');
  }, 300_000);
});

describe('people safety', () => {
  /** The people chapter's sections about individuals' stance: everything but the sponsors and champions. */
  function stance(html: string): string {
    const parts = sections(chapter(html, 'People and readiness for change'));
    parts.delete('Sponsors and champions');
    return decode([...parts.values()].join(' '));
  }

  it('groups readiness and resistance by team unless the consultant asks for an internal report', async () => {
    const { file, people } = sample();
    const resisting = people.filter((p) => p.resistance !== null);
    expect(resisting.length).toBeGreaterThan(2);

    // Names shown elsewhere (anonymising off), but the people chapter ties no one's stance to them.
    const teams = await exportDocx(file, { anonymise: false });
    const grouped = stance(teams.html);
    for (const p of people) {
      expect(grouped, p.name).not.toContain(p.name);
      if (p.role) expect(grouped, p.role).not.toContain(p.role);
    }
    expect(decode(teams.html)).toContain('Helen Okafor');
    expect(grouped).toContain('Readiness by team');
    expect(grouped).toContain('IT Service Desk: 1 prefers the current way');
    expect(grouped).toMatch(/Stakeholder [A-E]: fears blame/);
    expect(grouped).not.toMatch(/Fears blame:/);
    // A team of two shows averages; no single person's score under a team name.
    expect(grouped).toMatch(/IT Service Desk 2 4\.0 3\.5 3\.0 2\.5/);

    // An internal report: by name, except whoever asked not to be named.
    const internal = await exportDocx(file, { anonymise: false, nameIndividuals: true });
    const named = stance(internal.html);
    const tom = people.find((p) => p.resistance === 'fears_blame');
    expect(named).toContain(`Fears blame: ${tom?.name}`);
    expect(named).toContain('Stakeholder readiness');
    for (const p of people.filter((x) => !x.anonymise)) expect(named).toContain(p.name);
    const everything = await everyText(internal.out);
    for (const p of people.filter((x) => x.anonymise)) expect(everything, p.name).not.toContain(p.name);

    // Anonymising wins over the internal choice.
    const both = await exportDocx(file, { anonymise: true, nameIndividuals: true });
    const text = await everyText(both.out);
    for (const p of people) expect(text, p.name).not.toContain(p.name);
    expect(stance(both.html)).toContain('Readiness by team');
  }, 400_000);

  it('writes the CSV exports without a name when anonymising, as the default options do', async () => {
    const { file, people } = sample();
    const dir = tempDir();
    for (const register of ['painPoints', 'stakeholders'] as const) {
      const out = path.join(dir, `${register}.csv`);
      await runExportInWorker({ engagementPath: file, format: 'csv', register, options: DEFAULT_REPORT_OPTIONS, out });
      const csv = fs.readFileSync(out, 'utf8');
      expect(csv.length).toBeGreaterThan(200);
      for (const p of people) expect(csv, p.name).not.toContain(p.name);
    }
  }, 120_000);
});
