import fs from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import Database from 'better-sqlite3';
import { isDiskFull, ShoshinError } from '../core/errors';
import { msg, type Message } from '../core/messages';
import { assertNotOpenHere, heldByLiveShoshin, openInThisProcess } from './lock';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { expectedSchema, harden, MIGRATIONS_TABLE_SQL, readSchema, schemaDifference, type SchemaEntry } from './schema';
import { readWal, validPageSize } from './wal';

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
  /**
   * `path` is a private copy in a temp folder (a read-only view): a leftover rollback journal beside
   * it is rolled back there instead of being refused, and its -wal is checked without another copy.
   */
  privateCopy?: boolean;
  /**
   * The -wal beside the file belongs to it: a live Shoshin on this computer has the file open and
   * verified it. Read-only opens in place work that out from the lock file when this is left out.
   */
  walTrusted?: boolean;
}

export interface EngagementFile {
  db: Database.Database;
  path: string;
  readOnly: boolean;
}

interface MigrationRow {
  version: number;
  name: string;
}

/** How long an open waits for another program's write lock before saying the file is in use. */
const BUSY_TIMEOUT_MS = 2000;

function damaged(): ShoshinError {
  return new ShoshinError('bad_file', msg('error.file.damaged'), ['recoverCopy']);
}

function sqliteCode(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
}

/** What the file system said, in words; never a raw code or a stack trace. */
function fileSystemError(error: unknown, path: string): ShoshinError {
  if (error instanceof ShoshinError) return error;
  if (isDiskFull(error)) return new ShoshinError('disk_full', msg('error.diskFull.open'));
  switch (sqliteCode(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new ShoshinError('bad_file', msg('error.file.missing', { path }));
    case 'ELOOP':
      return new ShoshinError('bad_file', msg('error.file.linkLoop'));
    case 'EACCES':
    case 'EPERM':
      return new ShoshinError('bad_file', msg('error.file.noPermission'));
    case 'EISDIR':
      return new ShoshinError('bad_file', msg('error.file.folder'));
    case 'ENAMETOOLONG':
      return new ShoshinError('bad_file', msg('error.file.pathTooLong'));
    case 'EIO':
      return new ShoshinError('bad_file', msg('error.file.readError'));
    default:
      return new ShoshinError('bad_file', msg('error.file.unreadable'));
  }
}

/** What SQLite said while opening or checking a file, in words. */
function sqliteError(error: unknown): ShoshinError {
  if (error instanceof ShoshinError) return error;
  if (isDiskFull(error)) return new ShoshinError('disk_full', msg('error.diskFull.open'));
  const code = sqliteCode(error);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new ShoshinError('locked', msg('error.file.inUse'), ['readOnly']);
  if (code === 'SQLITE_READONLY_ROLLBACK') {
    return new ShoshinError(
      'bad_file',
      msg('error.file.rollbackJournal'),
      ['readOnly', 'recoverCopy'],
    );
  }
  if (code.startsWith('SQLITE_CORRUPT')) return damaged();
  if (code === 'SQLITE_NOTADB') return new ShoshinError('bad_file', msg('error.file.notDatabase'));
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM')) {
    return new ShoshinError('read_only', msg('error.file.cannotOpenInPlace'), ['readOnly']);
  }
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_')) {
    return new ShoshinError('bad_file', msg('error.file.sqliteReadError'), ['recoverCopy']);
  }
  return fileSystemError(error, '');
}

/** Turns anything thrown while opening into a message for the user. */
export function openFailure(error: unknown, path: string): ShoshinError {
  if (error instanceof ShoshinError) return error;
  return sqliteCode(error).startsWith('SQLITE_') ? sqliteError(error) : fileSystemError(error, path);
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** A sidecar SQLite keeps beside a database must be a plain file; a folder or pipe there would hang or break it. */
function checkSidecars(path: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(`${path}${suffix}`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new ShoshinError('bad_file', msg('error.file.sidecarNotFile', { name: `${nodePath.basename(path)}${suffix}` }));
    }
    if (!stat.isFile()) {
      throw new ShoshinError('bad_file', msg('error.file.sidecarSpecial', { name: `${nodePath.basename(path)}${suffix}` }));
    }
  }
}

