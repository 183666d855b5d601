import { availableParallelism } from 'node:os';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type FileChild,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import { FOUR_P_LABELS, FREQUENCY_LABELS, HORIZON_LABELS, RESISTANCE_LABELS, WASTE_LABELS } from '../../core/csv';
import { diagramSlices, renderDiagram, textWidth, type Diagram } from '../../core/diagram';
import { LANE_HEADER_WIDTH, laneBands } from '../../core/geometry';
import type { ReportOptions, ReportSection } from '../../core/ipc/report';
import { renderImpactEffortMatrix } from '../../core/matrix';
import { formatMinutes, formatPercent, type Measure, type ProcessMetrics } from '../../core/metrics';
import type { Person, ProcessView, Quote, Step } from '../../core/model';
import { contrast, luminance, PRINT, wordColor } from '../../core/palette';
import type { RegisterRow } from '../../core/register';
import { clip, oneLine, xmlSafe } from '../../core/xml';
import type { ReportData } from './data';
import { PRINT_DPI, svgToPng, svgToPngAsync, type LogoImage } from './images';
import { PeopleNames } from './people';

export type Progress = (phase: string, percent: number) => void;

export interface ReportInput {
  data: ReportData;
  options: ReportOptions;
  logo: LogoImage | null;
  /** The date printed on the cover. */
  date: Date;
  author: { consultant: string; company: string } | null;
}

// A4 in twips (1/20 pt) with 2.2 cm side margins and 2.5 cm top and bottom.
const PAGE = { short: 11906, long: 16838, side: 1247, top: 1418, bottom: 1418, header: 709, footer: 709 };
const TWIPS_PER_PX = 15;
const PORTRAIT_WIDTH = PAGE.short - 2 * PAGE.side;
const LANDSCAPE_WIDTH = PAGE.long - 2 * PAGE.side;
const LANDSCAPE_HEIGHT = PAGE.short - PAGE.top - PAGE.bottom;
/** Below this the diagram's step text prints smaller than about 7 pt; wider processes get landscape pages or parts. */
const MIN_DIAGRAM_SCALE = 0.72;
const MAX_DIAGRAM_PARTS = 8;

const FONT = 'Arial';
const TEXT = wordColor(PRINT.text);
const MUTED = wordColor(PRINT.textMuted);
const RULE = wordColor(PRINT.borderStrong);
const PAIN = wordColor(PRINT.pain);

type Orientation = 'portrait' | 'landscape';
interface Block {
  orientation: Orientation;
  children: FileChild[];
}

/** The brand colour where it reads on white (WCAG 3:1 for large text); otherwise the body text colour. */
function headingColor(brand: string): string {
  return contrast(brand, PRINT.paper) >= 3 ? wordColor(brand) : TEXT;
}

function firstStrong(text: string): 'rtl' | 'ltr' | null {
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if ((code >= 0x0590 && code <= 0x08ff) || (code >= 0xfb1d && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfeff)) return 'rtl';
    if (/\p{L}/u.test(ch)) return 'ltr';
  }
  return null;
}

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  color?: string;
  size?: number;
  allCaps?: boolean;
}

/** Text as runs, with line breaks kept and characters Word cannot store removed. */
function runs(text: string, style: RunStyle = {}): TextRun[] {
  const lines = xmlSafe(text).replace(/\r\n?/g, '\n').split('\n');
  return lines.map((line, i) => new TextRun({ text: line.replace(/\t/g, ' '), break: i > 0 ? 1 : undefined, ...style }));
}

/** One run of user text on one line: the only way user text becomes a run besides `runs`. */
function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({ text: xmlSafe(text).replace(/[\r\n\t]+/g, ' '), ...style });
}

interface ParaOptions extends RunStyle {
  style?: string;
  keepNext?: boolean;
  after?: number;
  before?: number;
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  bullet?: boolean;
  pageBreakBefore?: boolean;
}

function para(content: string | ParagraphChild[], options: ParaOptions = {}): Paragraph {
  const children = typeof content === 'string' ? runs(content, options) : content;
  const plain = typeof content === 'string' ? content : '';
  return new Paragraph({
    children,
    style: options.style,
    keepNext: options.keepNext,
    alignment: options.align,
    bidirectional: firstStrong(plain) === 'rtl' ? true : undefined,
    bullet: options.bullet ? { level: 0 } : undefined,
    pageBreakBefore: options.pageBreakBefore,
    spacing: options.after !== undefined || options.before !== undefined ? { after: options.after, before: options.before } : undefined,
  });
}

function heading(text: string, level: 1 | 2 | 3, pageBreakBefore = false, before?: number): Paragraph {
  const value = oneLine(text) || 'Untitled';
  return new Paragraph({
    children: [run(clip(value, 300))],
    spacing: before === undefined ? undefined : { before },
    heading: level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
    pageBreakBefore: pageBreakBefore || undefined,
    bidirectional: firstStrong(value) === 'rtl' ? true : undefined,
  });
}

type CellContent = string | Paragraph[];

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

/** A table in the report's table style; widths are relative weights spread over `total` twips. */
function table(headers: readonly string[], rows: readonly (readonly CellContent[])[], weights: readonly number[], total = PORTRAIT_WIDTH, numeric: ReadonlySet<number> = new Set()): Table {
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

function tableStyleXml(brand: string): string {
  const fill = wordColor(brand);
  const onBrand = luminance(brand) > 0.4 ? TEXT : wordColor(PRINT.onAccent);
  return (
    '<w:style w:type="table" w:styleId="ReportTable"><w:name w:val="Report Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/><w:qFormat/>' +
    '<w:pPr><w:spacing w:before="0" w:after="0" w:line="252" w:lineRule="auto"/></w:pPr>' +
    '<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>' +
    '<w:tblPr><w:tblBorders>' +
    `<w:top w:val="single" w:sz="6" w:space="0" w:color="${RULE}"/><w:bottom w:val="single" w:sz="6" w:space="0" w:color="${RULE}"/>` +
    `<w:insideH w:val="single" w:sz="4" w:space="0" w:color="${wordColor(PRINT.border)}"/></w:tblBorders>` +
    '<w:tblCellMar><w:top w:w="72" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="72" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>' +
    `<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/><w:color w:val="${onBrand}"/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${fill}"/></w:tcPr></w:tblStylePr>` +
    '</w:style>'
  );
}

function stylesXml(brand: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:styles xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ' +
    'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w14 w15">' +
    tableStyleXml(brand) +
    '</w:styles>'
  );
}

