import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ShoshinError } from '../../core/errors';
import { APPLICATION_ID, openEngagementFile } from '../../db/file';
import { MIGRATIONS, SCHEMA_VERSION } from '../../db/migrations';
import { format, type Message } from '../../core/messages';
import { expectedSchema, MIGRATIONS_TABLE_SQL, normaliseSql, readSchema, schemaDifference } from '../../db/schema';
import { EngagementStore } from '../../db/store';
import { readWal } from '../../db/wal';
import { ROOT, soundEngagement, tamper } from '../badFiles';
import { cleanTempDirs, harness, processViewsOf, sha256, tempDir } from '../helpers';

afterEach(cleanTempDirs);

const said = (difference: Message | null) => (difference ? format(difference) : null);

/** A file as an older Shoshin (schema `version`) wrote it, optionally with its SQL's line endings changed. */
function olderFile(version: number, lineEnding = '\n'): string {
  const file = path.join(tempDir(), `v${version}.shoshin`);
  const db = new Database(file);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma('journal_mode = WAL');
  db.exec(MIGRATIONS_TABLE_SQL);
  for (const migration of MIGRATIONS.slice(0, version)) {
    db.exec(migration.sql.replace(/\n/g, lineEnding));
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, '2025-01-01');
    db.pragma(`user_version = ${migration.version}`);
  }
  db.prepare("INSERT INTO engagement (id, name, created_at) VALUES ('e1', 'Older', '2025-01-01')").run();
  db.close();
  return file;
}

function refusal(open: () => unknown): ShoshinError {
  try {
    open();
  } catch (error) {
    if (error instanceof ShoshinError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the expected schema', () => {
  it('is what our migrations make, and a new file has exactly it', () => {
    const file = path.join(tempDir(), 'new.shoshin');
    EngagementStore.create(file, { name: 'New', client: '' }).close();
    const db = new Database(file, { readonly: true });
    expect(schemaDifference(readSchema(db), expectedSchema(SCHEMA_VERSION))).toBeNull();
    db.close();
    expect(expectedSchema(SCHEMA_VERSION).some((entry) => entry.name === 'journal_undone')).toBe(true);
  });

  it.each(MIGRATIONS.map((m) => m.version))('opens and upgrades a file saved at schema %i', (version) => {
    const { db } = openEngagementFile(olderFile(version));
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(schemaDifference(readSchema(db), expectedSchema(SCHEMA_VERSION))).toBeNull();
    } finally {
      db.close();
    }
  });

  it('accepts a file whose schema was written with Windows line endings', () => {
    const { db } = openEngagementFile(olderFile(SCHEMA_VERSION, '\r\n'));
    db.close();
  });

  it('ignores whitespace outside quotes only', () => {
    expect(normaliseSql("CREATE TABLE t (\r\n  a TEXT  DEFAULT 'x  y'\n)")).toBe("CREATE TABLE t ( a TEXT DEFAULT 'x  y' )");
    expect(normaliseSql("DEFAULT 'x y'")).not.toBe(normaliseSql("DEFAULT 'x  y'"));
  });

  it('names the first difference, code that can run first', () => {
    const wanted = expectedSchema(SCHEMA_VERSION);
    const table = (name: string) => wanted.find((entry) => entry.name === name);
    const steps = table('steps');
    if (!steps) throw new Error('no steps table');
    const trigger = { type: 'trigger', name: 'wipe', tblName: 'steps', sql: 'CREATE TRIGGER wipe AFTER INSERT ON steps BEGIN DELETE FROM pain_points; END' };
    expect(said(schemaDifference([...wanted.filter((e) => e !== steps), { ...steps, sql: `${steps.sql} ` }, trigger], wanted))).toBe('an extra trigger “wipe”');
    expect(said(schemaDifference([...wanted.filter((e) => e !== steps), { ...steps, type: 'view', sql: 'CREATE VIEW steps AS SELECT 1' }], wanted))).toBe(
      'a view “steps” where a table belongs',
    );
    expect(said(schemaDifference(wanted.filter((e) => e !== steps), wanted))).toBe('the table “steps” is missing');
    expect(said(schemaDifference([...wanted.filter((e) => e !== steps), { ...steps, sql: 'CREATE TABLE steps (id TEXT)' }], wanted))).toBe(
      'the table “steps” has different columns or constraints',
    );
  });
});

describe('connections to an engagement file', () => {
  it('run no schema-defined functions with side effects and keep SQLite defensive', () => {
    const file = soundEngagement(path.join(tempDir(), 'sound.shoshin'));
    for (const readOnly of [false, true]) {
      const { db } = openEngagementFile(file, { readOnly });
      try {
        expect(db.pragma('trusted_schema', { simple: true })).toBe(0);
        // Defensive mode: writable_schema cannot be switched on, and sqlite_master cannot be written.
        db.pragma('writable_schema = ON');
        expect(db.pragma('writable_schema', { simple: true })).toBe(0);
        if (!readOnly) expect(() => db.exec("UPDATE sqlite_master SET sql = 'x' WHERE name = 'steps'")).toThrow(/may not be modified/);
      } finally {
        db.close();
      }
    }
  });
});

