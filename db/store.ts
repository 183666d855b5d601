import type Database from 'better-sqlite3';
import { ShoshinError } from '../core/errors';
import { createEngagement } from './engagement';
import { openEngagementFile, type OpenOptions } from './file';
import { historyState, processIdsOf, record, redo, Tx, undo } from './journal';

export interface CommandResult<T> {
  value: T;
  processIds: string[];
  journalId: number | null;
}

/** One open engagement file and the only way to change it: a journalled transaction per command. */
export class EngagementStore {
  private constructor(
    readonly db: Database.Database,
    readonly path: string,
    readonly readOnly: boolean,
  ) {}

  static open(path: string, options: OpenOptions = {}): EngagementStore {
    const file = openEngagementFile(path, { ...options, create: false });
    return new EngagementStore(file.db, file.path, file.readOnly);
  }

  static create(path: string, input: { name: string; client: string }, options: OpenOptions = {}): EngagementStore {
    const file = openEngagementFile(path, { ...options, create: true });
    const store = new EngagementStore(file.db, file.path, false);
    store.db.transaction(() => createEngagement(new Tx(store.db), input))();
    return store;
  }

  /** Runs `apply` in one transaction, journals its row changes under `label`, and commits before returning. */
  command<T>(name: string, label: string, apply: (tx: Tx) => T): CommandResult<T> {
    this.assertWritable();
    return this.db.transaction(() => {
      const tx = new Tx(this.db);
      const value = apply(tx);
      const journalId = record(this.db, name, label, tx.changes);
      return { value, processIds: [...new Set([...tx.processIds, ...processIdsOf(tx.changes)])], journalId };
    })();
  }

  undo(): CommandResult<null> {
    this.assertWritable();
    return this.db.transaction(() => {
      const entry = undo(this.db);
      return { value: null, processIds: entry ? processIdsOf(entry.changes) : [], journalId: entry?.journalId ?? null };
    })();
  }

  redo(): CommandResult<null> {
    this.assertWritable();
    return this.db.transaction(() => {
      const entry = redo(this.db);
      return { value: null, processIds: entry ? processIdsOf(entry.changes) : [], journalId: entry?.journalId ?? null };
    })();
  }

  history(): ReturnType<typeof historyState> {
    return historyState(this.db);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private assertWritable(): void {
    if (this.readOnly) throw new ShoshinError('read_only', 'This engagement is open read-only; save a copy to edit it.');
  }
}
