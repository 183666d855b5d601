import { clip, oneLine } from '../../../core/xml';
import type { ReportContext } from './context';
import { PORTRAIT_WIDTH } from './pages';
import { MUTED } from './styles';
import { table } from './tables';
import { heading, muted, para, plural, run, score } from './text';

export function writeSummary(ctx: ReportContext): void {
  const { data } = ctx.input;
  const e = data.engagement;
  ctx.chapter('Executive summary');
  const steps = data.processes.reduce((n, v) => n + v.steps.length, 0);
  const votes = data.votes.reduce((n, v) => n + v.dots, 0);
  const met = new Set(data.sessions.flatMap((s) => s.participantIds));
  const metPeople = data.people.filter((p) => met.has(p.id));
  const counted = metPeople.length > 0 ? metPeople : data.people;
  ctx.add(
    'portrait',
    para(
      `We mapped ${plural(data.processes.length, 'process', 'processes')} with ${plural(steps, 'step')} in ${plural(data.sessions.length, 'workshop')}, ` +
        `met ${plural(counted.length, 'person', 'people')}, and recorded ${plural(data.register.length, 'pain point')} ` +
        `(${plural(votes, 'vote')} cast) and ${plural(data.opportunities.length, 'improvement opportunity', 'improvement opportunities')}.`,
    ),
  );
  ctx.add('portrait', heading('Scope', 2), e.scope.trim() ? para(e.scope) : muted('No scope was written down for this engagement.'));
  if (e.departments.length) ctx.add('portrait', para(`Departments: ${e.departments.map(oneLine).filter(Boolean).join(', ')}.`, { color: MUTED }));

  ctx.add('portrait', heading('Sessions', 2));
  if (data.sessions.length === 0) ctx.add('portrait', muted('No workshop sessions were recorded.'));
  else {
    ctx.add(
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

  ctx.add('portrait', heading('People met', 2));
  if (counted.length === 0) ctx.add('portrait', muted('No stakeholders were recorded.'));
  else {
    const teams = new Map<string, number>();
    for (const p of counted) {
      const team = oneLine(p.team) || 'No team given';
      teams.set(team, (teams.get(team) ?? 0) + 1);
    }
    const rows = [...teams.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([team, n]) => [clip(team, 300), String(n)]);
    rows.push(['Total', String(counted.length)]);
    ctx.add('portrait', table(['Team', 'People'], rows, [5, 1], PORTRAIT_WIDTH, new Set([1])));
  }

  ctx.add('portrait', heading('Top pain points', 2));
  const top = [...data.register]
    .filter((r) => r.votes > 0 || r.severity !== null)
    .sort((a, b) => b.votes - a.votes || (b.severity ?? 0) - (a.severity ?? 0) || a.number - b.number)
    .slice(0, 5);
  if (top.length === 0) ctx.add('portrait', muted('No pain point has been voted on or given a severity yet.'));
  else {
    ctx.add(
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

  ctx.add('portrait', heading('Quick wins', 2));
  const quick = data.opportunities.filter((o) => o.horizon === 'quick_win');
  if (quick.length === 0) ctx.add('portrait', muted('No opportunity has been marked as a quick win yet.'));
  for (const o of quick) {
    const detail = [o.impact !== null ? `impact ${o.impact}` : '', o.effort !== null ? `effort ${o.effort}` : '', oneLine(o.owner) ? `owner ${clip(ctx.names.free(o.owner), 200)}` : '']
      .filter(Boolean)
      .join(', ');
    ctx.add(
      'portrait',
      para([run(clip(oneLine(o.title) || 'Untitled opportunity', 300), { bold: true }), ...(detail ? [run(` (${detail})`, { color: MUTED })] : [])], { bullet: true }),
    );
  }
}
