import type { FileChild } from 'docx';
import { RESISTANCE_LABELS } from '../../../core/labels';
import { format, msg, say, type MessageKey } from '../../../core/messages';
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
const STAGE_HEADERS: readonly MessageKey[] = ['report.people.awarenessHeader', 'report.people.commitmentHeader', 'report.people.readinessHeader', 'report.people.reinforcementHeader'];

/** "2 fear blame", "1 prefers the current way": a count of people and what holds them back, one phrase per number. */
const RESISTANCE_COUNTED: Record<Source, { one: MessageKey; other: MessageKey }> = {
  failed_before: { one: 'report.people.counted.failedBefore.one', other: 'report.people.counted.failedBefore.other' },
  prefers_current: { one: 'report.people.counted.prefersCurrent.one', other: 'report.people.counted.prefersCurrent.other' },
  fears_blame: { one: 'report.people.counted.fearsBlame.one', other: 'report.people.counted.fearsBlame.other' },
  other: { one: 'report.people.counted.other.one', other: 'report.people.counted.other.other' },
};
/** What holds back the one person a lettered stakeholder stands for. */
const RESISTANCE_ONE: Record<Source, MessageKey> = {
  failed_before: 'report.people.one.failedBefore',
  prefers_current: 'report.people.one.prefersCurrent',
  fears_blame: 'report.people.one.fearsBlame',
  other: 'report.people.one.other',
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
  if (!ctx.chapterOf(say('report.people.title'), data.people, say('report.people.none'))) return;
  const named = options.nameIndividuals && !options.anonymise;
  const groups = new PeopleGroups(data.people);
  // Someone who asked not to be named keeps a letter even in an internal report: their role may be theirs alone.
  const individual = (p: Person) => clip(p.anonymise ? groups.stakeholder(p) : ctx.names.label(p), 200);

  const leaders = data.people.filter((p) => p.sponsor || p.champion);
  if (leaders.length > 0) ctx.add('portrait', heading(say('report.people.leaders'), 2));
  for (const p of leaders) {
    const role = p.sponsor && p.champion ? 'report.people.sponsorAndChampion' : p.sponsor ? 'report.people.sponsor' : 'report.people.champion';
    const team = oneLine(p.team);
    const what = team ? say('report.people.leaderInTeam', { role: msg(role), team: clip(team, 200) }) : say('report.people.leader', { role: msg(role) });
    ctx.add('portrait', para([run(clip(ctx.names.label(p), 200), { bold: true }), run(` ${what}`)], { bullet: true }));
  }

  const sections = [
    ...(named ? readinessByPerson(ctx, individual) : readinessByTeam(ctx, groups)),
    ...(named ? resistanceByPerson(ctx, individual) : resistanceByTeam(ctx, groups)),
    // A need beside a lettered stakeholder would tie the letter to what the need says (often their team): teams only.
    ...needs(ctx, (p) => (named ? individual(p) : (groups.team(p) ?? ''))),
  ];
  if (leaders.length === 0 && sections.length === 0) {
    ctx.add('portrait', muted(say(data.people.length === 1 ? 'report.people.nothingYet.one' : 'report.people.nothingYet.other', { count: data.people.length })));
  }
  if (sections.length > 0) ctx.add('portrait', ...sections);
}

function needs(ctx: ReportContext, whom: (p: Person) => string): FileChild[] {
  const { data } = ctx.input;
  const out: FileChild[] = [];
  for (const kind of ['training', 'communication'] as const) {
    const list = data.needs.filter((n) => n.kind === kind);
    if (list.length === 0) continue;
    out.push(heading(say(kind === 'training' ? 'report.people.trainingNeeds' : 'report.people.communicationNeeds'), 2));
    for (const n of list) {
      const lane = n.laneId ? data.lanes.get(n.laneId) : undefined;
      const person = n.personId ? data.people.find((p) => p.id === n.personId) : undefined;
      const who = clip(person ? whom(person) : '', 300);
      const where = clip(lane ? oneLine(lane.name) : '', 300);
      const said = who && where ? say('report.people.needForIn', { who, lane: where }) : who || where ? say('report.people.needFor', { who: who || where }) : '';
      const detail = said ? ` ${said}` : '';
      out.push(para([...runs(n.text.trim()), ...(detail ? [run(detail, { color: MUTED })] : [])], { bullet: true }));
    }
  }
  return out;
}

function readinessByPerson(ctx: ReportContext, individual: (p: Person) => string): FileChild[] {
  const people = ctx.input.data.people;
  if (!people.some((p) => p.influence !== null || STAGES.some((s) => p[s] !== null))) return [];
  return [
    heading(say('report.people.readiness'), 2),
    para(say('report.people.readinessIntro'), { after: 120, keepNext: true }),
    table(
      [say('report.people.stakeholderHeader'), say('report.people.teamHeader'), say('report.people.influenceHeader'), ...STAGE_HEADERS.map((key) => say(key))],
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
    heading(say('report.people.readinessByTeam'), 2),
    para(say('report.people.readinessByTeamIntro'), { after: 120, keepNext: true }),
    table(
      [say('report.people.teamHeader'), say('report.people.peopleHeader'), ...STAGE_HEADERS.map((key) => say(key))],
      rows,
      [4.5, 1.6, 1.8, 2, 1.8, 2.2],
      PORTRAIT_WIDTH,
      new Set([1, 2, 3, 4, 5]),
    ),
    ...(gaps ? [para(say('report.people.gaps'), { color: MUTED, size: 18, before: 120 })] : []),
  ];
}

function resistanceByPerson(ctx: ReportContext, individual: (p: Person) => string): FileChild[] {
  const resisting = ctx.input.data.people.filter((p) => p.resistance !== null);
  if (resisting.length === 0) return [];
  const out: FileChild[] = [heading(say('report.people.resistance'), 2)];
  for (const source of SOURCE_ORDER) {
    const people = resisting.filter((p) => p.resistance === source);
    const label = say('report.people.label', { label: RESISTANCE_LABELS[source] });
    if (people.length > 0) out.push(para([run(`${label} `, { bold: true }), run(people.map(individual).join('; '))], { bullet: true }));
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
    heading(say('report.people.resistance'), 2),
    para(say('report.people.resistanceByTeamIntro'), { after: 120, keepNext: true }),
  ];
  const ordered = [...byGroup.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  for (const [group, people] of ordered) {
    const counts = SOURCE_ORDER.map((s) => ({ s, n: people.filter((p) => p.resistance === s).length }))
      .filter((x) => x.n > 0)
      .map((x) => msg(x.n === 1 ? RESISTANCE_COUNTED[x.s].one : RESISTANCE_COUNTED[x.s].other, { count: x.n }));
    const [first, ...rest] = counts;
    const what =
      groups.team(people[0] as Person) !== null && first
        ? format(rest.reduce((list, item) => msg('list.comma', { list, item }), first))
        : say(RESISTANCE_ONE[(people[0] as Person).resistance ?? 'other']);
    out.push(para([run(`${say('report.people.label', { label: clip(group, 200) })} `, { bold: true }), run(what)], { bullet: true }));
  }
  return out;
}
