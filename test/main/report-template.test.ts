import fs from 'node:fs';
import path from 'node:path';
import validate from '@ooxml-tools/validate';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from '../../core/ipc/report';
import { runExportInWorker } from '../../main/report/jobs';
import { readTemplate } from '../../main/report/template';
import { cleanTempDirs, tempDir } from '../helpers';
import { sampleStore } from '../reportFixtures';
import { buildTemplate, LETTERHEAD, PLAIN } from '../templateFixtures';

/**
 * The firm's own look (issue 13 item 7): Word templates built here, each with styles that look
 * plainly different, a header with a logo, and its own paper; the report takes them over.
 */
afterEach(cleanTempDirs);

async function exportWith(options: Partial<ReportOptions>): Promise<{ out: string; read: (name: string) => Promise<string>; names: string[] }> {
  const store = sampleStore();
  const file = store.path;
  store.close();
  const out = path.join(tempDir(), 'report.docx');
  await runExportInWorker({ engagementPath: file, format: 'docx', options: { ...DEFAULT_REPORT_OPTIONS, sections: ['summary', 'comparison', 'people'], ...options }, out });
  const zip = await JSZip.loadAsync(fs.readFileSync(out));
  return { out, read: async (name) => (await zip.file(name)?.async('string')) ?? '', names: Object.keys(zip.files) };
}

function styleBlock(styles: string, id: string): string {
  return new RegExp(`<w:style\\b[^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';
}

async function ooxmlErrors(file: string): Promise<string[]> {
  const results = await validate(new Uint8Array(fs.readFileSync(file)), 'docx', 'Microsoft365');
  return results.map((r) => `${r.description} (${r.path.partUri} ${r.path.xpath})`);
}

describe('a firm’s Word template', () => {
  it('gives the report its styles, header with logo and paper, and stays valid Word', async () => {
    const template = await buildTemplate(LETTERHEAD);
    const { out, read, names } = await exportWith({ templatePath: template });
    expect(await ooxmlErrors(out)).toEqual([]);

    const styles = await read('word/styles.xml');
    // The firm's heading 1 under the report's id, so the report's headings and contents take its look.
    const heading = styleBlock(styles, 'Heading1');
    expect(heading).toContain('w:val="heading 1"');
    expect(heading).toContain('w:color w:val="8B0000"');
    expect(heading).toContain('Georgia');
    expect(styles).not.toContain('berschrift1');
    // The firm's own table style is the report's table style.
    expect(styleBlock(styles, 'ReportTable')).toContain('w:fill="2E7D32"');
    expect(styles).toMatch(/<w:rPrDefault><w:rPr>[\s\S]*?Georgia/);

    // The firm's paper (US Letter) for the text pages, and its header with the logo on every section.
    const document = await read('word/document.xml');
    expect(document).toContain('<w:pgSz w:w="12240" w:h="15840"');
    const sections = [...document.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    expect(sections.length).toBeGreaterThan(1);
    const rels = await read('word/_rels/document.xml.rels');
    const headerId = /Id="([^"]+)"[^>]*Target="firm-header.xml"/.exec(rels)?.[1];
    expect(headerId).toBeTruthy();
    for (const section of sections) expect(section).toContain(`r:id="${headerId}"`);
    expect(await read('word/firm-header.xml')).toContain('Hartley &amp; Grey Consulting');
    const headerRels = await read('word/_rels/firm-header.xml.rels');
    const media = /Target="(media\/[^"]+)"/.exec(headerRels)?.[1];
    expect(names).toContain(`word/${media}`);
    // Shoshin's own header (client name, CONFIDENTIAL) gives way to the firm's.
    for (const name of names.filter((n) => /^word\/header\d*\.xml$/.test(n))) expect(await read(name)).not.toContain('CONFIDENTIAL');
  }, 240_000);

  it('looks different with a different template, and keeps Shoshin’s header where the firm has none', async () => {
    const template = await buildTemplate(PLAIN);
    const { out, read, names } = await exportWith({ templatePath: template });
    expect(await ooxmlErrors(out)).toEqual([]);
    const styles = await read('word/styles.xml');
    expect(styleBlock(styles, 'Heading1')).toContain('w:color w:val="1565C0"');
    expect(styleBlock(styles, 'Heading1')).toContain('Verdana');
    expect(styleBlock(styles, 'ReportTable')).toContain('w:fill="E65100"');
    expect(names).not.toContain('word/firm-header.xml');
    const headers = await Promise.all(names.filter((n) => /^word\/header\d*\.xml$/.test(n)).map(read));
    expect(headers.some((h) => h.includes('CONFIDENTIAL'))).toBe(true);
  }, 240_000);

  it('reads a template’s paper, margins and header, and refuses a file that is not one, with a message', async () => {
    const template = readTemplate(await buildTemplate(LETTERHEAD));
    expect(template.paper).toEqual({ short: 12240, long: 15840 });
    expect(template.margins).toMatchObject({ top: 1440, bottom: 1440, side: 1080 });
    expect(template.header?.media.size).toBe(1);

    const notWord = path.join(tempDir(), 'fake.dotx');
    fs.writeFileSync(notWord, 'This is not a Word file.');
    expect(() => readTemplate(notWord)).toThrow(/must be a Word template or document/);
    expect(() => readTemplate(path.join(tempDir(), 'missing.dotx'))).toThrow(/not found/);
    const out = path.join(tempDir(), 'refused.docx');
    const store = sampleStore();
    store.close();
    await expect(runExportInWorker({ engagementPath: store.path, format: 'docx', options: { ...DEFAULT_REPORT_OPTIONS, templatePath: notWord }, out })).rejects.toThrow(/Word template/);
    expect(fs.existsSync(out)).toBe(false);
  }, 120_000);
});
