import { Document, type ISectionOptions } from 'docx';
import { clip, oneLine } from '../../../core/xml';
import type { PngCache, Rasteriser } from '../images';
import { writeAppendix } from './appendix';
import { writeComparison } from './comparison';
import { ReportContext, type Progress, type ReportInput } from './context';
import { coverSection, writeContents } from './cover';
import { drawDiagrams, Fallbacks, withPngs } from './diagrams';
import { drawComparisons, writeDocumented, type ComparedPair } from './documented';
import { writeObservations } from './observations';
import { writeOpportunities } from './opportunities';
import { compileParts, finishParts, mergeStyles, partText, withLanguage, type Parts } from './package';
import { pageSection, pageSetup, writingOn } from './pages';
import { reportPageNumbers } from './paging';
import { writePeople } from './people';
import { writeProcess } from './processes';
import { documentStyles, stylesXml } from './styles';
import { StyleSheet } from './stylesheet';
import { writeSummary } from './summary';
import { msg, say } from '../../../core/messages';

/**
 * The Word report, chapter by chapter: cover and contents (cover.ts), executive summary, one
 * chapter per process, the comparison, opportunities, people, observations and the appendix, each
 * in its own module writing into the shared ReportContext.
 */

export type { Progress, ReportInput } from './context';

/** The chapters the options ask for, in order, then every block of pages as a section of its own. */
function writeChapters(ctx: ReportContext, progress: Progress, compared: readonly ComparedPair[]): ISectionOptions[] {
  const { data } = ctx.input;
  writeContents(ctx);
  if (ctx.sections.has('summary')) writeSummary(ctx);
  if (ctx.sections.has('processes')) {
    data.processes.forEach((view) => writeProcess(ctx, view));
  }
  progress(msg('export.writingAnalysis'), 78);
  if (ctx.sections.has('comparison')) writeComparison(ctx);
  if (ctx.sections.has('documented')) writeDocumented(ctx, compared);
  if (ctx.sections.has('opportunities')) writeOpportunities(ctx);
  if (ctx.sections.has('people')) writePeople(ctx);
  if (ctx.sections.has('observations')) writeObservations(ctx);
  if (ctx.sections.has('appendix')) writeAppendix(ctx);
  return [coverSection(ctx), ...ctx.blocks.map((b) => pageSection(ctx, b))];
}

/** Shoshin's own styles part, as `docx` writes it from the report's style definitions. */
function ownStyles(brandColor: string): string {
  const styles = new Document({ sections: [], styles: documentStyles(brandColor), externalStyles: stylesXml(brandColor) });
  return partText(compileParts(styles), 'word/styles.xml');
}

/**
 * The report as the parts of a .docx package, ready to be zipped. The contents' page numbers are
 * worked out as the document is written (paging.ts), so Word shows them without asking to update
 * fields and LibreOffice shows them at all.
 */
export async function buildReport(input: ReportInput, cache: PngCache, rasteriser: Rasteriser, progress: Progress): Promise<Parts> {
  progress(msg('export.layingOut'), 10);
  const { options, template } = input;
  const pages = pageSetup(options, template);
  const fallbacks = new Fallbacks(cache, rasteriser, progress);
  const plans = options.sections.includes('processes') ? await drawDiagrams(input.data.processes, pages, fallbacks, progress) : new Map();
  const compared = options.sections.includes('documented') ? await drawComparisons(input.data, pages, fallbacks) : [];
  const drawn = { plans, standIns: fallbacks.standIns };
  const own = ownStyles(options.brandColor);
  const styles = withLanguage(template ? mergeStyles(template.styles, own) : own, input.language);
  const sections = writingOn(pages, () => writeChapters(new ReportContext(input, drawn, pages), progress, compared));
  const e = input.data.engagement;
  const consultant = clip(oneLine(e.consultant) || oneLine(input.author?.consultant ?? ''), 200);
  const doc = new Document({
    creator: consultant || 'Shoshin',
    lastModifiedBy: consultant || 'Shoshin',
    title: clip(say('report.documentTitle', { engagement: oneLine(e.name) || say('report.untitledEngagement') }), 250),
    subject: clip(oneLine(e.client), 250),
    description: say('report.documentDescription'),
    pageNumbers: reportPageNumbers(new StyleSheet(styles, template?.theme ?? null)),
    externalStyles: stylesXml(options.brandColor),
    styles: documentStyles(options.brandColor),
    sections,
  });
  progress(msg('export.writingDocument'), 88);
  const parts = compileParts(doc);
  finishParts(parts, { styles, language: input.language, template });
  withPngs(parts, await fallbacks.all());
  return parts;
}
