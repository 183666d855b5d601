import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ErrorCode, OpenOffer } from '../core/contract';
import { SCHEMA_VERSION } from '../db/migrations';
import { createPerson } from '../db/people';
import { addPainPoint } from '../db/painPoints';
import { createProcess } from '../db/processes';
import { addStep } from '../db/steps';
import { EngagementStore } from '../db/store';
import { readWal } from '../db/wal';
import { msg } from '../core/messages';

/**
 * The bad files a `.shoshin` path can turn out to be, each made from one small sound engagement,
 * with what every entry point must answer. Shared by the bad-file suites.
 */

export const ROOT = path.resolve(import.meta.dirname, '..');
const HOLD_FIXTURE = path.join(ROOT, 'test/fixtures/open-for-editing.ts');

/** A small engagement with one of everything the exports draw; closed cleanly (no -wal left). */
export function soundEngagement(file: string): string {
  const store = EngagementStore.create(file, { name: 'Sound', client: 'Acme' });
  store.command('seed', msg('undo.sample.load'), (tx) => {
    const process = createProcess(tx, { name: 'Onboarding' });
    const person = createPerson(tx, { name: 'Dana', role: 'Service desk lead' });
    let previous: string | undefined;
    for (let i = 0; i < 8; i++) {
      const { step } = addStep(tx, { processId: process.id, x: 40 + i * 180, y: 60, text: `Step ${i} ${'words '.repeat(12)}`, ...(previous ? { after: previous } : {}) });
      previous = step.id;
      if (i % 3 === 0) addPainPoint(tx, { processId: process.id, targetKind: 'step', targetId: step.id, text: `Pain ${i}`, raisedBy: person.id });
    }
  });
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  return file;
}

/** Runs SQL on a file as another program would: plain better-sqlite3, foreign keys off. */
export function tamper(file: string, sql: string): void {
  const db = new Database(file);
  db.pragma('foreign_keys = OFF');
  db.exec(sql);
  db.close();
}

/** Rewrites one object's stored CREATE statement, as a hostile tool with writable_schema would. */
export function editSchema(file: string, name: string, from: string, to: string): void {
  const db = new Database(file);
  const before = (db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(name) as { sql: string }).sql;
  if (!before.includes(from)) throw new Error(`${name} has no “${from}”`);
  const version = db.pragma('schema_version', { simple: true }) as number;
  db.unsafeMode(true);
  db.pragma('writable_schema = ON');
  db.prepare('UPDATE sqlite_master SET sql = ? WHERE name = ?').run(before.replace(from, to), name);
  db.pragma(`schema_version = ${version + 1}`);
  db.pragma('writable_schema = OFF');
  db.close();
}

/** Overwrites the pages of one table with junk, leaving the schema readable. */
function scribbleTable(file: string, table: string): void {
  const db = new Database(file, { readonly: true });
  const pages = (db.prepare('SELECT pageno FROM dbstat WHERE name = ?').all(table) as { pageno: number }[]).map((row) => row.pageno);
  db.close();
  const bytes = fs.readFileSync(file);
  const pageSize = bytes.readUInt16BE(16);
  for (const page of pages) bytes.fill(0x5a, (page - 1) * pageSize, page * pageSize);
  fs.writeFileSync(file, bytes);
}

function patchHeader(file: string, write: (header: Buffer) => void): void {
  const bytes = fs.readFileSync(file);
  write(bytes);
  fs.writeFileSync(file, bytes);
}

/** Waits for a child to print a line containing `ready`, or fails with what it said. */
function waitReady(child: ChildProcess, ready: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let said = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes(ready)) resolve();
    });
    child.stderr?.on('data', (chunk: Buffer) => (said += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`holder exited ${code}: ${said}`)));
  });
}

/**
 * Another program (plain better-sqlite3) holding the write lock inside an open transaction. Its
 * interval refers to the connection, which would otherwise be garbage-collected, closed and unlocked.
 */
