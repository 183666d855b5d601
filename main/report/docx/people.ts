import { RESISTANCE_LABELS } from '../../../core/csv';
import type { Person } from '../../../core/model';
import { clip, oneLine } from '../../../core/xml';
import type { ReportContext } from './context';
import { PORTRAIT_WIDTH } from './pages';
import { MUTED } from './styles';
import { table } from './tables';
import { heading, muted, para, run, runs, score } from './text';

export function writePeople(ctx: ReportContext): void {
  const { data } = ctx.input;
  if (!ctx.chapterOf('People and readiness for change', data.people, 'No stakeholders were recorded.')) return;
  const label = (p: Person) => clip(ctx.names.label(p), 200);
  const leaders = data.people.filter((p) => p.sponsor || p.champion);
  ctx.add('portrait', heading('Sponsors and champions', 2));
  if (leaders.length === 0) ctx.add('portrait', muted('No sponsor or champion has been named yet.'));
  for (const p of leaders) {
    const roles = [p.sponsor ? 'Executive sponsor' : '', p.champion ? 'Champion' : ''].filter(Boolean).join(' and ');
    const team = oneLine(p.team);
    ctx.add('portrait', para([run(label(p), { bold: true }), run(` — ${roles}${team ? `, ${clip(team, 200)}` : ''}`)], { bullet: true }));
  }

  ctx.add(
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

  ctx.add('portrait', heading('Resistance', 2));
  const resisting = data.people.filter((p) => p.resistance !== null);
  if (resisting.length === 0) ctx.add('portrait', muted('No source of resistance has been recorded.'));
  else {
    const bySource = new Map<string, Person[]>();
    for (const p of resisting) {
      const source = RESISTANCE_LABELS[p.resistance ?? 'other'];
      bySource.set(source, [...(bySource.get(source) ?? []), p]);
    }
    for (const [source, people] of bySource) {
      ctx.add('portrait', para([run(`${source}: `, { bold: true }), run(people.map(label).join('; '))], { bullet: true }));
    }
  }

  for (const kind of ['training', 'communication'] as const) {
    ctx.add('portrait', heading(kind === 'training' ? 'Training needs' : 'Communication needs', 2));
    const needs = data.needs.filter((n) => n.kind === kind);
    if (needs.length === 0) ctx.add('portrait', muted(`No ${kind} needs have been recorded.`));
    for (const n of needs) {
      const lane = n.laneId ? data.lanes.get(n.laneId) : undefined;
      const who = [n.personId ? ctx.names.name(n.personId) : '', lane ? oneLine(lane.name) : ''].filter(Boolean).join(', ');
      ctx.add('portrait', para([...runs(n.text.trim()), ...(who ? [run(` (${clip(who, 300)})`, { color: MUTED })] : [])], { bullet: true }));
    }
  }
}
