import type { FileChild } from 'docx';
import { RESISTANCE_LABELS } from '../../../core/csv';
import type { Person } from '../../../core/model';
import { clip, oneLine } from '../../../core/xml';
import { PeopleGroups } from '../people';
import type { ReportContext } from './context';
import { PORTRAIT_WIDTH } from './pages';
import { MUTED } from './styles';
import { table } from './tables';
import { heading, muted, para, run, runs, score } from './text';

type Source = NonNullable<Person['resistance']>;
const STAGES = ['awareness', 'commitment', 'readiness', 'reinforcement'] as const;

/** "2 fear blame", "1 prefers the current way": a count of people and what holds them back. */
const RESISTANCE_COUNTED: Record<Source, (n: number) => string> = {
  failed_before: (n) => `${n} ${n === 1 ? 'says' : 'say'} it failed before`,
  prefers_current: (n) => `${n} ${n === 1 ? 'prefers' : 'prefer'} the current way`,
  fears_blame: (n) => `${n} ${n === 1 ? 'fears' : 'fear'} blame`,
  other: (n) => `${n} for ${n === 1 ? 'another reason' : 'other reasons'}`,
};
const RESISTANCE_ONE: Record<Source, string> = {
  failed_before: 'says it failed before',
  prefers_current: 'prefers the current way',
  fears_blame: 'fears blame',
  other: 'resists for another reason',
};
const SOURCE_ORDER: Source[] = ['fears_blame', 'prefers_current', 'failed_before', 'other'];

/**
 * Lettered stakeholders in the order of their random ids: in name, team or role order a reader who
 * knows the people (or reads the summary's team counts) could match the letters back to them.
 */
const byId = (a: Person, b: Person) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The people side. By default nobody's resistance or readiness is tied to their name: scores are
 * averaged per team, resistance counted per team, and someone who is the only one of their team is
 * "Stakeholder A". Only when the consultant asks for an internal report (and is not anonymising)
 * does the chapter name individuals.
 */
export function writePeople(ctx: ReportContext): void {
  const { data, options } = ctx.input;
  if (!ctx.chapterOf('People and readiness for change', data.people, 'No stakeholders were recorded.')) return;
  const named = options.nameIndividuals && !options.anonymise;
  const groups = new PeopleGroups(data.people);
  // Someone who asked not to be named keeps a letter even in an internal report: their role may be theirs alone.
  const individual = (p: Person) => clip(p.anonymise ? groups.stakeholder(p) : ctx.names.label(p), 200);

  const leaders = data.people.filter((p) => p.sponsor || p.champion);
  if (leaders.length > 0) ctx.add('portrait', heading('Sponsors and champions', 2));
  for (const p of leaders) {
    const roles = [p.sponsor ? 'Executive sponsor' : '', p.champion ? 'Champion' : ''].filter(Boolean).join(' and ');
    const team = oneLine(p.team);
    ctx.add('portrait', para([run(clip(ctx.names.label(p), 200), { bold: true }), run(` — ${roles}${team ? `, ${clip(team, 200)}` : ''}`)], { bullet: true }));
  }

  const sections = [
    ...(named ? readinessByPerson(ctx, individual) : readinessByTeam(ctx, groups)),
    ...(named ? resistanceByPerson(ctx, individual) : resistanceByTeam(ctx, groups)),
    // A need beside a lettered stakeholder would tie the letter to what the need says (often their team): teams only.
    ...needs(ctx, (p) => (named ? individual(p) : (groups.team(p) ?? ''))),
  ];
  if (leaders.length === 0 && sections.length === 0) {
    ctx.add('portrait', muted(`${data.people.length === 1 ? 'One stakeholder was' : `${data.people.length} stakeholders were`} recorded; no sponsor, champion, readiness score, source of resistance or need yet.`));
  }
  if (sections.length > 0) ctx.add('portrait', ...sections);
}

function needs(ctx: ReportContext, whom: (p: Person) => string): FileChild[] {
  const { data } = ctx.input;
  const out: FileChild[] = [];
  for (const kind of ['training', 'communication'] as const) {
    const list = data.needs.filter((n) => n.kind === kind);
    if (list.length === 0) continue;
    out.push(heading(kind === 'training' ? 'Training needs' : 'Communication needs', 2));
    for (const n of list) {
      const lane = n.laneId ? data.lanes.get(n.laneId) : undefined;
      const person = n.personId ? data.people.find((p) => p.id === n.personId) : undefined;
      const who = [person ? whom(person) : '', lane ? oneLine(lane.name) : ''].filter(Boolean).join(', ');
      out.push(para([...runs(n.text.trim()), ...(who ? [run(` (${clip(who, 300)})`, { color: MUTED })] : [])], { bullet: true }));
    }
  }
  return out;
}

const STAGE_INTRO = 'awareness of why, commitment to it, readiness to work the new way, and what will reinforce it';

