import fs from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ShoshinError } from '../core/errors';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';

/** 'SHSN' — marks a SQLite file as ours, so a foreign database is told apart from an empty one. */
export const APPLICATION_ID = 0x5348534e;
export const FILE_EXTENSION = '.shoshin';

export interface OpenOptions {
  create?: boolean;
  readOnly?: boolean;
  /** Where the Electron build keeps better-sqlite3 compiled for Electron's ABI. */
  nativeBinding?: string;
  /** Called with the open handle before pending migrations run (the snapshot hook). */
  beforeMigrate?: (db: Database.Database, from: number, to: number) => void;
}

export interface EngagementFile {
  db: Database.Database;
  path: string;
  readOnly: boolean;
}

function connect(path: string, options: OpenOptions, readonly: boolean): Database.Database {
  const settings: Database.Options = { readonly, fileMustExist: true, timeout: 2000 };
  if (options.nativeBinding) settings.nativeBinding = options.nativeBinding;
  return new Database(path, settings);
}

function sqliteError(error: unknown): ShoshinError {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_CORRUPT') {
    return new ShoshinError('bad_file', 'This engagement file is damaged (it may have been cut short while copying). Shoshin can recover what is readable into a new file.', ['recoverCopy']);
  }
  return new ShoshinError('bad_file', sqliteMessage(code, error));
}

function sqliteMessage(code: string, error: unknown): string {
  if (code === 'SQLITE_NOTADB') return 'This file is not a Shoshin engagement (it is not a database at all).';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return 'This engagement is open in another Shoshin window or program.';
  if (code === 'SQLITE_CANTOPEN') return 'This file could not be opened: check that it exists and you may read it.';
  return `This file could not be opened (${code || (error as Error).message}).`;
}

interface MigrationRow {
  version: number;
  name: string;
}

/**
 * SQLite creates -wal and -shm beside a WAL file even for a read-only look; remove the ones that
 * were not there before, so a refused or merely inspected file leaves the folder as it was.
 */
export function withoutLeftovers<T>(path: string, read: () => T): T {
  const sidecars = [`${path}-wal`, `${path}-shm`].filter((file) => !fs.existsSync(file));
  try {
    return read();
  } finally {
    for (const file of sidecars) {
      try {
        if (fs.existsSync(file) && (file.endsWith('-shm') || fs.statSync(file).size === 0)) fs.rmSync(file);
      } catch {
        // Best effort: a sidecar still in use by another reader stays.
      }
    }
  }
}

/** Reads what the file says about itself without writing a byte to it. */
function inspect(path: string, options: OpenOptions): { applied: MigrationRow[]; fresh: boolean } {
  return withoutLeftovers(path, () => inspectOpen(path, options));
}

function inspectOpen(path: string, options: OpenOptions): { applied: MigrationRow[]; fresh: boolean } {
  let db: Database.Database | undefined;
  try {
    db = connect(path, options, true);
    const appId = db.pragma('application_id', { simple: true }) as number;
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    if (appId !== APPLICATION_ID) {
      if (appId === 0 && tables.length === 0) return { applied: [], fresh: true };
      throw new ShoshinError('bad_file', 'This is a database from another program, not a Shoshin engagement.');
    }
    if (!tables.some((t) => t.name === 'schema_migrations')) {
      throw new ShoshinError('bad_file', 'This engagement file has no schema history and cannot be trusted.');
    }
    const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as MigrationRow[];
    if (applied.length === 0) throw new ShoshinError('bad_file', 'This engagement file has an empty schema history and cannot be trusted.');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      throw new ShoshinError(
        'bad_file',
        'This engagement file failed its integrity check, so it was not opened for editing. Shoshin can recover what is readable into a new file.',
        ['recoverCopy'],
      );
    }
    return { applied, fresh: false };
  } catch (error) {
    if (error instanceof ShoshinError) throw error;
    throw sqliteError(error);
  } finally {
    db?.close();
  }
}

