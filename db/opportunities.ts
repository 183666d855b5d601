import { randomUUID } from 'node:crypto';
import { newRecord, type CreateOf, type Opportunity, type PatchOf } from '../core/records';
import type { Tx } from './journal';

function requirePainPoints(tx: Tx, ids: readonly string[]): string[] {
  const unique = [...new Set(ids)];
  for (const id of unique) tx.require('pain_points', id, 'pain point');
  return unique;
}

export function createOpportunity(tx: Tx, input: CreateOf<'opportunities'>): Opportunity {
  return tx.insert('opportunities', newRecord('opportunities', { ...input, id: randomUUID(), painPointIds: requirePainPoints(tx, input.painPointIds ?? []) }));
}

export function updateOpportunity(tx: Tx, id: string, patch: PatchOf<'opportunities'>): Opportunity {
  tx.require('opportunities', id, 'opportunity');
  const next = patch.painPointIds ? { ...patch, painPointIds: requirePainPoints(tx, patch.painPointIds) } : patch;
  return tx.update('opportunities', id, next);
}

export function deleteOpportunity(tx: Tx, id: string): void {
  tx.require('opportunities', id, 'opportunity');
  tx.remove('opportunities', id);
}
