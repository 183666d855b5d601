import { andList, format, msg, say, sentences, type Message, type MessageKey } from '../../../core/messages';
import { duration, formatMinutes, formatPercent, percentage, type Measure, type ProcessMetrics } from '../../../core/metrics';
import type { Opportunity } from '../../../core/model';
import type { RegisterRow } from '../../../core/register';
import { clip, oneLine } from '../../../core/xml';
import type { ReportData } from '../data';
import type { ReportContext } from './context';
import { PORTRAIT_WIDTH } from './pages';
import { MUTED } from './styles';
import { table } from './tables';
import { counted, heading, muted, para, run, score } from './text';

/**
 * The executive summary tells the story a CIO reads first: what was looked at and why (scope,
 * objectives, departments from the Engagement details), what the maps show (headline figures per
 * process), what hurts most (the pain points with the most votes) and where to start (quick wins).
 * A section with nothing to say is left out rather than printed empty. Its words are catalogue
 * messages (`report.summary.*`), put into English with format().
 */
export function writeSummary(ctx: ReportContext): void {
  const { data } = ctx.input;
  ctx.chapter(say('report.summary.title'));
  const intro = whatWeDid(data);
  ctx.add('portrait', intro ? para(format(intro)) : muted(say('report.summary.nothingYet')));
  writeScope(ctx);
  writeObjectives(ctx);
  writeFigures(ctx);
  writeTopPainPoints(ctx);
  writeQuickWins(ctx);
  writeSessions(ctx);
  writePeopleMet(ctx);
}

function processName(name: string): string {
  return clip(oneLine(name), 200) || say('report.summary.untitledProcess');
}

/** The people the sessions met, or everyone recorded when no session lists its participants. */
function peopleMet(data: ReportData) {
  const met = new Set(data.sessions.flatMap((s) => s.participantIds));
  const listed = data.people.filter((p) => met.has(p.id));
  return listed.length > 0 ? listed : data.people;
}

/** One sentence for each thing done: mapped (or held workshops), met, recorded, voted. */
function whatWeDid(data: ReportData): Message | null {
  const steps = data.processes.reduce((n, v) => n + v.steps.length, 0);
  const votes = data.votes.reduce((n, v) => n + v.dots, 0);
  const people = peopleMet(data).length;
  const said: Message[] = [];
  const workshops = counted('workshops', data.sessions.length);
  if (data.processes.length > 0) {
    const mapped = { processes: counted('processes', data.processes.length), steps: counted('steps', steps) };
    said.push(data.sessions.length > 0 ? msg('report.summary.mappedInWorkshops', { ...mapped, workshops }) : msg('report.summary.mapped', mapped));
  } else if (data.sessions.length > 0) said.push(msg('report.summary.held', { workshops }));
  if (people > 0) said.push(msg('report.summary.met', { people: counted('people', people) }));
  const recorded: Message[] = [];
  if (data.register.length > 0) recorded.push(counted('painPoints', data.register.length));
  if (data.opportunities.length > 0) recorded.push(counted('opportunities', data.opportunities.length));
  if (recorded.length > 0) said.push(msg('report.summary.recorded', { items: andList(recorded) }));
  if (data.register.length > 0 && votes > 0) said.push(msg('report.summary.votes', { votes: counted('votes', votes) }));
  const [first, ...rest] = said;
  return first ? sentences(first, ...rest) : null;
}

function writeScope(ctx: ReportContext): void {
  const e = ctx.input.data.engagement;
  const scope = e.scope.trim();
  const departments = e.departments.map(oneLine).filter(Boolean).map((d) => clip(d, 200));
  if (!scope && departments.length === 0) return;
  ctx.add('portrait', heading(say('report.summary.scope'), 2));
  if (scope) ctx.add('portrait', para(clip(scope, 20_000)));
  if (departments.length > 0) {
    const label = `${say('report.summary.departmentsLabel')} `;
    ctx.add('portrait', para([run(label, { bold: true }), run(say('report.summary.departments', { departments: andList(departments) }))], { before: scope ? 120 : undefined }));
  }
}

