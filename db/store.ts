import fs from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import type Database from 'better-sqlite3';
import { isDiskFull, ShoshinError } from '../core/errors';
import { createEngagement } from './engagement';
import { openEngagementFile, type OpenOptions } from './file';
import { acquireLock } from './lock';
import type { HistoryState } from '../core/ipc/base';
import type { RecordChange } from '../core/records';
import { historyState, record, recordChanges, redo, Tx, undo } from './journal';

/** What every edit, undo and redo replies when the disk has no room for it. */
export const DISK_FULL_MESSAGE = 'The disk is full: nothing was saved. Free some space; your work so far is safe.';

/**
 * Runs one write transaction. SQLite rolls a transaction back when the disk is full, so the file
 * still holds every edit that was committed before: say so, in words, instead of a raw I/O error.
 */
function writeTransaction<T>(db: Database.Database, body: () => T): T {
  try {
    return db.transaction(body)();
  } catch (error) {
    if (isDiskFull(error)) throw new ShoshinError('disk_full', DISK_FULL_MESSAGE);
    throw error;
  }
}

export interface CommandResult<T> {
  value: T;
  /** What the command changed, record by record: the renderer applies it without reading again. */
  changes: RecordChange[];
  journalId: number | null;
  /** The undo history after the change, so the reply carries what the Undo button says. */
  history: HistoryState;
}

/** One open engagement file and the only way to change it: a journalled transaction per command. */
export class EngagementStore {
  /** Told after every committed change (snapshots listen here). */
  onCommit: (() => void) | null = null;

  private constructor(
    readonly db: Database.Database,
    readonly path: string,
    readonly readOnly: boolean,
    private readonly release: () => void,
  ) {}

  /** Opens for editing (holding the lock), or with `readOnly` a private copy so the original is never touched. */
  static open(path: string, options: OpenOptions = {}): EngagementStore {
    if (options.readOnly) return EngagementStore.openCopy(path, options);
    const release = acquireLock(path);
    try {
      const file = openEngagementFile(path, { ...options, create: false });
      return new EngagementStore(file.db, file.path, false, release);
    } catch (error) {
      release();
      throw error;
    }
  }

  /**
   * Read-only opens work on a copy in a temp folder: a file on a read-only share, or one that needs a
   * schema upgrade, can still be viewed, and nothing is ever written beside the original.
   */
  private static openCopy(path: string, options: OpenOptions): EngagementStore {
    if (!fs.existsSync(path)) throw new ShoshinError('bad_file', `No engagement file at ${path}.`);
    const dir = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'shoshin-readonly-'));
    const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
    try {
      const copy = nodePath.join(dir, nodePath.basename(path));
      fs.copyFileSync(path, copy);
      if (fs.existsSync(`${path}-wal`)) fs.copyFileSync(`${path}-wal`, `${copy}-wal`);
      const file = openEngagementFile(copy, { ...options, readOnly: false, create: false });
      return new EngagementStore(file.db, path, true, cleanup);
    } catch (error) {
      cleanup();
      throw error;
    }
  }

  static create(path: string, input: { name: string; client: string; consultant?: string }, options: OpenOptions = {}): EngagementStore {
    if (fs.existsSync(path)) throw new ShoshinError('conflict', `A file already exists at ${path}; it was left as it is.`);
    const release = acquireLock(path);
    try {
      const file = openEngagementFile(path, { ...options, create: true });
      const store = new EngagementStore(file.db, file.path, false, release);
      store.db.transaction(() => createEngagement(new Tx(store.db), input))();
      return store;
    } catch (error) {
      release();
      throw error;
    }
  }

  /** Runs `apply` in one transaction, journals its row changes under `label`, and commits before returning. */
  command<T>(name: string, label: string, apply: (tx: Tx) => T, mergeIntoAddOf?: { stepId: string; label: string }): CommandResult<T> {
    this.assertWritable();
    const result = writeTransaction(this.db, () => {
      const tx = new Tx(this.db);
      const value = apply(tx);
      const parts = [{ start: 0, command: name, label }, ...tx.parts];
      let journalId: number | null = null;
      parts.forEach((part, index) => {
        const changes = tx.changes.slice(part.start, parts[index + 1]?.start ?? tx.changes.length);
        journalId = record(this.db, part.command, part.label, changes, index === 0 ? mergeIntoAddOf : undefined) ?? journalId;
      });
      return { value, changes: recordChanges(tx.changes), journalId, history: historyState(this.db) };
    });
    this.onCommit?.();
    return result;
  }

  /** With `only`, that journal entry and nothing else (a notice's Undo button): see journal.undo. */
  undo(only?: number): CommandResult<null> {
    return this.replay((db) => undo(db, only), 'backward');
  }

  redo(): CommandResult<null> {
    return this.replay(redo, 'forward');
  }

  private replay(step: typeof undo, direction: 'forward' | 'backward'): CommandResult<null> {
    this.assertWritable();
    const result = writeTransaction(this.db, () => {
      const entry = step(this.db);
      return { value: null, changes: entry ? recordChanges(entry.changes, direction) : [], journalId: entry?.journalId ?? null, history: historyState(this.db) };
    });
    this.onCommit?.();
    return result;
  }

  history(): HistoryState {
    return historyState(this.db);
  }

  close(): void {
    if (this.db.open) this.db.close();
    this.release();
  }

  private assertWritable(): void {
    if (this.readOnly) throw new ShoshinError('read_only', 'This engagement is open read-only; save a copy to edit it.');
  }
}
