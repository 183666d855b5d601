import { AlignmentType, LineRuleType, Paragraph, TabStopType, TextRun, type FileChild } from 'docx';
import { FOUR_P_LABELS, FREQUENCY_LABELS, WASTE_LABELS } from '../../../core/csv';
import { laneBands } from '../../../core/geometry';
import { format } from '../../../core/messages';
import { formatMinutes, formatPercent, type ProcessMetrics } from '../../../core/metrics';
import type { ProcessView, Quote, Step } from '../../../core/model';
import type { RegisterRow } from '../../../core/register';
import { clip, oneLine } from '../../../core/xml';
import type { ReportContext } from './context';
import { diagramImage, OVERVIEW_PAGE_RESERVE, PART_PAGE_RESERVE, type DiagramPart } from './diagrams';
import { PORTRAIT_WIDTH, textArea, TWIPS_PER_PX } from './pages';
import { MUTED } from './styles';
import { table } from './tables';
import { heading, KIND_LABEL, measure, minutes, muted, para, plural, run, runs, score, stepName } from './text';

/** One chapter per process: its map, then what is known about it. */

export function writeProcess(ctx: ReportContext, view: ProcessView): void {
  const { data, options } = ctx.input;
  const name = oneLine(view.process.name) || 'Untitled process';
  const metrics = data.metrics.get(view.process.id);
  const parentStep = view.process.parentStepId ? ctx.stepById.get(view.process.parentStepId) : undefined;
  const parent = parentStep ? data.processes.find((p) => p.process.id === parentStep.processId) : undefined;
  const facts = [
    parent ? `Sub-process of ${oneLine(parent.process.name)}` : '',
    oneLine(view.process.department) ? `Department: ${oneLine(view.process.department)}` : '',
    plural(view.lanes.length, 'lane'),
    plural(view.steps.length, 'step'),
    plural(view.painPoints.length, 'pain point'),
  ].filter(Boolean);

  const plan = ctx.drawn.plans.get(view.process.id);
  // drawDiagrams plans every process before any chapter is written.
  if (!plan) throw new Error(`No diagram was planned for process ${view.process.id}.`);
  ctx.chapter(name, plan.orientation);
  ctx.add(plan.orientation, para(clip(facts.join(' · '), 600), { color: MUTED, after: 160 }));
  const description = `Swimlane diagram of ${name}: ${plural(view.lanes.length, 'lane')}, ${plural(view.steps.length, 'step')}, ${plural(view.flows.length, 'flow')}.`;
  const count = plan.parts.length;
  ctx.add(
    plan.orientation,
    figure(ctx, plan.overview, count > 0 ? `${name}, the whole process` : name, description),
    caption(
      count > 0
        ? `Figure: ${clip(name, 300)}, the whole process; it follows in detail, left to right, in ${count} parts. Numbered markers are pain points; “?” marks an open question.`
        : `Figure: ${clip(name, 300)}. Numbered markers are pain points; “?” marks an open question.`,
    ),
  );
  // A part shares the page with the overview or the part before where it fits with room to spare, so a low map takes fewer pages.
  const mapHeight = textArea(ctx.pages, 'map').height;
  let used = OVERVIEW_PAGE_RESERVE + plan.overview.height * TWIPS_PER_PX;
  plan.parts.forEach((part, i) => {
    const label = `${name}, part ${i + 1} of ${count}`;
    const need = PART_PAGE_RESERVE + part.height * TWIPS_PER_PX;
    const newPage = used + need > mapHeight - SHARED_PAGE_SPARE;
    used = newPage ? need : used + need;
    ctx.add(
      'map',
      continuation(ctx, i, count, newPage),
      figure(ctx, part, label, `Part ${i + 1} of ${count}, left to right. ${description}`),
      caption(`Figure: ${clip(label, 300)}.`),
    );
  });

  const rest: FileChild[] = [];
  const restFirst = plan.orientation === 'map';
  // After landscape map pages, say whose details these are before the first heading.
  if (restFirst) rest.push(para(clip(name, 200).toUpperCase(), { bold: true, color: ctx.brand, size: 17, after: 0, keepNext: true }));
  rest.push(heading('About this process', 2, false, restFirst ? 60 : undefined));
  rest.push(view.process.description.trim() ? para(view.process.description) : muted('No description was written for this process.'));
  if (metrics) rest.push(...metricsBlock(metrics));
  rest.push(...stepsBlock(view));
  rest.push(...painPointsBlock(ctx, view));
  if (options.includeQuestions) rest.push(...questionsBlock(ctx, view));
  rest.push(...quotesBlock(ctx, view.quotes));
  ctx.add('portrait', ...rest);
}

function figure(ctx: ReportContext, part: DiagramPart, title: string, description: string): Paragraph {
  const png = ctx.drawn.standIns.get(part);
  // drawDiagrams hands every part of every plan to the drawing threads.
  if (!png) throw new Error('A diagram part was written that was never drawn.');
  // Single line spacing: a picture on a line of 1.15 spacing would take 15% more room than it has.
  return new Paragraph({
    children: [diagramImage(part, png, title, description)],
    keepNext: true,
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
  });
}

function caption(text: string): Paragraph {
  return new Paragraph({ style: 'Caption', children: runs(text) });
}