function writeObjectives(ctx: ReportContext): void {
  // One objective per line, as the dialog asks; bullets typed with them are the report's to draw.
  const objectives = ctx.input.data.engagement.objectives
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*•–]|\d+[.)])\s+/, '').trim())
    .filter(Boolean);
  if (objectives.length === 0) return;
  ctx.add('portrait', heading(say('report.summary.objectives'), 2));
  if (objectives.length === 1) ctx.add('portrait', para(clip(objectives[0] ?? '', 20_000)));
  else for (const objective of objectives.slice(0, 200)) ctx.add('portrait', para(clip(objective, 5000), { bullet: true }));
}

interface Measured {
  name: string;
  m: ProcessMetrics;
}

const known = (x: Measure): x is { value: number; reason: null } => x.value !== null;

/** Two or three sentences a reader remembers: where value-adding work is scarcest, where work changes hands most, where it loops back. */
function figuresStory(measured: readonly Measured[]): Message | null {
  const said: Message[] = [];
  const efficient = measured.filter((x) => known(x.m.cycleEfficiency) && known(x.m.leadTime));
  const worst = [...efficient].sort((a, b) => (a.m.cycleEfficiency.value ?? 0) - (b.m.cycleEfficiency.value ?? 0))[0];
  if (worst && worst.m.leadTime.value !== null && worst.m.cycleEfficiency.value !== null) {
    const share = worst.m.cycleEfficiency.value;
    const values = { process: worst.name, time: duration(worst.m.leadTime.value), share: percentage(share) };
    said.push(msg(share < 0.25 ? 'report.summary.leadTimeScarce' : 'report.summary.leadTime', values));
  }
  const handoffs = [...measured].sort((a, b) => b.m.handoffs - a.m.handoffs)[0];
  if (handoffs && handoffs.m.handoffs > 0) {
    const count = handoffs.m.handoffs;
    said.push(msg(count === 1 ? 'report.summary.handoffs.one' : 'report.summary.handoffs.other', { count, process: handoffs.name }));
  }
  const looping = measured.filter((x) => x.m.reworkLoops.length > 0);
  const loops = looping.reduce((n, x) => n + x.m.reworkLoops.length, 0);
  if (loops > 0) {
    said.push(msg(loops === 1 ? 'report.summary.loops.one' : 'report.summary.loops.other', { count: loops, processes: andList(looping.map((x) => x.name)) }));
  }
  const [first, ...rest] = said;
  return first ? sentences(first, ...rest) : null;
}

