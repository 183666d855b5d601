import { AlignmentType, LineRuleType, Paragraph, TextRun, type FileChild } from 'docx';
import { compareProcesses, type Comparison } from '../../../core/compare';
import { renderDiagram } from '../../../core/diagram';
import { format, msg, say, sentences } from '../../../core/messages';
import type { ProcessView, Step } from '../../../core/model';
import { PRINT, wordColor } from '../../../core/palette';
import { routeProcess, routingInput } from '../../../core/routing';
import { clip, oneLine } from '../../../core/xml';
import type { ReportData } from '../data';
import { loadAvoid } from '../routes';
import type { ReportContext } from './context';
import { diagramImage, diagramInput, SMALLEST_STEP_TEXT_PT, stepTextPt, type DiagramPart, type Fallbacks } from './diagrams';
import { LANDSCAPE_WIDTH, PORTRAIT_WIDTH, textArea, TWIPS_PER_PX, type Orientation, type PageSetup } from './pages';
import { MUTED } from './styles';
import { table } from './tables';
import { counted, heading, para, run, stepName } from './text';

/**
 * Documented versus observed: for each documented procedure compared with an observed process,
 * both maps with the differences ringed in colour, and a table naming them. The figures are drawn
 * (and their PNG fallbacks rendered) before the document is written, like the process maps.
 */

const NOT_MATCHED = PRINT.unmatched;
const OTHER_ROLE = PRINT.otherRole;
/** Room on the page for the headings, the summary, the legend and two captions (twips). */
const FIGURE_PAGE_RESERVE = 3400;

export interface ComparedPair {
  documented: ProcessView;
  observed: ProcessView;
  comparison: Comparison;
  orientation: Orientation;
  figures: { documented: DiagramPart; observed: DiagramPart };
  /** The stand-ins of the figures' PNGs (Fallbacks). */
  pngs: Map<DiagramPart, Buffer>;
}

function highlights(ids: readonly string[], roles: readonly string[]): Map<string, string> {
  return new Map([...roles.map((id) => [id, OTHER_ROLE] as const), ...ids.map((id) => [id, NOT_MATCHED] as const)]);
}

/** Every documented process in the report that is compared with an observed one also in it, compared, with its two figures drawn. */
export async function drawComparisons(data: ReportData, setup: PageSetup, fallbacks: Fallbacks): Promise<ComparedPair[]> {
  const views = new Map(data.processes.map((v) => [v.process.id, v]));
  const linked = data.processes.flatMap((documented) => {
    const observed = documented.process.documented && documented.process.observedId ? views.get(documented.process.observedId) : undefined;
    return observed ? [{ documented, observed }] : [];
  });
  if (linked.length === 0) return [];
  const avoid = await loadAvoid();
  const px = (twips: number) => twips / TWIPS_PER_PX;
  const pairs = linked.map(({ documented, observed }) => {
    const comparison = compareProcesses(
      documented,
      observed,
      data.stepMatches.filter((m) => m.processId === documented.process.id),
    );
    const draw = (view: ProcessView, marked: Map<string, string>) => renderDiagram(diagramInput(view, routeProcess(avoid, routingInput(view))), { highlight: marked });
    const doc = draw(documented, highlights(comparison.notDone, comparison.otherRole.map((r) => r.documentedId)));
    const obs = draw(observed, highlights(comparison.notDocumented, comparison.otherRole.map((r) => r.observedId)));
    // Both figures share a page: on the portrait page when their step text stays readable there, else on a map page.
    const fit = (orientation: Orientation) => {
      const area = textArea(setup, orientation);
      const height = px(area.height - FIGURE_PAGE_RESERVE) / 2;
      return Math.min(1, px(area.width) / Math.max(doc.width, obs.width), height / Math.max(doc.height, obs.height));
    };
    const orientation: Orientation = stepTextPt(fit('portrait')) >= SMALLEST_STEP_TEXT_PT ? 'portrait' : 'map';
    const scale = fit(orientation);
    const sized = (d: typeof doc): DiagramPart => ({ diagram: d, width: Math.max(1, Math.round(d.width * scale)), height: Math.max(1, Math.round(d.height * scale)) });
    return { documented, observed, comparison, orientation, figures: { documented: sized(doc), observed: sized(obs) }, pngs: new Map<DiagramPart, Buffer>() };
  });
  for (const pair of pairs) {
    const figures = [pair.figures.documented, pair.figures.observed];
    fallbacks.draw(figures);
    for (const part of figures) pair.pngs.set(part, fallbacks.standIns.get(part) as Buffer);
  }
  return pairs;
}

function name(view: ProcessView): string {
  return clip(oneLine(view.process.name) || say('report.untitledProcess'), 200);
}

function stepWithLane(view: ProcessView, step: Step | undefined): string {
  if (!step) return '–';
  const lane = view.lanes.find((l) => l.id === step.laneId);
  const laneName = lane ? oneLine(lane.name) : '';
  return clip(laneName ? say('report.documented.stepInLane', { step: stepName(step), lane: laneName }) : stepName(step), 400);
}