/**
 * Everything that can be said about a file before SQLite touches it: it exists, is a regular file
 * (a FIFO would block the open for ever), is readable, and starts with a sane SQLite header.
 * Returns the database page size (0 for a file this process has open, whose header is not read again).
 */
export function preflight(path: string): { pageSize: number } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(path);
  } catch (error) {
    throw fileSystemError(error, path);
  }
  if (stat.isDirectory()) throw new ShoshinError('bad_file', msg('error.file.folder'));
  if (!stat.isFile()) throw new ShoshinError('bad_file', msg('error.file.special'));
  if (stat.size === 0) throw new ShoshinError('bad_file', msg('error.file.empty'));
  checkSidecars(path);
  // Open here already, so checked already; reading it with fs would drop this process's SQLite locks on it.
  if (openInThisProcess(path)) return { pageSize: 0 };
  const header = Buffer.alloc(100);
  let read: number;
  try {
    const fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    try {
      read = fs.readSync(fd, header, 0, 100, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    throw fileSystemError(error, path);
  }
  if (read < SQLITE_MAGIC.length || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    throw new ShoshinError('bad_file', msg('error.file.notDatabase'));
  }
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (read < 100) throw new ShoshinError('bad_file', msg('error.file.truncatedHeader'));
  if (!validPageSize(pageSize)) throw damaged();
  return { pageSize };
}

function connect(path: string, options: OpenOptions, readonly: boolean): Database.Database {
  const settings: Database.Options = { readonly, fileMustExist: true, timeout: BUSY_TIMEOUT_MS };
  if (options.nativeBinding) settings.nativeBinding = options.nativeBinding;
  const db = new Database(path, settings);
  try {
    harden(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
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

export type Integrity = 'none' | 'quick' | 'full';

interface Inspection {
  version: number;
  applied: MigrationRow[];
}

function tampered(difference: Message): ShoshinError {
  return new ShoshinError('bad_file', msg('error.file.tampered', { difference }), ['recoverCopy']);
}

/**
 * The version whose exact schema the file has: the one its header states, or (a file whose header
 * was never set, or was reset by another tool) any of ours. Null when it matches none.
 */
function schemaVersionOf(schema: readonly SchemaEntry[], stated: number): number | null {
  const candidates = [stated, ...MIGRATIONS.map((m) => m.version).reverse()].filter((v) => v >= 1 && v <= SCHEMA_VERSION);
  return candidates.find((version) => schemaDifference(schema, expectedSchema(version)) === null) ?? null;
}

/**
 * Checks an open connection: header, then the exact schema for the file's version, and only then
 * the schema history and (if asked) the pages. Returns null for an empty database.
 */
function inspectDb(db: Database.Database, integrity: Integrity): Inspection | null {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const schema = readSchema(db);
  if (appId !== APPLICATION_ID) {
    if (appId === 0 && schema.length === 0) return null;
    throw new ShoshinError('bad_file', msg('error.file.foreign'));
  }
  if (!schema.some((entry) => entry.type === 'table' && entry.name === 'schema_migrations')) {
    throw new ShoshinError('bad_file', msg('error.file.noHistory'));
  }
  const stated = db.pragma('user_version', { simple: true }) as number;
  if (stated > SCHEMA_VERSION) throw newer(stated);
  const version = schemaVersionOf(schema, stated);
  if (version === null) throw tampered(schemaDifference(schema, expectedSchema(stated >= 1 ? stated : SCHEMA_VERSION)) ?? msg('error.schema.unknown'));
  // Only now is schema_migrations known to be our table and not a view or a trap.
  const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version LIMIT ?').all(SCHEMA_VERSION + 2) as MigrationRow[];
  if (applied.length === 0) throw new ShoshinError('bad_file', msg('error.file.emptyHistory'));
  checkHistory(applied);
  if (applied.length !== version) throw outOfOrder(Math.min(applied.length, version) + 1);
  if (integrity !== 'none') {
    const check = db.pragma(integrity === 'full' ? 'integrity_check(1)' : 'quick_check(1)', { simple: true });
    if (check !== 'ok') {
      throw new ShoshinError(
        'bad_file',
        msg('error.file.integrity'),
        ['recoverCopy'],
      );
    }
  }
  return { version, applied };
}

/** Opens read-only and inspects, leaving no sidecar behind. */
function inspectFile(path: string, options: OpenOptions, integrity: Integrity): Inspection | null {
  return withoutLeftovers(path, () => {
    let db: Database.Database | undefined;
    let schemaRead = false;
    try {
      db = connect(path, options, true);
      // Counting parses the whole schema (and runs none of it): a scribbled schema fails here.
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      schemaRead = true;
      return inspectDb(db, integrity);
    } catch (error) {
      if (!schemaRead && sqliteCode(error).startsWith('SQLITE_CORRUPT') && !claimsMorePagesThanItHas(path)) {
        throw new ShoshinError('bad_file', msg('error.file.beyondRepair'));
      }
      throw sqliteError(error);
    } finally {
      db?.close();
    }
  });
}

/**
 * A file cut short (an interrupted copy) still says in its header how long it was; recovery can pad
 * it back, so such damage is worth offering to recover even when SQLite cannot read its schema.
 */
function claimsMorePagesThanItHas(path: string): boolean {
  if (openInThisProcess(path)) return false;
  try {
    const header = Buffer.alloc(100);
    const fd = fs.openSync(path, 'r');
    try {
      fs.readSync(fd, header, 0, 100, 0);
      const rawPageSize = header.readUInt16BE(16);
      const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
      const sizeIsValid = header.readUInt32BE(92) === header.readUInt32BE(24);
      return sizeIsValid && header.readUInt32BE(28) * pageSize > fs.fstatSync(fd).size;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

interface Identity {
  /** The engagement ids the file holds. */
  ids: string;
  /** Rows pointing at something that is not there; our own writes never add one (foreign keys are on). */
  orphans: Set<string>;
}

/** What a database is, as far as its trusted schema lets us read it; null when it cannot be trusted that far. */
function identity(path: string, options: OpenOptions): Identity | null {
  let db: Database.Database | undefined;
  try {
    // Read-only: closing must never checkpoint a -wal under suspicion into the file.
    db = connect(path, options, true);
    if (!inspectDb(db, 'none')) return null;
    const ids = (db.prepare('SELECT id FROM engagement ORDER BY id LIMIT 10').all() as { id: unknown }[]).map((row) => String(row.id)).join('\n');
    const orphans = db.prepare('SELECT "table", rowid, parent, fkid FROM pragma_foreign_key_check LIMIT 1000').all() as Record<string, unknown>[];
    return { ids, orphans: new Set(orphans.map((row) => Object.values(row).join('\u0000'))) };
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

/**
 * Pages of another database replayed from its -wal either change which engagement this is, or leave
 * rows of this one pointing at rows that only the other had (its processes in place of ours).
 */
function sameEngagement(alone: Identity, withWal: Identity): boolean {
  return alone.ids === withWal.ids && [...withWal.orphans].every((orphan) => alone.orphans.has(orphan));
}

const foreignWals = new WeakSet<ShoshinError>();

function foreignWal(path: string): ShoshinError {
  const name = nodePath.basename(path);
  const error = new ShoshinError('bad_file', msg('error.file.foreignWal', { name }), ['recoverCopy']);
  foreignWals.add(error);
  return error;
}

/**
 * A -wal holding committed changes is replayed into its database on open, and nothing in the format
 * says which database it was written for. Checked on a private copy: the copy with the WAL must pass
 * every check (including a full integrity check, which catches pages of another database mixed in),
 * and must be the same engagement as the file without it.
 */
function verifyWal(path: string, options: OpenOptions, pageSize: number): Inspection | null {
  const wal = readWal(`${path}-wal`);
  if (!wal || wal.committedFrames === 0) return null;
  if (pageSize !== 0 && wal.pageSize !== pageSize) throw foreignWal(path);
  const dir = options.privateCopy ? null : fs.mkdtempSync(nodePath.join(os.tmpdir(), 'shoshin-wal-'));
  try {
    const copy = dir ? nodePath.join(dir, 'check.shoshin') : path;
    if (dir) {
      fs.copyFileSync(path, copy);
      fs.copyFileSync(`${path}-wal`, `${copy}-wal`);
    }
    const aside = `${copy}-wal.aside`;
    fs.renameSync(`${copy}-wal`, aside);
    let alone: Identity | null;
    try {
      alone = identity(copy, options);
    } finally {
      fs.rmSync(`${copy}-wal`, { force: true });
      fs.rmSync(`${copy}-shm`, { force: true });
      fs.renameSync(aside, `${copy}-wal`);
    }
    let inspection: Inspection | null;
    try {
      inspection = inspectFile(copy, options, 'full');
    } catch (error) {
      if (error instanceof ShoshinError && error.code === 'bad_file' && alone !== null && fileAloneIsSound(copy, options)) throw foreignWal(path);
      throw error;
    }
    const withWal = identity(copy, options);
    if (alone !== null && withWal !== null && !sameEngagement(alone, withWal)) throw foreignWal(path);
    return inspection;
  } catch (error) {
    throw openFailure(error, path);
  } finally {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * For recovery from a private copy: false only when the -wal beside `copy` is shown not to belong to
 * it, so it must be left out rather than replayed.
 */
export function walBelongsToCopy(copy: string): boolean {
  let pageSize: number;
  try {
    pageSize = preflight(copy).pageSize;
  } catch {
    return true;
  }
  try {
    verifyWal(copy, { privateCopy: true }, pageSize);
    return true;
  } catch (error) {
    return !(error instanceof ShoshinError && foreignWals.has(error));
  }
}

/** The file without its -wal passes every check: then a -wal that makes it fail is the culprit. */
function fileAloneIsSound(copy: string, options: OpenOptions): boolean {
  const aside = `${copy}-wal.aside`;
  fs.renameSync(`${copy}-wal`, aside);
  try {
    inspectFile(copy, options, 'full');
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(`${copy}-wal`, { force: true });
    fs.rmSync(`${copy}-shm`, { force: true });
    fs.renameSync(aside, `${copy}-wal`);
  }
}

/** In a private copy a leftover rollback journal is rolled back, as SQLite would in place. */
function settleJournal(path: string, options: OpenOptions): void {
  if (!fs.existsSync(`${path}-journal`)) return;
  let db: Database.Database | undefined;
  try {
    db = connect(path, options, false);
    db.pragma('schema_version', { simple: true });
  } catch (error) {
    throw sqliteError(error);
  } finally {
    db?.close();
  }
}

/**
 * Copies a file this process has open for editing (another window's engagement, verified when it
 * was opened): through SQLite, which keeps the process's locks on it, where a plain file copy would
 * drop them when it closes its descriptor.
 */
export function copyOpenFile(path: string, copy: string, options: OpenOptions = {}): void {
  const db = connect(path, options, true);
  try {
    db.prepare('VACUUM INTO ?').run(copy);
  } finally {
    db.close();
  }
}

/** SQLite needs to write beside a WAL file; say so plainly instead of failing half-way. */
export function assertWritableLocation(path: string): void {
  try {
    fs.accessSync(path, fs.constants.R_OK | fs.constants.W_OK);
    fs.accessSync(nodePath.dirname(path), fs.constants.W_OK);
  } catch {
    throw new ShoshinError(
      'read_only',
      msg('error.file.readOnlyLocation'),
      ['readOnly', 'recoverCopy'],
    );
  }
}

/**
 * Every check that does not need the file opened for writing, after `preflight`; returns what the
 * file says about itself.
 */
function verify(path: string, options: OpenOptions, pageSize: number, integrity: Integrity): Inspection {
  if (options.privateCopy) settleJournal(path, options);
  // A read-only look refuses a hot journal (SQLITE_READONLY_ROLLBACK) before anything could roll it back in place.
  else if (fs.existsSync(`${path}-journal`)) inspectFile(path, options, 'none');
  // This process has it open (and checked it then), or a live Shoshin does and a read-only look is all this is.
  const walTrusted = options.walTrusted ?? (openInThisProcess(path) || (options.readOnly === true && heldByLiveShoshin(path)));
  const inspection = (walTrusted ? null : verifyWal(path, options, pageSize)) ?? inspectFile(path, options, integrity);
  if (!inspection) throw new ShoshinError('bad_file', msg('error.file.emptyDatabase'));
  return inspection;
}

/** How many migrations a file about to be edited still needs (0 when current); throws for files we must refuse. */
export function pendingMigrations(path: string): number {
  assertNotOpenHere(path);
  const { pageSize } = preflight(path);
  assertWritableLocation(path);
  return SCHEMA_VERSION - verify(path, {}, pageSize, 'none').version;
}

function newer(version: number): ShoshinError {
  return new ShoshinError('bad_file', msg('error.file.newer', { version, known: SCHEMA_VERSION }));
}

function outOfOrder(step: number): ShoshinError {
  return new ShoshinError('bad_file', msg('error.file.outOfOrder', { step }));
}

function checkHistory(applied: readonly MigrationRow[]): void {
  const newest = applied[applied.length - 1]?.version ?? 0;
  if (typeof newest === 'number' && newest > SCHEMA_VERSION) throw newer(newest);
  applied.forEach((row, index) => {
    const expected = MIGRATIONS[index];
    if (!expected || row.version !== expected.version || row.name !== expected.name) throw outOfOrder(index + 1);
  });
}

function applyPragmas(db: Database.Database, readOnly: boolean): void {
  if (!readOnly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

/** Another program holding the write lock would make every edit fail later; find out now. */
function assertWriteLockFree(db: Database.Database): void {
  db.exec('BEGIN IMMEDIATE');
  db.exec('ROLLBACK');
}

/** Opens (or creates) an engagement file, refusing anything that is not exactly ours or is from the future. */
export function openEngagementFile(path: string, options: OpenOptions = {}): EngagementFile {
  let exists = true;
  try {
    fs.lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw fileSystemError(error, path);
    exists = false;
  }
  if (!exists && !options.create) throw new ShoshinError('bad_file', msg('error.file.missing', { path }));
  if (exists && options.create) throw new ShoshinError('conflict', msg('error.file.exists', { path }));
  if (!exists) return createFile(path, options);

  const readOnly = options.readOnly ?? false;
  const { pageSize } = preflight(path);
  if (!readOnly) assertWritableLocation(path);
  const { version, applied } = verify(path, options, pageSize, 'quick');
  if (readOnly && version < SCHEMA_VERSION) {
    throw new ShoshinError('read_only', msg('error.file.upgradeReadOnly'), ['readOnly']);
  }
  let db: Database.Database | undefined;
  try {
    db = connect(path, options, readOnly);
    applyPragmas(db, readOnly);
    if (!readOnly) assertWriteLockFree(db);
    if (version < SCHEMA_VERSION) {
      options.beforeMigrate?.(db, version, SCHEMA_VERSION);
      migrate(db, applied);
    }
    return { db, path, readOnly };
  } catch (error) {
    db?.close();
    const failure = openFailure(error, path);
    if (version < SCHEMA_VERSION && failure.code === 'bad_file') {
      throw new ShoshinError('bad_file', msg('error.file.upgradeFailed'), failure.offers);
    }
    throw failure;
  }
}

function createFile(path: string, options: OpenOptions): EngagementFile {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    harden(db);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    applyPragmas(db, false);
    migrate(db, []);
    return { db, path, readOnly: false };
  } catch (error) {
    db?.close();
    // Nothing was there before: leave nothing half-made behind.
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${path}${suffix}`, { force: true });
    if (isDiskFull(error)) throw new ShoshinError('disk_full', msg('error.diskFull.create'));
    throw error;
  }
}

function migrate(db: Database.Database, applied: readonly MigrationRow[]): void {
  db.exec(MIGRATIONS_TABLE_SQL);
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
