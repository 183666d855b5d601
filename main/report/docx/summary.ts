import { formatMinutes, formatPercent, type Measure, type ProcessMetrics } from '../../../core/metrics';
import type { Opportunity } from '../../../core/model';
import type { RegisterRow } from '../../../core/register';
import { clip, oneLine } from '../../../core/xml';
import type { ReportData } from '../data';
import type { ReportContext } from './context';
import { PORTRAIT_WIDTH } from './pages';
import { MUTED } from './styles';
import { table } from './tables';
import { heading, muted, para, plural, run, score } from './text';

/**
 * The executive summary tells the story a CIO reads first: what was looked at and why (scope,
 * objectives, departments from the Engagement details), what the maps show (headline figures per
 * process), what hurts most (the pain points with the most votes) and where to start (quick wins).
 * A section with nothing to say is left out rather than printed empty.
 */
export function writeSummary(ctx: ReportContext): void {
  const { data } = ctx.input;
  ctx.chapter('Executive summary');
  const intro = whatWeDid(data);
  ctx.add('portrait', intro ? para(intro) : muted('Nothing has been mapped or recorded for this engagement yet.'));
  writeScope(ctx);
  writeObjectives(ctx);
  writeFigures(ctx);
  writeTopPainPoints(ctx);
  writeQuickWins(ctx);
  writeSessions(ctx);
  writePeopleMet(ctx);
}

/** "IT, HR and Facilities". */
function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function processName(name: string): string {
  return clip(oneLine(name), 200) || 'Untitled process';
}

/** The people the sessions met, or everyone recorded when no session lists its participants. */
function peopleMet(data: ReportData) {
  const met = new Set(data.sessions.flatMap((s) => s.participantIds));
  const listed = data.people.filter((p) => met.has(p.id));
  return listed.length > 0 ? listed : data.people;
}

function whatWeDid(data: ReportData): string | null {
  const steps = data.processes.reduce((n, v) => n + v.steps.length, 0);
  const votes = data.votes.reduce((n, v) => n + v.dots, 0);
  const people = peopleMet(data).length;
  const parts: string[] = [];
  if (data.processes.length > 0) {
    const where = data.sessions.length > 0 ? ` in ${plural(data.sessions.length, 'workshop')}` : '';
    parts.push(`mapped ${plural(data.processes.length, 'process', 'processes')} with ${plural(steps, 'step')}${where}`);
  } else if (data.sessions.length > 0) parts.push(`held ${plural(data.sessions.length, 'workshop')}`);
  if (people > 0) parts.push(`met ${plural(people, 'person', 'people')}`);
  const recorded: string[] = [];
  if (data.register.length > 0) recorded.push(`${plural(data.register.length, 'pain point')}${votes > 0 ? ` (${plural(votes, 'vote')} cast)` : ''}`);
  if (data.opportunities.length > 0) recorded.push(plural(data.opportunities.length, 'improvement opportunity', 'improvement opportunities'));
  if (recorded.length > 0) parts.push(`recorded ${listOf(recorded)}`);
  return parts.length > 0 ? `We ${listOf(parts)}.` : null;
}

function writeScope(ctx: ReportContext): void {
  const e = ctx.input.data.engagement;
  const scope = e.scope.trim();
  const departments = e.departments.map(oneLine).filter(Boolean).map((d) => clip(d, 200));
  if (!scope && departments.length === 0) return;
  ctx.add('portrait', heading('Scope', 2));
  if (scope) ctx.add('portrait', para(clip(scope, 20_000)));
  if (departments.length > 0) {
    ctx.add('portrait', para([run('Departments involved: ', { bold: true }), run(`${listOf(departments)}.`)], { before: scope ? 120 : undefined }));
  }
}

function writeObjectives(ctx: ReportContext): void {
  // One objective per line, as the dialog asks; bullets typed with them are the report's to draw.
  const objectives = ctx.input.data.engagement.objectives
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*•–]|\d+[.)])\s+/, '').trim())
    .filter(Boolean);
  if (objectives.length === 0) return;
  ctx.add('portrait', heading('Objectives', 2));
  if (objectives.length === 1) ctx.add('portrait', para(clip(objectives[0] ?? '', 20_000)));
  else for (const objective of objectives.slice(0, 200)) ctx.add('portrait', para(clip(objective, 5000), { bullet: true }));
}

