import fs from 'node:fs';
import path from 'node:path';
import validate from '@ooxml-tools/validate';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_REPORT_OPTIONS } from '../../core/ipc/report';
import { PRINT } from '../../core/palette';
import { runExportInWorker } from '../../main/report/jobs';
import { cleanTempDirs, tempDir } from '../helpers';
import { comparedEngagement, sampleStore } from '../reportFixtures';

afterEach(cleanTempDirs);

async function ooxmlErrors(file: string): Promise<string[]> {
  const results = await validate(new Uint8Array(fs.readFileSync(file)), 'docx', 'Microsoft365');
  return results.map((r) => `${r.description} (${r.path.partUri} ${r.path.xpath})`);
}

/** The text of the document part, paragraph by paragraph. */
function paragraphs(document: string): string[] {
  return [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).filter(Boolean);
}

describe('the report’s documented-versus-observed chapter', () => {
  it('shows both maps with the differences ringed in colour, a legend and a table naming every difference, in a package Word validates', async () => {
    const file = await comparedEngagement();
    const out = path.join(tempDir(), 'report.docx');
    await runExportInWorker({ engagementPath: file, format: 'docx', options: { ...DEFAULT_REPORT_OPTIONS, sections: ['documented'] }, out });
    expect(await ooxmlErrors(out)).toEqual([]);

    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const document = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = paragraphs(document);
    expect(text).toContain('Documented versus observed');
    expect(text).toContain('Password reset procedure and Password reset');
    expect(text.find((p) => p.startsWith('Of 8 documented steps'))).toMatch(/^Of 8 documented steps, 6 were seen done\. 17 steps were done but not documented, and 2 documented steps were not done\. 1 step was done by another role/);
    expect(text).toContain('Figure: Password reset procedure, as documented.');
    expect(text).toContain('Figure: Password reset, as observed.');
    expect(text.some((p) => p.includes('No counterpart: documented but not done'))).toBe(true);

    // The table: one row per difference, each step with its lane.
    expect(text).toContain('Documented: Password reset procedure');
    const rowOf = (step: string) => [...document.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => paragraphs(m[0])).find((cells) => cells.includes(step));
    expect(rowOf('Email password to the manager (Service desk)')).toEqual(['Documented but not done', 'Email password to the manager (Service desk)', '–']);
    expect(rowOf('Reset to a temporary password (Identity system)')).toEqual(['Done by another role', 'Reset to a temporary password (Service desk)', 'Reset to a temporary password (Identity system)']);
    expect(rowOf('Wait in the call queue (Service desk)')).toEqual(['Done but not documented', '–', 'Wait in the call queue (Service desk)']);
    // The correction holds: the two "Log the call" steps are left unpaired.
    const rows = [...document.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => paragraphs(m[0]).join(' | '));
    expect(rows).toContain('Documented but not done | Log the call (Service desk) | –');
    expect(rows).toContain('Done but not documented | – | Log the call (Service desk)');

    // Two figures, each an SVG with its PNG fallback; the rings are in the difference colours.
    const svgs = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => name.startsWith('word/media/') && name.endsWith('.svg'))
        .map((name) => zip.file(name)?.async('string') ?? ''),
    );
    expect(svgs).toHaveLength(2);
    expect(Object.keys(zip.files).filter((name) => name.startsWith('word/media/') && name.endsWith('.png'))).toHaveLength(2);
    const documentedSvg = svgs.find((svg) => svg.includes('Email password to'));
    const observedSvg = svgs.find((svg) => svg.includes('Wait in the call'));
    const rings = (svg: string | undefined, colour: string) => (svg ?? '').split(`stroke="${colour}" stroke-width="3"`).length - 1;
    expect(rings(documentedSvg, PRINT.unmatched)).toBe(2);
    expect(rings(documentedSvg, PRINT.otherRole)).toBe(1);
    expect(rings(observedSvg, PRINT.unmatched)).toBe(17);
    expect(rings(observedSvg, PRINT.otherRole)).toBe(1);
  });

  it('is left out when no documented process is compared with an observed one', async () => {
    const store = sampleStore();
    const file = store.path;
    store.close();
    const out = path.join(tempDir(), 'report.docx');
    await runExportInWorker({ engagementPath: file, format: 'docx', options: { ...DEFAULT_REPORT_OPTIONS, sections: ['summary', 'documented'] }, out });
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const document = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(document).not.toContain('Documented versus observed');
    expect(document).toContain('Executive summary');
  });
});
