import { randomUUID } from 'node:crypto';
import { newRecord, type CreateOf, type PatchOf, type Process } from '../core/records';
import type Database from 'better-sqlite3';
import { ShoshinError } from '../core/errors';
import { msg } from '../core/messages';
import type { Tx } from './journal';
import { fromRow, type Row } from './tables';
import { forgetProcessLinks } from './matches';
import { deletePainPoints } from './painPoints';

export function processById(db: Database.Database, id: string): Process {
  const row = db.prepare('SELECT * FROM processes WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new ShoshinError('not_found', msg('error.gone.process'));
  return fromRow('processes', row);
}

/** A new process at the end of the list; a sub-process names the step that opens it; an imported procedure may be documented. */
export function createProcess(tx: Tx, input: CreateOf<'processes'> & { parentStepId?: string | null; documented?: boolean }): Process {
  const position = (tx.db.prepare('SELECT COALESCE(MAX(position), -1) + 1 AS p FROM processes').get() as { p: number }).p;
  return tx.insert('processes', newRecord('processes', { ...input, id: randomUUID(), position }));
}

export function updateProcess(tx: Tx, id: string, patch: PatchOf<'processes'>): Process {
  tx.require('processes', id, 'process');
  return tx.update('processes', id, patch);
}

/** Removes a process with everything pinned to it; sub-process steps that pointed at it stay, unlinked. */
export function deleteProcess(tx: Tx, id: string): void {
  tx.require('processes', id, 'process');
  forgetProcessLinks(tx, id);
  for (const step of tx.all('steps', { subprocessId: id })) {
    tx.update('steps', step.id, { subprocessId: null });
  }
  const painPointIds = tx.all('pain_points', { processId: id }).map((p) => p.id);
  // With their votes, and out of the opportunities that cite them, so nothing points at a deleted pain point.
  deletePainPoints(tx, painPointIds);
  for (const table of ['pain_points', 'quotes', 'questions', 'flows'] as const) {
    for (const record of tx.all(table, { processId: id })) tx.remove(table, record.id);
  }
  for (const step of tx.all('steps', { processId: id })) tx.remove('steps', step.id);
  for (const lane of tx.all('lanes', { processId: id })) {
    for (const need of tx.all('needs', { laneId: lane.id })) tx.update('needs', need.id, { laneId: null });
    tx.remove('lanes', lane.id);
  }
  tx.remove('processes', id);
}
