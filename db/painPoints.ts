import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ShoshinError } from '../core/errors';
import type { Flow, Lane, Opportunity, PainPoint, Step } from '../core/model';
import type { Tx } from './journal';
import { fromRow, type Row } from './tables';

export type PainTargetKind = PainPoint['targetKind'];

/** What a pain point may be pinned to must exist and belong to the same process. */
export function requirePainTarget(tx: Tx, processId: string, targetKind: PainTargetKind, targetId: string): void {
  tx.require('processes', processId, 'process');
  if (targetKind === 'process') {
    if (targetId !== processId) throw new ShoshinError('conflict', 'A process-wide pain point must be pinned to its own process.');
    return;
  }
  const table = targetKind === 'step' ? 'steps' : targetKind === 'flow' ? 'flows' : 'lanes';
  const target = tx.require<Step | Flow | Lane>(table, targetId, targetKind);
  if (target.processId !== processId) throw new ShoshinError('conflict', `That ${targetKind} belongs to another process.`);
}

export interface AddPainPointInput {
  processId: string;
  targetKind: PainTargetKind;
  targetId: string;
  text: string;
  raisedBy?: string | null | undefined;
  sessionId?: string | null | undefined;
}

/** Numbers are per process and never shift: deleting pain point 3 leaves 4 as 4, so what the room saw stays true. */
function nextNumber(tx: Tx, processId: string): number {
  const row = tx.db.prepare('SELECT COALESCE(MAX(number), 0) + 1 AS n FROM pain_points WHERE process_id = ?').get(processId) as { n: number };
  return row.n;
}

export function addPainPoint(tx: Tx, input: AddPainPointInput): PainPoint {
  requirePainTarget(tx, input.processId, input.targetKind, input.targetId);
  if (input.raisedBy) tx.require('people', input.raisedBy, 'person');
  if (input.sessionId) tx.require('sessions', input.sessionId, 'session');
  const painPoint = tx.insert<PainPoint>('pain_points', {
    id: randomUUID(),
    processId: input.processId,
    targetKind: input.targetKind,
    targetId: input.targetId,
    number: nextNumber(tx, input.processId),
    text: input.text,
    raisedBy: input.raisedBy ?? null,
    sessionId: input.sessionId ?? null,
    waste: null,
    fourP: null,
    severity: null,
    frequency: null,
    notes: '',
  });
  tx.touch(input.processId);
  return painPoint;
}

export function updatePainPoint(tx: Tx, id: string, patch: Partial<PainPoint>): PainPoint {
  tx.require<PainPoint>('pain_points', id, 'pain point');
  if (patch.raisedBy) tx.require('people', patch.raisedBy, 'person');
  if (patch.sessionId) tx.require('sessions', patch.sessionId, 'session');
  const painPoint = tx.update<PainPoint>('pain_points', id, patch);
  tx.touch(painPoint.processId);
  return painPoint;
}

/** Removes pain points with their votes, and takes them out of the opportunities that cite them. */
export function deletePainPoints(tx: Tx, ids: readonly string[]): void {
  if (ids.length === 0) return;
  const gone = new Set(ids);
  for (const id of ids) {
    const painPoint = tx.require<PainPoint>('pain_points', id, 'pain point');
    for (const vote of tx.all<{ id: string }>('votes', { painPointId: id })) tx.remove('votes', vote.id);
    tx.remove('pain_points', id);
    tx.touch(painPoint.processId);
  }
  for (const opportunity of tx.all<Opportunity>('opportunities', {})) {
    const kept = opportunity.painPointIds.filter((p) => !gone.has(p));
    if (kept.length !== opportunity.painPointIds.length) tx.update<Opportunity>('opportunities', opportunity.id, { painPointIds: kept });
  }
}

/** Moves every pain point pinned to one thing onto another, so nothing is dropped when its target goes. */
export function repinPainPoints(tx: Tx, from: { kind: PainTargetKind; id: string }, to: { kind: PainTargetKind; id: string }): number {
  const pinned = tx.all<PainPoint>('pain_points', { targetKind: from.kind, targetId: from.id });
  for (const pain of pinned) tx.update('pain_points', pain.id, { targetKind: to.kind, targetId: to.id });
  return pinned.length;
}

export function listPainPoints(db: Database.Database): PainPoint[] {
  return (db.prepare('SELECT * FROM pain_points ORDER BY process_id, number').all() as Row[]).map((r) => fromRow<PainPoint>('pain_points', r));
}
