import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ShoshinError } from '../core/errors';
import type { Flow, Lane, PainPoint, Process, ProcessSummary, ProcessView, Question, Quote, Step } from '../core/model';
import type { Tx } from './journal';
import { deletePainPoints } from './painPoints';
import { fromRow, type Row } from './tables';

export function listProcessSummaries(db: Database.Database): ProcessSummary[] {
  const rows = db
    .prepare(
      `SELECT p.*,
        (SELECT COUNT(*) FROM steps s WHERE s.process_id = p.id) AS step_count,
        (SELECT COUNT(*) FROM lanes l WHERE l.process_id = p.id) AS lane_count,
        (SELECT COUNT(*) FROM pain_points pp WHERE pp.process_id = p.id) AS pain_point_count
       FROM processes p ORDER BY p.position, p.rowid`,
    )
    .all() as (Row & { step_count: number; lane_count: number; pain_point_count: number })[];
  return rows.map((r) => ({
    ...fromRow<Process>('processes', r),
    stepCount: r.step_count,
    laneCount: r.lane_count,
    painPointCount: r.pain_point_count,
  }));
}

function rows<T>(db: Database.Database, table: 'lanes' | 'steps' | 'flows' | 'pain_points' | 'questions' | 'quotes', processId: string, order: string): T[] {
  return (db.prepare(`SELECT * FROM ${table} WHERE process_id = ? ORDER BY ${order}`).all(processId) as Row[]).map((r) => fromRow<T>(table, r));
}

function breadcrumbs(db: Database.Database, process: Process): { id: string; name: string }[] {
  const trail: { id: string; name: string }[] = [];
  const seen = new Set<string>([process.id]);
  let parentStepId = process.parentStepId;
  while (parentStepId) {
    const parent = db
      .prepare('SELECT p.id, p.name, p.parent_step_id FROM steps s JOIN processes p ON p.id = s.process_id WHERE s.id = ?')
      .get(parentStepId) as { id: string; name: string; parent_step_id: string | null } | undefined;
    if (!parent || seen.has(parent.id)) break;
    seen.add(parent.id);
    trail.unshift({ id: parent.id, name: parent.name });
    parentStepId = parent.parent_step_id;
  }
  return trail;
}

export function getProcessView(db: Database.Database, id: string): ProcessView {
  const row = db.prepare('SELECT * FROM processes WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new ShoshinError('not_found', 'That process no longer exists.');
  const process = fromRow<Process>('processes', row);
  return {
    process,
    breadcrumbs: breadcrumbs(db, process),
    lanes: rows<Lane>(db, 'lanes', id, 'position, rowid'),
    steps: rows<Step>(db, 'steps', id, 'rowid'),
    flows: rows<Flow>(db, 'flows', id, 'rowid'),
    painPoints: rows<PainPoint>(db, 'pain_points', id, 'number'),
    questions: rows<Question>(db, 'questions', id, 'rowid'),
    quotes: rows<Quote>(db, 'quotes', id, 'rowid'),
  };
}

export function createProcess(tx: Tx, input: { name: string; parentStepId?: string | null; department?: string }): Process {
  const position = (tx.db.prepare('SELECT COALESCE(MAX(position), -1) + 1 AS p FROM processes').get() as { p: number }).p;
  const process = tx.insert<Process>('processes', {
    id: randomUUID(),
    name: input.name,
    description: '',
    department: input.department ?? '',
    parentStepId: input.parentStepId ?? null,
    position,
  });
  tx.touch(process.id);
  return process;
}

export function renameProcess(tx: Tx, id: string, name: string): void {
  tx.update<Process>('processes', id, { name });
  tx.touch(id);
}

/** Removes a process with everything pinned to it; sub-process steps that pointed at it stay, unlinked. */
export function deleteProcess(tx: Tx, id: string): void {
  tx.require<Process>('processes', id, 'process');
  for (const step of tx.all<Step>('steps', { subprocessId: id })) {
    tx.update<Step>('steps', step.id, { subprocessId: null });
    tx.touch(step.processId);
  }
  const painPointIds = tx.all<PainPoint>('pain_points', { processId: id }).map((p) => p.id);
  // With their votes, and out of the opportunities that cite them, so nothing points at a deleted pain point.
  deletePainPoints(tx, painPointIds);
  for (const table of ['pain_points', 'quotes', 'questions', 'flows'] as const) {
    for (const record of tx.all<{ id: string }>(table, { processId: id })) tx.remove(table, record.id);
  }
  for (const step of tx.all<Step>('steps', { processId: id })) tx.remove('steps', step.id);
  for (const lane of tx.all<Lane>('lanes', { processId: id })) {
    for (const need of tx.all<{ id: string }>('needs', { laneId: lane.id })) tx.update('needs', need.id, { laneId: null });
    tx.remove('lanes', lane.id);
  }
  tx.remove('processes', id);
  tx.touch(id);
}
