import { randomUUID } from 'node:crypto';
import { ShoshinError } from '../core/errors';
import { msg } from '../core/messages';
import { newRecord, type CreateOf, type PainPoint, type PatchOf } from '../core/records';
import type { Tx } from './journal';

export type PainTargetKind = PainPoint['targetKind'];

const OTHER_PROCESS = { step: 'error.step.otherProcess', flow: 'error.flow.otherProcess', lane: 'error.lane.otherProcess' } as const;

/** What a pain point may be pinned to must exist and belong to the same process. */
export function requirePainTarget(tx: Tx, processId: string, targetKind: PainTargetKind, targetId: string): void {
  tx.require('processes', processId, 'process');
  if (targetKind === 'process') {
    if (targetId !== processId) throw new ShoshinError('conflict', msg('error.painPoint.processWide'));
    return;
  }
  const table = targetKind === 'step' ? 'steps' : targetKind === 'flow' ? 'flows' : 'lanes';
  const target = tx.require(table, targetId, targetKind);
  if (target.processId !== processId) throw new ShoshinError('conflict', msg(OTHER_PROCESS[targetKind]));
}

/** Numbers are per process and never shift: deleting pain point 3 leaves 4 as 4, so what the room saw stays true. */
function nextNumber(tx: Tx, processId: string): number {
  const row = tx.db.prepare('SELECT COALESCE(MAX(number), 0) + 1 AS n FROM pain_points WHERE process_id = ?').get(processId) as { n: number };
  return row.n;
}

export function addPainPoint(tx: Tx, input: CreateOf<'pain_points'>): PainPoint {
  requirePainTarget(tx, input.processId, input.targetKind, input.targetId);
  if (input.raisedBy) tx.require('people', input.raisedBy, 'person');
  if (input.sessionId) tx.require('sessions', input.sessionId, 'session');
  return tx.insert('pain_points', newRecord('pain_points', { ...input, id: randomUUID(), number: nextNumber(tx, input.processId) }));
}

export function updatePainPoint(tx: Tx, id: string, patch: PatchOf<'pain_points'>): PainPoint {
  tx.require('pain_points', id, 'pain point');
  if (patch.raisedBy) tx.require('people', patch.raisedBy, 'person');
  if (patch.sessionId) tx.require('sessions', patch.sessionId, 'session');
  return tx.update('pain_points', id, patch);
}

/** Removes pain points with their votes, and takes them out of the opportunities that cite them. */
export function deletePainPoints(tx: Tx, ids: readonly string[]): void {
  if (ids.length === 0) return;
  const gone = new Set(ids);
  for (const id of ids) {
    tx.require('pain_points', id, 'pain point');
    for (const vote of tx.all('votes', { painPointId: id })) tx.remove('votes', vote.id);
    tx.remove('pain_points', id);
  }
  for (const opportunity of tx.all('opportunities', {})) {
    const kept = opportunity.painPointIds.filter((p) => !gone.has(p));
    if (kept.length !== opportunity.painPointIds.length) tx.update('opportunities', opportunity.id, { painPointIds: kept });
  }
}

/** Moves every pain point pinned to one thing onto another, so nothing is dropped when its target goes. */
export function repinPainPoints(tx: Tx, from: { kind: PainTargetKind; id: string }, to: { kind: PainTargetKind; id: string }): number {
  const pinned = tx.all('pain_points', { targetKind: from.kind, targetId: from.id });
  for (const pain of pinned) tx.update('pain_points', pain.id, { targetKind: to.kind, targetId: to.id });
  return pinned.length;
}