function summary(pair: ComparedPair): string {
  const c = pair.comparison;
  const documentedSteps = c.pairs.length + c.notDone.length;
  return format(
    sentences(
      msg(c.pairs.length === 1 ? 'report.documented.seen.one' : 'report.documented.seen.other', {
        documented: counted('documentedSteps', documentedSteps),
        count: c.pairs.length,
      }),
      msg('report.documented.missing', {
        notDocumented: counted('notDocumented', c.notDocumented.length),
        notDone: counted('notDone', c.notDone.length),
      }),
      msg('report.documented.roleAndOrder', {
        otherRole: counted('byOtherRole', c.otherRole.length),
        count: c.otherOrder.length,
      }),
      msg('report.documented.handoffsAndLoops', {
        documentedHandoffs: c.handoffs.documented,
        observedHandoffs: c.handoffs.observed,
        documentedLoops: c.loops.documented,
        observedLoops: c.loops.observed,
      }),
    ),
  );
}

function legend(): Paragraph {
  const swatch = (colour: string, text: string) => [
    new TextRun({ text: '■ ', color: wordColor(colour), size: 22 }),
    new TextRun({ text, color: MUTED, size: 17 }),
  ];
  return new Paragraph({
    keepNext: true,
    spacing: { before: 80, after: 120 },
    children: [
      ...swatch(NOT_MATCHED, say('report.documented.noCounterpart')),
      new TextRun({ text: '    ' }),
      ...swatch(OTHER_ROLE, say('report.documented.otherRole')),
    ],
  });
}

function figure(pair: ComparedPair, part: DiagramPart, title: string, description: string): Paragraph {
  const png = pair.pngs.get(part);
  // drawComparisons hands both figures of every pair to the drawing threads.
  if (!png) throw new Error('A comparison figure was written that was never drawn.');
  return new Paragraph({
    children: [diagramImage(part, png, title, description)],
    keepNext: true,
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 0, line: 240, lineRule: LineRuleType.AUTO },
  });
}

function caption(text: string, keepNext = false): Paragraph {
  return new Paragraph({ style: 'Caption', keepNext, children: [run(text)] });
}

function differences(pair: ComparedPair, width: number): FileChild[] {
  const { documented, observed, comparison: c } = pair;
  const doc = new Map(documented.steps.map((s) => [s.id, s]));
  const obs = new Map(observed.steps.map((s) => [s.id, s]));
  const rows: string[][] = [
    ...c.notDone.map((id) => [say('report.documented.notDoneLabel'), stepWithLane(documented, doc.get(id)), '–']),
    ...c.notDocumented.map((id) => [say('report.documented.notDocumentedLabel'), '–', stepWithLane(observed, obs.get(id))]),
    ...c.otherRole.map((r) => [say('report.documented.otherRole'), stepWithLane(documented, doc.get(r.documentedId)), stepWithLane(observed, obs.get(r.observedId))]),
    ...c.otherOrder.map((p) => [say('report.documented.otherOrder'), stepWithLane(documented, doc.get(p.documentedId)), stepWithLane(observed, obs.get(p.observedId))]),
  ];
  if (rows.length === 0) return [para(say('report.documented.same'), { color: MUTED, italics: true })];
  return [
    heading(say('report.documented.whereTheyDiffer'), 3),
    table([say('report.documented.differenceHeader'), say('report.documented.documentedHeader', { process: name(documented) }), say('report.documented.observedHeader', { process: name(observed) })], rows, [3, 5, 5], width),
  ];
}

export function writeDocumented(ctx: ReportContext, pairs: readonly ComparedPair[]): void {
  const first = pairs[0];
  if (!first) return;
  ctx.chapter(say('report.documented.title'), first.orientation);
  ctx.add(
    first.orientation,
    para(say('report.documented.intro'), { after: 160 }),
  );
  pairs.forEach((pair, i) => {
    const documentedName = name(pair.documented);
    const observedName = name(pair.observed);
    const o = pair.orientation;
    // A pair after the first starts a page of its own; a change of orientation already does.
    const sameSection = ctx.blocks[ctx.blocks.length - 1]?.orientation === o;
    ctx.add(
      o,
      heading(say('report.documented.pair', { documented: documentedName, observed: observedName }), 2, i > 0 && sameSection),
      para(summary(pair), { after: 120, keepNext: true }),
      legend(),
      figure(
        pair,
        pair.figures.documented,
        say('report.documented.documentedTitle', { process: documentedName }),
        say('report.documented.documentedAlt', { process: documentedName }),
      ),
      caption(say('report.documented.documentedCaption', { process: documentedName }), true),
      figure(pair, pair.figures.observed, say('report.documented.observedTitle', { process: observedName }), say('report.documented.observedAlt', { process: observedName })),
      caption(say('report.documented.observedCaption', { process: observedName })),
    );
    // The table follows on the same pages: under the figures, where a landscape map page has room for it.
    ctx.add(o, ...differences(pair, o === 'portrait' ? PORTRAIT_WIDTH : LANDSCAPE_WIDTH));
  });
}