function measure(m: Measure, format: (value: number) => string): string {
  return m.value === null ? 'Not known yet' : format(m.value);
}

function minutes(value: number | null): string {
  return value === null ? '–' : formatMinutes(value);
}

const KIND_LABEL: Record<Step['kind'], string> = {
  start: 'Start',
  end: 'End',
  activity: 'Activity',
  decision: 'Decision',
  wait: 'Wait',
  subprocess: 'Sub-process',
};

function stepName(step: Step | undefined): string {
  if (!step) return '';
  return oneLine(step.text) || KIND_LABEL[step.kind];
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function score(value: number | null): string {
  return value === null ? '–' : String(value);
}

interface DiagramPart {
  diagram: Diagram;
  width: number;
  height: number;
}

/** How a process's diagram goes on paper: portrait if it is narrow, landscape, or landscape in parts. */
function planDiagram(view: ProcessView): { orientation: Orientation; parts: DiagramPart[] } {
  const input = { lanes: view.lanes, steps: view.steps, flows: view.flows, painPoints: view.painPoints, questions: view.questions };
  const whole = renderDiagram(input);
  const portraitPx = PORTRAIT_WIDTH / TWIPS_PER_PX;
  const landscapePx = LANDSCAPE_WIDTH / TWIPS_PER_PX;
  // The first landscape page also carries the process heading and a line of facts.
  const firstHeightPx = (LANDSCAPE_HEIGHT - 1700) / TWIPS_PER_PX;
  const fit = (d: Diagram, maxWidth: number, maxHeight: number): DiagramPart => {
    const scale = Math.min(1, maxWidth / d.width, maxHeight / d.height);
    return { diagram: d, width: Math.round(d.width * scale), height: Math.round(d.height * scale) };
  };
  if (whole.width * MIN_DIAGRAM_SCALE <= portraitPx && whole.height * MIN_DIAGRAM_SCALE <= 560) {
    return { orientation: 'portrait', parts: [fit(whole, portraitPx, 760)] };
  }
  if (whole.width * MIN_DIAGRAM_SCALE <= landscapePx) return { orientation: 'landscape', parts: [fit(whole, landscapePx, firstHeightPx)] };
  const extent = whole.width - LANE_HEADER_WIDTH;
  const body = Math.max(landscapePx / MIN_DIAGRAM_SCALE - LANE_HEADER_WIDTH, extent / MAX_DIAGRAM_PARTS);
  const diagrams = diagramSlices(input, body).map((range) => renderDiagram(input, { range }));
  // One zoom for every part, so the process reads as one map cut into pages, not pictures at different sizes.
  const otherHeightPx = (LANDSCAPE_HEIGHT - 900) / TWIPS_PER_PX;
  const scale = Math.min(1, ...diagrams.map((d, i) => Math.min(landscapePx / d.width, (i === 0 ? firstHeightPx : otherHeightPx) / d.height)));
  return { orientation: 'landscape', parts: diagrams.map((d) => ({ diagram: d, width: Math.round(d.width * scale), height: Math.round(d.height * scale) })) };
}

type DiagramPlan = ReturnType<typeof planDiagram>;

function pngWidth(part: DiagramPart): number {
  return (part.width * PRINT_DPI) / 96;
}

/**
 * Every process's diagram, planned and drawn to PNG before the document is written: the PNGs are
 * the slow part, and drawn together they keep every core busy.
 */
async function drawDiagrams(views: readonly ProcessView[], progress: Progress): Promise<{ plans: Map<string, DiagramPlan>; pngs: Map<DiagramPart, Buffer> }> {
  const plans = new Map(views.map((view) => [view.process.id, planDiagram(view)]));
  const parts = [...plans.values()].flatMap((plan) => plan.parts);
  const pngs = new Map<DiagramPart, Buffer>();
  let next = 0;
  const lanes = Math.max(1, Math.min(parts.length, availableParallelism()));
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < parts.length) {
        const part = parts[next++];
        if (!part) break;
        pngs.set(part, await svgToPngAsync(part.diagram.svg, pngWidth(part)));
        progress(`Drawing diagrams (${pngs.size} of ${parts.length})`, 15 + Math.round((60 * pngs.size) / parts.length));
      }
    }),
  );
  return { plans, pngs };
}

function image(part: DiagramPart, png: Buffer, title: string, description: string): ImageRun {
  return new ImageRun({
    type: 'svg',
    data: Buffer.from(part.diagram.svg, 'utf8'),
    fallback: { type: 'png', data: png },
    transformation: { width: part.width, height: part.height },
    altText: { name: clip(oneLine(title), 200), title: clip(oneLine(title), 200), description: clip(oneLine(description), 1000) },
  });
}

class ReportBuilder {
  private readonly blocks: Block[] = [];
  private readonly names: PeopleNames;
  private readonly brand: string;
  private readonly sections: Set<ReportSection>;
  private readonly stepById = new Map<string, Step>();
  private readonly sessionName = new Map<string, string>();
  private readonly registerById = new Map<string, RegisterRow>();

