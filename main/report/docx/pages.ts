import { BorderStyle, Footer, Header, LineRuleType, PageNumber, PageOrientation, Paragraph, TabStopType, TextRun, type FileChild, type ISectionOptions } from 'docx';
import { messages, say } from '../../../core/messages';
import { clip, oneLine } from '../../../core/xml';
import type { ReportContext } from './context';
import { MUTED, PAIN, RULE } from './styles';
import { run } from './text';
import { isTable } from './writtenTable';

/**
 * Pages: the paper and margins of the text pages (A4 with 2.2 cm sides and 2.5 cm top and bottom,
 * or a firm template's own), the landscape pages the process maps are printed on (the same paper
 * turned, or A3), and the header and footer every page but the cover carries.
 */

/** Paper in twips (1/20 pt), short side first. */
export interface Paper {
  short: number;
  long: number;
}
export interface Margins {
  top: number;
  bottom: number;
  side: number;
  header: number;
  footer: number;
}

export const A4: Paper = { short: 11906, long: 16838 };
export const A3: Paper = { short: 16838, long: 23811 };
const LETTER: Paper = { short: 12240, long: 15840 };
/** US paper twice the size of Letter, as A3 is twice A4. */
const TABLOID: Paper = { short: 15840, long: 24480 };
const MARGINS: Margins = { side: 1247, top: 1418, bottom: 1418, header: 709, footer: 709 };

export const TWIPS_PER_PX = 15;
/** The widths chapters give their tables in: a table made for A4 is scaled to the page it lands on. */
export const PORTRAIT_WIDTH = A4.short - 2 * MARGINS.side;
export const LANDSCAPE_WIDTH = A4.long - 2 * MARGINS.side;

/** Text pages run portrait or landscape (a wide register); map pages are the landscape pages of process maps. */
export type Orientation = 'portrait' | 'landscape' | 'map';
export interface Block {
  orientation: Orientation;
  children: FileChild[];
}

/** How the pages of one report are set up. */
export interface PageSetup {
  paper: Paper;
  margins: Margins;
  mapPaper: Paper;
}

export function pageSetup(options: { mapPaper: 'a4' | 'a3' }, template?: { paper: Paper; margins: Margins } | null): PageSetup {
  const paper = template?.paper ?? A4;
  const margins = template?.margins ?? MARGINS;
  const letterLike = Math.abs(paper.short - LETTER.short) < 200 && Math.abs(paper.long - LETTER.long) < 200;
  const large = letterLike ? TABLOID : A3;
  return { paper, margins, mapPaper: options.mapPaper === 'a3' ? large : paper };
}

export const DEFAULT_SETUP: PageSetup = pageSetup({ mapPaper: 'a4' });

/** The area text (and figures) may fill on a page of this orientation, in twips. */
export function textArea(setup: PageSetup, orientation: Orientation): { width: number; height: number } {
  const { margins } = setup;
  const paper = orientation === 'map' ? setup.mapPaper : setup.paper;
  const landscape = orientation !== 'portrait';
  const width = (landscape ? paper.long : paper.short) - 2 * margins.side;
  const height = (landscape ? paper.short : paper.long) - margins.top - margins.bottom;
  return { width, height };
}

/**
 * The page setup the chapters being written print on. Tables are sized in A4 widths by the chapters
 * (PORTRAIT_WIDTH, LANDSCAPE_WIDTH) and scaled here to the paper of the report being written, which a
 * firm template may change; the report is written in one synchronous pass, so one setting suffices.
 */
let current: PageSetup = DEFAULT_SETUP;

export function writingOn<T>(setup: PageSetup, write: () => T): T {
  const before = current;
  current = setup;
  try {
    return write();
  } finally {
    current = before;
  }
}

export function pagesNow(): PageSetup {
  return current;
}

/** A width in twips given for an A4 page, on the page being written. */
export function onPage(twips: number): number {
  const landscape = twips > PORTRAIT_WIDTH;
  const target = textArea(current, landscape ? 'landscape' : 'portrait').width;
  return Math.floor((twips * target) / (landscape ? LANDSCAPE_WIDTH : PORTRAIT_WIDTH));
}

export function sectionPage(setup: PageSetup, orientation: Orientation) {
  const paper = orientation === 'map' ? setup.mapPaper : setup.paper;
  const { margins } = setup;
  return {
    // docx swaps width and height itself for landscape pages.
    size: { width: paper.short, height: paper.long, orientation: orientation === 'portrait' ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE },
    margin: { top: margins.top, bottom: margins.bottom, left: margins.side, right: margins.side, header: margins.header, footer: margins.footer },
  };
}

export function pageSection(ctx: ReportContext, block: Block): ISectionOptions {
  const width = textArea(ctx.pages, block.orientation).width;
  const small = { size: 16, color: MUTED };
  const header = new Header({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: width }],
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: RULE, space: 4 } },
        children: [
          run(clip(ctx.clientName(), 120), { ...small }),
          ...(ctx.input.options.confidential ? [new TextRun({ text: `\t${say('report.confidential')}`, size: 16, bold: true, color: PAIN })] : []),
        ],
      }),
    ],
  });
  const footer = new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: width }],
        children: [
          run(clip(say('report.footer', { engagement: oneLine(ctx.input.data.engagement.name) || say('report.untitledEngagement') }), 140), { ...small }),
          new TextRun({ children: pageOfPages('\t'), ...small }),
        ],
      }),
    ],
  });
  // A firm's template brings its own header and footer (finished into the package in package.ts).
  const firm = ctx.input.template;
  return {
    properties: { page: sectionPage(ctx.pages, block.orientation) },
    headers: firm?.header ? {} : { default: header },
    footers: firm?.footer ? {} : { default: footer },
    children: endsInTable(block.children) ? [...block.children, sectionEnd()] : block.children,
  };
}

/**
 * "Page 3 of 12" with Word's own fields for the numbers: the catalogue's sentence, cut where its
 * placeholders are, so a language may put the numbers in its own order; `lead` goes before it.
 */
function pageOfPages(lead: string): (string | (typeof PageNumber)[keyof typeof PageNumber])[] {
  const fields = { '{page}': PageNumber.CURRENT, '{pages}': PageNumber.TOTAL_PAGES };
  return `${lead}${messages['report.footer.page']}`
    .split(/(\{page\}|\{pages\})/)
    .filter(Boolean)
    .map((part) => (part === '{page}' || part === '{pages}' ? fields[part] : part));
}

function endsInTable(children: readonly FileChild[]): boolean {
  const last = children.at(-1);
  return last !== undefined && isTable(last);
}

/**
 * The paragraph a section ending in a table needs to carry its page set-up, 1 pt high: at normal
 * size it would not fit below a table that fills the page, and Word would print it on a blank page
 * of its own (LibreOffice does not, so the contents' page numbers would differ between them).
 */
function sectionEnd(): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT }, children: [new TextRun({ text: '', size: 2 })] });
}
