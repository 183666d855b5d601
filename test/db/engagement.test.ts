import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Engagement } from '../../core/model';
import { msg } from '../../core/messages';
import { changedFields } from '../../core/patch';
import { APPLICATION_ID } from '../../db/file';
import { MIGRATIONS, SCHEMA_VERSION } from '../../db/migrations';
import { expectedSchema, MIGRATIONS_TABLE_SQL, readSchema, schemaDifference } from '../../db/schema';
import { cleanTempDirs, harness, tempDir } from '../helpers';

afterEach(cleanTempDirs);

/** An engagement file exactly as a Shoshin at schema 3 wrote it: before objectives existed. */
function schema3File(): string {
  const file = path.join(tempDir(), 'before-objectives.shoshin');
  const db = new Database(file);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma('journal_mode = WAL');
  db.exec(MIGRATIONS_TABLE_SQL);
  for (const migration of MIGRATIONS.slice(0, 3)) {
    db.exec(migration.sql);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, '2026-01-01');
    db.pragma(`user_version = ${migration.version}`);
  }
  db.prepare(
    "INSERT INTO engagement (id, name, client, scope, consultant, departments, created_at) VALUES ('7d3f1c52-8a4b-4c7e-9f10-2b3c4d5e6f70', 'Older', 'Acme', 'Service desk and HR', 'Alex', '[\"IT\",\"HR\"]', '2026-01-01')",
  ).run();
  db.close();
  return file;
}

describe('engagement details', () => {
  it('saves what the dialog changed as one undoable edit, kept after reopening', async () => {
    const h = harness();
    const created = await h.call('engagement.create', { name: 'Northwind discovery', client: 'Northwind' });
    const record = created.records.engagement[0] as Engagement;
    expect(record.objectives).toBe('');

    const draft: Engagement = {
      ...record,
      name: 'Northwind ESM discovery',
      scope: 'Password resets and new starters, end to end.',
      objectives: 'Find three quick wins.\nSize the portal business case.',
      departments: ['IT', 'HR', 'Facilities', 'Finance'],
    };
    const patch = changedFields(record, draft);
    expect(Object.keys(patch).sort()).toEqual(['departments', 'name', 'objectives', 'scope']);
    const result = await h.call('engagement.update', { id: record.id, patch });
    expect(result.changes).toEqual([{ table: 'engagement', id: record.id, before: record, after: draft }]);
    expect(result.history).toMatchObject({ canUndo: true, undoLabel: msg('undo.engagement.edit') });
    expect((await h.engagement()).engagement).toEqual(draft);

    await h.call('history.undo');
    expect((await h.engagement()).engagement).toEqual(record);
    await h.call('history.redo');

    await h.call('engagement.close');
    await h.call('engagement.open', { path: created.file.path });
    expect((await h.engagement()).engagement).toEqual(draft);
    expect(h.logged).toEqual([]);
    h.workspace.close();
  });

  it('refuses a blank name, fields Shoshin sets, and another engagement, changing nothing', async () => {
    const h = harness();
    const created = await h.call('engagement.create', { name: 'Northwind discovery', client: 'Northwind' });
    const record = created.records.engagement[0] as Engagement;
    const before = await h.engagement();
    const history = await h.history();
    const refused = async (payload: unknown, code: string) => expect(await h.dispatch(h.workspace, 'engagement.update', payload)).toMatchObject({ ok: false, error: { code } });
    await refused({ id: record.id, patch: { name: '   ' } }, 'invalid_input');
    await refused({ id: record.id, patch: { createdAt: '2020-01-01' } }, 'invalid_input');
    await refused({ id: record.id, patch: { id: '7d3f1c52-8a4b-4c7e-9f10-2b3c4d5e6f70' } }, 'invalid_input');
    await refused({ id: record.id, patch: { departments: ['x'.repeat(10_000)] } }, 'invalid_input');
    await refused({ id: record.id, patch: { departments: Array.from({ length: 101 }, (_, i) => `Department ${i}`) } }, 'invalid_input');
    await refused({ id: '7d3f1c52-8a4b-4c7e-9f10-2b3c4d5e6f70', patch: { scope: 'Elsewhere' } }, 'not_found');
    expect(await h.engagement()).toEqual(before);
    expect(await h.history()).toEqual(history);
    h.workspace.close();
  });

  it('opens a file saved before objectives existed (schema 3), upgrades it and keeps every detail', async () => {
    const file = schema3File();
    const h = harness();
    const opened = await h.call('engagement.open', { path: file });
    expect(opened.records.engagement).toEqual([
      {
        id: '7d3f1c52-8a4b-4c7e-9f10-2b3c4d5e6f70',
        name: 'Older',
        client: 'Acme',
        scope: 'Service desk and HR',
        objectives: '',
        consultant: 'Alex',
        departments: ['IT', 'HR'],
        createdAt: '2026-01-01',
      },
    ]);
    const db = h.workspace.requireStore().db;
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(schemaDifference(readSchema(db), expectedSchema(SCHEMA_VERSION))).toBeNull();
    expect(db.prepare("SELECT name FROM schema_migrations WHERE version = 4").get()).toEqual({ name: 'engagement_objectives' });

    await h.call('engagement.update', { id: '7d3f1c52-8a4b-4c7e-9f10-2b3c4d5e6f70', patch: { objectives: 'Agree where to start.' } });
    await h.call('engagement.close');
    await h.call('engagement.open', { path: file });
    expect((await h.engagement()).engagement.objectives).toBe('Agree where to start.');
    h.workspace.close();
  });
});
