import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Opportunity } from '../core/model';
import type { Tx } from './journal';
import { fromRow, type Row } from './tables';

function requirePainPoints(tx: Tx, ids: readonly string[]): string[] {
  const unique = [...new Set(ids)];
  for (const id of unique) tx.require('pain_points', id, 'pain point');
  return unique;
}

export function createOpportunity(tx: Tx, input: Partial<Omit<Opportunity, 'id'>> & { title: string }): Opportunity {
  return tx.insert<Opportunity>('opportunities', {
    id: randomUUID(),
    title: input.title,
    description: input.description ?? '',
    impact: input.impact ?? null,
    effort: input.effort ?? null,
    horizon: input.horizon ?? null,
    owner: input.owner ?? '',
    painPointIds: requirePainPoints(tx, input.painPointIds ?? []),
  });
}

export function updateOpportunity(tx: Tx, id: string, patch: Partial<Omit<Opportunity, 'id'>>): Opportunity {
  tx.require<Opportunity>('opportunities', id, 'opportunity');
  const next = patch.painPointIds ? { ...patch, painPointIds: requirePainPoints(tx, patch.painPointIds) } : patch;
  return tx.update<Opportunity>('opportunities', id, next);
}

export function deleteOpportunity(tx: Tx, id: string): void {
  tx.require<Opportunity>('opportunities', id, 'opportunity');
  tx.remove('opportunities', id);
}

export function listOpportunities(db: Database.Database): Opportunity[] {
  return (db.prepare('SELECT * FROM opportunities ORDER BY rowid').all() as Row[]).map((r) => fromRow<Opportunity>('opportunities', r));
}