/** SQLite needs to write beside a WAL file; say so plainly instead of failing half-way. */
function assertWritableLocation(path: string): void {
  try {
    fs.accessSync(path, fs.constants.R_OK | fs.constants.W_OK);
    fs.accessSync(dirname(path), fs.constants.W_OK);
  } catch {
    throw new ShoshinError(
      'read_only',
      'This engagement is in a read-only location (a locked folder, a read-only share or a CD). Open it read-only, or save a copy where you can edit it.',
      ['readOnly', 'recoverCopy'],
    );
  }
}

/** How many migrations a file about to be edited still needs (0 when current); throws for files we must refuse. */
export function pendingMigrations(path: string): number {
  assertWritableLocation(path);
  const { applied, fresh } = inspect(path, {});
  if (fresh) throw new ShoshinError('bad_file', 'This file is an empty database, not a Shoshin engagement.');
  checkHistory(applied);
  return SCHEMA_VERSION - applied.length;
}

function checkHistory(applied: readonly MigrationRow[]): void {
  const newest = applied[applied.length - 1]?.version ?? 0;
  if (newest > SCHEMA_VERSION) {
    throw new ShoshinError(
      'bad_file',
      `This engagement was saved by a newer version of Shoshin (schema ${newest}; this app knows ${SCHEMA_VERSION}). Update Shoshin to open it.`,
    );
  }
  applied.forEach((row, index) => {
    const expected = MIGRATIONS[index];
    if (!expected || row.version !== expected.version || row.name !== expected.name) {
      throw new ShoshinError('bad_file', `This engagement's schema history is out of order at step ${index + 1}; it was not changed.`);
    }
  });
}

function applyPragmas(db: Database.Database, readOnly: boolean): void {
  if (!readOnly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

/** Opens (or creates) an engagement file, refusing anything that is not ours or is from the future. */
export function openEngagementFile(path: string, options: OpenOptions = {}): EngagementFile {
  const exists = fs.existsSync(path);
  if (!exists && !options.create) throw new ShoshinError('bad_file', `No engagement file at ${path}.`);
  if (exists && options.create) throw new ShoshinError('conflict', `A file already exists at ${path}; it was left as it is.`);
  if (exists && fs.statSync(path).isDirectory()) throw new ShoshinError('bad_file', 'That is a folder, not an engagement file.');
  if (exists && fs.statSync(path).size === 0) throw new ShoshinError('bad_file', 'This file is empty (0 bytes): it is not a Shoshin engagement.');

  if (!exists) {
    const db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    db.pragma(`application_id = ${APPLICATION_ID}`);
    applyPragmas(db, false);
    migrate(db, []);
    return { db, path, readOnly: false };
  }

  const readOnly = options.readOnly ?? false;
  if (!readOnly) assertWritableLocation(path);
  const { applied, fresh } = inspect(path, options);
  if (fresh) throw new ShoshinError('bad_file', 'This file is an empty database, not a Shoshin engagement.');
  checkHistory(applied);
  if (readOnly && applied.length < SCHEMA_VERSION) {
    throw new ShoshinError('read_only', 'This engagement needs an upgrade, which cannot be done read-only.');
  }
  let db: Database.Database;
  try {
    db = connect(path, options, readOnly);
    applyPragmas(db, readOnly);
  } catch (error) {
    throw sqliteError(error);
  }
  if (applied.length < SCHEMA_VERSION) {
    try {
      options.beforeMigrate?.(db, applied.length, SCHEMA_VERSION);
      migrate(db, applied);
    } catch (error) {
      db.close();
      if (error instanceof ShoshinError) throw error;
      throw new ShoshinError('bad_file', `This engagement could not be upgraded, so it was left unchanged (${(error as Error).message}).`);
    }
  }
  return { db, path, readOnly };
}

function migrate(db: Database.Database, applied: readonly MigrationRow[]): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  for (const migration of MIGRATIONS.slice(applied.length)) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
