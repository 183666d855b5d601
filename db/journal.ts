import type Database from 'better-sqlite3';
import { ShoshinError } from '../core/errors';
import { asMessage, msg, type Message } from '../core/messages';
import type { HistoryState } from '../core/ipc/base';
import { statement } from './statements';
import type { RecordChange, RecordOf } from '../core/records';
import { columnName, fromRow, isTableName, toRow, type Row, type TableName } from './tables';

/** One row-level change; `before`/`after` are whole rows so any change can be reversed exactly. */
export interface RowChange {
  table: TableName;
  id: string;
  before: Row | null;
  after: Row | null;
}

/** Rows carry their rowid so undoing a delete puts a row back exactly where it was, order included. */
const ROWID = '__rowid';

/** "That step no longer exists.", one whole sentence for each kind of record a command may look for. */
const GONE = {
  process: 'error.gone.process',
  lane: 'error.gone.lane',
  step: 'error.gone.step',
  flow: 'error.gone.flow',
  'pain point': 'error.gone.painPoint',
  quote: 'error.gone.quote',
  question: 'error.gone.question',
  person: 'error.gone.person',
  session: 'error.gone.session',
  observation: 'error.gone.observation',
  opportunity: 'error.gone.opportunity',
  need: 'error.gone.need',
  engagement: 'error.gone.engagement',
} as const;

type Where<N extends TableName> = Partial<Record<keyof RecordOf<N> & string, string | number | null>>;

/**
 * Every mutation goes through a Tx so the journal learns exactly what changed.
 * Deliberately no ON DELETE CASCADE in the schema: a cascade would change rows the journal never saw.
 */
export class Tx {
  readonly changes: RowChange[] = [];
  /** Where the changes after the first part become undo entries of their own (see `split`). */
  readonly parts: { start: number; command: string; label: Message }[] = [];

  constructor(readonly db: Database.Database) {}

  /**
   * The changes from here on are their own undo entry, still committed in this one transaction:
   * a step typed as "@New lane: text" is one request, yet Undo first takes back only the new
   * lane (the step stays, with its words) and then the step.
   */
  split(command: string, label: Message): void {
    this.parts.push({ start: this.changes.length, command, label });
  }

