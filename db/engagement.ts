import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ShoshinError } from '../core/errors';
import { msg } from '../core/messages';
import { newRecord, type Engagement, type PatchOf } from '../core/records';
import type { Tx } from './journal';
import { fromRow, type Row } from './tables';

export function createEngagement(tx: Tx, input: { name: string; client: string; consultant?: string }): Engagement {
  return tx.insert('engagement', newRecord('engagement', { ...input, id: randomUUID(), createdAt: new Date().toISOString() }));
}

export function getEngagement(db: Database.Database): Engagement {
  const row = db.prepare('SELECT * FROM engagement LIMIT 1').get() as Row | undefined;
  if (!row) throw new ShoshinError('bad_file', msg('error.file.noEngagement'));
  return fromRow('engagement', row);
}

export function updateEngagement(tx: Tx, id: string, patch: PatchOf<'engagement'>): Engagement {
  tx.require('engagement', id, 'engagement');
  return tx.update('engagement', id, patch);
}

export interface EngagementCounts {
  processes: number;
  steps: number;
  painPoints: number;
  people: number;
}

export function engagementCounts(db: Database.Database): EngagementCounts {
  const count = (table: string): number => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { processes: count('processes'), steps: count('steps'), painPoints: count('pain_points'), people: count('people') };
}
