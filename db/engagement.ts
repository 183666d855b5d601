import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ShoshinError } from '../core/errors';
import type { Engagement, EngagementCounts, Person, Session } from '../core/model';
import type { Tx } from './journal';
import { fromRow, type Row } from './tables';

export function createEngagement(tx: Tx, input: { name: string; client: string; consultant?: string }): Engagement {
  return tx.insert<Engagement>('engagement', {
    id: randomUUID(),
    name: input.name,
    client: input.client,
    scope: '',
    consultant: input.consultant ?? '',
    departments: [],
    createdAt: new Date().toISOString(),
  });
}

export function getEngagement(db: Database.Database): Engagement {
  const row = db.prepare('SELECT * FROM engagement LIMIT 1').get() as Row | undefined;
  if (!row) throw new ShoshinError('bad_file', 'This engagement file has no engagement record.');
  return fromRow<Engagement>('engagement', row);
}

export function engagementCounts(db: Database.Database): EngagementCounts {
  const count = (table: string): number => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { processes: count('processes'), steps: count('steps'), painPoints: count('pain_points'), people: count('people') };
}

export function listSessions(db: Database.Database): Session[] {
  return (db.prepare('SELECT * FROM sessions ORDER BY position, date').all() as Row[]).map((r) => fromRow<Session>('sessions', r));
}

export function listPeople(db: Database.Database): Person[] {
  return (db.prepare('SELECT * FROM people ORDER BY name COLLATE NOCASE').all() as Row[]).map((r) => fromRow<Person>('people', r));
}