  private read(table: TableName, id: string): Row | undefined {
    return statement(this.db, `SELECT rowid AS ${ROWID}, * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
  }

  get<N extends TableName>(table: N, id: string): RecordOf<N> | undefined {
    const row = statement(this.db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
    return row ? fromRow(table, row) : undefined;
  }

  require<N extends TableName>(table: N, id: string, what: keyof typeof GONE): RecordOf<N> {
    const record = this.get(table, id);
    if (!record) throw new ShoshinError('not_found', msg(GONE[what]));
    return record;
  }

  insert<N extends TableName>(table: N, record: RecordOf<N>): RecordOf<N> {
    const row = toRow(table, record);
    row[ROWID] = writeRow(this.db, table, row);
    this.changes.push({ table, id: record.id, before: null, after: row });
    return record;
  }

  update<N extends TableName>(table: N, id: string, patch: Partial<RecordOf<N>>): RecordOf<N> {
    const before = this.read(table, id);
    if (!before) throw new ShoshinError('not_found', msg('error.gone.item'));
    const after: Row = { ...before, ...toRow(table, patch) };
    updateRow(this.db, table, after);
    this.changes.push({ table, id, before, after });
    return fromRow(table, after);
  }

  remove(table: TableName, id: string): void {
    const before = this.read(table, id);
    if (!before) return;
    statement(this.db, `DELETE FROM ${table} WHERE id = ?`).run(id);
    this.changes.push({ table, id, before, after: null });
  }

  all<N extends TableName>(table: N, where: Where<N>, orderBy = 'rowid'): RecordOf<N>[] {
    const keys = Object.keys(where) as (keyof Where<N> & string)[];
    const clause = keys.length ? `WHERE ${keys.map((k) => (where[k] === null ? `${columnName(k)} IS NULL` : `${columnName(k)} = @${k}`)).join(' AND ')}` : '';
    const params = Object.fromEntries(keys.filter((k) => where[k] !== null).map((k) => [k, where[k]]));
    const rows = statement(this.db, `SELECT * FROM ${table} ${clause} ORDER BY ${orderBy}`).all(params) as Row[];
    return rows.map((r) => fromRow(table, r));
  }
}

function writeRow(db: Database.Database, table: TableName, row: Row): number {
  const columns = Object.keys(row).map((c) => (c === ROWID ? 'rowid' : c));
  const params = Object.keys(row).map((c) => `@${c}`);
  const result = statement(db, `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${params.join(', ')})`).run(row);
  return Number(result.lastInsertRowid);
}

function updateRow(db: Database.Database, table: TableName, row: Row): void {
  const columns = Object.keys(row).filter((c) => c !== 'id' && c !== ROWID);
  const params = Object.fromEntries(Object.entries(row).filter(([c]) => c !== ROWID));
  statement(db, `UPDATE ${table} SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run(params);
}

function applyRow(db: Database.Database, change: RowChange, target: Row | null): void {
  if (target === null) {
    statement(db, `DELETE FROM ${change.table} WHERE id = ?`).run(change.id);
    return;
  }
  const exists = statement(db, `SELECT 1 FROM ${change.table} WHERE id = ?`).get(change.id);
  if (!exists) {
    writeRow(db, change.table, target);
    return;
  }
  updateRow(db, change.table, target);
}

interface JournalRow {
  id: number;
  label: string;
  changes: string;
}

function parseChanges(json: string): RowChange[] {
  const parsed = JSON.parse(json) as RowChange[];
  for (const c of parsed) if (!isTableName(c.table)) throw new ShoshinError('internal', msg('error.journal.unknownTable'));
  return parsed;
}

/**
 * A command's row changes as the records the renderer holds, in the order they happened; for an
 * undo, the reverse, so applying them in order takes every record back.
 */
export function recordChanges(changes: readonly RowChange[], direction: 'forward' | 'backward' = 'forward'): RecordChange[] {
  const list = direction === 'forward' ? changes : [...changes].reverse();
  return list.map((c) => {
    const [from, to] = direction === 'forward' ? [c.before, c.after] : [c.after, c.before];
    return { table: c.table, id: c.id, before: from ? fromRow(c.table, from) : null, after: to ? fromRow(c.table, to) : null } as RecordChange;
  });
}

/**
 * Appends a command's changes; a new command forgets whatever had been undone (the redo branch).
 * With `mergeIntoAddOf`, naming a step that the previous entry just added joins that entry, so one
 * undo takes away the step the consultant typed, not first its text and then the step.
 */
export function record(
  db: Database.Database,
  command: string,
  label: Message,
  changes: readonly RowChange[],
  mergeIntoAddOf?: { stepId: string; label: Message },
): number | null {
  if (changes.length === 0) return null;
  statement(db, 'DELETE FROM journal WHERE undone = 1').run();
  if (mergeIntoAddOf) {
    const last = statement(db, 'SELECT id, command, changes FROM journal ORDER BY id DESC LIMIT 1').get() as
      | { id: number; command: string; changes: string }
      | undefined;
    const previous = last?.command === 'step.add' ? parseChanges(last.changes) : [];
    if (last && previous.some((c) => c.table === 'steps' && c.id === mergeIntoAddOf.stepId && c.before === null)) {
      // Renamed to step.capture so only the first naming merges; later renames are their own undo steps.
      statement(db, "UPDATE journal SET command = 'step.capture', changes = ?, label = ? WHERE id = ?").run(
        JSON.stringify([...previous, ...changes]),
        JSON.stringify(mergeIntoAddOf.label),
        last.id,
      );
      return last.id;
    }
  }
  const result = statement(db, 'INSERT INTO journal (at, command, label, changes) VALUES (?, ?, ?, ?)')
    .run(new Date().toISOString(), command, JSON.stringify(label), JSON.stringify(changes));
  return Number(result.lastInsertRowid);
}

/** With `only`, undoes that entry and nothing else: refused when something newer would have to be undone first. */
export function undo(db: Database.Database, only?: number): { journalId: number; changes: RowChange[] } | null {
  const entry = statement(db, 'SELECT id, label, changes FROM journal WHERE undone = 0 ORDER BY id DESC LIMIT 1').get() as JournalRow | undefined;
  if (only !== undefined && entry?.id !== only) {
    throw new ShoshinError('conflict', msg('error.undo.notLatest'));
  }
  if (!entry) return null;
  const changes = parseChanges(entry.changes);
  for (const change of [...changes].reverse()) applyRow(db, change, change.before);
  statement(db, 'UPDATE journal SET undone = 1 WHERE id = ?').run(entry.id);
  return { journalId: entry.id, changes };
}

export function redo(db: Database.Database): { journalId: number; changes: RowChange[] } | null {
  const entry = statement(db, 'SELECT id, label, changes FROM journal WHERE undone = 1 ORDER BY id ASC LIMIT 1').get() as JournalRow | undefined;
  if (!entry) return null;
  const changes = parseChanges(entry.changes);
  for (const change of changes) applyRow(db, change, change.after);
  statement(db, 'UPDATE journal SET undone = 0 WHERE id = ?').run(entry.id);
  return { journalId: entry.id, changes };
}

/**
 * A journal label as a message. Labels are stored as the message's JSON; files from before that hold
 * the English words themselves, shown as they are (as is anything that is not one of our messages).
 */
export function labelOf(stored: string): Message {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(stored);
  } catch {
    // Plain words from an older file.
  }
  return asMessage(parsed) ?? msg('undo.legacy', { text: stored.slice(0, 200) });
}

export function historyState(db: Database.Database): HistoryState {
  const last = statement(db, 'SELECT label FROM journal WHERE undone = 0 ORDER BY id DESC LIMIT 1').get() as { label: string } | undefined;
  const next = statement(db, 'SELECT label FROM journal WHERE undone = 1 ORDER BY id ASC LIMIT 1').get() as { label: string } | undefined;
  return { canUndo: !!last, canRedo: !!next, undoLabel: last ? labelOf(last.label) : null, redoLabel: next ? labelOf(next.label) : null };
}
