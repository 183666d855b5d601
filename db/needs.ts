import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Need } from '../core/model';
import type { Tx } from './journal';
import { fromRow, type Row } from './tables';

function requireLinks(tx: Tx, fields: Partial<Need>): void {
  if (fields.personId) tx.require('people', fields.personId, 'person');
  if (fields.laneId) tx.require('lanes', fields.laneId, 'lane');
}

/** A training or communication need, tied to a person, a lane (everyone in a role), both or neither. */
export function createNeed(tx: Tx, input: Partial<Omit<Need, 'id'>> & Pick<Need, 'kind' | 'text'>): Need {
  requireLinks(tx, input);
  return tx.insert<Need>('needs', { id: randomUUID(), kind: input.kind, text: input.text, personId: input.personId ?? null, laneId: input.laneId ?? null });
}

export function updateNeed(tx: Tx, id: string, patch: Partial<Omit<Need, 'id'>>): Need {
  tx.require<Need>('needs', id, 'need');
  requireLinks(tx, patch);
  return tx.update<Need>('needs', id, patch);
}

export function deleteNeed(tx: Tx, id: string): void {
  tx.require<Need>('needs', id, 'need');
  tx.remove('needs', id);
}

export function listNeeds(db: Database.Database): Need[] {
  return (db.prepare('SELECT * FROM needs ORDER BY rowid').all() as Row[]).map((r) => fromRow<Need>('needs', r));
}
