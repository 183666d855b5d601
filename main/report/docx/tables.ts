import { AlignmentType, Paragraph, Table, TableCell, TableRow, WidthType, type FileChild, type IXmlableObject } from 'docx';
import { textWidth } from '../../../core/diagram';
import { xmlSafe } from '../../../core/xml';
import { onPage, PORTRAIT_WIDTH } from './pages';
import { firstStrong, para } from './text';
import { WrittenTable } from './writtenTable';

export type CellContent = string | Paragraph[];

function cell(content: CellContent, width: number, options: { bold?: boolean; color?: string; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}): TableCell {
  const children = typeof content === 'string' ? [para(content, { bold: options.bold, color: options.color, align: options.align })] : content;
  return new TableCell({ children: children.length ? children : [new Paragraph('')], width: { size: width, type: WidthType.DXA } });
}

/**
 * Column widths from relative weights, but never so narrow that a header word breaks in two
 * ("Severit-y"): such columns get what their header needs and the others share the rest.
 */
function columnWidths(headers: readonly string[], rows: readonly (readonly CellContent[])[], weights: readonly number[], total: number): number[] {
  const longestWord = (text: string, bold: boolean) => Math.max(0, ...text.split(/\s+/).slice(0, 200).map((word) => textWidth(word, 9, bold)));
  const needed = headers.map((h, i) => {
    const body = Math.min(total * 0.3, Math.max(0, ...rows.slice(0, 300).map((row) => {
      const value = row[i];
      return typeof value === 'string' ? longestWord(value, false) * 20 : 0;
    })));
    return Math.ceil(Math.max(longestWord(h, true) * 20, body)) + 2 * 108 + 80;
  });
  const neededTotal = needed.reduce((a, b) => a + b, 0);
  // Long unbreakable words everywhere: share the width by need, as well as it goes.
  if (neededTotal >= total) return needed.map((n) => Math.max(200, Math.floor((n / neededTotal) * total)));
  const fixed = new Set<number>();
  let widths: number[] = [];
  for (let pass = 0; pass < headers.length; pass++) {
    const free = total - [...fixed].reduce((sum, i) => sum + (needed[i] ?? 0), 0);
    const weightSum = weights.reduce((sum, w, i) => (fixed.has(i) ? sum : sum + w), 0) || 1;
    widths = weights.map((w, i) => (fixed.has(i) ? (needed[i] ?? 0) : Math.floor((w / weightSum) * free)));
    const short = widths.findIndex((w, i) => !fixed.has(i) && w < (needed[i] ?? 0));
    if (short < 0) break;
    fixed.add(short);
  }
  return widths;
}

/** How a row sits on the page. */
interface RowLayout {
  header: boolean;
  keepNext: boolean;
  cantSplit: boolean;
}

/**
 * Each row's layout: the header repeats and stays with the first row; a short table stays on one
 * page rather than leaving a row or two on the next; ordinary rows stay whole on one page, and
 * only a row too long for a page may break.
 */
function rowLayouts(rows: readonly (readonly CellContent[])[]): RowLayout[] {
  return [
    { header: true, keepNext: true, cantSplit: true },
    ...rows.map((row, r) => ({
      header: false,
      keepNext: rows.length <= 12 && r < rows.length - 1,
      cantSplit: row.reduce((n, c) => n + (typeof c === 'string' ? c.length : 400), 0) < 1500,
    })),
  ];
}

const on = (name: string): IXmlableObject => ({ [name]: {} });
const attributed = (name: string, attributes: Record<string, string | number | boolean>): IXmlableObject => ({ [name]: { _attr: attributes } });

/** A cell's text as docx writes `para(text, { align })`: lines as runs joined by breaks, right-to-left marked. */
function writtenParagraph(text: string, keepNext: boolean, align: 'right' | undefined): IXmlableObject {
  const rtl = firstStrong(text) === 'rtl';
  const properties = [...(keepNext ? [on('w:keepNext')] : []), ...(rtl ? [on('w:bidi')] : []), ...(align ? [attributed('w:jc', { 'w:val': rtl ? 'left' : align })] : [])];
  const lines = xmlSafe(text).replace(/\r\n?/g, '\n').split('\n');
  const runs = lines.map((line, i) => ({ 'w:r': [...(i > 0 ? [on('w:br')] : []), { 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, line.replace(/\t/g, ' ')] }] }));
  return { 'w:p': properties.length > 0 ? [{ 'w:pPr': properties }, ...runs] : runs };
}

function writtenTable(headers: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[], total: number, numeric: ReadonlySet<number>): WrittenTable {
  const layouts = rowLayouts(rows);
  const writtenRow = (cells: readonly string[], layout: RowLayout): IXmlableObject => {
    const properties = [...(layout.cantSplit ? [on('w:cantSplit')] : []), ...(layout.header ? [on('w:tblHeader')] : [])];
    const written = cells.map((text, i) => ({
      'w:tc': [{ 'w:tcPr': [attributed('w:tcW', { 'w:type': 'dxa', 'w:w': widths[i] ?? 0 })] }, writtenParagraph(text, layout.keepNext, numeric.has(i) ? 'right' : undefined)],
    }));
    return { 'w:tr': properties.length > 0 ? [{ 'w:trPr': properties }, ...written] : written };
  };
  return new WrittenTable({
    'w:tbl': [
      {
        'w:tblPr': [
          attributed('w:tblStyle', { 'w:val': 'ReportTable' }),
          attributed('w:tblW', { 'w:type': 'dxa', 'w:w': total }),
          attributed('w:tblLook', { 'w:firstRow': true, 'w:noVBand': true }),
        ],
      },
      { 'w:tblGrid': widths.map((w) => attributed('w:gridCol', { 'w:w': w })) },
      writtenRow(headers, layouts[0] as RowLayout),
      ...rows.map((row, r) => writtenRow(row, layouts[r + 1] as RowLayout)),
    ],
  });
}

/**
 * A table in the report's table style; widths are relative weights spread over `width` twips, given
 * for an A4 page and fitted to the paper the report is written on.
 */
export function table(headers: readonly string[], rows: readonly (readonly CellContent[])[], weights: readonly number[], width = PORTRAIT_WIDTH, numeric: ReadonlySet<number> = new Set()): FileChild {
  const total = onPage(width);
  const widths = columnWidths(headers, rows, weights, total);
  if (rows.every((row) => row.every((c) => typeof c === 'string'))) return writtenTable(headers, rows as readonly (readonly string[])[], widths, total, numeric);
  const align = (i: number) => (numeric.has(i) ? AlignmentType.RIGHT : undefined);
  const layouts = rowLayouts(rows);
  return new Table({
    style: 'ReportTable',
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    tableLook: { firstRow: true, noVBand: true },
    rows: [headers, ...rows].map(
      (row, r) =>
        new TableRow({
          tableHeader: layouts[r]?.header || undefined,
          keepNext: layouts[r]?.keepNext || undefined,
          cantSplit: layouts[r]?.cantSplit || undefined,
          children: row.map((c, i) => cell(c, widths[i] ?? 0, { align: align(i) })),
        }),
    ),
  });
}
