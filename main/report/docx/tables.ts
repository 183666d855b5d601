import { AlignmentType, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { textWidth } from '../../../core/diagram';
import { onPage, PORTRAIT_WIDTH } from './pages';
import { para } from './text';

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

/**
 * A table in the report's table style; widths are relative weights spread over `width` twips, given
 * for an A4 page and fitted to the paper the report is written on.
 */
export function table(headers: readonly string[], rows: readonly (readonly CellContent[])[], weights: readonly number[], width = PORTRAIT_WIDTH, numeric: ReadonlySet<number> = new Set()): Table {
  const total = onPage(width);
  const widths = columnWidths(headers, rows, weights, total);
  const align = (i: number) => (numeric.has(i) ? AlignmentType.RIGHT : undefined);
  return new Table({
    style: 'ReportTable',
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    tableLook: { firstRow: true, noVBand: true },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, keepNext: true, children: headers.map((h, i) => cell(h, widths[i] ?? 0, { align: align(i) })) }),
      // A short table stays on one page rather than leaving a row or two on the next.
      ...rows.map(
        (row, r) =>
          new TableRow({
            keepNext: rows.length <= 12 && r < rows.length - 1 ? true : undefined,
            // Ordinary rows stay whole on one page; only a row too long for a page may break.
            cantSplit: row.reduce((n, c) => n + (typeof c === 'string' ? c.length : 400), 0) < 1500 ? true : undefined,
            children: row.map((c, i) => cell(c, widths[i] ?? 0, { align: align(i) })),
          }),
      ),
    ],
  });
}
