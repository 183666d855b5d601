import type { EstimatedPageNumbers, IContext, IXmlableObject, PageNumberEstimator } from 'docx';
import { textWidth } from '../../../core/diagram';
import type { Format, ParagraphFormat, StyleSheet, TextFormat } from './stylesheet';

/**
 * The page every heading of the report starts on, worked out while the document is written, so the
 * contents show their page numbers when Word or LibreOffice opens the file, without Word asking to
 * update fields, at any size of report.
 *
 * Why not the `docx` library's own layout (docx/layout)? It lays out any document as Word would, and
 * costs about 140 ms of CPU a page: the sample report's 33 pages took 4.7 s, a large report minutes,
 * which is why large reports used to leave the numbers to Word (and LibreOffice showed none). This
 * lays out only what the report is made of (paragraphs of text in one font, inline pictures, tables
 * with repeated header rows, rows kept whole or together, page breaks and sections of different
 * paper) in a few milliseconds a page, with Word's rules for those: spacing before and after,
 * line spacing, keep with next, keep lines together, widow and orphan control, and a header row
 * repeated on each page of a table.
 */

type Element = Record<string, unknown>;

function nameOf(node: Element): string {
  for (const key in node) if (key !== '_attr') return key;
  return '';
}

function contentOf(node: Element): unknown {
  return node[nameOf(node)];
}

function children(node: Element): Element[] {
  const content = contentOf(node);
  return Array.isArray(content) ? (content.filter((c) => c !== null && typeof c === 'object' && !('_attr' in c && Object.keys(c).length === 1)) as Element[]) : [];
}

function attributes(node: Element | undefined): Record<string, unknown> {
  if (!node) return {};
  const content = contentOf(node);
  if (Array.isArray(content)) {
    const holder = content.find((c) => c !== null && typeof c === 'object' && '_attr' in c) as { _attr?: Record<string, unknown> } | undefined;
    return holder?._attr ?? {};
  }
  if (content !== null && typeof content === 'object') return ((content as { _attr?: Record<string, unknown> })._attr ?? {}) as Record<string, unknown>;
  return {};
}

function child(node: Element | undefined, name: string): Element | undefined {
  return node ? children(node).find((c) => name in c) : undefined;
}

function textOf(node: Element): string {
  const content = contentOf(node);
  return Array.isArray(content) ? content.filter((c): c is string => typeof c === 'string').join('') : typeof content === 'string' ? content : '';
}

const OFF = new Set(['0', 'false', 'off']);
function onOff(node: Element | undefined, name: string): boolean | undefined {
  const found = child(node, name);
  if (!found) return undefined;
  const value = attributes(found)['w:val'];
  return value === undefined || !OFF.has(String(value));
}

