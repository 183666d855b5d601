import { AlignmentType, LineRuleType, Paragraph, TabStopType, TextRun, type FileChild } from 'docx';
import { laneBands } from '../../../core/geometry';
import { FOUR_P_LABELS, FREQUENCY_LABELS, STEP_KIND_LABELS, WASTE_LABELS } from '../../../core/labels';
import { format, joinList, msg, say, sentences, type MessageKey } from '../../../core/messages';
import { formatMinutes, formatPercent, type ProcessMetrics } from '../../../core/metrics';
import type { ProcessView, Quote, Step } from '../../../core/model';
import type { RegisterRow } from '../../../core/register';
import { clip, oneLine } from '../../../core/xml';
import type { ReportContext } from './context';
import { diagramImage, OVERVIEW_PAGE_RESERVE, PART_PAGE_RESERVE, type DiagramPart } from './diagrams';
import { PORTRAIT_WIDTH, textArea, TWIPS_PER_PX } from './pages';
import { MUTED } from './styles';
import { table } from './tables';
import { counted, heading, measure, minutes, muted, para, run, runs, score, stepName } from './text';

/** One chapter per process: its map, then what is known about it. */

export function writeProcess(ctx: ReportContext, view: ProcessView): void {
  const { data, options } = ctx.input;
  const name = oneLine(view.process.name) || say('report.untitledProcess');
  const metrics = data.metrics.get(view.process.id);
  const parentStep = view.process.parentStepId ? ctx.stepById.get(view.process.parentStepId) : undefined;
  const parent = parentStep ? data.processes.find((p) => p.process.id === parentStep.processId) : undefined;
  const facts = [
    ...(parent ? [msg('report.process.subprocessOf', { process: oneLine(parent.process.name) })] : []),
    ...(oneLine(view.process.department) ? [msg('report.process.department', { department: oneLine(view.process.department) })] : []),
    counted('lanes', view.lanes.length),
    counted('steps', view.steps.length),
    counted('painPoints', view.painPoints.length),
  ];

  const plan = ctx.drawn.plans.get(view.process.id);
  // drawDiagrams plans every process before any chapter is written.
  if (!plan) throw new Error(`No diagram was planned for process ${view.process.id}.`);
  ctx.chapter(name, plan.orientation);
  ctx.add(plan.orientation, para(clip(format(joinList(facts, 'list.dot')), 600), { color: MUTED, after: 160 }));
  const description = msg('report.process.diagramAlt', { process: name, lanes: counted('lanes', view.lanes.length), steps: counted('steps', view.steps.length), flows: counted('flows', view.flows.length) });
  const count = plan.parts.length;
  ctx.add(
    plan.orientation,
    figure(ctx, plan.overview, count > 0 ? say('report.process.overviewTitle', { process: name }) : name, format(description)),
    caption(
      count > 0
        ? say('report.process.overviewCaption', { process: clip(name, 300), count })
        : say('report.process.caption', { process: clip(name, 300) }),
    ),
  );
  // A part shares the page with the overview or the part before where it fits with room to spare, so a low map takes fewer pages.
  const mapHeight = textArea(ctx.pages, 'map').height;
  let used = OVERVIEW_PAGE_RESERVE + plan.overview.height * TWIPS_PER_PX;
  plan.parts.forEach((part, i) => {
    const label = say('report.process.partTitle', { process: name, part: i + 1, count });
    const need = PART_PAGE_RESERVE + part.height * TWIPS_PER_PX;
    const newPage = used + need > mapHeight - SHARED_PAGE_SPARE;
    used = newPage ? need : used + need;
    ctx.add(
      'map',
      continuation(ctx, i, count, newPage),
      figure(ctx, part, label, format(sentences(msg('report.process.partAlt', { part: i + 1, count }), description))),
      caption(say('report.process.partCaption', { part: clip(label, 300) })),
    );
  });

  const rest: FileChild[] = [];
  const restFirst = plan.orientation === 'map';
  // After landscape map pages, say whose details these are before the first heading.
  if (restFirst) rest.push(para(clip(name, 200).toUpperCase(), { bold: true, color: ctx.brand, size: 17, after: 0, keepNext: true }));
  rest.push(heading(say('report.process.about'), 2, false, restFirst ? 60 : undefined));
  rest.push(view.process.description.trim() ? para(view.process.description) : muted(say('report.process.noDescription')));
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
      ...(index > 0 ? [new TextRun({ text: say('report.process.fromPart', { part: index }), ...style })] : []),
      ...(index < count - 1 ? [new TextRun({ text: `\t${say('report.process.continuesInPart', { part: index + 2 })}`, ...style })] : []),
    ],
  });
}