describe('a planted trigger', () => {
  it('is refused, and the recovered copy has the rows without the trigger', async () => {
    const file = soundEngagement(path.join(tempDir(), 'planted.shoshin'));
    tamper(file, 'CREATE TRIGGER wipe AFTER INSERT ON steps BEGIN DELETE FROM pain_points; END;');
    const before = sha256(file);
    const h = harness();
    const refused = await h.dispatch(h.workspace, 'engagement.open', { path: file });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad_file', message: expect.stringMatching(/an extra trigger “wipe”/), offers: ['recoverCopy'] } });

    const recovered = await h.call('engagement.open', { path: file, mode: 'recoverCopy' });
    const processId = recovered.records.processes[0]?.id ?? '';
    const painPoints = () => h.view(processId).then((view) => view.painPoints.length);
    expect(await painPoints()).toBe(3);
    await h.call('step.add', { processId, x: 900, y: 60, text: 'A new step' });
    expect(await painPoints()).toBe(3);
    h.workspace.close();
    expect(sha256(file)).toBe(before);
  });
});

describe('a -wal beside the file', () => {
  /** A Shoshin that committed edits and was killed before it could checkpoint them. */
  function crashedAfterEdits(file: string): void {
    const script = `
      import { EngagementStore } from './db/store.ts';
      import { createProcess } from './db/processes.ts';
      const store = EngagementStore.open(${JSON.stringify(file)});
      for (let i = 0; i < 3; i++) store.command('x', { key: 'undo.step.add' }, (tx) => createProcess(tx, { name: 'Saved before the crash ' + i }));
      process.kill(process.pid, 'SIGKILL');`;
    spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT });
    expect(readWal(`${file}-wal`)?.committedFrames).toBeGreaterThan(0);
    fs.rmSync(`${file}.lock`, { force: true });
  }

  it("of this file's own (a crash) is replayed: nothing acknowledged is lost", () => {
    const file = soundEngagement(path.join(tempDir(), 'crashed.shoshin'));
    crashedAfterEdits(file);
    const readOnly = EngagementStore.open(file, { readOnly: true });
    expect(processViewsOf(readOnly.db)).toHaveLength(4);
    readOnly.close();
    const store = EngagementStore.open(file);
    expect(processViewsOf(store.db).map((p) => p.process.name)).toContain('Saved before the crash 2');
    store.close();
  });

  it('of another database is refused, both files unchanged; moved away, the file opens as last saved', () => {
    const dir = tempDir();
    const file = soundEngagement(path.join(dir, 'mine.shoshin'));
    const other = soundEngagement(path.join(dir, 'other.shoshin'));
    crashedAfterEdits(other);
    fs.copyFileSync(`${other}-wal`, `${file}-wal`);
    const before = [sha256(file), sha256(`${file}-wal`)];
    for (const readOnly of [false, true]) {
      const error = refusal(() => EngagementStore.open(file, { readOnly }).close());
      expect(error.message).toMatch(/mine\.shoshin-wal\) does not belong to it/);
      expect([sha256(file), sha256(`${file}-wal`)]).toEqual(before);
    }
    fs.renameSync(`${file}-wal`, path.join(dir, 'aside-wal'));
    const store = EngagementStore.open(file);
    expect(processViewsOf(store.db)).toHaveLength(1);
    store.close();
  });

  it('with another page size is refused without opening anything', () => {
    const dir = tempDir();
    const file = soundEngagement(path.join(dir, 'mine.shoshin'));
    const other = path.join(dir, 'big-pages.db');
    const db = new Database(other);
    db.pragma('page_size = 8192');
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    fs.copyFileSync(`${other}-wal`, `${file}-wal`);
    db.close();
    expect(readWal(`${file}-wal`)).toMatchObject({ valid: true, pageSize: 8192 });
    expect(refusal(() => openEngagementFile(file)).message).toMatch(/does not belong/);
  });

  it('is read the way SQLite reads it: frames up to the last commit with valid checksums', () => {
    const file = path.join(tempDir(), 'x-wal');
    expect(readWal(file)).toBeNull();
    fs.writeFileSync(file, '');
    expect(readWal(file)).toBeNull();
    fs.writeFileSync(file, Buffer.alloc(4096, 7));
    expect(readWal(file)).toMatchObject({ valid: false, committedFrames: 0 });
  });
});

describe('a leftover rollback journal', () => {
  it('is rolled back in the private copy a read-only view reads, and refused for editing', () => {
    const dir = tempDir();
    const file = soundEngagement(path.join(dir, 'half.shoshin'));
    tamper(file, 'PRAGMA journal_mode = DELETE');
    const script = `
      const Database = require('better-sqlite3');
      const db = new Database(${JSON.stringify(file)});
      db.pragma('cache_size = 2');
      db.exec('BEGIN');
      db.exec("UPDATE steps SET text = 'half-done'");
      const insert = db.prepare("INSERT INTO journal (at, command, label, changes) VALUES ('x', 'x', 'x', ?)");
      for (let i = 0; i < 300; i++) insert.run('y'.repeat(2000));
      process.exit(0);`;
    spawnSync(process.execPath, ['-e', script], { cwd: ROOT });
    const before = [sha256(file), sha256(`${file}-journal`)];
    const view = EngagementStore.open(file, { readOnly: true });
    const texts = view.db.prepare('SELECT text FROM steps').pluck().all() as string[];
    view.close();
    expect(texts).toHaveLength(8);
    expect(texts.some((text) => text === 'half-done')).toBe(false);
    expect(refusal(() => EngagementStore.open(file).close()).offers).toEqual(['readOnly', 'recoverCopy']);
    expect([sha256(file), sha256(`${file}-journal`)]).toEqual(before);
  });
});
