import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ShoshinError } from '../core/errors';
import { msg } from '../core/messages';
import { freeSpot } from '../core/layout';
import { newRecord, type CreateOf, type Lane, type PatchOf } from '../core/records';
import { laneKey } from '../core/typeToMap';
import { LANE_COLORS } from '../core/vocabulary';
import type { Tx } from './journal';

/** A lane's name for labels (the Undo button), or null if there is no such lane. */
export function laneNameOf(db: Database.Database, id: string): string | null {
  return (db.prepare('SELECT name FROM lanes WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? null;
}

/** The name of the lane a step is in, or null when it has none. */
export function stepLaneName(db: Database.Database, stepId: string): string | null {
  const row = db.prepare('SELECT l.name FROM steps s JOIN lanes l ON l.id = s.lane_id WHERE s.id = ?').get(stepId) as { name: string } | undefined;
  return row?.name ?? null;
}

/** Whether the process of step `stepId` has a lane called `name` (ignoring case and spacing). */
export function stepProcessHasLane(db: Database.Database, stepId: string, name: string): boolean {
  const rows = db.prepare('SELECT l.name FROM lanes l JOIN steps s ON s.process_id = l.process_id WHERE s.id = ?').all(stepId) as { name: string }[];
  const key = laneKey(name);
  return rows.some((row) => laneKey(row.name) === key);
}

function lanesOf(tx: Tx, processId: string): Lane[] {
  return tx.all('lanes', { processId }, 'position, rowid');
}

/** A new lane at the bottom, in the next colour of the palette unless one is given. */
export function createLane(tx: Tx, input: CreateOf<'lanes'>): Lane {
  tx.require('processes', input.processId, 'process');
  const existing = lanesOf(tx, input.processId);
  const position = existing.reduce((max, l) => Math.max(max, l.position), -1) + 1;
  const color = input.color ?? LANE_COLORS[existing.length % LANE_COLORS.length];
  return tx.insert('lanes', newRecord('lanes', { ...input, color, id: randomUUID(), position }));
}

/** The lane called `name` in this process, ignoring case and spacing (core/typeToMap's laneKey), if there is one. */
export function findLane(tx: Tx, processId: string, name: string): Lane | null {
  const key = laneKey(name);
  return lanesOf(tx, processId).find((l) => laneKey(l.name) === key) ?? null;
}

/** The lane called `name` in this process (ignoring case and spacing), created at the bottom if there is none. */
export function laneByName(tx: Tx, processId: string, name: string): Lane {
  const wanted = name.trim().replace(/\s+/g, ' ');
  if (!wanted) throw new ShoshinError('invalid_input', msg('error.lane.nameMissing'));
  return findLane(tx, processId, wanted) ?? createLane(tx, { processId, name: wanted });
}

export function updateLane(tx: Tx, id: string, patch: PatchOf<'lanes'>): Lane {
  tx.require('lanes', id, 'lane');
  return tx.update('lanes', id, patch);
}

/** Swaps a lane with its neighbour above or below; positions are renumbered 0..n so gaps never accumulate. */
export function moveLane(tx: Tx, id: string, direction: 'up' | 'down'): void {
  const lane = tx.require('lanes', id, 'lane');
  const ordered = lanesOf(tx, lane.processId);
  const from = ordered.findIndex((l) => l.id === id);
  const to = direction === 'up' ? from - 1 : from + 1;
  if (to < 0 || to >= ordered.length) return;
  const [moving] = ordered.splice(from, 1);
  if (moving) ordered.splice(to, 0, moving);
  ordered.forEach((l, position) => {
    if (l.position !== position) tx.update('lanes', l.id, { position });
  });
}

/** Steps in a deleted lane are kept and shown as unassigned (on free rows there), never dropped. */
export function deleteLane(tx: Tx, id: string): void {
  const lane = tx.require('lanes', id, 'lane');
  const unassigned = tx.all('steps', { processId: lane.processId, laneId: null });
  for (const step of tx.all('steps', { laneId: id })) {
    const spot = freeSpot(unassigned, step.kind, step.x, step.y);
    unassigned.push(tx.update('steps', step.id, { laneId: null, ...spot }));
  }
  for (const need of tx.all('needs', { laneId: id })) tx.update('needs', need.id, { laneId: null });
  for (const pain of tx.all('pain_points', { targetKind: 'lane', targetId: id })) {
    tx.update('pain_points', pain.id, { targetKind: 'process', targetId: lane.processId });
  }
  tx.remove('lanes', id);
}