/** Room a part sharing a page leaves unused, in twips: a caption or name a line longer than reckoned still fits. */
const SHARED_PAGE_SPARE = 600;

/** The line above a detail part saying where it comes from and where it continues: "← from part 1", "continues in part 3 →". */
function continuation(ctx: ReportContext, index: number, count: number, newPage: boolean): Paragraph {
  const width = textArea(ctx.pages, 'map').width;
  const style = { size: 17, color: MUTED };
  return new Paragraph({
    pageBreakBefore: newPage || undefined,
    keepNext: true,
    spacing: { before: newPage ? 0 : 120, after: 80 },
    tabStops: [{ type: TabStopType.RIGHT, position: width }],
    children: [
      ...(index > 0 ? [new TextRun({ text: `← from part ${index}`, ...style })] : []),
      ...(index < count - 1 ? [new TextRun({ text: `\tcontinues in part ${index + 2} →`, ...style })] : []),
    ],
  });
}

function metricsBlock(m: ProcessMetrics): FileChild[] {
  const rows: [string, string, string][] = [
    ['Steps', String(m.stepCount), ''],
    ['Hand-offs between lanes', String(m.handoffs), 'Flows that pass work from one lane to another.'],
    ['Rework loops', String(m.reworkLoops.length), 'Flows that send work back to an earlier step.'],
    ['Work time (main path)', measure(m.workTime, formatMinutes), m.workTime.reason ? format(m.workTime.reason) : ''],
    ['Wait time (main path)', measure(m.waitTime, formatMinutes), m.waitTime.reason ? format(m.waitTime.reason) : ''],
    ['Lead time (main path)', measure(m.leadTime, formatMinutes), m.leadTime.reason ? format(m.leadTime.reason) : ''],
    ['Process cycle efficiency', measure(m.cycleEfficiency, formatPercent), m.cycleEfficiency.reason ? format(m.cycleEfficiency.reason) : 'Value-adding work time as a share of lead time.'],
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

function stepsBlock(view: ProcessView): FileChild[] {
  const bands = laneBands(view.lanes, view.steps);
  const bandIndex = new Map(bands.map((b, i) => [b.laneId, i]));
  const known = new Set(view.lanes.map((l) => l.id));
  const laneKey = (s: Step) => (s.laneId && known.has(s.laneId) ? s.laneId : null);
  const laneName = new Map(view.lanes.map((l) => [l.id, oneLine(l.name) || 'Unnamed lane']));
  const ordered = [...view.steps].sort((a, b) => a.x - b.x || (bandIndex.get(laneKey(a)) ?? 0) - (bandIndex.get(laneKey(b)) ?? 0) || a.y - b.y);
  if (ordered.length === 0) return [heading('Steps', 2), muted('No steps have been drawn for this process yet.')];
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

function painPointsBlock(ctx: ReportContext, view: ProcessView): FileChild[] {
  const rows = ctx.input.data.register.filter((r) => r.processId === view.process.id);
  if (rows.length === 0) return [heading('Pain points', 2), muted('No pain points were raised for this process.')];
  return [
    heading('Pain points', 2),
    table(
      ['#', 'Pain point', 'Where', 'Classification', 'Severity', 'Votes'],
      rows.map((r) => [String(r.number), clip(r.text.trim(), 5000), clip(oneLine(format(r.targetLabel)), 300), classification(r), score(r.severity), String(r.votes)]),
      [0.8, 7, 3.5, 3, 1.6, 1.3],
      PORTRAIT_WIDTH,
      new Set([0, 4, 5]),
    ),
  ];
}

function classification(r: RegisterRow): string {
  return [r.waste ? WASTE_LABELS[r.waste] : '', r.fourP ? FOUR_P_LABELS[r.fourP] : '', r.frequency ? FREQUENCY_LABELS[r.frequency] : ''].filter(Boolean).join(' · ') || '–';
}

function questionsBlock(ctx: ReportContext, view: ProcessView): FileChild[] {
  const open = view.questions.filter((q) => q.status === 'open');
  if (open.length === 0) return [];
  return [
    heading('Open questions', 2),
    ...open.map((q) => {
      const step = q.stepId ? ctx.stepById.get(q.stepId) : undefined;
      return para([...runs(q.text.trim() || 'Untitled question'), ...(step ? [run(` (at “${clip(stepName(step), 200)}”)`, { color: MUTED })] : [])], { bullet: true });
    }),
  ];
}

export function quoteParagraphs(ctx: ReportContext, q: Quote): Paragraph[] {
  const who = ctx.names.attribution(q.personId);
  const where = [q.stepId ? `at “${clip(stepName(ctx.stepById.get(q.stepId)), 200)}”` : '', q.sessionId ? ctx.sessionName.get(q.sessionId) ?? '' : ''].filter(Boolean).join(', ');
  const source = [who || 'Anonymous', where].filter(Boolean).join(', ');
  return [para(`“${q.text.trim()}”`, { style: 'Quote', keepNext: true }), para(`— ${clip(source, 400)}`, { style: 'QuoteSource' })];
}

function quotesBlock(ctx: ReportContext, quotes: readonly Quote[]): FileChild[] {
  if (quotes.length === 0) return [];
  return [heading('In their words', 2), ...quotes.flatMap((q) => quoteParagraphs(ctx, q))];
}