function num(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** Width relative to Arial and line height (in ems) of the fonts reports and firm templates use most; others count as Arial. */
const FONTS: Record<string, { width: number; line: number }> = {
  arial: { width: 1, line: 1.15 },
  helvetica: { width: 1, line: 1.15 },
  'liberation sans': { width: 1, line: 1.15 },
  arimo: { width: 1, line: 1.15 },
  calibri: { width: 0.9, line: 1.22 },
  'calibri light': { width: 0.89, line: 1.22 },
  carlito: { width: 0.9, line: 1.22 },
  cambria: { width: 0.95, line: 1.172 },
  caladea: { width: 0.95, line: 1.172 },
  'times new roman': { width: 0.88, line: 1.15 },
  'liberation serif': { width: 0.88, line: 1.15 },
  georgia: { width: 1, line: 1.136 },
  verdana: { width: 1.13, line: 1.215 },
  tahoma: { width: 1.01, line: 1.207 },
  'segoe ui': { width: 0.97, line: 1.33 },
  aptos: { width: 0.95, line: 1.2 },
  garamond: { width: 0.86, line: 1.12 },
  'trebuchet ms': { width: 0.98, line: 1.16 },
  'century gothic': { width: 1.1, line: 1.22 },
};
function fontOf(name: string) {
  return FONTS[name.toLowerCase()] ?? { width: 1, line: 1.17 };
}

interface Run extends TextFormat {
  text: string;
}
interface Picture {
  width: number;
  height: number;
}

interface Para {
  kind: 'para';
  format: ParagraphFormat;
  /** Line heights, in twips. */
  lines: number[];
  bookmarks: string[];
  pageBreaks: number[];
}
interface Row {
  height: number;
  header: boolean;
  cantSplit: boolean;
  keepNext: boolean;
  bookmarks: string[];
}
interface Tbl {
  kind: 'table';
  rows: Row[];
}
interface SectionEnd {
  kind: 'section';
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  continuous: boolean;
}
type Item = Para | Tbl | SectionEnd;

/** Line height of text in `format` at `size` half-points, in twips, with the paragraph's line spacing. */
function lineHeight(paragraph: ParagraphFormat, font: string, size: number, picture = 0): number {
  const natural = Math.max(picture + size * 10 * 0.21, size * 10 * fontOf(font).line);
  if (paragraph.lineRule === 'exact') return paragraph.line;
  if (paragraph.lineRule === 'atLeast') return Math.max(natural, paragraph.line);
  return natural * (paragraph.line / 240);
}

/** Breaks runs of text into lines `width` twips wide, greedily at spaces, as Word does without hyphenation. */
function breakLines(runs: readonly (Run | Picture)[], format: Format, width: number): number[] {
  const lines: number[] = [];
  let used = 0;
  let tallestText = 0;
  let tallestPicture = 0;
  let font = format.text.font;
  let any = false;
  const finish = () => {
    lines.push(lineHeight(format.paragraph, font, tallestText || format.text.size, tallestPicture));
    used = 0;
    tallestText = 0;
    tallestPicture = 0;
    any = false;
  };
  for (const run of runs) {
    if (!('text' in run)) {
      if (any && used + run.width > width) finish();
      used += run.width;
      tallestPicture = Math.max(tallestPicture, run.height);
      any = true;
      continue;
    }
    const scale = (fontOf(run.font).width * run.size) / 2;
    font = run.font;
    for (const [i, segment] of run.text.split('\n').entries()) {
      if (i > 0) finish();
      // Words with the spaces after them; a space at the end of a line takes no room.
      for (const word of segment.match(/\S+\s*|\s+/g) ?? []) {
        const bare = word.trimEnd();
        const wordWidth = textWidth(bare, scale, run.bold) * 20;
        const spaceWidth = textWidth(word.slice(bare.length), scale, run.bold) * 20;
        if (any && used + wordWidth > width) finish();
        if (wordWidth > width) {
          // A word longer than the line is broken where the line ends.
          const chars = [...bare];
          const perLine = Math.max(1, Math.floor((chars.length * width) / wordWidth));
          for (let at = 0; at + perLine < chars.length; at += perLine) {
            tallestText = Math.max(tallestText, run.size);
            finish();
          }
          used = (wordWidth % width) + spaceWidth;
        } else used += wordWidth + spaceWidth;
        tallestText = Math.max(tallestText, run.size);
        any = true;
      }
    }
  }
  if (any || lines.length === 0) finish();
  return lines;
}

interface Reading {
  styles: StyleSheet;
  tableStyle: string | null;
  width: number;
}

function directParagraph(pPr: Element | undefined): Partial<ParagraphFormat> {
  const out: Partial<ParagraphFormat> = {};
  if (!pPr) return out;
  const spacing = attributes(child(pPr, 'w:spacing'));
  const ind = attributes(child(pPr, 'w:ind'));
  const set = <K extends keyof ParagraphFormat>(key: K, value: ParagraphFormat[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  set('before', num(spacing['w:before']));
  set('after', num(spacing['w:after']));
  set('line', num(spacing['w:line']));
  const rule = spacing['w:lineRule'];
  set('lineRule', rule === 'exact' || rule === 'atLeast' || rule === 'auto' ? rule : undefined);
  set('keepNext', onOff(pPr, 'w:keepNext'));
  set('keepLines', onOff(pPr, 'w:keepLines'));
  set('pageBreakBefore', onOff(pPr, 'w:pageBreakBefore'));
  set('widowControl', onOff(pPr, 'w:widowControl'));
  set('left', num(ind['w:left']) ?? num(ind['w:start']));
  set('right', num(ind['w:right']) ?? num(ind['w:end']));
  const hanging = num(ind['w:hanging']);
  set('firstLine', hanging !== undefined ? -hanging : num(ind['w:firstLine']));
  return out;
}

function directText(rPr: Element | undefined, base: TextFormat): TextFormat {
  if (!rPr) return base;
  const size = num(attributes(child(rPr, 'w:sz'))['w:val']);
  const fonts = attributes(child(rPr, 'w:rFonts'));
  const font = (fonts['w:ascii'] ?? fonts['w:hAnsi']) as string | undefined;
  return { font: font ?? base.font, size: size ?? base.size, bold: onOff(rPr, 'w:b') ?? base.bold, italic: onOff(rPr, 'w:i') ?? base.italic };
}

/** Text, pictures, breaks and bookmarks of a paragraph's content, in order. */
function collect(nodes: readonly Element[], base: TextFormat, out: { runs: (Run | Picture)[]; bookmarks: string[]; pageBreaks: number[] }, field: { showing: boolean[] }): void {
  for (const node of nodes) {
    const name = nameOf(node);
    if (name === 'w:bookmarkStart') {
      const bookmark = attributes(node)['w:name'];
      if (typeof bookmark === 'string') out.bookmarks.push(bookmark);
    } else if (name === 'w:r') {
      const format = directText(child(node, 'w:rPr'), base);
      for (const part of children(node)) {
        const kind = nameOf(part);
        if (kind === 'w:fldChar') {
          const type = attributes(part)['w:fldCharType'];
          if (type === 'begin') field.showing.push(false);
          else if (type === 'separate' && field.showing.length) field.showing[field.showing.length - 1] = true;
          else if (type === 'end') field.showing.pop();
          continue;
        }
        // Only what fields show is on the page, not their instructions.
        if (field.showing.includes(false)) continue;
        if (kind === 'w:t') out.runs.push({ ...format, text: textOf(part) });
        else if (kind === 'w:tab') out.runs.push({ ...format, text: '    ' });
        else if (kind === 'w:br') {
          if (attributes(part)['w:type'] === 'page') out.pageBreaks.push(out.runs.length);
          else out.runs.push({ ...format, text: '\n' });
        } else if (kind === 'w:drawing') {
          const inline = child(part, 'wp:inline') ?? child(part, 'wp:anchor');
          const extent = attributes(child(inline, 'wp:extent'));
          // EMU: 914400 an inch, 635 a twip.
          out.runs.push({ width: (num(extent['cx']) ?? 0) / 635, height: (num(extent['cy']) ?? 0) / 635 });
        }
      }
    } else if (name === 'w:hyperlink' || name === 'w:smartTag' || name === 'w:fldSimple' || name === 'w:ins') {
      collect(children(node), base, out, field);
    }
  }
}

function readParagraph(p: Element, reading: Reading): { para: Para; section?: Element } {
  const pPr = child(p, 'w:pPr');
  const styleId = attributes(child(pPr, 'w:pStyle'))['w:val'];
  const styled = reading.styles.format(typeof styleId === 'string' ? styleId : null, reading.tableStyle);
  const format: Format = { paragraph: { ...styled.paragraph, ...directParagraph(pPr) }, text: directText(child(pPr, 'w:rPr'), styled.text) };
  const out = { runs: [] as (Run | Picture)[], bookmarks: [] as string[], pageBreaks: [] as number[] };
  collect(children(p), styled.text, out, { showing: [] });
  const width = reading.width - format.paragraph.left - format.paragraph.right - Math.max(0, format.paragraph.firstLine);
  const para: Para = { kind: 'para', format: format.paragraph, lines: breakLines(out.runs, format, Math.max(200, width)), bookmarks: out.bookmarks, pageBreaks: out.pageBreaks };
  const section = child(pPr, 'w:sectPr');
  return section ? { para, section } : { para };
}

/** A paragraph's height with the space on either side; between two paragraphs the larger space is the gap. */
function paraHeight(para: Para): number {
  return para.format.before + para.lines.reduce((a, b) => a + b, 0) + para.format.after;
}

function readTable(tbl: Element, reading: Reading): Tbl {
  const tblPr = child(tbl, 'w:tblPr');
  const styleId = attributes(child(tblPr, 'w:tblStyle'))['w:val'];
  const tableStyle = typeof styleId === 'string' ? styleId : reading.styles.defaultTableStyle;
  const margins = reading.styles.cellMargins(tableStyle);
  const rules = reading.styles.tableRules(tableStyle);
  const grid = children(child(tbl, 'w:tblGrid') ?? {}).map((c) => num(attributes(c)['w:w']) ?? 0);
  const rows: Row[] = [];
  for (const tr of children(tbl).filter((c) => 'w:tr' in c)) {
    const trPr = child(tr, 'w:trPr');
    let column = 0;
    let height = 0;
    let keepNext = false;
    const bookmarks: string[] = [];
    for (const tc of children(tr).filter((c) => 'w:tc' in c)) {
      const tcPr = child(tc, 'w:tcPr');
      const span = num(attributes(child(tcPr, 'w:gridSpan'))['w:val']) ?? 1;
      const fromGrid = grid.slice(column, column + span).reduce((a, b) => a + b, 0);
      column += span;
      const width = (fromGrid || (num(attributes(child(tcPr, 'w:tcW'))['w:w']) ?? 2000)) - margins.left - margins.right;
      const inner: Reading = { styles: reading.styles, tableStyle, width: Math.max(200, width) };
      let cell = margins.top + margins.bottom;
      let after = 0;
      for (const block of children(tc)) {
        if ('w:p' in block) {
          const { para } = readParagraph(block, inner);
          cell += Math.max(after, para.format.before) + para.lines.reduce((a, b) => a + b, 0);
          after = para.format.after;
          keepNext ||= para.format.keepNext;
          bookmarks.push(...para.bookmarks);
        } else if ('w:tbl' in block) {
          cell += after + readTable(block, inner).rows.reduce((sum, r) => sum + r.height, 0);
          after = 0;
        }
      }
      height = Math.max(height, cell + after);
    }
    const trHeight = attributes(child(trPr, 'w:trHeight'));
    const least = num(trHeight['w:val']) ?? 0;
    rows.push({
      height: trHeight['w:hRule'] === 'exact' ? least : Math.max(height, least),
      header: onOff(trPr, 'w:tblHeader') ?? false,
      cantSplit: onOff(trPr, 'w:cantSplit') ?? false,
      keepNext,
      bookmarks,
    });
  }
  // Each row is as much taller as the line above it, and the last the line below it too.
  rows.forEach((row, i) => {
    row.height += (i === 0 ? rules.top : rules.insideH) + (i === rows.length - 1 ? rules.bottom : 0);
  });
  return { kind: 'table', rows };
}

function readSection(sectPr: Element): SectionEnd {
  const size = attributes(child(sectPr, 'w:pgSz'));
  const margin = attributes(child(sectPr, 'w:pgMar'));
  return {
    kind: 'section',
    width: num(size['w:w']) ?? 11906,
    height: num(size['w:h']) ?? 16838,
    left: num(margin['w:left']) ?? 1440,
    right: num(margin['w:right']) ?? 1440,
    top: Math.abs(num(margin['w:top']) ?? 1440),
    bottom: Math.abs(num(margin['w:bottom']) ?? 1440),
    continuous: attributes(child(sectPr, 'w:type'))['w:val'] === 'continuous',
  };
}

/** The body's blocks, with each section's end (its page set-up) after its last block. */
function readBody(body: Element, styles: StyleSheet): Item[] {
  const blocks: Element[] = [];
  const flatten = (nodes: readonly Element[]) => {
    for (const node of nodes) {
      if ('w:sdt' in node) flatten(children(child(node, 'w:sdtContent') ?? {}));
      else blocks.push(node);
    }
  };
  flatten(children(body));
  // A section's page set-up comes at its end; its blocks are laid out at its width.
  const sections: { end: number; section: SectionEnd }[] = [];
  blocks.forEach((block, i) => {
    const sectPr = 'w:sectPr' in block ? block : 'w:p' in block ? child(child(block, 'w:pPr'), 'w:sectPr') : undefined;
    if (sectPr) sections.push({ end: i, section: readSection(sectPr) });
  });
  const items: Item[] = [];
  let next = 0;
  blocks.forEach((block, i) => {
    while (next < sections.length - 1 && (sections[next] as { end: number }).end < i) next++;
    const section = sections[next]?.section ?? readSection({});
    const reading: Reading = { styles, tableStyle: null, width: section.width - section.left - section.right };
    if ('w:p' in block) items.push(readParagraph(block, reading).para);
    else if ('w:tbl' in block) items.push(readTable(block, reading));
    if (sections[next]?.end === i) items.push(section);
  });
  return items;
}

/** Lays the items out on pages; gives the page each bookmark starts on and how many pages each section has. */
export function paginate(items: readonly Item[]): { bookmarks: Map<string, number>; pages: number; sectionPages: number[] } {
  const bookmarks = new Map<string, number>();
  const sectionPages: number[] = [];
  const sectionOf = (from: number): SectionEnd => (items.slice(from).find((i) => i.kind === 'section') as SectionEnd | undefined) ?? readSection({});
  let section = sectionOf(0);
  let room = section.height - section.top - section.bottom;
  let page = 1;
  let sectionFirstPage = 1;
  let used = 0;
  /** At the top of a page the layout broke onto by itself, where Word drops a paragraph's space before. */
  let flowedOnto = false;
  /** The space after the last paragraph placed: the gap to the next is the larger of it and that one's space before. */
  let after = 0;
  const newPage = (flowed: boolean) => {
    page++;
    used = 0;
    after = 0;
    flowedOnto = flowed;
  };
  const gap = (before: number) => (used === 0 ? (flowedOnto ? 0 : before) : Math.max(after, before));
  const mark = (names: readonly string[]) => {
    for (const name of names) if (!bookmarks.has(name)) bookmarks.set(name, page);
  };
  const firstPart = (item: Item | undefined): number => {
    if (!item || item.kind === 'section') return 0;
    if (item.kind === 'para') {
      const lines = item.format.keepLines ? item.lines.length : item.format.widowControl && item.lines.length >= 2 ? 2 : 1;
      return item.format.before + item.lines.slice(0, lines).reduce((a, b) => a + b, 0);
    }
    // The header rows, and the first row with any rows kept with it (a short table is kept whole).
    let height = 0;
    for (const row of item.rows) {
      height += row.height;
      if (!row.header && !row.keepNext) break;
    }
    return height;
  };

  for (let index = 0; index < items.length; index++) {
    const item = items[index] as Item;
    if (item.kind === 'section') {
      sectionPages.push(page - sectionFirstPage + 1);
      const following = sectionOf(index + 1);
      if (index < items.length - 1) {
        if (!following.continuous) newPage(false);
        sectionFirstPage = page;
      }
      section = following;
      room = section.height - section.top - section.bottom;
      continue;
    }
    if (item.kind === 'para') {
      if (item.format.pageBreakBefore && used > 0) newPage(false);
      // Keep with next: this paragraph (and any chain of them) goes where the next block's start fits too.
      if (item.format.keepNext && used > 0) {
        let need = 0;
        let j = index;
        for (; j < items.length; j++) {
          const it = items[j] as Item;
          if (it.kind !== 'para' || !it.format.keepNext) break;
          need += paraHeight(it);
        }
        need += firstPart(items[j]);
        if (used + need > room && need <= room) newPage(true);
      }
      const total = item.lines.reduce((a, b) => a + b, 0);
      let fit = item.lines.length;
      if (used > 0 && used + gap(item.format.before) + total > room) {
        // How many lines fit here; widow and orphan control keep two on each side of a break.
        let height = gap(item.format.before);
        fit = 0;
        while (fit < item.lines.length && used + height + (item.lines[fit] as number) <= room) height += item.lines[fit++] as number;
        if (item.format.keepLines || (item.format.widowControl && fit < 2)) fit = 0;
        else if (item.format.widowControl && item.lines.length - fit < 2) fit = item.lines.length - 2 >= 2 ? item.lines.length - 2 : 0;
        if (fit === 0) {
          newPage(true);
          fit = item.lines.length;
        }
      }
      mark(item.bookmarks);
      used += gap(item.format.before);
      item.lines.forEach((line, i) => {
        if (i === fit || (used + line > room && used > 0)) newPage(true);
        used += line;
      });
      for (let b = 0; b < item.pageBreaks.length; b++) newPage(false);
      after = item.format.after;
      continue;
    }
    // A table: rows marked as header rows repeat at the top of every page it runs onto.
    const header = item.rows.filter((r) => r.header);
    const headerHeight = header.reduce((a, r) => a + r.height, 0);
    const body = item.rows.filter((r) => !r.header);
    if (used > 0 && used + after + firstPart(item) > room) newPage(true);
    used += (used > 0 ? after : 0) + headerHeight;
    after = 0;
    for (let r = 0; r < body.length; r++) {
      const row = body[r] as Row;
      let need = row.height;
      if (row.keepNext) {
        let k = r;
        need = 0;
        while (k < body.length && (body[k] as Row).keepNext) need += (body[k++] as Row).height;
        need += body[k]?.height ?? 0;
      }
      if (used + need > room && need <= room - headerHeight && used > headerHeight) {
        newPage(true);
        used += headerHeight;
      }
      mark(row.bookmarks);
      if (used + row.height <= room || row.cantSplit) {
        if (used + row.height > room && used > headerHeight) {
          newPage(true);
          used += headerHeight;
        }
        used += row.height;
      } else {
        // A row allowed to break runs on over as many pages as it needs.
        let left = row.height - (room - used);
        while (left > 0) {
          newPage(true);
          used = headerHeight;
          const here = Math.min(left, room - used);
          used += here;
          left -= here;
        }
      }
    }
  }
  if (sectionPages.length === 0 || items[items.length - 1]?.kind !== 'section') sectionPages.push(page - sectionFirstPage + 1);
  return { bookmarks, pages: page, sectionPages };
}

/** The report's own estimator of page numbers, for `new Document({ pageNumbers })`, laying out with `styles`. */
export function reportPageNumbers(styles: StyleSheet): PageNumberEstimator {
  return (body: IXmlableObject, _context: IContext): EstimatedPageNumbers => {
    const { bookmarks, pages, sectionPages } = paginate(readBody(body as Element, styles));
    const out = {
      bookmarks: new Map([...bookmarks].map(([name, page]) => [name, String(page)])),
      bookmarkPageNumbers: bookmarks,
      pageCount: pages,
      sectionPageCounts: sectionPages,
    };
    return out;
  };
}
