import type { TableName } from '../../core/records';
import { listOf, msg, sentences, type Message, type MessageKey } from '../../core/messages';
import type { RecoveryReport } from '../../db/recover';

/** How many rows of each kind were saved, one phrase per table and number ("1 pain point", "12 steps"). */
const RECOVERED_ROWS: Record<Exclude<TableName, 'engagement'>, { one: MessageKey; other: MessageKey }> = {
  sessions: { one: 'notice.rows.sessions.one', other: 'notice.rows.sessions.other' },
  people: { one: 'notice.rows.people.one', other: 'notice.rows.people.other' },
  processes: { one: 'notice.rows.processes.one', other: 'notice.rows.processes.other' },
  lanes: { one: 'notice.rows.lanes.one', other: 'notice.rows.lanes.other' },
  steps: { one: 'notice.rows.steps.one', other: 'notice.rows.steps.other' },
  flows: { one: 'notice.rows.flows.one', other: 'notice.rows.flows.other' },
  pain_points: { one: 'notice.rows.painPoints.one', other: 'notice.rows.painPoints.other' },
  votes: { one: 'notice.rows.votes.one', other: 'notice.rows.votes.other' },
  vote_rounds: { one: 'notice.rows.voteRounds.one', other: 'notice.rows.voteRounds.other' },
  quotes: { one: 'notice.rows.quotes.one', other: 'notice.rows.quotes.other' },
  questions: { one: 'notice.rows.questions.one', other: 'notice.rows.questions.other' },
  observations: { one: 'notice.rows.observations.one', other: 'notice.rows.observations.other' },
  opportunities: { one: 'notice.rows.opportunities.one', other: 'notice.rows.opportunities.other' },
  needs: { one: 'notice.rows.needs.one', other: 'notice.rows.needs.other' },
  step_matches: { one: 'notice.rows.stepMatches.one', other: 'notice.rows.stepMatches.other' },
};
const TABLE_LABEL: Record<TableName, MessageKey> = {
  engagement: 'notice.table.engagement',
  sessions: 'notice.table.sessions',
  people: 'notice.table.people',
  processes: 'notice.table.processes',
  lanes: 'notice.table.lanes',
  steps: 'notice.table.steps',
  flows: 'notice.table.flows',
  pain_points: 'notice.table.painPoints',
  votes: 'notice.table.votes',
  vote_rounds: 'notice.table.voteRounds',
  quotes: 'notice.table.quotes',
  questions: 'notice.table.questions',
  observations: 'notice.table.observations',
  opportunities: 'notice.table.opportunities',
  needs: 'notice.table.needs',
  step_matches: 'notice.table.stepMatches',
};

/** What a recovery saved and left out, said after the new file opens. */
export function recoveryNotice(report: RecoveryReport, target: string): Message {
  const counts = Object.entries(report.rows)
    .filter((entry): entry is [Exclude<TableName, 'engagement'>, number] => entry[0] !== 'engagement')
    .map(([table, count]) => msg(count === 1 ? RECOVERED_ROWS[table].one : RECOVERED_ROWS[table].other, { count }));
  const [first, ...rest] = counts;
  const said = [first ? msg('notice.recovered', { path: target, counts: listOf(first, ...rest) }) : msg('notice.recoveredNothing', { path: target })];
  const [damaged, ...moreDamaged] = report.damaged.map((table) => msg(TABLE_LABEL[table]));
  if (damaged) said.push(msg('notice.unreadable', { tables: listOf(damaged, ...moreDamaged) }));
  if (report.walLeftOut) said.push(msg('notice.walLeftOut'));
  return sentences(...(said as [Message]), msg('notice.damagedKept'));
}