function readinessByPerson(ctx: ReportContext, individual: (p: Person) => string): FileChild[] {
  const people = ctx.input.data.people;
  if (!people.some((p) => p.influence !== null || STAGES.some((s) => p[s] !== null))) return [];
  return [
    heading('Stakeholder readiness', 2),
    para(`Scores from 1 (low) to 5 (high) for each stage of the change: ${STAGE_INTRO}. This chapter names individuals: it is for internal use.`, { after: 120, keepNext: true }),
    table(
      ['Stakeholder', 'Team', 'Influence', 'Awareness', 'Commitment', 'Readiness', 'Reinforcement'],
      people.map((p) => [individual(p), p.anonymise ? '' : clip(oneLine(p.team), 200), score(p.influence), ...STAGES.map((s) => score(p[s]))]),
      [4, 3, 1.6, 1.8, 2, 1.8, 2.2],
      PORTRAIT_WIDTH,
      new Set([2, 3, 4, 5, 6]),
    ),
  ];
}

/** An average with one decimal, only over two or more scores: one score would be one person's. */
function average(values: readonly (number | null)[]): string {
  const scored = values.filter((v): v is number => v !== null);
  if (scored.length < 2) return '–';
  const mean = scored.reduce((a, b) => a + b, 0) / scored.length;
  return mean.toFixed(1);
}

function readinessByTeam(ctx: ReportContext, groups: PeopleGroups): FileChild[] {
  const people = ctx.input.data.people.filter((p) => STAGES.some((s) => p[s] !== null));
  if (people.length === 0) return [];
  const teams = new Map<string, Person[]>();
  const alone: Person[] = [];
  for (const p of people) {
    const team = groups.team(p);
    if (team) teams.set(team, [...(teams.get(team) ?? []), p]);
    else alone.push(p);
  }
  const rows = [
    ...[...teams.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([team, members]) => [clip(team, 200), String(members.length), ...STAGES.map((s) => average(members.map((m) => m[s])))]),
    ...[...alone].sort(byId).map((p) => [groups.stakeholder(p), '1', ...STAGES.map((s) => score(p[s]))]),
  ];
  const gaps = rows.some((row) => row.includes('–'));
  return [
    heading('Readiness by team', 2),
    para(
      `Average scores from 1 (low) to 5 (high) for each stage of the change: ${STAGE_INTRO}. “People” counts those with scores. ` +
        'Nobody is named: someone who is the only one of their team is shown as a lettered stakeholder, so no team’s row is one person’s scores.',
      { after: 120, keepNext: true },
    ),
    table(['Team', 'People', 'Awareness', 'Commitment', 'Readiness', 'Reinforcement'], rows, [4.5, 1.6, 1.8, 2, 1.8, 2.2], PORTRAIT_WIDTH, new Set([1, 2, 3, 4, 5])),
    ...(gaps ? [para('“–”: not scored; in a team’s row, fewer than two of its people have that score, so no average is shown.', { color: MUTED, size: 18, before: 120 })] : []),
  ];
}

function resistanceByPerson(ctx: ReportContext, individual: (p: Person) => string): FileChild[] {
  const resisting = ctx.input.data.people.filter((p) => p.resistance !== null);
  if (resisting.length === 0) return [];
  const out: FileChild[] = [heading('Resistance', 2)];
  for (const source of SOURCE_ORDER) {
    const people = resisting.filter((p) => p.resistance === source);
    if (people.length > 0) out.push(para([run(`${RESISTANCE_LABELS[source]}: `, { bold: true }), run(people.map(individual).join('; '))], { bullet: true }));
  }
  return out;
}

function resistanceByTeam(ctx: ReportContext, groups: PeopleGroups): FileChild[] {
  const resisting = ctx.input.data.people.filter((p) => p.resistance !== null);
  if (resisting.length === 0) return [];
  const byGroup = new Map<string, Person[]>();
  for (const p of [...resisting].sort(byId)) {
    const group = groups.groupOf(p);
    byGroup.set(group, [...(byGroup.get(group) ?? []), p]);
  }
  const out: FileChild[] = [
    heading('Resistance', 2),
    para('Where resistance to the change comes from, by team; someone who is the only one of their team keeps the letter they have above.', { after: 120, keepNext: true }),
  ];
  const ordered = [...byGroup.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  for (const [group, people] of ordered) {
    const what = groups.team(people[0] as Person) !== null
      ? SOURCE_ORDER.map((s) => ({ s, n: people.filter((p) => p.resistance === s).length }))
          .filter((x) => x.n > 0)
          .map((x) => RESISTANCE_COUNTED[x.s](x.n))
          .join(', ')
      : RESISTANCE_ONE[(people[0] as Person).resistance ?? 'other'];
    out.push(para([run(`${clip(group, 200)}: `, { bold: true }), run(what)], { bullet: true }));
  }
  return out;
}