  constructor(
    private readonly input: ReportInput,
    private readonly progress: Progress,
    private readonly drawn: { plans: Map<string, DiagramPlan>; pngs: Map<DiagramPart, Buffer> },
  ) {
    const { data, options } = input;
    this.names = new PeopleNames(data.people, options.anonymise);
    this.brand = headingColor(options.brandColor);
    this.sections = new Set(options.sections);
    for (const v of data.processes) for (const s of v.steps) this.stepById.set(s.id, s);
    for (const s of data.sessions) this.sessionName.set(s.id, oneLine(s.name));
    for (const r of data.register) this.registerById.set(r.id, r);
  }

  private add(orientation: Orientation, ...children: FileChild[]): void {
    const last = this.blocks[this.blocks.length - 1];
    if (last && last.orientation === orientation) last.children.push(...children);
    else this.blocks.push({ orientation, children: [...children] });
  }

  /** A chapter starts on a new page; at the top of a new section it already does. */
  private chapter(text: string, orientation: Orientation = 'portrait'): void {
    const last = this.blocks[this.blocks.length - 1];
    const startsSection = !last || last.orientation !== orientation;
    this.add(orientation, heading(text, 1, !startsSection));
  }

  private muted(text: string): Paragraph {
    return para(text, { color: MUTED, italics: true });
  }

  build(): ISectionOptions[] {
    const { data } = this.input;
    this.contents();
    if (this.sections.has('summary')) this.summary();
    if (this.sections.has('processes')) {
      data.processes.forEach((view) => this.process(view));
    }
    this.progress('Writing the analysis', 78);
    if (this.sections.has('comparison')) this.comparison();
    if (this.sections.has('opportunities')) this.opportunities();
    if (this.sections.has('people')) this.people();
    if (this.sections.has('observations')) this.observations();
    if (this.sections.has('appendix')) this.appendix();
    return [this.cover(), ...this.blocks.map((b) => this.section(b))];
  }

  private clientName(): string {
    const e = this.input.data.engagement;
    return oneLine(e.client) || oneLine(e.name) || 'Discovery report';
  }