function metricsBlock(m: ProcessMetrics): FileChild[] {
  const rows: [string, string, string][] = [
    [say('report.process.metric.steps'), String(m.stepCount), ''],
    [say('report.process.metric.handoffs'), String(m.handoffs), say('report.process.metric.handoffsNote')],
    [say('report.process.metric.reworkLoops'), String(m.reworkLoops.length), say('report.process.metric.reworkLoopsNote')],
    [say('report.process.metric.workTime'), measure(m.workTime, formatMinutes), m.workTime.reason ? format(m.workTime.reason) : ''],
    [say('report.process.metric.waitTime'), measure(m.waitTime, formatMinutes), m.waitTime.reason ? format(m.waitTime.reason) : ''],
    [say('report.process.metric.leadTime'), measure(m.leadTime, formatMinutes), m.leadTime.reason ? format(m.leadTime.reason) : ''],
    [
      say('report.process.metric.cycleEfficiency'),
      measure(m.cycleEfficiency, formatPercent),
      m.cycleEfficiency.reason ? format(m.cycleEfficiency.reason) : say('report.process.metric.cycleEfficiencyNote'),
    ],
    [say('report.process.metric.painPoints'), String(m.painPointCount), ''],
    [say('report.process.metric.votes'), String(m.votes), ''],
  ];
  const out: FileChild[] = [
    heading(say('report.process.metrics'), 2),
    table(
      [say('report.process.measureHeader'), say('report.process.valueHeader'), say('report.process.noteHeader')],
      rows.map(([a, b, c]) => [a, b, clip(c, 600)]),
      [4, 2, 7],
    ),
  ];
  const lanes = m.lanes.filter((l) => l.stepCount > 0 || l.painPoints > 0);
  if (lanes.length > 0) {
    out.push(
      para(say('report.process.byLane'), { before: 200, after: 120, keepNext: true }),
      table(
        [say('report.process.laneHeader'), say('report.process.stepsHeader'), say('report.process.painPointsHeader'), say('report.process.votesHeader')],
        lanes.map((l) => [clip(oneLine(l.name) || say('report.unnamedLane'), 200), String(l.stepCount), String(l.painPoints), String(l.votes)]),
        [6, 2, 2, 2],
        PORTRAIT_WIDTH,
        new Set([1, 2, 3]),
      ),
    );
  }
  return out;
}

const STEP_COLUMNS: readonly MessageKey[] = [
  'report.process.laneHeader',
  'report.process.stepHeader',
  'report.process.typeHeader',
  'report.process.systemHeader',
  'report.process.workHeader',
  'report.process.waitHeader',
];

