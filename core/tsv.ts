/**
 * The block of cells a spreadsheet puts on the clipboard as text: cells separated by tabs, rows by
 * line breaks (CRLF from Excel, LF from LibreOffice Calc). A cell holding a tab, a line break or a
 * quote comes wrapped in double quotes, its quotes doubled. Also the format the table copies in.
 */

/** Most rows one paste may bring; a process's steps fit many times over. */
export const MAX_PASTE_ROWS = 5000;

/**
 * The rows and cells of a pasted block. The line break a spreadsheet adds after the last row makes
 * no empty row. A quote that does not open a properly quoted cell ("12" screen) is kept as text.
 */
export function parseCells(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  const endOfCell = (at: number) => at >= n || text[at] === '\t' || text[at] === '\n' || text[at] === '\r';
  while (i <= n) {
    let cell = '';
    if (text[i] === '"') {
      const closed = closingQuote(text, i + 1);
      if (closed !== -1 && endOfCell(closed + 1)) {
        cell = text.slice(i + 1, closed).replace(/""/g, '"');
        i = closed + 1;
      }
    }
    if (i < n && !endOfCell(i)) {
      let end = i;
      while (!endOfCell(end)) end++;
      cell += text.slice(i, end);
      i = end;
    }
    row.push(cell);
    if (i >= n) {
      rows.push(row);
      break;
    }
    if (text[i] === '\t') {
      i++;
      continue;
    }
    // A line break: CRLF, LF or a lone CR.
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= n) break;
  }
  return rows;
}

/** Where the quoted cell opened before `from` closes: its first quote not doubled; -1 if none. */
function closingQuote(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const at = text.indexOf('"', i);
    if (at === -1) return -1;
    if (text[at + 1] === '"') {
      i = at + 2;
      continue;
    }
    return at;
  }
  return -1;
}

/** Cells as a spreadsheet reads them back: quoted where a cell holds a tab, a line break or a quote. */
export function formatCells(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map((cell) => (/[\t\r\n"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join('\t')).join('\r\n');
}
