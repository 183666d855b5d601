import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ShoshinError } from '../../core/errors';
import { getEngagement } from '../../db/engagement';
import { APPLICATION_ID, openEngagementFile } from '../../db/file';
import { MIGRATIONS, SCHEMA_VERSION } from '../../db/migrations';
import { EngagementStore } from '../../db/store';
import { cleanTempDirs, sha256, tempDir } from '../helpers';
import { msg } from '../../core/messages';

afterEach(cleanTempDirs);

function filePath(): string {
  return path.join(tempDir(), 'engagement.shoshin');
}

/** Writes a valid, closed engagement file (no -wal/-shm left behind). */
function createdFile(): string {
  const file = filePath();
  EngagementStore.create(file, { name: 'Service desk review', client: 'Acme' }).close();
  return file;
}

/** Runs raw SQL on a file with plain better-sqlite3, as another program (or a newer Shoshin) would. */
function tamper(file: string, sql: string): void {
  const db = new Database(file);
  db.exec(sql);
  db.close();
}

/** Opening `file` must fail with bad_file and leave its bytes (and folder) exactly as they were. */
function expectRefused(file: string, message?: RegExp): ShoshinError {
  expect(fs.existsSync(`${file}-wal`)).toBe(false);
  const before = sha256(file);
  const siblings = fs.readdirSync(path.dirname(file));
  let caught: unknown;
  try {
    openEngagementFile(file).db.close();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ShoshinError);
  const error = caught as ShoshinError;
  expect(error.code).toBe('bad_file');
  if (message) expect(error.message).toMatch(message);
  expect(sha256(file)).toBe(before);
  // A read-only look at a WAL file leaves SQLite's -shm index and an empty -wal behind (see report); nothing else may appear.
  const added = fs.readdirSync(path.dirname(file)).filter((name) => !siblings.includes(name));
  expect(added.every((name) => name.endsWith('-wal') || name.endsWith('-shm'))).toBe(true);
  if (fs.existsSync(`${file}-wal`)) expect(fs.statSync(`${file}-wal`).size).toBe(0);
  return error;
}

describe('engagement file', () => {
  it('creates a new engagement and reopens it with its data', () => {
    const file = filePath();
    const store = EngagementStore.create(file, { name: 'Service desk review', client: 'Acme' });
    const engagement = getEngagement(store.db);
    store.close();

    const reopened = EngagementStore.open(file);
    try {
      expect(getEngagement(reopened.db)).toEqual(engagement);
      expect(engagement).toMatchObject({ name: 'Service desk review', client: 'Acme', departments: [] });
    } finally {
      reopened.close();
    }
  });

  it('sets WAL, FULL sync and foreign keys on every open', () => {
    const file = createdFile();
    const { db } = openEngagementFile(file);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });

  it('migrates an empty file to the current schema and marks it as ours', () => {
    const file = createdFile();
    const db = new Database(file, { readonly: true });
    try {
      const rows = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
      expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
      expect(rows.map((r) => (r as { version: number }).version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    } finally {
      db.close();
    }
  });

  it('refuses a missing file unless asked to create it', () => {
    const file = filePath();
    expect(() => openEngagementFile(file)).toThrow(ShoshinError);
    expect(fs.existsSync(file)).toBe(false);
  });

  describe('refuses without changing a byte', () => {
    it('a file from a newer schema', () => {
      const file = createdFile();
      tamper(file, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (${SCHEMA_VERSION + 1}, 'future', '2099-01-01')`);
      expectRefused(file, /newer version/);
    });

    it('a file whose schema history is out of order', () => {
      const file = createdFile();
      tamper(file, "UPDATE schema_migrations SET name = 'something-else' WHERE version = 1");
      expectRefused(file, /out of order/);
    });

    it('a file whose history skips a version', () => {
      const file = createdFile();
      tamper(file, 'UPDATE schema_migrations SET version = 0 WHERE version = 1');
      expectRefused(file, /out of order/);
    });

    // Fails today: an empty history passes checkHistory, so migration 1 re-runs on existing tables and throws a raw
    // SqliteError ("table engagement already exists") instead of bad_file, leaving the connection open.
    it('a file whose schema history is empty', () => {
      const file = createdFile();
      tamper(file, 'DELETE FROM schema_migrations');
      expectRefused(file, /schema history/);
    });

    it('a text file that is not a database', () => {
      const file = filePath();
      fs.writeFileSync(file, 'These are my workshop notes, not a database.\n'.repeat(50));
      expectRefused(file, /not a database/);
    });

    it('a zero-byte file', () => {
      const file = filePath();
      fs.writeFileSync(file, '');
      expectRefused(file, /empty/);
      expect(fs.statSync(file).size).toBe(0);
    });

    it("another program's SQLite database", () => {
      const file = filePath();
      tamper(file, "CREATE TABLE foo (id INTEGER PRIMARY KEY, bar TEXT); INSERT INTO foo (bar) VALUES ('baz');");
      expectRefused(file, /another program/);
    });

    it('an empty SQLite database', () => {
      const file = filePath();
      tamper(file, 'CREATE TABLE t (x); DROP TABLE t;');
      expectRefused(file, /empty database/);
    });

    it('a Shoshin file with no schema history', () => {
      const file = createdFile();
      tamper(file, 'DROP TABLE schema_migrations');
      expectRefused(file, /no schema history/);
    });
  });

  it('opens read-only without writing to the file', () => {
    const file = createdFile();
    const before = sha256(file);
    const store = EngagementStore.open(file, { readOnly: true });
    try {
      expect(store.readOnly).toBe(true);
      expect(getEngagement(store.db).name).toBe('Service desk review');
      expect(() => store.command('x', msg('undo.step.add'), () => null)).toThrow(expect.objectContaining({ code: 'read_only' }));
    } finally {
      store.close();
    }
    expect(sha256(file)).toBe(before);
  });
});