async function holdWriteLock(file: string, rollbackMode: boolean): Promise<ChildProcess> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(file)});
    ${rollbackMode ? "db.pragma('locking_mode = EXCLUSIVE');" : ''}
    db.exec("BEGIN EXCLUSIVE; UPDATE steps SET text = text || ' (being edited)';");
    console.log('ready');
    setInterval(() => db.open, 1000);`;
  const child = spawn(process.execPath, ['-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  await waitReady(child, 'ready');
  return child;
}

/** An engagement that another program was changing in rollback-journal mode when it crashed. */
function crashMidChange(file: string): void {
  tamper(file, 'PRAGMA journal_mode = DELETE');
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(file)});
    db.pragma('cache_size = 2');
    db.exec('BEGIN');
    db.exec("UPDATE steps SET text = 'half-done ' || text");
    const insert = db.prepare("INSERT INTO journal (at, command, label, changes) VALUES ('x', 'x', 'x', ?)");
    for (let i = 0; i < 300; i++) insert.run('y'.repeat(2000));
    process.exit(0);`;
  execFileSync(process.execPath, ['-e', script], { cwd: ROOT });
  const journal = `${file}-journal`;
  if (!fs.existsSync(journal) || fs.readFileSync(journal).readUInt32BE(0) !== 0xd9d505f9) throw new Error('no hot journal was left');
}

/** Another engagement's -wal, with committed edits that were never checkpointed, beside `file`. */
function foreignWal(file: string, otherDir: string): void {
  const other = EngagementStore.create(path.join(otherDir, 'other.shoshin'), { name: 'Other', client: 'Elsewhere' });
  other.db.pragma('wal_autocheckpoint = 0');
  for (let i = 0; i < 5; i++) {
    other.command('seed', msg('undo.sample.load'), (tx) => {
      const process = createProcess(tx, { name: `Other ${i}` });
      for (let s = 0; s < 10; s++) addStep(tx, { processId: process.id, x: s * 180, y: 60, text: `Other step ${s}` });
    });
  }
  fs.copyFileSync(`${other.path}-wal`, `${file}-wal`);
  other.close();
  if ((readWal(`${file}-wal`)?.committedFrames ?? 0) === 0) throw new Error('the foreign -wal has no committed frames');
}

export interface Refusal {
  code: ErrorCode;
  message: RegExp;
  offers?: OpenOffer[];
}

/** `works`: this entry point rightly succeeds (read-only reads of a file that is only busy or read-only). */
export type Answer = 'works' | Refusal;

export interface MadeFile {
  file: string;
  /** Processes to stop when the suite is done (another program holding the file). */
  holders?: ChildProcess[];
}

export interface BadFileKind {
  name: string;
  make: (dir: string, base: string) => MadeFile | Promise<MadeFile>;
  info: Answer;
  export: Answer;
  host: Answer;
  open: Answer;
  /** Tried as an unprivileged user (root reads anything), or inside a read-only bind mount of its folder. */
  as?: 'nobody' | 'readOnlyMount';
}

function refused(message: RegExp, offers?: OpenOffer[], code: ErrorCode = 'bad_file'): Pick<BadFileKind, 'info' | 'export' | 'host' | 'open'> {
  const answer: Refusal = offers ? { code, message, offers } : { code, message };
  return { info: answer, export: answer, host: answer, open: answer };
}

/** Read-only entry points work; opening for editing is refused. */
function editingRefused(message: RegExp, offers: OpenOffer[], code: ErrorCode): Pick<BadFileKind, 'info' | 'export' | 'host' | 'open'> {
  return { info: 'works', export: 'works', host: { code, message, offers }, open: { code, message, offers } };
}

const TAMPERED = /changed outside Shoshin/;
const RECOVER: OpenOffer[] = ['recoverCopy'];

function copyOf(base: string, dir: string): string {
  const file = path.join(dir, 'engagement.shoshin');
  fs.copyFileSync(base, file);
  return file;
}

function tampered(name: string, sql: string | ((file: string) => void), detail: RegExp = TAMPERED): BadFileKind {
  return {
    name,
    make: (dir, base) => {
      const file = copyOf(base, dir);
      if (typeof sql === 'string') tamper(file, sql);
      else sql(file);
      return { file };
    },
    ...refused(new RegExp(`${TAMPERED.source} \\(.*${detail.source}.*\\)`), RECOVER),
  };
}

