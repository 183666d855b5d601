import { sql as initial } from './0001_initial';
import { sql as voteRounds } from './0002_vote_rounds';
import { sql as journalIndex } from './0003_journal_index';
import { sql as engagementObjectives } from './0004_engagement_objectives';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Ordered, append-only: a released migration is never edited, only followed by a new one. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'vote_rounds', sql: voteRounds },
  { version: 3, name: 'journal_index', sql: journalIndex },
  { version: 4, name: 'engagement_objectives', sql: engagementObjectives },
];

export const SCHEMA_VERSION = MIGRATIONS.length;
