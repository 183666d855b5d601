import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID } from '../../db/file';
import { MIGRATIONS, SCHEMA_VERSION } from '../../db/migrations';
import { createProcess } from '../../db/processes';
import { Snapshots, SnapshotSchedule, SNAPSHOT_EDIT_INTERVAL_MS, SNAPSHOT_LIMIT } from '../../main/snapshots';
import { cleanTempDirs, harness, newStore, tempDir } from '../helpers';
import { msg } from '../../core/messages';

afterEach(cleanTempDirs);

function processNames(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT name FROM processes ORDER BY name').all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
}

describe('snapshots', () => {
  it('takes one on open and then at most one per ten minutes of editing', async () => {
    const store = newStore();
    const snapshots = new Snapshots(tempDir());
    let now = Date.parse('2026-11-24T09:00:00Z');
    const schedule = new SnapshotSchedule(snapshots, store, () => now);
    const engagementId = (store.db.prepare('SELECT id FROM engagement').get() as { id: string }).id;
    await schedule.onOpen();
    expect(snapshots.list(engagementId).map((s) => s.reason)).toEqual(['open']);

    store.command('p', msg('undo.process.add', { name: 'A' }), (tx) => createProcess(tx, { name: 'A' }));
    now += 60_000;
    await schedule.onEdit();
    expect(snapshots.list(engagementId)).toHaveLength(1);

    now += SNAPSHOT_EDIT_INTERVAL_MS;
    await schedule.onEdit();
    const list = snapshots.list(engagementId);
    expect(list.map((s) => s.reason)).toEqual(['editing', 'open']);
    const file = snapshots.fileOf(engagementId, list[0]?.id ?? '');
    expect(file && processNames(file)).toEqual(['A']);
    store.close();
  });

  it('keeps a limited number and drops old ones, but never the newest', async () => {
    const store = newStore();
    const snapshots = new Snapshots(tempDir());
    const id = (store.db.prepare('SELECT id FROM engagement').get() as { id: string }).id;
    const start = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 0; i < SNAPSHOT_LIMIT + 5; i++) await snapshots.take(store.db, id, 'editing', new Date(start + i * 60_000));
    expect(snapshots.list(id)).toHaveLength(SNAPSHOT_LIMIT);
    snapshots.prune(id, new Date(start + 400 * 24 * 60 * 60 * 1000));
    expect(snapshots.list(id)).toHaveLength(1);
    expect(snapshots.fileOf(id, '../../etc/passwd')).toBeNull();
    store.close();
  });

  it('backs a file up before migrating it', async () => {
    const h = harness();
    const file = path.join(tempDir(), 'old.shoshin');
    const old = new Database(file);
    old.pragma(`application_id = ${APPLICATION_ID}`);
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const from = SCHEMA_VERSION - 1;
    expect(from).toBeGreaterThan(0);
    for (const m of MIGRATIONS.slice(0, from)) {
      old.exec(m.sql);
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, 'then');
    }
    old.prepare("INSERT INTO engagement (id, name, created_at) VALUES ('7d0f8f7e-1111-4111-8111-111111111111', 'Old', 'then')").run();
    old.close();
    await h.call('engagement.open', { path: file });
    const migration = (await h.call('snapshot.list')).snapshots.find((s) => s.reason === 'migration');
    expect(migration).toBeDefined();
    const copy = path.join(h.userDataDir, 'Snapshots', '7d0f8f7e-1111-4111-8111-111111111111', migration?.id ?? '');
    const db = new Database(copy, { readonly: true });
    expect((db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(from);
    db.close();
    h.workspace.close();
  });

  it('restores a snapshot as a copy and saves copies with VACUUM INTO, never touching the open file', async () => {
    const h = harness();
    const view = await h.call('engagement.create', { name: 'Workshop', client: 'Acme' });
    await h.workspace.schedule?.pending;
    await h.call('process.create', { name: 'Before' });
    const {
      snapshots: [snapshot],
    } = await h.call('snapshot.list');
    expect(snapshot?.reason).toBe('open');

    const copy = await h.call('engagement.saveCopy', {});
    expect(copy?.path).toMatch(/copy\.shoshin$/);
    expect(processNames(copy?.path ?? '')).toEqual(['Before']);

    const restored = await h.call('snapshot.restore', { id: snapshot?.id ?? '' });
    expect(restored.file.path).not.toBe(view.file.path);
    expect(restored.records.processes).toEqual([]);
    await h.workspace.schedule?.pending;
    h.workspace.close();
    expect(processNames(view.file.path)).toEqual(['Before']);
    const refused = await h.dispatch(h.workspace, 'engagement.saveCopy', { path: view.file.path });
    expect(refused.ok).toBe(false);
    expect(fs.existsSync(view.file.path)).toBe(true);
  });
});
