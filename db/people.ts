import { randomUUID } from 'node:crypto';
import { newRecord, type CreateOf, type PatchOf, type Person } from '../core/records';
import type { Tx } from './journal';

export function createPerson(tx: Tx, input: CreateOf<'people'>): Person {
  return tx.insert('people', newRecord('people', { ...input, id: randomUUID() }));
}

export function updatePerson(tx: Tx, id: string, patch: PatchOf<'people'>): Person {
  tx.require('people', id, 'person');
  return tx.update('people', id, patch);
}

/**
 * Removing a stakeholder keeps everything they said: pain points, quotes and observations stay,
 * unattributed. Their dots go with them, since a vote is nobody's without its voter.
 */
export function deletePerson(tx: Tx, id: string): void {
  tx.require('people', id, 'person');
  for (const pain of tx.all('pain_points', { raisedBy: id })) {
    tx.update('pain_points', pain.id, { raisedBy: null });
  }
  for (const table of ['quotes', 'observations', 'needs'] as const) {
    for (const record of tx.all(table, { personId: id })) tx.update(table, record.id, { personId: null });
  }
  for (const vote of tx.all('votes', { personId: id })) tx.remove('votes', vote.id);
  for (const session of tx.all('sessions', {})) {
    if (session.participantIds.includes(id)) tx.update('sessions', session.id, { participantIds: session.participantIds.filter((p) => p !== id) });
  }
  tx.remove('people', id);
}
