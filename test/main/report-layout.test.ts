import fs from 'node:fs';
import path from 'node:path';
import validate from '@ooxml-tools/validate';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { STEP_SIZE } from '../../core/geometry';
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from '../../core/ipc/report';
import type { ProcessView } from '../../core/model';
import { EngagementStore } from '../../db/store';
import { diagramInput, partRanges, partScale, planDiagram, stepTextPt, SMALLEST_STEP_TEXT_PT } from '../../main/report/docx/diagrams';
import { pageSetup, textArea, TWIPS_PER_PX } from '../../main/report/docx/pages';
import { runExportInWorker } from '../../main/report/jobs';
import { processRoutes } from '../../main/report/routes';
import { generateEngagement } from '../bench/generate';
import { cleanTempDirs, processViewOf, tempDir } from '../helpers';
import { sampleStore } from '../reportFixtures';

/**
 * The report's layout (issue 13 items 1 and 6): every process readable as a whole on one page and
 * in balanced detail parts, and contents whose page numbers are there when the file is opened.
 */
afterEach(cleanTempDirs);

function generated(steps: number, lanes: number, painPoints = 5): ProcessView {
  const store = EngagementStore.create(path.join(tempDir(), 'generated.shoshin'), { name: 'Generated', client: '' });
  const { processIds } = generateEngagement(store, { processes: 1, stepsPerProcess: steps, lanes, painPoints, people: 4, seed: 7 });
  const view = processViewOf(store.db, processIds[0] ?? '');
  store.close();
  return view;
}

async function ooxmlErrors(file: string): Promise<string[]> {
  const results = await validate(new Uint8Array(fs.readFileSync(file)), 'docx', 'Microsoft365');
  return results.map((r) => `${r.description} (${r.path.partUri} ${r.path.xpath})`);
}

async function parts(file: string): Promise<(name: string) => Promise<string>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return async (name) => (await zip.file(name)?.async('string')) ?? '';
}

async function exportSample(options: Partial<ReportOptions>): Promise<string> {
  const store = sampleStore();
  const file = store.path;
  store.close();
  const out = path.join(tempDir(), 'report.docx');
  await runExportInWorker({ engagementPath: file, format: 'docx', options: { ...DEFAULT_REPORT_OPTIONS, ...options }, out, author: { consultant: 'Robin Settings', company: 'Firm' } });
  return out;
}

/** The contents' entries: each heading's title and the page number shown beside it, as the file holds them. */
function contentsEntries(document: string): { title: string; page: string }[] {
  return [...document.matchAll(/<w:hyperlink w:history="1" w:anchor="(_Toc\d+)">([\s\S]*?)<\/w:hyperlink>/g)].map((m) => {
    const body = m[2] ?? '';
    const title = /<w:t[^>]*>([^<]*)<\/w:t>/.exec(body)?.[1] ?? '';
    const page = /PAGEREF _Toc\d+ \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t[^>]*>([^<]*)<\/w:t>/.exec(body)?.[1] ?? '';
    return { title, page };
  });
}

describe('process maps on paper', () => {
  it('gives a long process a one-page overview, then balanced detail parts at one zoom where the step text reaches 7 pt', async () => {
    // Three lanes: a map this tall fits the page's height at 7 pt (a taller one is fitted to the page, or to A3).
    const view = generated(28, 3);
    const setup = pageSetup({ mapPaper: 'a4' });
    const plan = planDiagram(view, setup, await processRoutes(view));
    const area = textArea(setup, 'map');
    expect(plan.orientation).toBe('map');
    // The overview is the whole flow on one landscape page.
    expect(plan.overview.width * TWIPS_PER_PX).toBeLessThanOrEqual(area.width);
    expect(plan.overview.height * TWIPS_PER_PX).toBeLessThanOrEqual(area.height);
    expect(stepTextPt(partScale(plan.overview))).toBeLessThan(SMALLEST_STEP_TEXT_PT);
    expect(plan.parts.length).toBeGreaterThan(1);
    const scales = plan.parts.map(partScale);
    for (const [i, part] of plan.parts.entries()) {
      expect(part.width * TWIPS_PER_PX).toBeLessThanOrEqual(area.width + TWIPS_PER_PX);
      expect(stepTextPt(scales[i] ?? 0)).toBeGreaterThanOrEqual(SMALLEST_STEP_TEXT_PT - 0.05);
      expect(Math.abs((scales[i] ?? 0) - (scales[0] ?? 0))).toBeLessThan(0.01);
    }
  });

  it('cuts the map between steps into parts of about the same width, none with fewer than two steps', async () => {
    for (const [steps, lanes] of [
      [28, 4],
      [60, 6],
      [13, 3],
    ] as const) {
      const view = generated(steps, lanes);
      const input = diagramInput(view, await processRoutes(view));
      const ranges = partRanges(input, 1000);
      const centres = view.steps.map((s) => s.x + STEP_SIZE[s.kind].width / 2);
      const widths = ranges.map((r) => r.to - r.from);
      expect(Math.min(...widths) / Math.max(...widths)).toBeGreaterThan(0.6);
      for (const range of ranges) {
        expect(range.to - range.from).toBeLessThanOrEqual(1000);
        expect(centres.filter((c) => c >= range.from && c < range.to).length).toBeGreaterThanOrEqual(2);
      }
      // No step is cut through: each lies wholly within one part.
      for (const step of view.steps) {
        const inside = ranges.filter((r) => step.x < r.to && step.x + STEP_SIZE[step.kind].width > r.from);
        expect(inside).toHaveLength(1);
      }
    }
  });

  it('prints the overview larger on A3, so fewer detail parts are needed', async () => {
    const view = generated(28, 4);
    const a4 = planDiagram(view, pageSetup({ mapPaper: 'a4' }), await processRoutes(view));
    const a3 = planDiagram(view, pageSetup({ mapPaper: 'a3' }), await processRoutes(view));
    expect(partScale(a3.overview)).toBeGreaterThan(partScale(a4.overview) * 1.3);
    expect(a3.parts.length).toBeLessThan(a4.parts.length);
  });

  it('keeps a small process on the chapter’s portrait page, readable, with no parts', async () => {
    const small = generated(3, 2);
    const plan = planDiagram(small, pageSetup({ mapPaper: 'a4' }), await processRoutes(small));
    expect(plan.orientation).toBe('portrait');
    expect(plan.parts).toEqual([]);
    expect(stepTextPt(partScale(plan.overview))).toBeGreaterThanOrEqual(SMALLEST_STEP_TEXT_PT);
  });
});

