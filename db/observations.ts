import { randomUUID } from 'node:crypto';
import { newRecord, type CreateOf, type Observation, type PatchOf } from '../core/records';
import type { Tx } from './journal';

function requireLinks(tx: Tx, fields: PatchOf<'observations'>): void {
  if (fields.personId) tx.require('people', fields.personId, 'person');
  if (fields.sessionId) tx.require('sessions', fields.sessionId, 'session');
}

export function createObservation(tx: Tx, input: CreateOf<'observations'>): Observation {
  requireLinks(tx, input);
  return tx.insert('observations', newRecord('observations', { ...input, id: randomUUID() }));
}

export function updateObservation(tx: Tx, id: string, patch: PatchOf<'observations'>): Observation {
  tx.require('observations', id, 'observation');
  requireLinks(tx, patch);
  return tx.update('observations', id, patch);
}

export function deleteObservation(tx: Tx, id: string): void {
  tx.require('observations', id, 'observation');
  tx.remove('observations', id);
}