const NEVER_ENDING_STEPS = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)
  SELECT 'id' || i AS id, 'p' AS process_id, NULL AS lane_id, 'activity' AS kind, 'x' AS text, 0 AS x, 0 AS y, '' AS description,
  '' AS system, NULL AS work_minutes, NULL AS wait_minutes, '' AS volume, NULL AS value_class, NULL AS session_id, NULL AS subprocess_id FROM n`;

export const BAD_FILE_KINDS: BadFileKind[] = [
  {
    name: 'a sound engagement (the control: every entry point works)',
    make: (dir, base) => ({ file: copyOf(base, dir) }),
    info: 'works',
    export: 'works',
    host: 'works',
    open: 'works',
  },
  // Not an engagement at all.
  {
    name: 'not SQLite at all',
    make: (dir) => {
      const file = path.join(dir, 'notes.shoshin');
      fs.writeFileSync(file, 'Meeting notes, not a database.\n'.repeat(100));
      return { file };
    },
    ...refused(/not a database/),
  },
  {
    name: 'zero bytes',
    make: (dir) => {
      const file = path.join(dir, 'empty.shoshin');
      fs.writeFileSync(file, '');
      return { file };
    },
    ...refused(/empty \(0 bytes\)/),
  },
  {
    name: 'a 50 MB text file',
    make: (dir) => {
      const file = path.join(dir, 'big.shoshin');
      const line = Buffer.from('A long export of something else entirely, line after line.\n');
      const fd = fs.openSync(file, 'w');
      for (let written = 0; written < 50 * 1024 * 1024; written += line.length * 1000) fs.writeSync(fd, Buffer.concat(Array(1000).fill(line)));
      fs.closeSync(fd);
      return { file };
    },
    ...refused(/not a database/),
  },
  {
    name: 'a folder',
    make: (dir) => {
      const file = path.join(dir, 'folder.shoshin');
      fs.mkdirSync(file);
      return { file };
    },
    ...refused(/folder, not an engagement/),
  },
  {
    name: 'a FIFO (named pipe)',
    make: (dir) => {
      const file = path.join(dir, 'pipe.shoshin');
      execFileSync('mkfifo', [file]);
      return { file };
    },
    ...refused(/not a regular file/),
  },
  {
    name: 'a symlink loop',
    make: (dir) => {
      const file = path.join(dir, 'loop.shoshin');
      fs.symlinkSync(path.join(dir, 'other.shoshin'), file);
      fs.symlinkSync(file, path.join(dir, 'other.shoshin'));
      return { file };
    },
    ...refused(/loop of links/),
  },
  {
    name: 'a link to nothing',
    make: (dir) => {
      const file = path.join(dir, 'dangling.shoshin');
      fs.symlinkSync(path.join(dir, 'gone.shoshin'), file);
      return { file };
    },
    ...refused(/No engagement file at/),
  },
  {
    name: 'unreadable (no read permission)',
    as: 'nobody',
    make: (dir, base) => {
      const file = copyOf(base, dir);
      fs.chmodSync(file, 0o000);
      return { file };
    },
    ...refused(/do not have permission to read it/),
  },
  // Damaged.
  {
    name: 'cut inside its header',
    make: (dir, base) => {
      const file = copyOf(base, dir);
      fs.truncateSync(file, 60);
      return { file };
    },
    ...refused(/cut short inside its header/),
  },
  {
    name: 'truncated',
    make: (dir, base) => {
      const file = copyOf(base, dir);
      fs.truncateSync(file, Math.floor(fs.statSync(file).size * 0.6));
      return { file };
    },
    ...refused(/damaged|integrity check/, RECOVER),
  },
  {
    name: 'a huge page count in the header',
    make: (dir, base) => {
      const file = copyOf(base, dir);
      patchHeader(file, (header) => header.writeUInt32BE(0xfffffff0, 28));
      return { file };
    },
    ...refused(/damaged/, RECOVER),
  },
  {
    name: 'an impossible page size in the header',
    make: (dir, base) => {
      const file = copyOf(base, dir);
      patchHeader(file, (header) => header.writeUInt16BE(1000, 16));
      return { file };
    },
    ...refused(/damaged/, RECOVER),
  },
  {
    name: 'a failed integrity check',
    make: (dir, base) => {
      const file = copyOf(base, dir);
      scribbleTable(file, 'flows');
      return { file };
    },
    ...refused(/integrity check|damaged/, RECOVER),
  },
  {
    name: 'a scribbled schema page',
    make: (dir, base) => {
      const file = copyOf(base, dir);
      patchHeader(file, (bytes) => bytes.fill(0x5a, 100, bytes.readUInt16BE(16)));
      return { file };
    },
    ...refused(/damaged beyond repair/),
  },
  // Not ours, or not for this version.
  {
    name: 'a foreign SQLite database',
    make: (dir) => {
      const file = path.join(dir, 'invoices.shoshin');
      tamper(file, 'CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);');
      return { file };
    },
    ...refused(/database from another program/),
  },
  {
    name: 'an empty SQLite database',
    make: (dir) => {
      const file = path.join(dir, 'blank.shoshin');
      tamper(file, 'CREATE TABLE t (x); DROP TABLE t;');
      return { file };
    },
    ...refused(/empty database/),
  },
  {
    name: 'a newer schema (history)',
    make: (dir, base) => {
      const file = copyOf(base, dir);
      tamper(file, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (${SCHEMA_VERSION + 1}, 'future', 'x')`);
      return { file };
    },
    ...refused(/newer version of Shoshin/),
  },
  {
    name: 'a newer schema (version header and tables)',
    make: (dir, base) => {
      const file = copyOf(base, dir);
      tamper(file, `CREATE TABLE future_things (id TEXT PRIMARY KEY); PRAGMA user_version = ${SCHEMA_VERSION + 1};`);
      return { file };
    },
    ...refused(/newer version of Shoshin/),
  },
  {
    name: 'an out-of-order schema history',
    make: (dir, base) => {
      const file = copyOf(base, dir);
      tamper(file, "UPDATE schema_migrations SET name = 'something-else' WHERE version = 1");
      return { file };
    },
    ...refused(/out of order/),
  },
  {
    name: 'an empty schema history',
    make: (dir, base) => {
      const file = copyOf(base, dir);
      tamper(file, 'DELETE FROM schema_migrations');
      return { file };
    },
    ...refused(/empty schema history/),
  },
  {
    name: 'no schema history',
    make: (dir, base) => {
      const file = copyOf(base, dir);
      tamper(file, 'DROP TABLE schema_migrations');
      return { file };
    },
    ...refused(/no schema history/),
  },
  // A schema that is not exactly ours: code planted in a file, or a shape our queries do not expect.
  tampered('a trigger on insert that wipes the pain points', 'CREATE TRIGGER wipe AFTER INSERT ON steps BEGIN DELETE FROM pain_points; END;', /an extra trigger “wipe”/),
  tampered(
    'a trigger on update that rewrites other steps',
    "CREATE TRIGGER rewrite AFTER UPDATE ON steps BEGIN UPDATE steps SET text = 'pwned' WHERE id <> NEW.id; END;",
    /an extra trigger “rewrite”/,
  ),
  tampered('a trigger on delete', 'CREATE TRIGGER keep BEFORE DELETE ON people BEGIN SELECT RAISE(IGNORE); END;', /an extra trigger “keep”/),
  tampered('a trigger on the undo journal', "CREATE TRIGGER forget AFTER INSERT ON journal BEGIN UPDATE journal SET changes = '[]'; END;", /an extra trigger “forget”/),
  tampered(
    'a view in place of a table',
    'DROP TABLE pain_points; CREATE VIEW pain_points AS SELECT * FROM quotes;',
    /a view “pain_points” where a table belongs/,
  ),
  tampered('a never-ending view in place of a table', `DROP TABLE steps; CREATE VIEW steps AS ${NEVER_ENDING_STEPS};`, /a view “steps” where a table belongs/),
  tampered('an extra never-ending view', `CREATE VIEW forever AS ${NEVER_ENDING_STEPS};`, /an extra view “forever”/),
  tampered('a dropped table', 'DROP TABLE quotes;', /the table “quotes” is missing/),
  tampered('a renamed column', 'ALTER TABLE steps RENAME COLUMN text TO label;', /the table “steps” has different columns/),
  tampered('an extra column', "ALTER TABLE people ADD COLUMN salary TEXT NOT NULL DEFAULT '';", /the table “people” has different columns/),
  tampered('an extra generated column', "ALTER TABLE steps ADD COLUMN shout TEXT GENERATED ALWAYS AS (upper(text)) VIRTUAL;", /the table “steps” has different columns/),
  tampered('an extra index', 'CREATE INDEX steps_text ON steps(text);', /an extra index “steps_text”/),
  tampered('a dropped index', 'DROP INDEX steps_process;', /the index “steps_process” is missing/),
  tampered('an extra table', 'CREATE TABLE notes (id TEXT PRIMARY KEY, body TEXT);', /an extra table “notes”/),
  tampered('planted planner statistics (sqlite_stat1)', 'ANALYZE;', /an extra table “sqlite_stat1”/),
  tampered('a virtual table in place of a table', 'DROP TABLE quotes; CREATE VIRTUAL TABLE quotes USING fts5(id, text);', /quotes/),
  tampered('a changed column type', (file) => editSchema(file, 'steps', 'x REAL NOT NULL', 'x TEXT NOT NULL'), /the table “steps” has different columns/),
  tampered('a changed column default', (file) => editSchema(file, 'questions', "DEFAULT 'open'", "DEFAULT 'closed'"), /the table “questions” has different columns/),
  tampered('a dropped NOT NULL constraint', (file) => editSchema(file, 'lanes', 'name TEXT NOT NULL', 'name TEXT'), /the table “lanes” has different columns/),
  tampered('an added CHECK constraint', (file) => editSchema(file, 'processes', 'name TEXT NOT NULL', 'name TEXT NOT NULL CHECK (length(name) < 3)'), /the table “processes” has different/),
  // Rows our schema allows but the app cannot read.
  {
    name: 'broken JSON in a list column',
    make: (dir, base) => {
      const file = copyOf(base, dir);
      tamper(file, "UPDATE engagement SET departments = '{not json'");
      return { file };
    },
    info: 'works',
    export: { code: 'bad_file', message: /holds data Shoshin cannot read/, offers: RECOVER },
    host: { code: 'bad_file', message: /holds data Shoshin cannot read/, offers: RECOVER },
    open: { code: 'bad_file', message: /holds data Shoshin cannot read/, offers: RECOVER },
  },
  // What sits beside the file.
  {
    name: 'a -wal from another engagement (a sync tool mixed them up)',
    make: (dir, base) => {
      const file = copyOf(base, dir);
      const other = path.join(dir, '..', `${path.basename(dir)}-other`);
      fs.mkdirSync(other);
      foreignWal(file, other);
      return { file };
    },
    ...refused(/-wal\) does not belong to it/, RECOVER),
  },
  {
    name: 'a folder where the -wal belongs',
    make: (dir, base) => {
      const file = copyOf(base, dir);
      fs.mkdirSync(`${file}-wal`);
      return { file };
    },
    ...refused(/sits beside this engagement as engagement\.shoshin-wal/),
  },
  {
    name: 'a hot rollback journal (another program crashed mid-change)',
    make: (dir, base) => {
      const file = copyOf(base, dir);
      crashMidChange(file);
      return { file };
    },
    ...editingRefused(/unfinished change/, ['readOnly', 'recoverCopy'], 'bad_file'),
  },
  // Busy or read-only: reading works, editing is refused with a reason.
  {
    name: 'open in another running Shoshin',
    make: async (dir, base) => {
      const file = copyOf(base, dir);
      const holder = spawn(process.execPath, ['--import', 'tsx', HOLD_FIXTURE, file, '--hold'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      await waitReady(holder, '"ok":true');
      return { file, holders: [holder] };
    },
    ...editingRefused(/open in another running Shoshin/, ['readOnly'], 'locked'),
  },
  {
    name: 'write-locked by another program',
    make: async (dir, base) => {
      const file = copyOf(base, dir);
      return { file, holders: [await holdWriteLock(file, false)] };
    },
    ...editingRefused(/in use by another program; try again in a moment/, ['readOnly'], 'locked'),
  },
  {
    name: 'exclusively locked by another program (rollback journal)',
    make: async (dir, base) => {
      const file = copyOf(base, dir);
      tamper(file, 'PRAGMA journal_mode = DELETE');
      return { file, holders: [await holdWriteLock(file, true)] };
    },
    ...editingRefused(/in use by another program; try again in a moment/, ['readOnly'], 'locked'),
  },
  {
    name: 'in a read-only location',
    as: 'readOnlyMount',
    make: (dir, base) => ({ file: copyOf(base, dir) }),
    ...editingRefused(/read-only location/, ['readOnly', 'recoverCopy'], 'read_only'),
  },
];
