import { Document, Packer, type ISectionOptions } from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import { clip, oneLine } from '../../../core/xml';
import type { ReportData } from '../data';
import { writeAppendix } from './appendix';
import { writeComparison } from './comparison';
import { ReportContext, type Progress, type ReportInput } from './context';
import { coverSection, writeContents } from './cover';
import { drawDiagrams } from './diagrams';
import { writeObservations } from './observations';
import { writeOpportunities } from './opportunities';
import { pageSection } from './pages';
import { writePeople } from './people';
import { writeProcess } from './processes';
import { documentStyles, stylesXml } from './styles';
import { writeSummary } from './summary';
import { msg } from '../../../core/messages';

/**
 * The Word report, chapter by chapter: cover and contents (cover.ts), executive summary, one
 * chapter per process, the comparison, opportunities, people, observations and the appendix, each
 * in its own module writing into the shared ReportContext.
 */

export type { Progress, ReportInput } from './context';

/** The chapters the options ask for, in order, then every block of pages as a section of its own. */
function writeChapters(ctx: ReportContext, progress: Progress): ISectionOptions[] {
  const { data } = ctx.input;
  writeContents(ctx);
  if (ctx.sections.has('summary')) writeSummary(ctx);
  if (ctx.sections.has('processes')) {
    data.processes.forEach((view) => writeProcess(ctx, view));
  }
  progress(msg('export.writingAnalysis'), 78);
  if (ctx.sections.has('comparison')) writeComparison(ctx);
  if (ctx.sections.has('opportunities')) writeOpportunities(ctx);
  if (ctx.sections.has('people')) writePeople(ctx);
  if (ctx.sections.has('observations')) writeObservations(ctx);
  if (ctx.sections.has('appendix')) writeAppendix(ctx);
  return [coverSection(ctx), ...ctx.blocks.map((b) => pageSection(ctx, b))];
}

/** The longest run of text without a space the page layout can estimate quickly; longer runs make it crawl. */
const LONGEST_WORD = 100;
const MOST_TEXT = 2_000_000;
/** Above this many steps and pain points together, the contents' page numbers are left to Word. */
const MOST_ROWS = 800;

/**
 * Whether page numbers for the contents can be worked out now. Pasted blobs (a 50,000-character
 * unbroken string) make the layout estimate take minutes; then the contents keep their entries and
 * Word fills in the page numbers when it updates the field on opening.
 */
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
  progress(msg('export.layingOut'), 10);
  const drawn = input.options.sections.includes('processes') ? await drawDiagrams(input.data.processes, progress) : { plans: new Map(), pngs: new Map() };
  const sections = writeChapters(new ReportContext(input, drawn), progress);
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
    styles: documentStyles(input.options.brandColor),
    sections,
  });
  progress(msg('export.writingDocument'), 88);
  return Packer.toBuffer(doc);
}
