import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Observation } from '../core/model';
import type { Tx } from './journal';
import { fromRow, type Row } from './tables';

function requireLinks(tx: Tx, fields: Partial<Observation>): void {
  if (fields.personId) tx.require('people', fields.personId, 'person');
  if (fields.sessionId) tx.require('sessions', fields.sessionId, 'session');
}

export function createObservation(tx: Tx, input: Partial<Omit<Observation, 'id'>> & { text: string }): Observation {
  requireLinks(tx, input);
  return tx.insert<Observation>('observations', {
    id: randomUUID(),
    text: input.text,
    fourP: input.fourP ?? null,
    personId: input.personId ?? null,
    sessionId: input.sessionId ?? null,
  });
}

export function updateObservation(tx: Tx, id: string, patch: Partial<Omit<Observation, 'id'>>): Observation {
  tx.require<Observation>('observations', id, 'observation');
  requireLinks(tx, patch);
  return tx.update<Observation>('observations', id, patch);
}

export function deleteObservation(tx: Tx, id: string): void {
  tx.require<Observation>('observations', id, 'observation');
  tx.remove('observations', id);
}

export function listObservations(db: Database.Database): Observation[] {
  return (db.prepare('SELECT * FROM observations ORDER BY rowid').all() as Row[]).map((r) => fromRow<Observation>('observations', r));
}