interface Measured {
  name: string;
  m: ProcessMetrics;
}

const known = (x: Measure): x is { value: number; reason: null } => x.value !== null;

/** Two or three sentences a reader remembers: where value-adding work is scarcest, where work changes hands most, where it loops back. */
function figuresStory(measured: readonly Measured[]): string {
  const sentences: string[] = [];
  const efficient = measured.filter((x) => known(x.m.cycleEfficiency) && known(x.m.leadTime));
  const worst = [...efficient].sort((a, b) => (a.m.cycleEfficiency.value ?? 0) - (b.m.cycleEfficiency.value ?? 0))[0];
  if (worst && worst.m.leadTime.value !== null && worst.m.cycleEfficiency.value !== null) {
    const share = worst.m.cycleEfficiency.value;
    sentences.push(
      `In ${worst.name} a request takes ${formatMinutes(worst.m.leadTime.value)} from start to end, and ${share < 0.25 ? 'only ' : ''}${formatPercent(share)} of that time is value-adding work.`,
    );
  }
  const handoffs = [...measured].sort((a, b) => b.m.handoffs - a.m.handoffs)[0];
  if (handoffs && handoffs.m.handoffs > 0) sentences.push(`Work changes hands ${plural(handoffs.m.handoffs, 'time')} in ${handoffs.name}.`);
  const looping = measured.filter((x) => x.m.reworkLoops.length > 0);
  const loops = looping.reduce((n, x) => n + x.m.reworkLoops.length, 0);
  if (loops > 0) sentences.push(`${plural(loops, 'rework loop')} ${loops === 1 ? 'sends' : 'send'} work back to be done again, in ${listOf(looping.map((x) => x.name))}.`);
  return sentences.join(' ');
}

function writeFigures(ctx: ReportContext): void {
  const { data } = ctx.input;
  const measured: Measured[] = data.processes.flatMap((v) => {
    const m = data.metrics.get(v.process.id);
    return m && v.steps.length > 0 ? [{ name: processName(v.process.name), m }] : [];
  });
  if (measured.length === 0) return;
  ctx.add('portrait', heading('Headline figures', 2));
  const story = figuresStory(measured);
  if (story) ctx.add('portrait', para(story, { after: 120 }));

  // A time column only where some process has the number; where one process lacks it, say so in words.
  const times = [
    { header: 'Lead time', of: (m: ProcessMetrics) => m.leadTime, format: formatMinutes },
    { header: 'Work time', of: (m: ProcessMetrics) => m.workTime, format: formatMinutes },
    { header: 'Cycle efficiency', of: (m: ProcessMetrics) => m.cycleEfficiency, format: formatPercent },
  ].filter((c) => measured.some((x) => known(c.of(x.m))));
  const headers = ['Process', ...times.map((c) => c.header), 'Handoffs', 'Rework loops'];
  const rows = measured.map((x) => {
    const values = times.map((c) => c.of(x.m).value);
    // Said once per row where the process has none of the times, not in every cell.
    const none = values.every((v) => v === null);
    return [
      x.name,
      ...times.map((c, i) => {
        const value = values[i] ?? null;
        if (value !== null) return c.format(value);
        return none && i > 0 ? '' : 'not yet measured';
      }),
      String(x.m.handoffs),
      String(x.m.reworkLoops.length),
    ];
  });
  const numeric = new Set(headers.map((_, i) => i).filter((i) => i > 0));
  ctx.add('portrait', para('Along each process’s main path from start to end. Handoffs are flows from one lane to another; a rework loop sends work back to an earlier step.', { keepNext: true, after: 120, color: MUTED, size: 18 }));
  ctx.add('portrait', table(headers, rows, [4, ...times.map(() => 2), 1.6, 1.6], PORTRAIT_WIDTH, numeric));
  const unmeasured = ['Lead time', 'Work time', 'Cycle efficiency'].filter((h) => !times.some((c) => c.header === h));
  if (unmeasured.length > 0) {
    ctx.add(
      'portrait',
      para(`${listOf(unmeasured.map((h, i) => (i === 0 ? h : h.toLowerCase())))} ${unmeasured.length === 1 ? 'is' : 'are'} not yet measured: that needs work and wait times on every step of a main path, and value-adding work marked.`, {
        color: MUTED,
        size: 18,
        before: 120,
      }),
    );
  }
}