describe('the sample report as Word opens it', () => {
  it('has every process’s overview and marked parts, contents with page numbers and no prompt, the consultant and the language, and styles used as their types', async () => {
    const out = await exportSample({ language: 'de-DE' });
    expect(await ooxmlErrors(out)).toEqual([]);
    const read = await parts(out);
    const document = await read('word/document.xml');

    // Contents: every entry has its page number already, so Word need not update fields on opening.
    const entries = contentsEntries(document);
    expect(entries.length).toBeGreaterThan(30);
    for (const entry of entries) expect(entry.page, entry.title).toMatch(/^\d+$/);
    const pages = entries.map((e) => Number(e.page));
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
    expect(await read('word/settings.xml')).not.toContain('updateFields');

    // Each process: the whole flow first, then its parts, each saying where it continues.
    for (const name of ['Password reset', 'New starter onboarding', 'Order laptop']) {
      expect(document).toMatch(new RegExp(`Figure: ${name}(, the whole process; it follows in detail, left to right, in (\\d) parts)?\\.`));
      const count = Number(new RegExp(`Figure: ${name}, the whole process; it follows in detail, left to right, in (\\d) parts`).exec(document)?.[1] ?? 0);
      for (let i = 1; i <= count; i++) expect(document).toContain(`Figure: ${name}, part ${i} of ${count}.`);
    }
    expect(document).toContain('continues in part 2 →');
    expect(document).toContain('← from part 1');
    // Map pages are landscape.
    expect(document).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);

    const core = await read('docProps/core.xml');
    expect(core).toContain('<cp:lastModifiedBy>Alex Morgan</cp:lastModifiedBy>');
    expect(core).toContain('<dc:language>de-DE</dc:language>');
    const styles = await read('word/styles.xml');
    expect(styles).toMatch(/<w:rPrDefault><w:rPr>[\s\S]*?<w:lang w:val="de-DE"\/>/);

    // A style is applied where its type belongs: paragraph styles to paragraphs, character styles to runs.
    const typeOf = new Map([...styles.matchAll(/<w:style w:type="(\w+)"[^>]*w:styleId="([^"]+)"/g)].map((m) => [m[2], m[1]]));
    for (const m of document.matchAll(/<w:rStyle w:val="([^"]+)"\/>/g)) expect(typeOf.get(m[1] ?? ''), m[1]).toBe('character');
    for (const m of document.matchAll(/<w:pStyle w:val="([^"]+)"\/>/g)) expect(typeOf.get(m[1] ?? ''), m[1]).toBe('paragraph');
    expect(document).toMatch(/<w:pStyle w:val="Quote"\/>/);
  }, 240_000);

  it('prints the maps on A3 when asked, and the text pages stay A4', async () => {
    const out = await exportSample({ mapPaper: 'a3', sections: ['processes'] });
    expect(await ooxmlErrors(out)).toEqual([]);
    const document = await (await parts(out))('word/document.xml');
    expect(document).toMatch(/<w:pgSz w:w="23811" w:h="16838" w:orient="landscape"\/>/);
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"( w:orient="portrait")?\/>/);
  }, 240_000);

  it('gives the contents page numbers in a report with more than a thousand register rows', async () => {
    const file = path.join(tempDir(), 'large.shoshin');
    const store = EngagementStore.create(file, { name: 'Large', client: 'Client' });
    generateEngagement(store, { processes: 2, stepsPerProcess: 30, lanes: 4, painPoints: 1100, people: 10, seed: 3 });
    store.close();
    const out = path.join(tempDir(), 'large.docx');
    await runExportInWorker({ engagementPath: file, format: 'docx', options: { ...DEFAULT_REPORT_OPTIONS, sections: ['summary', 'appendix'] }, out });
    const entries = contentsEntries(await (await parts(out))('word/document.xml'));
    expect(entries.map((e) => e.title)).toContain('Pain-point register');
    for (const entry of entries) expect(entry.page, entry.title).toMatch(/^\d+$/);
    // A thousand rows of register cannot start on the page the summary does.
    const register = Number(entries.find((e) => e.title === 'Pain-point register')?.page);
    expect(register).toBeGreaterThan(Number(entries[0]?.page) + 1);
  }, 240_000);
});
