import { AlignmentType, LineRuleType, Paragraph, TextRun, type FileChild } from 'docx';
import { compareProcesses, type Comparison } from '../../../core/compare';
import { renderDiagram } from '../../../core/diagram';
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
import { heading, para, plural, run, stepName } from './text';

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
  return clip(oneLine(view.process.name) || 'Untitled process', 200);
}

function stepWithLane(view: ProcessView, step: Step | undefined): string {
  if (!step) return '–';
  const lane = view.lanes.find((l) => l.id === step.laneId);
  const laneName = lane ? oneLine(lane.name) : '';
  return clip(laneName ? `${stepName(step)} (${laneName})` : stepName(step), 400);
}

function summary(pair: ComparedPair): string {
  const c = pair.comparison;
  const documentedSteps = c.pairs.length + c.notDone.length;
  return [
    `Of ${plural(documentedSteps, 'documented step')}, ${c.pairs.length} ${c.pairs.length === 1 ? 'was' : 'were'} seen done.`,
    `${plural(c.notDocumented.length, 'step was', 'steps were')} done but not documented, and ${plural(c.notDone.length, 'documented step was', 'documented steps were')} not done.`,
    `${plural(c.otherRole.length, 'step was', 'steps were')} done by another role than the procedure names, and ${c.otherOrder.length} in another order.`,
    `Hand-offs between lanes: ${c.handoffs.documented} documented, ${c.handoffs.observed} observed. Rework loops: ${c.loops.documented} documented, ${c.loops.observed} observed.`,
  ].join(' ');
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
      ...swatch(NOT_MATCHED, 'No counterpart: documented but not done (first figure), done but not documented (second figure)'),
      new TextRun({ text: '    ' }),
      ...swatch(OTHER_ROLE, 'Done by another role'),
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
    ...c.notDone.map((id) => ['Documented but not done', stepWithLane(documented, doc.get(id)), '–']),
    ...c.notDocumented.map((id) => ['Done but not documented', '–', stepWithLane(observed, obs.get(id))]),
    ...c.otherRole.map((r) => ['Done by another role', stepWithLane(documented, doc.get(r.documentedId)), stepWithLane(observed, obs.get(r.observedId))]),
    ...c.otherOrder.map((p) => ['Done in another order', stepWithLane(documented, doc.get(p.documentedId)), stepWithLane(observed, obs.get(p.observedId))]),
  ];
  if (rows.length === 0) return [para('Every step was done as documented, by the role the procedure names and in its order.', { color: MUTED, italics: true })];
  return [
    heading('Where they differ', 3),
    table(['Difference', `Documented: ${name(documented)}`, `Observed: ${name(observed)}`], rows, [3, 5, 5], width),
  ];
}

export function writeDocumented(ctx: ReportContext, pairs: readonly ComparedPair[]): void {
  const first = pairs[0];
  if (!first) return;
  ctx.chapter('Documented versus observed', first.orientation);
  ctx.add(
    first.orientation,
    para(
      'The client’s documented procedures beside the processes as people showed them in the workshops. Steps are paired by what they say and who does them, with the consultant’s corrections; the differences are named here, not judged.',
      { after: 160 },
    ),
  );
  pairs.forEach((pair, i) => {
    const documentedName = name(pair.documented);
    const observedName = name(pair.observed);
    const o = pair.orientation;
    // A pair after the first starts a page of its own; a change of orientation already does.
    const sameSection = ctx.blocks[ctx.blocks.length - 1]?.orientation === o;
    ctx.add(
      o,
      heading(`${documentedName} and ${observedName}`, 2, i > 0 && sameSection),
      para(summary(pair), { after: 120, keepNext: true }),
      legend(),
      figure(pair, pair.figures.documented, `${documentedName}, as documented`, `Swimlane diagram of ${documentedName}, the documented procedure, with the steps nobody showed and those done by another role ringed in colour.`),
      caption(`Figure: ${documentedName}, as documented.`, true),
      figure(pair, pair.figures.observed, `${observedName}, as observed`, `Swimlane diagram of ${observedName}, as people showed it, with the steps the procedure does not mention and those done by another role ringed in colour.`),
      caption(`Figure: ${observedName}, as observed.`),
    );
    // The table follows on the same pages: under the figures, where a landscape map page has room for it.
    ctx.add(o, ...differences(pair, o === 'portrait' ? PORTRAIT_WIDTH : LANDSCAPE_WIDTH));
  });
}
