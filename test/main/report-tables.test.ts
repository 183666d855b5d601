import { AlignmentType, Document, Table, TableCell, TableRow, WidthType, type FileChild } from 'docx';
import { describe, expect, it } from 'vitest';
import { compileParts, partText } from '../../main/report/docx/package';
import { table } from '../../main/report/docx/tables';
import { para } from '../../main/report/docx/text';
import { HOSTILE_VALUES } from '../reportFixtures';

/**
 * The report's tables of plain text are written without docx's objects for each cell (issue 13
 * item 8: a 2,000-step report has 20,000 cells). They must come out exactly as docx writes the
 * same table, hostile text included, so Word, LibreOffice and the page-number estimator read them
 * as before.
 */

function documentXml(child: FileChild): string {
  return partText(compileParts(new Document({ sections: [{ children: [child] }] })), 'word/document.xml');
}

function tableXml(xml: string): string {
  return /<w:tbl>[\s\S]*<\/w:tbl>/.exec(xml)?.[0] ?? '';
}

/** The same table made of docx's own objects, as the report made every table before. */
function docxTable(xml: string, headers: readonly string[], rows: readonly (readonly string[])[], numeric: ReadonlySet<number>): Table {
  const total = Number(/<w:tblW w:type="dxa" w:w="(\d+)"/.exec(xml)?.[1]);
  const widths = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
  return new Table({
    style: 'ReportTable',
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    tableLook: { firstRow: true, noVBand: true },
    rows: [headers, ...rows].map(
      (row, r) =>
        new TableRow({
          tableHeader: r === 0 || undefined,
          keepNext: r === 0 || (rows.length <= 12 && r < rows.length) || undefined,
          cantSplit: r === 0 || row.join('').length < 1500 || undefined,
          children: row.map((text, i) => new TableCell({ children: [para(text, { align: numeric.has(i) ? AlignmentType.RIGHT : undefined })], width: { size: widths[i] ?? 0, type: WidthType.DXA } })),
        }),
    ),
  });
}

const HEADERS = ['Lane', 'Step', 'Work'];
const NUMERIC = new Set([2]);
const TRICKY = [...HOSTILE_VALUES.filter((text) => text.length < 2_000), 'two\nlines\r\nand\ta tab', '  spaced  ', '12'];

describe('a table of plain text', () => {
  it('is written exactly as docx writes it: a short table kept together, hostile text, right-to-left and numbers', () => {
    const rows = TRICKY.map((text, i) => [text, TRICKY[(i + 1) % TRICKY.length] as string, TRICKY[(i + 2) % TRICKY.length] as string]);
    expect(rows.length).toBeLessThanOrEqual(12);
    const written = tableXml(documentXml(table(HEADERS, rows, [2, 5, 1], undefined, NUMERIC)));
    expect(written).toContain('<w:bidi/>');
    expect(written).toContain('<w:br/>');
    expect(written).toBe(tableXml(documentXml(docxTable(written, HEADERS, rows, NUMERIC))));
  });

  it('is written exactly as docx writes it: a long table whose rows may part, and a row too long to stay whole', () => {
    const rows = Array.from({ length: 30 }, (_, i) => [`Lane ${i}`, i === 7 ? HOSTILE_VALUES.find((t) => t.length > 2_000)?.slice(0, 3_000) ?? '' : `Step ${i} & <more>`, String(i)]);
    const written = tableXml(documentXml(table(HEADERS, rows, [2, 5, 1], undefined, NUMERIC)));
    expect(written.match(/<w:cantSplit\/>/g)).toHaveLength(30);
    expect(written).toBe(tableXml(documentXml(docxTable(written, HEADERS, rows, NUMERIC))));
  });
});
