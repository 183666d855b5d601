import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../core/contract';
import type { EngagementView } from '../../core/model';
import { format, msg } from '../../core/messages';
import { SCHEMA_VERSION } from '../../db/migrations';
import { EngagementStore } from '../../db/store';
import { addStep } from '../../db/steps';
import { createProcess } from '../../db/processes';
import { runCli } from '../../main/cli';
import { cleanTempDirs, harness, sha256, tempDir } from '../helpers';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(ROOT, 'test/fixtures/open-for-editing.ts');

/** An engagement with enough rows to span many pages, closed cleanly (no -wal left). */
function bigEngagement(dir: string): string {
  const file = path.join(dir, 'big.shoshin');
  const store = EngagementStore.create(file, { name: 'Big', client: 'Acme' });
  store.command('seed', msg('undo.sample.load'), (tx) => {
    const process = createProcess(tx, { name: 'Onboarding' });
    for (let i = 0; i < 400; i++) addStep(tx, { processId: process.id, x: i * 10, y: 20, text: `Step ${i} ${'words '.repeat(20)}` });
  });
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  return file;
}

function cli(file: string): { code: number; err: string } {
  let err = '';
  const code = runCli(['info', file], { out: () => undefined, err: (line) => (err += line) });
  return { code, err };
}

async function openVia(file: string): Promise<Envelope<EngagementView>> {
  const h = harness();
  const result = (await h.dispatch(h.workspace, 'engagement.open', { path: file })) as Envelope<EngagementView>;
  h.workspace.close();
  return result;
}

function expectRefused(result: Envelope<unknown>, code: string, pattern: RegExp, offers?: string[]): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe(code);
  expect(result.error.message).toMatch(pattern);
  if (offers) expect(result.error.offers).toEqual(offers);
}

afterEach(cleanTempDirs);

describe('opening bad files never changes them', () => {
  it('not SQLite at all', async () => {
    const file = path.join(tempDir(), 'notes.shoshin');
    fs.writeFileSync(file, 'Meeting notes, not a database.\n'.repeat(100));
    const before = sha256(file);
    expectRefused(await openVia(file), 'bad_file', /not a database/);
    expect(cli(file)).toMatchObject({ code: 2, err: expect.stringMatching(/not a database/) });
    expect(sha256(file)).toBe(before);
  });

  it('zero bytes', async () => {
    const file = path.join(tempDir(), 'empty.shoshin');
    fs.writeFileSync(file, '');
    expectRefused(await openVia(file), 'bad_file', /empty \(0 bytes\)/);
    expect(cli(file).err).toMatch(/0 bytes/);
    expect(fs.statSync(file).size).toBe(0);
  });

  it('a foreign SQLite database', async () => {
    const file = path.join(tempDir(), 'other.shoshin');
    const db = new Database(file);
    db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);');
    db.close();
    const before = sha256(file);
    expectRefused(await openVia(file), 'bad_file', /another program/);
    expect(cli(file).err).toMatch(/another program/);
    expect(sha256(file)).toBe(before);
  });

  it('a newer schema', async () => {
    const file = bigEngagement(tempDir());
    const db = new Database(file);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(SCHEMA_VERSION + 1, 'future', 'x');
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = sha256(file);
    expectRefused(await openVia(file), 'bad_file', /newer version of Shoshin/);
    expect(cli(file).err).toMatch(/newer version/);
    expect(sha256(file)).toBe(before);
  });

  it('truncated: refused, with recovery into a new file that keeps what is readable', async () => {
    const file = bigEngagement(tempDir());
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const before = sha256(file);
    expectRefused(await openVia(file), 'bad_file', /damaged|integrity/, ['recoverCopy']);
    expect(cli(file).code).toBe(2);

    const h = harness();
    const recovered = await h.call('engagement.open', { path: file, mode: 'recoverCopy' });
    expect(recovered.file.notice && format(recovered.file.notice)).toMatch(/Recovered .* into /);
    expect(recovered.file.path).not.toBe(file);
    expect(recovered.records.engagement[0]?.name).toBe('Big');
    h.workspace.close();
    expect(sha256(file)).toBe(before);
  });

  it('a failed integrity check', async () => {
    const file = bigEngagement(tempDir());
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    // Scribble over three whole pages in the middle, leaving the header and schema page intact.
    const page = Math.floor(bytes.length / pageSize / 2);
    bytes.fill(0x5a, page * pageSize, (page + 3) * pageSize);
    fs.writeFileSync(file, bytes);
    const before = sha256(file);
    expectRefused(await openVia(file), 'bad_file', /integrity check|damaged/, ['recoverCopy']);
    expect(cli(file).err).toMatch(/integrity check|damaged/);
    expect(sha256(file)).toBe(before);
  });

  it('locked by another running instance: refused for editing, offered read-only', async () => {
    const file = bigEngagement(tempDir());
    const holder = spawn(process.execPath, ['--import', 'tsx', FIXTURE, file, '--hold'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.once('data', (chunk: Buffer) => (chunk.toString().includes('"ok":true') ? resolve() : reject(new Error(chunk.toString()))));
        holder.once('exit', (code) => reject(new Error(`holder exited ${code}`)));
      });
      const before = sha256(file);
      expectRefused(await openVia(file), 'locked', /open in another running Shoshin/, ['readOnly']);
      const h = harness();
      const view = await h.call('engagement.open', { path: file, mode: 'readOnly' });
      expect(view.file.readOnly).toBe(true);
      const edit = await h.dispatch(h.workspace, 'process.create', { name: 'Nope' });
      expect(edit).toMatchObject({ ok: false, error: { code: 'read_only' } });
      h.workspace.close();
      expect(sha256(file)).toBe(before);
    } finally {
      holder.kill('SIGKILL');
    }
    // The holder died without cleaning up: its stale lock is taken over once it is really gone.
    if (holder.exitCode === null && holder.signalCode === null) await new Promise((resolve) => holder.once('exit', resolve));
    expect((await openVia(file)).ok).toBe(true);
  });

  it('in a read-only location: refused for editing with a clear message, read-only works', () => {
    const dir = tempDir();
    const file = bigEngagement(dir);
    const before = sha256(file);
    const script = [
      `mount --bind ${dir} ${dir}`,
      `mount -o remount,bind,ro ${dir}`,
      `${process.execPath} --import tsx ${FIXTURE} ${file}`,
      `${process.execPath} ${path.join(ROOT, 'bin/shoshin.mjs')} info ${file}`,
    ].join(' && ');
    const canMount = spawnSync('unshare', ['-m', 'true']).status === 0;
    expect(canMount, 'this test needs `unshare -m` (root in a Linux container)').toBe(true);
    const out = execFileSync('unshare', ['-m', 'sh', '-c', script], { cwd: ROOT, encoding: 'utf8' });
    const [envelope, ...info] = out.trim().split('\n');
    expectRefused(JSON.parse(envelope ?? '{}') as Envelope<unknown>, 'read_only', /read-only location/, ['readOnly', 'recoverCopy']);
    expect(JSON.parse(info.join('\n'))).toMatchObject({ processes: 1, steps: 400 });
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(['big.shoshin']);
  });
});
