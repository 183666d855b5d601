import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_REPORT_OPTIONS, type ExportFormat, type ReportOptions } from '../../core/ipc/report';
import { loadRecords } from '../../db/records';
import { runExport } from '../../main/report/exports';
import { EngagementStore } from '../../db/store';
import { cleanTempDirs, newStore, tempDir } from '../helpers';
import { comparedEngagement, processViews, sampleStore } from '../reportFixtures';

/**
 * A pseudo-translation: every catalogue entry comes back in brackets, ⟦like this⟧. Exported with it,
 * the documents Shoshin writes must hold no word outside brackets that the engagement itself does
 * not hold: a heading, label or sentence written in code instead of the catalogue would show up
 * bare. This is what a translation of the catalogue will rely on.
 */
vi.mock('../../core/messages/en', async (importOriginal) => {
  const { en } = await importOriginal<typeof import('../../core/messages/en')>();
  return { en: Object.fromEntries(Object.entries(en).map(([key, text]) => [key, `⟦${text}⟧`])) };
});

afterEach(cleanTempDirs);

/** Words that are no one's to translate: the product's name, and the month Intl writes in the cover's date. */
const NOT_OURS = new Set(['shoshin', ...Array.from({ length: 12 }, (_, month) => new Intl.DateTimeFormat('en', { month: 'long' }).format(new Date(2026, month, 1)).toLowerCase())]);

function words(text: string): string[] {
  return (text.match(/\p{L}[\p{L}’']*/gu) ?? []).map((w) => w.toLowerCase());
}

/**
 * Every text the engagement's own records hold (names, step texts, notes), which documents show as
 * typed: longest first, so a name is taken out whole before a shorter one inside it. Identifiers and
 * choices ("open", "role") are not text anyone typed.
 */
function engagementTexts(db: Parameters<typeof loadRecords>[0]): string[] {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      const text = value.replace(/\s+/g, ' ').trim();
      if (text && !/^[a-z_]+$/.test(text)) found.add(text.toLowerCase());
    } else if (value && typeof value === 'object') for (const inner of Object.values(value)) visit(inner);
  };
  visit(loadRecords(db));
  return [...found].sort((a, b) => b.length - a.length);
}

/** What is left outside the brackets once every bracketed message (nested ones included) is taken out. */
function unbracketed(text: string): string {
  let rest = text;
  for (let before = ''; before !== rest; ) {
    before = rest;
    rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  }
  return rest;
}

function decode(xml: string): string {
  return xml.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** The text a reader sees in a document part: text runs, SVG text, BPMN names and notes, alt text and titles. */
function visibleText(xml: string): string {
  const pieces = [
    ...xml.matchAll(/<(?:w:t|text|bpmn:text|bpmn:documentation|dc:title|dc:description|dc:subject|cp:keywords|dc:creator|cp:lastModifiedBy)\b[^>]*>([^<]*)</g),
    ...xml.matchAll(/\s(?:name|descr|title)="([^"]*)"/g),
    ...xml.matchAll(/<w:alias w:val="([^"]*)"/g),
  ].map((m) => decode(m[1] ?? ''));
  return pieces.join(' ');
}

function sample(store = sampleStore()) {
  const known = engagementTexts(store.db);
  const views = processViews(store);
  store.close();
  return { file: store.path, known, views };
}

async function exportFrom(file: string, format: ExportFormat, options: Partial<ReportOptions> = {}, extra: { processId?: string; register?: 'painPoints' | 'stakeholders' } = {}) {
  const out = path.join(tempDir(), `out.${format}`);
  await runExport({ engagementPath: file, format, options: { ...DEFAULT_REPORT_OPTIONS, ...options }, out, ...extra }, () => undefined);
  return out;
}

/** Words outside the brackets that are not the engagement's own texts. */
function stray(text: string, known: readonly string[]): string[] {
  let rest = unbracketed(text).replace(/\s+/g, ' ').toLowerCase();
  for (const typed of known) rest = rest.split(typed).join(' ');
  return [...new Set(words(rest).filter((w) => !NOT_OURS.has(w)))];
}

describe('documents in another language', () => {
  it('the Word report takes every word of its own from the catalogue', async () => {
    const { file, known } = sample();
    for (const options of [{ confidential: true }, { anonymise: false, nameIndividuals: true }]) {
      const out = await exportFrom(file, 'docx', options);
      const zip = await JSZip.loadAsync(fs.readFileSync(out));
      const parts = Object.keys(zip.files).filter((name) => /^(word\/(document|header\d*|footer\d*)\.xml|word\/media\/.*\.svg|docProps\/core\.xml)$/.test(name));
      expect(parts).toContain('word/document.xml');
      let text = '';
      for (const name of parts) text += ` ${visibleText(await zip.file(name)?.async('string') ?? '')}`;
      // The chapters are there, in brackets.
      expect(text).toContain('⟦Executive summary⟧');
      expect(text).toContain('⟦Appendix⟧');
      expect(stray(text, known)).toEqual([]);
    }
  }, 240_000);

  it('so does the documented-versus-observed chapter', async () => {
    const { file, known } = sample(EngagementStore.open(await comparedEngagement()));
    const out = await exportFrom(file, 'docx', { sections: ['documented'] });
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const text = visibleText((await zip.file('word/document.xml')?.async('string')) ?? '');
    expect(text).toContain('⟦Documented versus observed⟧');
    expect(stray(text, known)).toEqual([]);
  }, 120_000);

  it('so does a report of an engagement with nothing in it yet', async () => {
    const { file, known } = sample(newStore());
    const out = await exportFrom(file, 'docx', { confidential: true });
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const text = visibleText((await zip.file('word/document.xml')?.async('string')) ?? '');
    expect(text).toContain('⟦No processes have been mapped yet.⟧');
    expect(stray(text, known)).toEqual([]);
  }, 120_000);

  it('the CSV registers, BPMN and SVG take every word of their own from the catalogue', async () => {
    const { file, known, views } = sample();
    for (const register of ['painPoints', 'stakeholders'] as const) {
      for (const anonymise of [true, false]) {
        const out = await exportFrom(file, 'csv', { anonymise }, { register });
        const csv = fs.readFileSync(out, 'utf8');
        expect(csv).toContain('⟦');
        expect(stray(csv, known)).toEqual([]);
      }
    }
    expect(views.length).toBeGreaterThan(0);
    for (const view of views) {
      for (const format of ['bpmn', 'svg'] as const) {
        const out = await exportFrom(file, format, {}, { processId: view.process.id });
        const text = visibleText(fs.readFileSync(out, 'utf8'));
        expect(text).toContain(format === 'svg' ? '⟦Pain point⟧' : '⟦Pain point ');
        expect(stray(text, known), `${format} of ${view.process.name}`).toEqual([]);
      }
    }
  }, 240_000);
});
