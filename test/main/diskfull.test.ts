import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope, MethodName, MethodOutput } from '../../core/contract';
import { format, format as english, msg } from '../../core/messages';
import { APPLICATION_ID } from '../../db/file';
import { MIGRATIONS, SCHEMA_VERSION } from '../../db/migrations';
import { createProcess } from '../../db/processes';
import { addStep } from '../../db/steps';
import { EngagementStore } from '../../db/store';
import { createDispatch } from '../../main/dispatch';
import { createHandlers, Workspace } from '../../main/services';
import { anyPath } from '../../main/services/paths';
import { Snapshots, SnapshotSchedule } from '../../main/snapshots';
import { checkedDispatch, cleanTempDirs, harness, sha256, tempDir } from '../helpers';
import { mountSmallDisk, tmpfsUnavailable, type SmallDisk } from '../tmpfs';

const EDIT_DISK_FULL = 'The disk is full: nothing was saved. Free some space; your work so far is safe.';
const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

const disks: SmallDisk[] = [];
const workspaces: Workspace[] = [];

function smallDisk(bytes: number): SmallDisk {
  const disk = mountSmallDisk(bytes);
  disks.push(disk);
  return disk;
}

afterEach(() => {
  for (const workspace of workspaces.splice(0)) workspace.close();
  for (const disk of disks.splice(0)) disk.unmount();
  cleanTempDirs();
});

/** The real handlers and dispatch, with the data and user-data folders where the test says. */
function app(folders: { dataDir: string; userDataDir: string }) {
  const logged: unknown[] = [];
  const dispatch = checkedDispatch(createDispatch(createHandlers({ ...folders, paths: anyPath }), (error) => logged.push(error)));
  const workspace = new Workspace();
  workspaces.push(workspace);
  const call = async <M extends MethodName>(method: M, payload: unknown = {}): Promise<MethodOutput<M>> => {
    const result = (await dispatch(workspace, method, payload)) as Envelope<MethodOutput<M>>;
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
    return result.data;
  };
  return { dispatch, workspace, logged, call, ...folders };
}

/** Every file below `dir`, as paths relative to it (folders end with a slash). */
function tree(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).map((entry) => {
    const rel = path.relative(dir, path.join(entry.parentPath, entry.name));
    return entry.isDirectory() ? `${rel}/` : rel;
  });
}

/** A small engagement, so the report builds quickly: one process of three steps. */
function smallEngagement(): string {
  const store = EngagementStore.create(path.join(tempDir(), 'small.shoshin'), { name: 'Small', client: 'Acme' });
  store.command('seed', msg('undo.sample.load'), (tx) => {
    const process = createProcess(tx, { name: 'Password reset' });
    let previous: string | undefined;
    for (const text of ['Call arrives', 'Check identity', 'Reset password']) previous = addStep(tx, { processId: process.id, text, x: 0, y: 0, ...(previous ? { after: previous } : {}) }).step.id;
  });
  store.close();
  return store.path;
}

function integrity(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

function stepTexts(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT text FROM steps ORDER BY text').all() as { text: string }[]).map((r) => r.text);
  } finally {
    db.close();
  }
}