  private section(block: Block): ISectionOptions {
    const landscape = block.orientation === 'landscape';
    const width = landscape ? LANDSCAPE_WIDTH : PORTRAIT_WIDTH;
    const small = { size: 16, color: MUTED };
    const header = new Header({
      children: [
        new Paragraph({
          tabStops: [{ type: TabStopType.RIGHT, position: width }],
          border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: RULE, space: 4 } },
          children: [
            run(clip(this.clientName(), 120), { ...small }),
            ...(this.input.options.confidential ? [new TextRun({ text: '\tCONFIDENTIAL', size: 16, bold: true, color: PAIN })] : []),
          ],
        }),
      ],
    });
    const footer = new Footer({
      children: [
        new Paragraph({
          tabStops: [{ type: TabStopType.RIGHT, position: width }],
          children: [
            run(clip(`${oneLine(this.input.data.engagement.name) || 'Engagement'} · Discovery report`, 140), { ...small }),
            new TextRun({ children: ['\tPage ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], ...small }),
          ],
        }),
      ],
    });
    return {
      properties: {
        page: {
          // docx swaps width and height itself for landscape pages.
          size: { width: PAGE.short, height: PAGE.long, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.side, right: PAGE.side, header: PAGE.header, footer: PAGE.footer },
        },
      },
      headers: { default: header },
      footers: { default: footer },
      children: block.children,
    };
  }

  private cover(): ISectionOptions {
    const { data, options, logo, date } = this.input;
    const e = data.engagement;
    const children: FileChild[] = [];
    if (logo) {
      const scale = Math.min(200 / logo.width, 90 / logo.height);
      const transformation = { width: Math.round(logo.width * scale), height: Math.round(logo.height * scale) };
      const altText = { name: 'Logo', title: 'Logo', description: 'Logo' };
      const run =
        logo.type === 'svg' && logo.fallback
          ? new ImageRun({ type: 'svg', data: logo.data, fallback: { type: 'png', data: logo.fallback }, transformation, altText })
          : new ImageRun({ type: logo.type === 'jpg' ? 'jpg' : 'png', data: logo.data, transformation, altText });
      children.push(new Paragraph({ children: [run], spacing: { after: 1200 } }));
    } else children.push(new Paragraph({ children: [], spacing: { after: 2400 } }));
    children.push(para('DISCOVERY REPORT', { bold: true, color: this.brand, size: 22, after: 240 }));
    children.push(new Paragraph({ style: 'Title', children: runs(clip(oneLine(e.name) || 'Discovery report', 300)) }));
    if (oneLine(e.client)) children.push(new Paragraph({ style: 'Subtitle', children: runs(clip(oneLine(e.client), 300)) }));
    children.push(new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: wordColor(options.brandColor), space: 1 } }, spacing: { after: 480 }, children: [] }));
    const facts: [string, string][] = [
      ['Prepared for', oneLine(e.client) || '–'],
      ['Prepared by', [oneLine(e.consultant) || oneLine(this.input.author?.consultant ?? ''), oneLine(this.input.author?.company ?? '')].filter(Boolean).join(', ') || '–'],
      ['Date', new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(date)],
    ];
    for (const [label, value] of facts) {
      children.push(
        new Paragraph({
          spacing: { after: 120 },
          children: [run(`${label}  `, { color: MUTED, size: 20 }), run(clip(xmlSafe(value), 300), { size: 22, bold: true })],
        }),
      );
    }
    if (options.confidential) {
      children.push(
        para('CONFIDENTIAL', { bold: true, color: PAIN, size: 20, before: 1800, after: 60 }),
        para(`Prepared for ${this.clientName()}. Not to be shared beyond the intended recipients without permission.`, { color: MUTED, size: 18 }),
      );
    }
    return {
      properties: {
        titlePage: true,
        page: {
          size: { width: PAGE.short, height: PAGE.long, orientation: PageOrientation.PORTRAIT },
          margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.side, right: PAGE.side, header: PAGE.header, footer: PAGE.footer },
        },
      },
      // A header or footer part must hold at least one paragraph, even an empty one.
      headers: { first: new Header({ children: [new Paragraph('')] }), default: new Header({ children: [new Paragraph('')] }) },
      footers: { first: new Footer({ children: [new Paragraph('')] }), default: new Footer({ children: [new Paragraph('')] }) },
      children,
    };
  }

  private contents(): void {
    this.add(
      'portrait',
      new Paragraph({ style: 'TOCHeading', children: [run('Contents')] }),
      new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-2' }),
    );
  }

  private summary(): void {
    const { data } = this.input;
    const e = data.engagement;
    this.chapter('Executive summary');
    const steps = data.processes.reduce((n, v) => n + v.steps.length, 0);
    const votes = data.votes.reduce((n, v) => n + v.dots, 0);
    const met = new Set(data.sessions.flatMap((s) => s.participantIds));
    const metPeople = data.people.filter((p) => met.has(p.id));
    const counted = metPeople.length > 0 ? metPeople : data.people;
    this.add(
      'portrait',
      para(
        `We mapped ${plural(data.processes.length, 'process', 'processes')} with ${plural(steps, 'step')} in ${plural(data.sessions.length, 'workshop')}, ` +
          `met ${plural(counted.length, 'person', 'people')}, and recorded ${plural(data.register.length, 'pain point')} ` +
          `(${plural(votes, 'vote')} cast) and ${plural(data.opportunities.length, 'improvement opportunity', 'improvement opportunities')}.`,
      ),
    );
    this.add('portrait', heading('Scope', 2), e.scope.trim() ? para(e.scope) : this.muted('No scope was written down for this engagement.'));
    if (e.departments.length) this.add('portrait', para(`Departments: ${e.departments.map(oneLine).filter(Boolean).join(', ')}.`, { color: MUTED }));

    this.add('portrait', heading('Sessions', 2));
    if (data.sessions.length === 0) this.add('portrait', this.muted('No workshop sessions were recorded.'));
    else {
      this.add(
        'portrait',
        table(
          ['Session', 'Date', 'Facilitator', 'Participants'],
          data.sessions.map((s) => [clip(oneLine(s.name), 500) || 'Untitled session', oneLine(s.date) || '–', clip(oneLine(s.facilitator), 200) || '–', String(s.participantIds.length)]),
          [5, 2, 3, 2],
          PORTRAIT_WIDTH,
          new Set([3]),
        ),
      );
    }

    this.add('portrait', heading('People met', 2));
    if (counted.length === 0) this.add('portrait', this.muted('No stakeholders were recorded.'));
    else {
      const teams = new Map<string, number>();
      for (const p of counted) {
        const team = oneLine(p.team) || 'No team given';
        teams.set(team, (teams.get(team) ?? 0) + 1);
      }
      const rows = [...teams.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([team, n]) => [clip(team, 300), String(n)]);
      rows.push(['Total', String(counted.length)]);
      this.add('portrait', table(['Team', 'People'], rows, [5, 1], PORTRAIT_WIDTH, new Set([1])));
    }

    this.add('portrait', heading('Top pain points', 2));
    const top = [...data.register]
      .filter((r) => r.votes > 0 || r.severity !== null)
      .sort((a, b) => b.votes - a.votes || (b.severity ?? 0) - (a.severity ?? 0) || a.number - b.number)
      .slice(0, 5);
    if (top.length === 0) this.add('portrait', this.muted('No pain point has been voted on or given a severity yet.'));
    else {
      this.add(
        'portrait',
        para('The pain points the participants voted for most, then by severity (1 to 5):', { after: 120, keepNext: true }),
        table(
          ['Pain point', 'Process', 'Votes', 'Severity'],
          top.map((r) => [clip(oneLine(r.text), 600), `${clip(oneLine(r.processName), 200)} #${r.number}`, String(r.votes), score(r.severity)]),
          [8, 4, 1.3, 1.5],
          PORTRAIT_WIDTH,
          new Set([2, 3]),
        ),
      );
    }

    this.add('portrait', heading('Quick wins', 2));
    const quick = data.opportunities.filter((o) => o.horizon === 'quick_win');
    if (quick.length === 0) this.add('portrait', this.muted('No opportunity has been marked as a quick win yet.'));
    for (const o of quick) {
      const detail = [o.impact !== null ? `impact ${o.impact}` : '', o.effort !== null ? `effort ${o.effort}` : '', oneLine(o.owner) ? `owner ${clip(this.names.free(o.owner), 200)}` : '']
        .filter(Boolean)
        .join(', ');
      this.add(
        'portrait',
        para([run(clip(oneLine(o.title) || 'Untitled opportunity', 300), { bold: true }), ...(detail ? [run(` (${detail})`, { color: MUTED })] : [])], { bullet: true }),
      );
    }
  }

  private process(view: ProcessView): void {
    const { data, options } = this.input;
    const name = oneLine(view.process.name) || 'Untitled process';
    const metrics = data.metrics.get(view.process.id);
    const parentStep = view.process.parentStepId ? this.stepById.get(view.process.parentStepId) : undefined;
    const parent = parentStep ? data.processes.find((p) => p.process.id === parentStep.processId) : undefined;
    const facts = [
      parent ? `Sub-process of ${oneLine(parent.process.name)}` : '',
      oneLine(view.process.department) ? `Department: ${oneLine(view.process.department)}` : '',
      plural(view.lanes.length, 'lane'),
      plural(view.steps.length, 'step'),
      plural(view.painPoints.length, 'pain point'),
    ].filter(Boolean);

    const plan = this.drawn.plans.get(view.process.id) ?? planDiagram(view);
    this.chapter(name, plan.orientation);
    this.add(plan.orientation, para(clip(facts.join(' · '), 600), { color: MUTED, after: 160 }));
    plan.parts.forEach((part, i) => {
      const label = plan.parts.length > 1 ? `${name}, part ${i + 1} of ${plan.parts.length}` : name;
      const description = `Swimlane diagram of ${name}: ${plural(view.lanes.length, 'lane')}, ${plural(view.steps.length, 'step')}, ${plural(view.flows.length, 'flow')}.`;
      this.add(
        plan.orientation,
        new Paragraph({ children: [image(part, this.drawn.pngs.get(part) ?? svgToPng(part.diagram.svg, pngWidth(part)), label, description)], keepNext: true, pageBreakBefore: i > 0 || undefined, alignment: AlignmentType.CENTER }),
        new Paragraph({ style: 'Caption', children: runs(`Figure: ${clip(label, 300)}. Numbered markers are pain points; “?” marks an open question.`) }),
      );
    });

    const rest: FileChild[] = [];
    const restFirst = plan.orientation === 'landscape';
    // After landscape map pages, say whose details these are before the first heading.
    if (restFirst) rest.push(para(clip(name, 200).toUpperCase(), { bold: true, color: this.brand, size: 17, after: 0, keepNext: true }));
    rest.push(heading('About this process', 2, false, restFirst ? 60 : undefined));
    rest.push(view.process.description.trim() ? para(view.process.description) : this.muted('No description was written for this process.'));
    if (metrics) rest.push(...this.metricsBlock(metrics));
    rest.push(...this.stepsBlock(view));
    rest.push(...this.painPointsBlock(view));
    if (options.includeQuestions) rest.push(...this.questionsBlock(view));
    rest.push(...this.quotesBlock(view.quotes));
    if (restFirst) this.blocks.push({ orientation: 'portrait', children: rest });
    else this.add('portrait', ...rest);
  }

  private metricsBlock(m: ProcessMetrics): FileChild[] {
    const rows: [string, string, string][] = [
      ['Steps', String(m.stepCount), ''],
      ['Hand-offs between lanes', String(m.handoffs), 'Flows that pass work from one lane to another.'],
      ['Rework loops', String(m.reworkLoops.length), 'Flows that send work back to an earlier step.'],
      ['Work time (main path)', measure(m.workTime, formatMinutes), m.workTime.reason ?? ''],
      ['Wait time (main path)', measure(m.waitTime, formatMinutes), m.waitTime.reason ?? ''],
      ['Lead time (main path)', measure(m.leadTime, formatMinutes), m.leadTime.reason ?? ''],
      ['Process cycle efficiency', measure(m.cycleEfficiency, formatPercent), m.cycleEfficiency.reason ?? 'Value-adding work time as a share of lead time.'],
      ['Pain points', String(m.painPointCount), ''],
      ['Votes on its pain points', String(m.votes), ''],
    ];
    const out: FileChild[] = [
      heading('Metrics', 2),
      table(
        ['Measure', 'Value', 'Note'],
        rows.map(([a, b, c]) => [a, b, clip(c, 600)]),
        [4, 2, 7],
      ),
    ];
    const lanes = m.lanes.filter((l) => l.stepCount > 0 || l.painPoints > 0);
    if (lanes.length > 0) {
      out.push(
        para('Where the pain sits, by lane:', { before: 200, after: 120, keepNext: true }),
        table(
          ['Lane', 'Steps', 'Pain points', 'Votes'],
          lanes.map((l) => [clip(oneLine(l.name) || 'Unnamed lane', 200), String(l.stepCount), String(l.painPoints), String(l.votes)]),
          [6, 2, 2, 2],
          PORTRAIT_WIDTH,
          new Set([1, 2, 3]),
        ),
      );
    }
    return out;
  }

  private stepsBlock(view: ProcessView): FileChild[] {
    const bands = laneBands(view.lanes, view.steps);
    const bandIndex = new Map(bands.map((b, i) => [b.laneId, i]));
    const known = new Set(view.lanes.map((l) => l.id));
    const laneKey = (s: Step) => (s.laneId && known.has(s.laneId) ? s.laneId : null);
    const laneName = new Map(view.lanes.map((l) => [l.id, oneLine(l.name) || 'Unnamed lane']));
    const ordered = [...view.steps].sort((a, b) => a.x - b.x || (bandIndex.get(laneKey(a)) ?? 0) - (bandIndex.get(laneKey(b)) ?? 0) || a.y - b.y);
    if (ordered.length === 0) return [heading('Steps', 2), this.muted('No steps have been drawn for this process yet.')];
    return [
      heading('Steps', 2),
      para('In the order they appear on the map, left to right. Times are per case; “–” means not recorded yet.', { color: MUTED, after: 120, keepNext: true }),
      table(
        ['Lane', 'Step', 'Type', 'System', 'Work', 'Wait'],
        ordered.map((s) => {
          const lane = laneKey(s);
          return [
            clip(lane ? (laneName.get(lane) ?? '') : 'No lane', 200),
            clip(oneLine(s.text) || KIND_LABEL[s.kind], 2000),
            KIND_LABEL[s.kind],
            clip(oneLine(s.system), 300) || '–',
            // Start and end are events: they take no time, so no dash asking for one.
            s.kind === 'start' || s.kind === 'end' ? '' : minutes(s.workMinutes),
            s.kind === 'start' || s.kind === 'end' ? '' : minutes(s.waitMinutes),
          ];
        }),
        [3, 6, 2.2, 3, 1.8, 1.8],
        PORTRAIT_WIDTH,
        new Set([4, 5]),
      ),
    ];
  }

  private painPointsBlock(view: ProcessView): FileChild[] {
    const rows = this.input.data.register.filter((r) => r.processId === view.process.id);
    if (rows.length === 0) return [heading('Pain points', 2), this.muted('No pain points were raised for this process.')];
    return [
      heading('Pain points', 2),
      table(
        ['#', 'Pain point', 'Where', 'Classification', 'Severity', 'Votes'],
        rows.map((r) => [String(r.number), clip(r.text.trim(), 5000), clip(oneLine(r.targetLabel), 300), this.classification(r), score(r.severity), String(r.votes)]),
        [0.8, 7, 3.5, 3, 1.6, 1.3],
        PORTRAIT_WIDTH,
        new Set([0, 4, 5]),
      ),
    ];
  }

  private classification(r: RegisterRow): string {
    return [r.waste ? WASTE_LABELS[r.waste] : '', r.fourP ? FOUR_P_LABELS[r.fourP] : '', r.frequency ? FREQUENCY_LABELS[r.frequency] : ''].filter(Boolean).join(' · ') || '–';
  }

  private questionsBlock(view: ProcessView): FileChild[] {
    const open = view.questions.filter((q) => q.status === 'open');
    if (open.length === 0) return [];
    return [
      heading('Open questions', 2),
      ...open.map((q) => {
        const step = q.stepId ? this.stepById.get(q.stepId) : undefined;
        return para([...runs(q.text.trim() || 'Untitled question'), ...(step ? [run(` (at “${clip(stepName(step), 200)}”)`, { color: MUTED })] : [])], { bullet: true });
      }),
    ];
  }

  private quote(q: Quote): Paragraph[] {
    const who = this.names.attribution(q.personId);
    const where = [q.stepId ? `at “${clip(stepName(this.stepById.get(q.stepId)), 200)}”` : '', q.sessionId ? this.sessionName.get(q.sessionId) ?? '' : ''].filter(Boolean).join(', ');
    const source = [who || 'Anonymous', where].filter(Boolean).join(', ');
    return [para(`“${q.text.trim()}”`, { style: 'Quote', keepNext: true }), para(`— ${clip(source, 400)}`, { style: 'QuoteSource' })];
  }

  private quotesBlock(quotes: readonly Quote[]): FileChild[] {
    if (quotes.length === 0) return [];
    return [heading('In their words', 2), ...quotes.flatMap((q) => this.quote(q))];
  }

  private comparison(): void {
    const { data } = this.input;
    this.chapter('Comparison of processes');
    if (data.processes.length === 0) {
      this.add('portrait', this.muted('No processes have been mapped yet.'));
      return;
    }
    this.add('portrait', para('Times are along each process’s main path, from start to end, and are shown only where every step on the way has its timings.', { after: 120, keepNext: true }));
    const rows = data.processes.map((v) => {
      const m = data.metrics.get(v.process.id);
      const known = (x: Measure | undefined, f: (n: number) => string) => (x && x.value !== null ? f(x.value) : '–');
      return [
        clip(oneLine(v.process.name) || 'Untitled process', 200),
        String(m?.stepCount ?? v.steps.length),
        String(m?.handoffs ?? 0),
        String(m?.reworkLoops.length ?? 0),
        known(m?.leadTime, formatMinutes),
        known(m?.workTime, formatMinutes),
        known(m?.cycleEfficiency, formatPercent),
        String(m?.painPointCount ?? 0),
        String(m?.votes ?? 0),
      ];
    });
    this.add(
      'portrait',
      table(['Process', 'Steps', 'Hand-offs', 'Rework loops', 'Lead time', 'Work time', 'Efficiency', 'Pain points', 'Votes'], rows, [4, 1.3, 1.6, 1.6, 2, 2, 1.8, 1.6, 1.3], PORTRAIT_WIDTH, new Set([1, 2, 3, 4, 5, 6, 7, 8])),
    );
    const incomplete = data.processes.filter((v) => data.metrics.get(v.process.id)?.leadTime.value === null);
    if (incomplete.length > 0) {
      this.add('portrait', para(`“–”: timings are not complete yet for ${incomplete.map((v) => oneLine(v.process.name) || 'Untitled process').join(', ')}; each process’s metrics say which steps lack them.`, { color: MUTED, size: 18, before: 120 }));
    }
  }

  private opportunities(): void {
    const { data } = this.input;
    this.chapter('Opportunities');
    if (data.opportunities.length === 0) {
      this.add('portrait', this.muted('No improvement opportunities have been recorded yet.'));
      return;
    }
    this.add('portrait', heading('Impact and effort', 2));
    // "Password reset #1, #2; Order laptop #1": one process name per group of numbers.
    const refs = (ids: readonly string[]) => {
      const groups = new Map<string, number[]>();
      for (const id of ids) {
        const r = this.registerById.get(id);
        if (r) groups.set(oneLine(r.processName), [...(groups.get(oneLine(r.processName)) ?? []), r.number]);
      }
      return [...groups].map(([name, numbers]) => `${name} ${numbers.sort((a, b) => a - b).map((n) => `#${n}`).join(', ')}`).join('; ') || '–';
    };
    const items = data.opportunities
      .map((o, i) => ({ number: i + 1, impact: o.impact, effort: o.effort }))
      .filter((o): o is { number: number; impact: number; effort: number } => o.impact !== null && o.effort !== null);
    const matrix = renderImpactEffortMatrix(items);
    const width = Math.round((PORTRAIT_WIDTH / TWIPS_PER_PX) * 0.62);
    const height = Math.round((matrix.height / matrix.width) * width);
    this.add(
      'portrait',
      para('Each number is an opportunity from the table below, placed by its impact and effort scores (1 to 5).', { after: 120, keepNext: true }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        children: [
          new ImageRun({
            type: 'svg',
            data: Buffer.from(matrix.svg, 'utf8'),
            fallback: { type: 'png', data: svgToPng(matrix.svg, (width * PRINT_DPI) / 96) },
            transformation: { width, height },
            altText: { name: 'Impact and effort matrix', title: 'Impact and effort matrix', description: `${plural(items.length, 'opportunity', 'opportunities')} placed by impact and effort.` },
          }),
        ],
      }),
      new Paragraph({ style: 'Caption', children: runs('Figure: impact and effort of the opportunities. Top left are the quick wins.') }),
    );
    this.add(
      'portrait',
      heading('Opportunities in detail', 2),
      table(
        ['#', 'Opportunity', 'Impact', 'Effort', 'Horizon', 'Owner', 'Addresses'],
        data.opportunities.map((o, i) => [
          String(i + 1),
          [para(clip(oneLine(o.title) || 'Untitled opportunity', 300), { bold: true }), ...(o.description.trim() ? [para(clip(o.description.trim(), 5000), { color: MUTED })] : [])],
          score(o.impact),
          score(o.effort),
          o.horizon ? HORIZON_LABELS[o.horizon] : '–',
          clip(this.names.free(o.owner), 200) || '–',
          clip(refs(o.painPointIds), 600),
        ]),
        [0.7, 7, 1.4, 1.4, 1.8, 2.4, 3],
        PORTRAIT_WIDTH,
        new Set([0, 2, 3]),
      ),
    );
  }

  private people(): void {
    const { data } = this.input;
    this.chapter('People and readiness for change');
    if (data.people.length === 0) {
      this.add('portrait', this.muted('No stakeholders were recorded.'));
      return;
    }
    const label = (p: Person) => clip(this.names.label(p), 200);
    const leaders = data.people.filter((p) => p.sponsor || p.champion);
    this.add('portrait', heading('Sponsors and champions', 2));
    if (leaders.length === 0) this.add('portrait', this.muted('No sponsor or champion has been named yet.'));
    for (const p of leaders) {
      const roles = [p.sponsor ? 'Executive sponsor' : '', p.champion ? 'Champion' : ''].filter(Boolean).join(' and ');
      const team = oneLine(p.team);
      this.add('portrait', para([run(label(p), { bold: true }), run(` — ${roles}${team ? `, ${clip(team, 200)}` : ''}`)], { bullet: true }));
    }

    this.add(
      'portrait',
      heading('Stakeholder readiness', 2),
      para('Scores from 1 (low) to 5 (high) for each stage of the change: awareness of why, commitment to it, readiness to work the new way, and what will reinforce it.', { after: 120, keepNext: true }),
      table(
        ['Stakeholder', 'Team', 'Influence', 'Awareness', 'Commitment', 'Readiness', 'Reinforcement'],
        data.people.map((p) => [label(p), clip(oneLine(p.team), 200) || '–', score(p.influence), score(p.awareness), score(p.commitment), score(p.readiness), score(p.reinforcement)]),
        [4, 3, 1.6, 1.8, 2, 1.8, 2.2],
        PORTRAIT_WIDTH,
        new Set([2, 3, 4, 5, 6]),
      ),
    );

    this.add('portrait', heading('Resistance', 2));
    const resisting = data.people.filter((p) => p.resistance !== null);
    if (resisting.length === 0) this.add('portrait', this.muted('No source of resistance has been recorded.'));
    else {
      const bySource = new Map<string, Person[]>();
      for (const p of resisting) {
        const source = RESISTANCE_LABELS[p.resistance ?? 'other'];
        bySource.set(source, [...(bySource.get(source) ?? []), p]);
      }
      for (const [source, people] of bySource) {
        this.add('portrait', para([run(`${source}: `, { bold: true }), run(people.map(label).join('; '))], { bullet: true }));
      }
    }

    for (const kind of ['training', 'communication'] as const) {
      this.add('portrait', heading(kind === 'training' ? 'Training needs' : 'Communication needs', 2));
      const needs = data.needs.filter((n) => n.kind === kind);
      if (needs.length === 0) this.add('portrait', this.muted(`No ${kind} needs have been recorded.`));
      for (const n of needs) {
        const lane = n.laneId ? data.lanes.get(n.laneId) : undefined;
        const who = [n.personId ? this.names.name(n.personId) : '', lane ? oneLine(lane.name) : ''].filter(Boolean).join(', ');
        this.add('portrait', para([...runs(n.text.trim()), ...(who ? [run(` (${clip(who, 300)})`, { color: MUTED })] : [])], { bullet: true }));
      }
    }
  }

  private observations(): void {
    const { data } = this.input;
    this.chapter('Observations');
    if (data.observations.length === 0) {
      this.add('portrait', this.muted('No observations were recorded.'));
      return;
    }
    for (const o of data.observations) {
      const source = [o.personId ? this.names.name(o.personId) : '', o.sessionId ? (this.sessionName.get(o.sessionId) ?? '') : ''].filter(Boolean).join(', ');
      const children: ParagraphChild[] = [];
      if (o.fourP) children.push(run(`${FOUR_P_LABELS[o.fourP]}: `, { bold: true, color: this.brand }));
      children.push(...runs(o.text.trim()));
      if (source) children.push(run(` (${clip(source, 300)})`, { color: MUTED }));
      this.add('portrait', para(children, { after: 160 }));
    }
  }

  private appendix(): void {
    const { data, options } = this.input;
    this.chapter('Appendix');
    this.add('portrait', heading('All quotes', 2));
    const quotes = [...data.processes.map((v) => ({ name: oneLine(v.process.name) || 'Untitled process', quotes: v.quotes })), { name: 'Not tied to a process', quotes: data.looseQuotes }];
    if (quotes.every((g) => g.quotes.length === 0)) this.add('portrait', this.muted('No quotes were recorded.'));
    for (const group of quotes) {
      if (group.quotes.length === 0) continue;
      this.add('portrait', heading(group.name, 3), ...group.quotes.flatMap((q) => this.quote(q)));
    }
    if (options.includeQuestions) {
      const open = data.looseQuestions.filter((q) => q.status === 'open');
      if (open.length > 0) this.add('portrait', heading('Other open questions', 2), ...open.map((q) => para(q.text.trim() || 'Untitled question', { bullet: true })));
    }

    this.add('landscape', heading('Pain-point register', 2));
    if (data.register.length === 0) {
      this.add('landscape', this.muted('No pain points were recorded.'));
      return;
    }
    this.add(
      'landscape',
      table(
        ['Process', '#', 'Pain point', 'Pinned to', 'Raised by', 'Waste', 'Four Ps', 'Severity', 'Frequency', 'Votes'],
        data.register.map((r) => [
          clip(oneLine(r.processName), 200),
          String(r.number),
          clip(r.text.trim(), 5000),
          clip(oneLine(r.targetLabel), 300),
          r.raisedBy ? clip(this.names.name(r.raisedBy), 200) : '–',
          r.waste ? WASTE_LABELS[r.waste] : '–',
          r.fourP ? FOUR_P_LABELS[r.fourP] : '–',
          score(r.severity),
          r.frequency ? FREQUENCY_LABELS[r.frequency] : '–',
          String(r.votes),
        ]),
        [2.6, 0.7, 7, 3.6, 2.6, 2.2, 1.8, 1.5, 1.8, 1.2],
        LANDSCAPE_WIDTH,
        new Set([1, 7, 9]),
      ),
    );
  }
}

