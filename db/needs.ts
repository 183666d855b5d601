import { randomUUID } from 'node:crypto';
import { newRecord, type CreateOf, type Need, type PatchOf } from '../core/records';
import type { Tx } from './journal';

function requireLinks(tx: Tx, fields: PatchOf<'needs'>): void {
  if (fields.personId) tx.require('people', fields.personId, 'person');
  if (fields.laneId) tx.require('lanes', fields.laneId, 'lane');
}

/** A training or communication need, tied to a person, a lane (everyone in a role), both or neither. */
export function createNeed(tx: Tx, input: CreateOf<'needs'>): Need {
  requireLinks(tx, input);
  return tx.insert('needs', newRecord('needs', { ...input, id: randomUUID() }));
}

export function updateNeed(tx: Tx, id: string, patch: PatchOf<'needs'>): Need {
  tx.require('needs', id, 'need');
  requireLinks(tx, patch);
  return tx.update('needs', id, patch);
}

export function deleteNeed(tx: Tx, id: string): void {
  tx.require('needs', id, 'need');
  tx.remove('needs', id);
}