function writeFigures(ctx: ReportContext): void {
  const { data } = ctx.input;
  const measured: Measured[] = data.processes.flatMap((v) => {
    const m = data.metrics.get(v.process.id);
    return m && v.steps.length > 0 ? [{ name: processName(v.process.name), m }] : [];
  });
  if (measured.length === 0) return;
  ctx.add('portrait', heading(say('report.summary.figures'), 2));
  const story = figuresStory(measured);
  if (story) ctx.add('portrait', para(format(story), { after: 120 }));

  // A time column only where some process has the number; where one process lacks it, say so in words.
  const allTimes = [
    { header: say('report.summary.leadTimeHeader'), unmeasured: msg('report.summary.leadTimeName'), of: (m: ProcessMetrics) => m.leadTime, format: formatMinutes },
    { header: say('report.summary.workTimeHeader'), unmeasured: msg('report.summary.workTimeName'), of: (m: ProcessMetrics) => m.workTime, format: formatMinutes },
    { header: say('report.summary.cycleEfficiencyHeader'), unmeasured: msg('report.summary.cycleEfficiencyName'), of: (m: ProcessMetrics) => m.cycleEfficiency, format: formatPercent },
  ];
  const times = allTimes.filter((c) => measured.some((x) => known(c.of(x.m))));
  const headers = [say('report.summary.processHeader'), ...times.map((c) => c.header), say('report.summary.handoffsHeader'), say('report.summary.reworkLoopsHeader')];
  const rows = measured.map((x) => {
    const values = times.map((c) => c.of(x.m).value);
    // Said once per row where the process has none of the times, not in every cell.
    const none = values.every((v) => v === null);
    return [
      x.name,
      ...times.map((c, i) => {
        const value = values[i] ?? null;
        if (value !== null) return c.format(value);
        return none && i > 0 ? '' : say('report.summary.notYetMeasured');
      }),
      String(x.m.handoffs),
      String(x.m.reworkLoops.length),
    ];
  });
  const numeric = new Set(headers.map((_, i) => i).filter((i) => i > 0));
  ctx.add('portrait', para(say('report.summary.figuresNote'), { keepNext: true, after: 120, color: MUTED, size: 18 }));
  ctx.add('portrait', table(headers, rows, [4, ...times.map(() => 2), 1.6, 1.6], PORTRAIT_WIDTH, numeric));
  const unmeasured = allTimes.filter((c) => !times.includes(c)).map((c) => c.unmeasured);
  if (unmeasured.length > 0) {
    ctx.add('portrait', para(say('report.summary.unmeasured', { measures: andList(unmeasured) }), { color: MUTED, size: 18, before: 120 }));
  }
}

/** "Password reset #3". */
function painPointRef(r: RegisterRow): string {
  return say('report.summary.painPointRef', { process: processName(r.processName), number: r.number });
}

/** The top list's lead-in: one sentence per number and per whether severity is shown. */
const TOP_VOTED = {
  plain: { one: 'report.summary.topVoted.one', other: 'report.summary.topVoted.other' },
  withSeverity: { one: 'report.summary.topVotedWithSeverity.one', other: 'report.summary.topVotedWithSeverity.other' },
} as const satisfies Record<string, { one: MessageKey; other: MessageKey }>;

function writeTopPainPoints(ctx: ReportContext): void {
  const { data } = ctx.input;
  const byVotes = (a: RegisterRow, b: RegisterRow) => b.votes - a.votes || (b.severity ?? 0) - (a.severity ?? 0) || a.number - b.number;
  const voted = data.register.filter((r) => r.votes > 0).sort(byVotes).slice(0, 5);
  const top = voted.length > 0 ? voted : data.register.filter((r) => r.severity !== null).sort(byVotes).slice(0, 5);
  if (top.length === 0) return;
  const withSeverity = top.some((r) => r.severity !== null);
  ctx.add(
    'portrait',
    heading(say('report.summary.topPainPoints'), 2),
    para(voted.length > 0 ? say(TOP_VOTED[withSeverity ? 'withSeverity' : 'plain'][top.length === 1 ? 'one' : 'other'], { count: top.length }) : say('report.summary.topBySeverity'), {
      after: 120,
      keepNext: true,
    }),
    table(
      [
        say('report.summary.painPointHeader'),
        say('report.summary.processHeader'),
        ...(voted.length > 0 ? [say('report.summary.votesHeader')] : []),
        ...(withSeverity ? [say('report.summary.severityHeader')] : []),
      ],
      top.map((r) => [clip(oneLine(r.text), 600), painPointRef(r), ...(voted.length > 0 ? [String(r.votes)] : []), ...(withSeverity ? [score(r.severity)] : [])]),
      [8, 4, ...(voted.length > 0 ? [1.3] : []), ...(withSeverity ? [1.5] : [])],
      PORTRAIT_WIDTH,
      new Set([2, 3]),
    ),
  );
}

/** Marked as a quick win, or scored high impact for low effort where no horizon was chosen (a chosen horizon is the consultant's call). */
export function isQuickWin(o: Opportunity): boolean {
  if (o.horizon === 'quick_win') return true;
  return o.horizon === null && o.impact !== null && o.effort !== null && o.impact >= 4 && o.effort <= 2;
}