/** The longest run of text without a space the page layout can estimate quickly; longer runs make it crawl. */
const LONGEST_WORD = 100;
const MOST_TEXT = 2_000_000;

/**
 * Whether page numbers for the contents can be worked out now. Pasted blobs (a 50,000-character
 * unbroken string) make the layout estimate take minutes; then the contents keep their entries and
 * Word fills in the page numbers when it updates the field on opening.
 */
/** Above this many steps and pain points together, the contents' page numbers are left to Word. */
const MOST_ROWS = 800;

function layoutFriendly(data: ReportData): boolean {
  // Laying out every table row costs more than it is worth in a large report: Word fills in the numbers when it opens it.
  const rows = data.processes.reduce((n, p) => n + p.steps.length + p.painPoints.length, 0);
  if (rows > MOST_ROWS) return false;
  let total = 0;
  const long = new RegExp(`\\S{${LONGEST_WORD + 1}}`);
  const visit = (value: unknown): boolean => {
    if (typeof value === 'string') {
      total += value.length;
      return total <= MOST_TEXT && !long.test(value);
    }
    if (Array.isArray(value)) return value.every(visit);
    if (value && typeof value === 'object' && !(value instanceof Map)) return Object.values(value).every(visit);
    return true;
  };
  const { metrics: _metrics, lanes: _lanes, ...texts } = data;
  return visit(texts);
}

