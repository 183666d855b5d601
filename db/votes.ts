import { randomUUID } from 'node:crypto';
import { ShoshinError } from '../core/errors';
import { msg } from '../core/messages';
import type { Vote, VoteRound } from '../core/records';
import type { Tx } from './journal';

function roundOf(tx: Tx, sessionId: string): VoteRound | undefined {
  return tx.all('vote_rounds', { sessionId })[0];
}

function requireRound(tx: Tx, sessionId: string): VoteRound {
  const round = roundOf(tx, sessionId);
  if (!round) throw new ShoshinError('conflict', msg('error.vote.notStarted'));
  return round;
}

function dotsUsed(tx: Tx, sessionId: string, personId: string): Map<string, Vote> {
  return new Map(tx.all('votes', { sessionId, personId }).map((v) => [v.painPointId, v]));
}

/** Starts a session's dot vote, or changes how many dots each participant has. */
export function startVote(tx: Tx, sessionId: string, dotsPerPerson: number): VoteRound {
  tx.require('sessions', sessionId, 'session');
  const existing = roundOf(tx, sessionId);
  if (!existing) {
    return tx.insert('vote_rounds', { id: randomUUID(), sessionId, dotsPerPerson, revealed: false, startedAt: new Date().toISOString() });
  }
  const totals = new Map<string, number>();
  for (const vote of tx.all('votes', { sessionId })) totals.set(vote.personId, (totals.get(vote.personId) ?? 0) + vote.dots);
  const most = Math.max(0, ...totals.values());
  if (most > dotsPerPerson) {
    throw new ShoshinError('conflict', msg('error.vote.dotsPlaced', { most, dots: dotsPerPerson }));
  }
  return tx.update('vote_rounds', existing.id, { dotsPerPerson });
}

/** Sets how many dots one participant puts on one pain point; never more than they have left. */
export function setDots(tx: Tx, input: { sessionId: string; personId: string; painPointId: string; dots: number }): void {
  const round = requireRound(tx, input.sessionId);
  if (round.revealed) throw new ShoshinError('conflict', msg('error.vote.revealed'));
  const session = tx.require('sessions', input.sessionId, 'session');
  const person = tx.require('people', input.personId, 'person');
  if (!session.participantIds.includes(person.id)) throw new ShoshinError('conflict', msg('error.vote.notParticipant', { name: person.name }));
  tx.require('pain_points', input.painPointId, 'pain point');
  const placed = dotsUsed(tx, input.sessionId, input.personId);
  const current = placed.get(input.painPointId);
  const elsewhere = [...placed.values()].reduce((sum, v) => sum + (v.painPointId === input.painPointId ? 0 : v.dots), 0);
  if (elsewhere + input.dots > round.dotsPerPerson) {
    throw new ShoshinError('conflict', msg('error.vote.noDotsLeft', { name: person.name, dots: round.dotsPerPerson }));
  }
  if (input.dots === 0) {
    if (current) tx.remove('votes', current.id);
  } else if (current) {
    if (current.dots !== input.dots) tx.update('votes', current.id, { dots: input.dots });
  } else {
    tx.insert('votes', { id: randomUUID(), sessionId: input.sessionId, personId: input.personId, painPointId: input.painPointId, dots: input.dots });
  }
}

export function revealVote(tx: Tx, sessionId: string, revealed: boolean): void {
  const round = requireRound(tx, sessionId);
  if (round.revealed !== revealed) tx.update('vote_rounds', round.id, { revealed });
}

/** Removes a session's vote and all its dots (undoable like any command). */
export function clearVote(tx: Tx, sessionId: string): void {
  const round = requireRound(tx, sessionId);
  for (const vote of tx.all('votes', { sessionId })) tx.remove('votes', vote.id);
  tx.remove('vote_rounds', round.id);
}