describe.runIf(!tmpfsUnavailable)('a full disk, on a real small filesystem', () => {
  it('refuses edits, undo and redo with disk_full and keeps every acknowledged one; edits save again once there is room', async () => {
    const disk = smallDisk(4 * 1024 * 1024);
    const h = harness();
    workspaces.push(h.workspace);
    const file = path.join(disk.dir, 'workshop.shoshin');
    EngagementStore.create(file, { name: 'Workshop', client: 'Acme' }).close();
    await h.call('engagement.open', { path: file });
    await h.workspace.schedule?.pending;
    const { process } = await h.call('process.create', { name: 'Incident intake' });
    const acknowledged: string[] = [];
    const addStep = async (text: string) => {
      const reply = await h.dispatch(h.workspace, 'step.add', { processId: process.id, text, x: 0, y: 0 });
      if (reply.ok) acknowledged.push(text);
      return reply;
    };
    for (let i = 0; i < 5; i++) expect((await addStep(`Before ${i}`)).ok).toBe(true);
    await h.call('history.undo');
    acknowledged.pop();
    const history = await h.history();
    expect(history).toMatchObject({ canUndo: true, canRedo: true });

    disk.fill();
    const refusal = { ok: false, error: { code: 'disk_full', key: 'error.diskFull.edit', message: EDIT_DISK_FULL } };
    expect(await h.dispatch(h.workspace, 'history.undo', {})).toEqual(refusal);
    expect(await h.dispatch(h.workspace, 'history.redo', {})).toEqual(refusal);
    expect(await h.history()).toEqual(history);
    expect(await h.dispatch(h.workspace, 'process.update', { id: process.id, patch: { name: 'Renamed while full' } })).toEqual(refusal);
    const refused: unknown[] = [];
    for (let i = 0; i < 20; i++) {
      const reply = await addStep(`While full ${i} ${'x'.repeat(1000)}`);
      if (!reply.ok) refused.push(reply.error);
    }
    expect(refused.length).toBeGreaterThan(0);
    for (const error of refused) expect(error).toEqual(refusal.error);
    // No stack trace per edit: nothing reached the dispatcher's log.
    expect(h.logged).toEqual([]);

    disk.free();
    expect((await addStep('After space was freed')).ok).toBe(true);
    await h.call('history.undo');
    acknowledged.pop();
    await h.call('history.redo');
    acknowledged.push('After space was freed');
    await h.call('process.update', { id: process.id, patch: { name: 'Renamed after' } });
    h.workspace.close();

    expect(integrity(file)).toBe('ok');
    expect(stepTexts(file)).toEqual([...acknowledged].sort());
  });

  it('opens an engagement while the user-data folder is full, says what was not saved, and catches up once there is room', async () => {
    const disk = smallDisk(256 * 1024);
    const a = app({ dataDir: tempDir(), userDataDir: path.join(disk.dir, 'userData') });
    const elsewhere = path.join(tempDir(), 'elsewhere.shoshin');
    EngagementStore.create(elsewhere, { name: 'Elsewhere', client: 'Acme' }).close();
    const preferences = await a.call('settings.update', { consultantName: 'Priya' });
    disk.fill();

    const view = await a.call('engagement.open', { path: elsewhere });
    expect(view.file.path).toBe(elsewhere);
    expect(view.file.notice && format(view.file.notice)).toMatch(/could not update its list of recent files: the disk with its settings is full/);
    await a.workspace.schedule?.pending;
    const edit = await a.call('process.create', { name: 'Edited while the settings disk is full' });
    expect(edit.journalId).not.toBeNull();

    expect(await a.dispatch(a.workspace, 'settings.update', { consultantName: 'Someone else' })).toEqual({
      ok: false,
      error: { code: 'disk_full', key: 'error.diskFull.settings', message: 'The disk is full: your settings were not saved. Free some space and try again.' },
    });
    const home = await a.call('app.home');
    expect(home.preferences).toEqual(preferences);
    // The list shown is the one Shoshin meant to write, though the file could not be.
    expect(home.recent.map((r) => r.path)).toEqual([elsewhere]);
    expect(tree(a.userDataDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(fs.existsSync(path.join(a.userDataDir, 'recent.json'))).toBe(false);

    disk.free();
    await a.call('app.home');
    const saved = JSON.parse(fs.readFileSync(path.join(a.userDataDir, 'recent.json'), 'utf8')) as { path: string }[];
    expect(saved.map((r) => r.path)).toEqual([elsewhere]);
    expect((await a.call('settings.update', { company: 'Fieldwork' })).company).toBe('Fieldwork');
    expect(tree(a.userDataDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(a.logged).toEqual([]);
  });

  it('shows a snapshot that failed for want of room, leaves nothing behind, and takes one with the next edit once there is room', async () => {
    const disk = smallDisk(256 * 1024);
    const a = app({ dataDir: tempDir(), userDataDir: path.join(disk.dir, 'userData') });
    const file = path.join(tempDir(), 'workshop.shoshin');
    EngagementStore.create(file, { name: 'Workshop', client: 'Acme' }).close();
    await a.call('app.home');
    disk.fill();

    await a.call('engagement.open', { path: file });
    await a.workspace.schedule?.pending;
    const failed = await a.call('snapshot.list');
    expect(failed.snapshots).toEqual([]);
    expect(failed.lastFailure).toMatchObject({
      reason: 'open',
      code: 'disk_full',
      message: msg('error.diskFull.snapshot'),
    });
    expect(failed.lastFailure && format(failed.lastFailure.message)).toBe('The last automatic snapshot could not be taken: the disk is full.');
    // No empty folder for the engagement, no partial file.
    expect(tree(path.join(a.userDataDir, 'Snapshots'))).toEqual([]);

    await a.call('process.create', { name: 'Still full' });
    await a.workspace.schedule?.pending;
    expect((await a.call('snapshot.list')).lastFailure).toMatchObject({ code: 'disk_full' });
    expect(tree(path.join(a.userDataDir, 'Snapshots'))).toEqual([]);

    disk.free();
    // The next edit tries again at once, not ten minutes later.
    await a.call('process.create', { name: 'Room again' });
    await a.workspace.schedule?.pending;
    const after = await a.call('snapshot.list');
    expect(after.lastFailure).toBeNull();
    expect(after.snapshots.map((s) => s.reason)).toEqual(['editing']);
    const snapshotFile = path.join(a.userDataDir, 'Snapshots', tree(path.join(a.userDataDir, 'Snapshots')).find((f) => f.endsWith('.shoshin')) ?? '');
    expect(integrity(snapshotFile)).toBe('ok');
    const db = new Database(snapshotFile, { readonly: true });
    expect((db.prepare('SELECT name FROM processes ORDER BY name').all() as { name: string }[]).map((r) => r.name)).toEqual(['Room again', 'Still full']);
    db.close();
    expect(a.logged).toEqual([]);
  });

  it('tries a failed snapshot again when the list is asked for, and on the next edit even within ten minutes', async () => {
    const disk = smallDisk(1024 * 1024);
    const store = EngagementStore.create(path.join(tempDir(), 'w.shoshin'), { name: 'W', client: '' });
    const snapshots = new Snapshots(path.join(disk.dir, 'Snapshots'));
    let now = Date.parse('2026-11-24T09:00:00Z');
    const schedule = new SnapshotSchedule(snapshots, store, () => now);
    const id = (store.db.prepare('SELECT id FROM engagement').get() as { id: string }).id;
    try {
      disk.fill();
      await schedule.onOpen();
      expect(schedule.lastFailure).toMatchObject({ reason: 'open', code: 'disk_full' });
      disk.free();
      await schedule.retry();
      expect(schedule.lastFailure).toBeNull();
      expect(snapshots.list(id).map((s) => s.reason)).toEqual(['open']);

      // Full again when the interval comes round; the very next edit tries again.
      disk.fill();
      store.command('p', msg('undo.process.add', { name: 'A' }), (tx) => createProcess(tx, { name: 'A' }));
      now += 11 * 60 * 1000;
      await schedule.onEdit();
      expect(schedule.lastFailure).toMatchObject({ reason: 'editing', code: 'disk_full' });
      expect(snapshots.list(id)).toHaveLength(1);
      disk.free();
      now += 1000;
      await schedule.onEdit();
      expect(schedule.lastFailure).toBeNull();
      expect(snapshots.list(id).map((s) => s.reason)).toEqual(['editing', 'open']);
    } finally {
      store.close();
    }
  });

  it('refuses to upgrade a file it cannot first back up, in words, and keeps the open engagement open', async () => {
    const disk = smallDisk(256 * 1024);
    const a = app({ dataDir: tempDir(), userDataDir: path.join(disk.dir, 'userData') });
    const current = path.join(tempDir(), 'current.shoshin');
    EngagementStore.create(current, { name: 'Current', client: '' }).close();
    await a.call('engagement.open', { path: current });
    await a.workspace.schedule?.pending;

    const old = path.join(tempDir(), 'old.shoshin');
    const db = new Database(old);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of MIGRATIONS.slice(0, SCHEMA_VERSION - 1)) {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, 'then');
    }
    db.prepare("INSERT INTO engagement (id, name, created_at) VALUES ('7d0f8f7e-1111-4111-8111-111111111111', 'Old', 'then')").run();
    db.close();
    const before = sha256(old);

    disk.fill();
    const reply = await a.dispatch(a.workspace, 'engagement.open', { path: old });
    expect(reply).toMatchObject({ ok: false, error: { code: 'disk_full', message: expect.stringMatching(/^The disk is full: Shoshin keeps a snapshot of a file before upgrading it/) } });
    expect(sha256(old)).toBe(before);
    expect(tree(path.join(a.userDataDir, 'Snapshots')).filter((f) => f.startsWith('7d0f8f7e'))).toEqual([]);
    expect((await a.call('engagement.load')).file.path).toBe(current);
    expect((await a.call('process.create', { name: 'Still editing' })).journalId).not.toBeNull();
  });

  it('leaves no partial copy when "Save a copy" meets a full disk, and saves one once there is room', async () => {
    const disk = smallDisk(1024 * 1024);
    const a = app({ dataDir: disk.dir, userDataDir: path.join(tempDir(), 'userData') });
    await a.call('engagement.open', { path: smallEngagement() });
    await a.workspace.schedule?.pending;
    disk.fill();
    expect(await a.dispatch(a.workspace, 'engagement.saveCopy', {})).toEqual({ ok: false, error: { code: 'disk_full', key: 'error.diskFull.edit', message: EDIT_DISK_FULL } });
    expect(tree(disk.dir)).toEqual(['.ballast']);
    expect((await a.call('process.create', { name: 'Still editing' })).journalId).not.toBeNull();
    disk.free();
    const copy = await a.call('engagement.saveCopy', {});
    expect(integrity(copy?.path ?? '')).toBe('ok');
    // A raw SQLite error reached the dispatcher, which logged one line for it, not a stack trace.
    expect(a.logged).toEqual(['engagement.saveCopy: the disk is full (SQLITE_FULL)']);
  });

  it('fails a report or export job onto a full disk with its own message, leaves no file, and exports again once there is room', async () => {
    const disk = smallDisk(2 * 1024 * 1024);
    const a = app({ dataDir: path.join(disk.dir, 'data'), userDataDir: path.join(tempDir(), 'userData') });
    await a.call('engagement.open', { path: smallEngagement() });
    await a.workspace.schedule?.pending;
    const exportsDir = path.join(a.dataDir, 'exports');
    const finished = async (format: 'docx' | 'csv' | 'bpmn', extra: Record<string, unknown> = {}) => {
      const start = await a.dispatch(a.workspace, 'report.start', { format, ...extra });
      if (!start.ok) return { error: start.error.message, code: start.error.code, file: null };
      const { jobId } = start.data as { jobId: string };
      for (;;) {
        const progress = await a.call('report.progress', { jobId });
        if (progress.done) return { error: progress.error && english(progress.error), code: null, file: progress.file };
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const processId = (a.workspace.requireStore().db.prepare('SELECT id FROM processes ORDER BY position LIMIT 1').get() as { id: string }).id;

    fs.mkdirSync(exportsDir, { recursive: true });
    disk.fill();
    expect(await finished('docx')).toMatchObject({ error: 'The disk is full: the report was not written. Free some space and export again.', file: null });
    expect(await finished('csv', { register: 'painPoints' })).toMatchObject({ error: 'The disk is full: the export was not written. Free some space and export again.', file: null });
    expect(await finished('bpmn', { processId })).toMatchObject({ error: 'The disk is full: the export was not written. Free some space and export again.', file: null });
    expect(tree(exportsDir)).toEqual([]);

    disk.free();
    const docx = await finished('docx');
    expect(docx.error).toBeNull();
    expect(fs.statSync(docx.file ?? '').size).toBeGreaterThan(1000);
    expect(tree(exportsDir)).toEqual([path.basename(docx.file ?? '')]);
    expect(a.logged).toEqual([]);
  }, 120_000);

  it('says so on the command line in one line, with a non-zero exit code and no file, and exports once there is room', async () => {
    const disk = smallDisk(2 * 1024 * 1024);
    const file = smallEngagement();
    const cli = (args: string[]) =>
      run(process.execPath, ['bin/shoshin.mjs', 'export', file, ...args], { cwd: ROOT }).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
      );
    const report = path.join(disk.dir, 'report.docx');
    const folder = path.join(disk.dir, 'bpmn');
    disk.fill();
    const cases: [string[], string][] = [
      [['--format', 'docx', '--out', report], 'the report'],
      [['--format', 'csv', '--out', path.join(disk.dir, 'pain points.csv')], 'the export'],
      [['--format', 'bpmn', '--out', folder], 'the export'],
    ];
    for (const [args, what] of cases) {
      const result = await cli(args);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toBe(`shoshin: The disk is full: ${what} was not written. Free some space and export again.\n`);
      expect(result.stdout).toBe('');
    }
    expect(tree(disk.dir).filter((f) => f !== '.ballast')).toEqual([]);

    disk.free();
    const ok = await cli(['--format', 'docx', '--out', report]);
    expect(ok).toMatchObject({ code: 0, stderr: '', stdout: `Wrote ${report}\n` });
    expect(fs.statSync(report).size).toBeGreaterThan(1000);
  }, 120_000);
});