function writeQuickWins(ctx: ReportContext): void {
  const { data } = ctx.input;
  const quick = data.opportunities.filter(isQuickWin).sort((a, b) => (b.impact ?? 0) - (a.impact ?? 0) || (a.effort ?? 6) - (b.effort ?? 6));
  if (quick.length === 0) return;
  ctx.add('portrait', heading(say('report.summary.quickWins'), 2), para(say('report.summary.quickWinsIntro'), { after: 120, keepNext: true }));
  for (const o of quick) {
    const addresses = o.painPointIds
      .map((id) => ctx.registerById.get(id))
      .filter((r): r is RegisterRow => r !== undefined)
      .map(painPointRef);
    const details: Message[] = [
      ...(o.impact !== null ? [msg('report.summary.win.impact', { impact: o.impact })] : []),
      ...(o.effort !== null ? [msg('report.summary.win.effort', { effort: o.effort })] : []),
      ...(oneLine(o.owner) ? [msg('report.summary.win.owner', { owner: clip(ctx.names.free(o.owner), 200) })] : []),
      ...(addresses.length > 0 ? [msg('report.summary.win.addresses', { painPoints: andList(addresses.slice(0, 20)) })] : []),
    ];
    const [first, ...rest] = details;
    const detail = first ? ` ${say('report.summary.win.details', { details: rest.reduce((list, item) => msg('list.semicolon', { list, item }), first) })}` : '';
    const title = clip(oneLine(o.title) || say('report.summary.untitledOpportunity'), 300);
    ctx.add('portrait', para([run(title, { bold: true }), ...(detail ? [run(detail, { color: MUTED })] : [])], { bullet: true }));
  }
}

function writeSessions(ctx: ReportContext): void {
  const { data } = ctx.input;
  if (data.sessions.length === 0) return;
  const dated = data.sessions.some((s) => oneLine(s.date));
  const facilitated = data.sessions.some((s) => oneLine(s.facilitator));
  ctx.add(
    'portrait',
    heading(say('report.summary.sessions'), 2),
    table(
      [
        say('report.summary.sessionHeader'),
        ...(dated ? [say('report.summary.dateHeader')] : []),
        ...(facilitated ? [say('report.summary.facilitatorHeader')] : []),
        say('report.summary.participantsHeader'),
      ],
      data.sessions.map((s) => [
        clip(oneLine(s.name), 500) || say('report.summary.untitledSession'),
        ...(dated ? [oneLine(s.date) || say('report.summary.notRecorded')] : []),
        ...(facilitated ? [clip(ctx.names.free(s.facilitator), 200) || say('report.summary.notRecorded')] : []),
        String(s.participantIds.length),
      ]),
      [5, ...(dated ? [2] : []), ...(facilitated ? [3] : []), 2],
      PORTRAIT_WIDTH,
      new Set([1 + (dated ? 1 : 0) + (facilitated ? 1 : 0)]),
    ),
  );
}

/** Counts per team only: who was in the room is not the summary's business. */
function writePeopleMet(ctx: ReportContext): void {
  const counted = peopleMet(ctx.input.data);
  if (counted.length === 0) return;
  const teams = new Map<string, number>();
  for (const p of counted) {
    const team = oneLine(p.team) || say('report.summary.noTeam');
    teams.set(team, (teams.get(team) ?? 0) + 1);
  }
  const rows = [...teams.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([team, n]) => [clip(team, 300), String(n)]);
  rows.push([say('report.summary.total'), String(counted.length)]);
  const headers = [say('report.summary.teamHeader'), say('report.summary.peopleHeader')];
  ctx.add('portrait', heading(say('report.summary.peopleMet'), 2), table(headers, rows, [5, 1], PORTRAIT_WIDTH, new Set([1])));
}
