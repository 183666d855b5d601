import { randomUUID } from 'node:crypto';
import type { Person, Session } from '../core/model';
import type { Tx } from './journal';

export function createPerson(tx: Tx, input: Partial<Person> & { name: string }): Person {
  return tx.insert<Person>('people', {
    id: randomUUID(),
    name: input.name,
    role: input.role ?? '',
    team: input.team ?? '',
    influence: input.influence ?? null,
    sponsor: input.sponsor ?? false,
    champion: input.champion ?? false,
    awareness: input.awareness ?? null,
    commitment: input.commitment ?? null,
    readiness: input.readiness ?? null,
    reinforcement: input.reinforcement ?? null,
    resistance: input.resistance ?? null,
    notes: input.notes ?? '',
    anonymise: input.anonymise ?? false,
  });
}

export function updatePerson(tx: Tx, id: string, patch: Partial<Person>): Person {
  tx.require<Person>('people', id, 'person');
  return tx.update<Person>('people', id, patch);
}

/**
 * Removing a stakeholder keeps everything they said: pain points, quotes and observations stay,
 * unattributed. Their dots go with them, since a vote is nobody's without its voter.
 */
export function deletePerson(tx: Tx, id: string): void {
  tx.require<Person>('people', id, 'person');
  for (const pain of tx.all<{ id: string; processId: string }>('pain_points', { raisedBy: id })) {
    tx.update('pain_points', pain.id, { raisedBy: null });
    tx.touch(pain.processId);
  }
  for (const table of ['quotes', 'observations', 'needs'] as const) {
    for (const record of tx.all<{ id: string }>(table, { personId: id })) tx.update(table, record.id, { personId: null });
  }
  for (const vote of tx.all<{ id: string }>('votes', { personId: id })) tx.remove('votes', vote.id);
  for (const session of tx.all<Session>('sessions', {})) {
    if (session.participantIds.includes(id)) tx.update<Session>('sessions', session.id, { participantIds: session.participantIds.filter((p) => p !== id) });
  }
  tx.remove('people', id);
}
