import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BAD_FILE_KINDS, soundEngagement } from '../badFiles';
import { Workspace } from '../../main/services';
import { cleanTempDirs, harness, sha256, tempDir } from '../helpers';

afterEach(cleanTempDirs);

/** Bad files that fail at different stages: before SQLite, at the schema, at the -wal, and at reading the rows. */
const STAGES = [
  'not SQLite at all',
  'a folder',
  'a trigger on insert that wipes the pain points',
  'a never-ending view in place of a table',
  'a -wal from another engagement (a sync tool mixed them up)',
  'broken JSON in a list column',
];

async function badFiles(): Promise<string[]> {
  const root = tempDir();
  const base = soundEngagement(path.join(root, 'base.shoshin'));
  const files: string[] = [];
  for (const name of STAGES) {
    const kind = BAD_FILE_KINDS.find((k) => k.name === name);
    if (!kind) throw new Error(`no bad-file kind “${name}”`);
    const dir = path.join(root, `kind-${files.length}`);
    fs.mkdirSync(dir);
    files.push((await kind.make(dir, base)).file);
  }
  return files;
}

function hashes(file: string): string[] {
  return [file, `${file}-wal`].filter((f) => fs.existsSync(f) && fs.statSync(f).isFile()).map(sha256);
}

describe('an engagement open in another window of this process', () => {
  it('is refused for editing, opens read-only from a copy made through SQLite, and goes on saving in its window', async () => {
    const h = harness();
    const current = await h.call('engagement.create', { name: 'In the first window', client: '' });
    await h.call('process.create', { name: 'First' });
    const second = new Workspace();
    const refused = await h.dispatch(second, 'engagement.open', { path: current.file.path });
    expect(refused).toMatchObject({ ok: false, error: { code: 'locked', offers: ['readOnly'] } });
    const view = await h.dispatch(second, 'engagement.open', { path: current.file.path, mode: 'readOnly' });
    expect(view).toMatchObject({ ok: true, data: { file: { readOnly: true }, records: { processes: [{ name: 'First' }] } } });
    await h.call('process.create', { name: 'Second' });
    second.close();
    h.workspace.close();
    const reopened = await h.call('engagement.open', { path: current.file.path });
    expect(reopened.records.processes.map((p) => p.name)).toEqual(['First', 'Second']);
    h.workspace.close();
  });
});

describe('a failed open changes nothing', () => {
  it('keeps the engagement that was open, which goes on taking edits; the bad files stay as they were', async () => {
    const files = await badFiles();
    const h = harness();
    const current = await h.call('engagement.create', { name: 'Workshop in progress', client: 'Acme' });
    await h.call('process.create', { name: 'Before' });
    for (const file of files) {
      const before = hashes(file);
      const result = await h.dispatch(h.workspace, 'engagement.open', { path: file });
      expect(result.ok, file).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('bad_file');
        expect(result.error.message).toMatch(/The engagement you had open is still open\.$/);
      }
      expect(h.workspace.store?.path).toBe(current.file.path);
      await h.call('process.create', { name: `After ${path.basename(path.dirname(file))}` });
      expect(hashes(file)).toEqual(before);
    }
    expect(h.logged).toEqual([]);
    h.workspace.close();

    const reopened = await h.call('engagement.open', { path: current.file.path });
    expect(reopened.records.processes.map((p) => p.name)).toEqual(['Before', ...files.map((file) => `After ${path.basename(path.dirname(file))}`)]);
    h.workspace.close();
  });

  it('in a fresh window leaves no engagement open and says only what happened', async () => {
    const [file] = await badFiles();
    const h = harness();
    const result = await h.dispatch(h.workspace, 'engagement.open', { path: file });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_file', message: expect.not.stringMatching(/still open/) } });
    expect(h.workspace.store).toBeNull();
  });
});