function stepsBlock(view: ProcessView): FileChild[] {
  const bands = laneBands(view.lanes, view.steps);
  const bandIndex = new Map(bands.map((b, i) => [b.laneId, i]));
  const known = new Set(view.lanes.map((l) => l.id));
  const laneKey = (s: Step) => (s.laneId && known.has(s.laneId) ? s.laneId : null);
  const laneName = new Map(view.lanes.map((l) => [l.id, oneLine(l.name) || say('report.unnamedLane')]));
  const ordered = [...view.steps].sort((a, b) => a.x - b.x || (bandIndex.get(laneKey(a)) ?? 0) - (bandIndex.get(laneKey(b)) ?? 0) || a.y - b.y);
  if (ordered.length === 0) return [heading(say('report.process.steps'), 2), muted(say('report.process.noSteps'))];
  return [
    heading(say('report.process.steps'), 2),
    para(say('report.process.stepsIntro'), { color: MUTED, after: 120, keepNext: true }),
    table(
      STEP_COLUMNS.map((key) => say(key)),
      ordered.map((s) => {
        const lane = laneKey(s);
        return [
          clip(lane ? (laneName.get(lane) ?? '') : say('report.process.noLane'), 200),
          clip(oneLine(s.text) || STEP_KIND_LABELS[s.kind], 2000),
          STEP_KIND_LABELS[s.kind],
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

const PAIN_POINT_COLUMNS: readonly MessageKey[] = [
  'report.process.numberHeader',
  'report.process.painPointHeader',
  'report.process.whereHeader',
  'report.process.classificationHeader',
  'report.process.severityHeader',
  'report.process.votesHeader',
];

function painPointsBlock(ctx: ReportContext, view: ProcessView): FileChild[] {
  const rows = ctx.input.data.register.filter((r) => r.processId === view.process.id);
  if (rows.length === 0) return [heading(say('report.process.painPoints'), 2), muted(say('report.process.noPainPoints'))];
  return [
    heading(say('report.process.painPoints'), 2),
    table(
      PAIN_POINT_COLUMNS.map((key) => say(key)),
      rows.map((r) => [String(r.number), clip(r.text.trim(), 5000), clip(oneLine(format(r.targetLabel)), 300), classification(r), score(r.severity), String(r.votes)]),
      [0.8, 7, 3.5, 3, 1.6, 1.3],
      PORTRAIT_WIDTH,
      new Set([0, 4, 5]),
    ),
  ];
}

function classification(r: RegisterRow): string {
  return format(joinList([r.waste ? WASTE_LABELS[r.waste] : '', r.fourP ? FOUR_P_LABELS[r.fourP] : '', r.frequency ? FREQUENCY_LABELS[r.frequency] : ''].filter(Boolean), 'list.dot')) || '–';
}

function questionsBlock(ctx: ReportContext, view: ProcessView): FileChild[] {
  const open = view.questions.filter((q) => q.status === 'open');
  if (open.length === 0) return [];
  return [
    heading(say('report.process.openQuestions'), 2),
    ...open.map((q) => {
      const step = q.stepId ? ctx.stepById.get(q.stepId) : undefined;
      return para([...runs(q.text.trim() || say('report.untitledQuestion')), ...(step ? [run(` ${say('report.process.questionAt', { step: clip(stepName(step), 200) })}`, { color: MUTED })] : [])], { bullet: true });
    }),
  ];
}

export function quoteParagraphs(ctx: ReportContext, q: Quote): Paragraph[] {
  const who = ctx.names.attribution(q.personId);
  const where = [q.stepId ? msg('report.quote.atStep', { step: clip(stepName(ctx.stepById.get(q.stepId)), 200) }) : '', q.sessionId ? (ctx.sessionName.get(q.sessionId) ?? '') : ''].filter(Boolean);
  const source = format(joinList([who || say('report.quote.anonymous'), ...where]));
  return [para(say('report.quote.text', { text: q.text.trim() }), { style: 'Quote', keepNext: true }), para(say('report.quote.source', { source: clip(source, 400) }), { style: 'QuoteSource' })];
}

function quotesBlock(ctx: ReportContext, quotes: readonly Quote[]): FileChild[] {
  if (quotes.length === 0) return [];
  return [heading(say('report.process.quotes'), 2), ...quotes.flatMap((q) => quoteParagraphs(ctx, q))];
}