export async function buildReport(input: ReportInput, progress: Progress): Promise<Buffer> {
  progress('Laying out the report', 10);
  const drawn = input.options.sections.includes('processes') ? await drawDiagrams(input.data.processes, progress) : { plans: new Map(), pngs: new Map() };
  const builder = new ReportBuilder(input, progress, drawn);
  const sections = builder.build();
  const brand = wordColor(input.options.brandColor);
  const accent = headingColor(input.options.brandColor);
  const e = input.data.engagement;
  const doc = new Document({
    creator: clip(oneLine(e.consultant) || 'Shoshin', 200),
    title: clip(`${oneLine(e.name) || 'Engagement'}: discovery report`, 250),
    subject: clip(oneLine(e.client), 250),
    description: 'Discovery report made with Shoshin',
    features: { updateFields: true },
    // Given as external styles so docx keeps its own defaults (Normal, Title, headings) beside the table style.
    externalStyles: stylesXml(input.options.brandColor),
    // Page numbers in the contents are worked out now, so the document reads right before Word updates the field.
    ...(layoutFriendly(input.data) ? { pageNumbers: estimatePageNumbersWith({ guess: true }) } : {}),
    styles: {
      default: {
        document: { run: { font: FONT, size: 21, color: TEXT }, paragraph: { spacing: { after: 140, line: 276, lineRule: LineRuleType.AUTO } } },
        title: { run: { font: FONT, size: 60, bold: true, color: TEXT }, paragraph: { spacing: { after: 200 } } },
        heading1: { run: { font: FONT, size: 36, bold: true, color: accent }, paragraph: { spacing: { before: 0, after: 240 }, keepNext: true } },
        heading2: { run: { font: FONT, size: 26, bold: true, color: accent }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true } },
        heading3: { run: { font: FONT, size: 22, bold: true, color: TEXT }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true } },
        caption: { run: { font: FONT, size: 17, italics: true, color: MUTED }, paragraph: { spacing: { before: 80, after: 240 } } },
      },
      paragraphStyles: [
        { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 32, color: MUTED }, paragraph: { spacing: { after: 240 } } },
        { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', next: 'Normal', run: { bold: true }, paragraph: { spacing: { before: 120, after: 40 } } },
        { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', next: 'Normal', paragraph: { indent: { left: 240 }, spacing: { after: 20 } } },
        { id: 'TOCHeading', name: 'TOC Heading', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 36, bold: true, color: accent }, paragraph: { spacing: { after: 240 } } },
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { italics: true, color: TEXT, size: 22 },
          paragraph: { indent: { left: 360 }, spacing: { before: 160, after: 40 }, border: { left: { style: BorderStyle.SINGLE, size: 18, color: brand, space: 10 } } },
        },
        { id: 'QuoteSource', name: 'Quote Source', basedOn: 'Normal', next: 'Normal', run: { size: 18, color: MUTED }, paragraph: { indent: { left: 360 }, spacing: { after: 200 } } },
      ],
    },
    sections,
  });
  progress('Writing the document', 88);
  return Packer.toBuffer(doc);
}
