import fs from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import type Database from 'better-sqlite3';
import { isDiskFull, ShoshinError } from '../core/errors';
import { msg, type Message } from '../core/messages';
import { createEngagement } from './engagement';
import { assertWritableLocation, copyOpenFile, openEngagementFile, openFailure, preflight, type OpenOptions } from './file';
import { acquireLock, assertNotOpenHere, heldByLiveShoshin, noteConnected, openInThisProcess } from './lock';
import type { HistoryState } from '../core/ipc/base';
import type { RecordChange } from '../core/records';
import { historyState, record, recordChanges, redo, Tx, undo } from './journal';

/**
 * Runs one write transaction. SQLite rolls a transaction back when the disk is full, so the file
 * still holds every edit that was committed before: say so, in words, instead of a raw I/O error.
 */
const runners = new WeakMap<Database.Database, (body: () => unknown) => unknown>();

function writeTransaction<T>(db: Database.Database, body: () => T): T {
  // One transaction wrapper per connection: better-sqlite3 builds a new one on every call otherwise.
  let run = runners.get(db);
  if (!run) {
    run = db.transaction((work: () => unknown) => work());
    runners.set(db, run);
  }
  try {
    return run(body) as T;
  } catch (error) {
    if (isDiskFull(error)) throw new ShoshinError('disk_full', msg('error.diskFull.edit'));
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
    assertNotOpenHere(path);
    // What can be told without the lock is told first: a folder is a folder, not a lock problem.
    preflight(path);
    assertWritableLocation(path);
    let release: () => void;
    try {
      release = acquireLock(path);
    } catch (error) {
      throw openFailure(error, path);
    }
    try {
      const file = openEngagementFile(path, { ...options, create: false });
      const forget = noteConnected(path);
      return new EngagementStore(file.db, file.path, false, () => {
        forget();
        release();
      });
    } catch (error) {
      release();
      throw openFailure(error, path);
    }
  }

  /**
   * Read-only opens work on a copy in a temp folder: a file on a read-only share, or one that needs a
   * schema upgrade, can still be viewed, and nothing is ever written beside the original. A leftover
   * rollback journal is copied too, so SQLite rolls the unfinished change back in the copy.
   */
  private static openCopy(path: string, options: OpenOptions): EngagementStore {
    preflight(path);
    const walTrusted = heldByLiveShoshin(path);
    let dir: string;
    try {
      dir = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'shoshin-readonly-'));
    } catch (error) {
      throw openFailure(error, path);
    }
    const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
    try {
      const copy = nodePath.join(dir, nodePath.basename(path));
      if (openInThisProcess(path)) copyOpenFile(path, copy, options);
      else {
        fs.copyFileSync(path, copy);
        for (const suffix of ['-wal', '-journal']) {
          if (fs.existsSync(`${path}${suffix}`)) fs.copyFileSync(`${path}${suffix}`, `${copy}${suffix}`);
        }
      }
      const file = openEngagementFile(copy, { ...options, readOnly: false, create: false, privateCopy: true, walTrusted });
      return new EngagementStore(file.db, path, true, cleanup);
    } catch (error) {
      cleanup();
      throw openFailure(error, path);
    }
  }

  static create(path: string, input: { name: string; client: string; consultant?: string }, options: OpenOptions = {}): EngagementStore {
    if (fs.existsSync(path)) throw new ShoshinError('conflict', msg('error.file.exists', { path }));
    const release = acquireLock(path);
    let store: EngagementStore | null = null;
    try {
      const file = openEngagementFile(path, { ...options, create: true });
      const forget = noteConnected(path);
      const created = new EngagementStore(file.db, file.path, false, () => {
        forget();
        release();
      });
      store = created;
      created.db.transaction(() => createEngagement(new Tx(created.db), input))();
      return created;
    } catch (error) {
      if (store) {
        store.close();
        // Nothing was there before: leave no engagement without its engagement row behind.
        for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${path}${suffix}`, { force: true });
      } else release();
      throw error;
    }
  }

  /** Runs `apply` in one transaction, journals its row changes under `label`, and commits before returning. */
  command<T>(name: string, label: Message, apply: (tx: Tx) => T, mergeIntoAddOf?: { stepId: string; label: Message }): CommandResult<T> {
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
    if (this.readOnly) throw new ShoshinError('read_only', msg('error.readOnly.edit'));
  }
}