function writeTopPainPoints(ctx: ReportContext): void {
  const { data } = ctx.input;
  const byVotes = (a: RegisterRow, b: RegisterRow) => b.votes - a.votes || (b.severity ?? 0) - (a.severity ?? 0) || a.number - b.number;
  const voted = data.register.filter((r) => r.votes > 0).sort(byVotes).slice(0, 5);
  const top = voted.length > 0 ? voted : data.register.filter((r) => r.severity !== null).sort(byVotes).slice(0, 5);
  if (top.length === 0) return;
  const withSeverity = top.some((r) => r.severity !== null);
  ctx.add(
    'portrait',
    heading('Top pain points', 2),
    para(
      voted.length > 0
        ? `The ${plural(top.length, 'pain point')} the participants gave the most votes${withSeverity ? ', with their severity (1 to 5)' : ''}:`
        : 'No dot vote has been held yet; these are the most severe pain points (1 to 5):',
      { after: 120, keepNext: true },
    ),
    table(
      ['Pain point', 'Process', ...(voted.length > 0 ? ['Votes'] : []), ...(withSeverity ? ['Severity'] : [])],
      top.map((r) => [clip(oneLine(r.text), 600), `${processName(r.processName)} #${r.number}`, ...(voted.length > 0 ? [String(r.votes)] : []), ...(withSeverity ? [score(r.severity)] : [])]),
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
  ctx.add('portrait', heading('Quick wins', 2), para('Where to start: the opportunities marked as quick wins, and those scored high impact (4 or 5) for low effort (1 or 2).', { after: 120, keepNext: true }));
  for (const o of quick) {
    const addresses = o.painPointIds
      .map((id) => ctx.registerById.get(id))
      .filter((r): r is RegisterRow => r !== undefined)
      .map((r) => `${processName(r.processName)} #${r.number}`);
    const detail = [
      o.impact !== null ? `impact ${o.impact}` : '',
      o.effort !== null ? `effort ${o.effort}` : '',
      oneLine(o.owner) ? `owner ${clip(ctx.names.free(o.owner), 200)}` : '',
      addresses.length > 0 ? `addresses ${addresses.slice(0, 20).join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    ctx.add(
      'portrait',
      para([run(clip(oneLine(o.title) || 'Untitled opportunity', 300), { bold: true }), ...(detail ? [run(` (${detail})`, { color: MUTED })] : [])], { bullet: true }),
    );
  }
}

function writeSessions(ctx: ReportContext): void {
  const { data } = ctx.input;
  if (data.sessions.length === 0) return;
  const dated = data.sessions.some((s) => oneLine(s.date));
  const facilitated = data.sessions.some((s) => oneLine(s.facilitator));
  ctx.add(
    'portrait',
    heading('Sessions', 2),
    table(
      ['Session', ...(dated ? ['Date'] : []), ...(facilitated ? ['Facilitator'] : []), 'Participants'],
      data.sessions.map((s) => [
        clip(oneLine(s.name), 500) || 'Untitled session',
        ...(dated ? [oneLine(s.date) || 'not recorded'] : []),
        ...(facilitated ? [clip(ctx.names.free(s.facilitator), 200) || 'not recorded'] : []),
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
    const team = oneLine(p.team) || 'No team given';
    teams.set(team, (teams.get(team) ?? 0) + 1);
  }
  const rows = [...teams.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([team, n]) => [clip(team, 300), String(n)]);
  rows.push(['Total', String(counted.length)]);
  ctx.add('portrait', heading('People met', 2), table(['Team', 'People'], rows, [5, 1], PORTRAIT_WIDTH, new Set([1])));
}
