import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../core/contract';
import { format } from '../../core/messages';
import { BAD_FILE_KINDS, ROOT, soundEngagement, type Answer, type BadFileKind } from '../badFiles';
import type { CliOutcome, EntryPointResult } from '../fixtures/entry-points';
import { cleanTempDirs, sha256, tempDir } from '../helpers';

/**
 * Every bad-file kind through all four entry points: `shoshin info` and `shoshin export` (main/cli.ts,
 * and the real bin/shoshin.mjs for part of them), the browser host's `--file`, and engagement.open
 * through the real dispatch with a good engagement already open. Each must answer in words (no
 * "internal", no stack trace, no SQLite code), in bounded time, and leave the file and its -wal as
 * they were. The entry points run in child processes, in parallel, so a hang is a killed child.
 */

const NOBODY = 65534;
const AS_ROOT = process.getuid?.() === 0;
const BATCH_TIMEOUT_MS = 240_000;
const CHILD_TIMEOUT_MS = 60_000;
const PARALLEL = 2;

interface ChildRun {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** The host printed its address (it opened the file and is serving). */
  served: boolean;
}

interface Prepared {
  kind: BadFileKind;
  index: number;
  dir: string;
  file: string;
  holders: ChildProcess[];
  hashes: Map<string, string>;
  listing: string[];
}

interface Outcome {
  batch?: EntryPointResult;
  batchFailure?: string;
  host?: ChildRun;
  bin?: ChildRun;
}

const outcomes = new Map<string, Outcome>();
const prepared: Prepared[] = [];
let root = '';
let rendererDir = '';

interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** Called with each line the child prints, as it prints it. */
  onLine?: (line: string) => void;
  timeoutMs?: number;
}

/**
 * Spawns with the kind's conditions: as an unprivileged user, or inside a read-only bind mount of its
 * folder. A child that outlives its time limit is killed and reported as timed out (a hang).
 */
function run(kind: BadFileKind, dir: string, args: string[], { env = {}, onLine, timeoutMs = CHILD_TIMEOUT_MS }: RunOptions = {}): Promise<ChildRun> {
  const command = kind.as === 'readOnlyMount' ? 'unshare' : process.execPath;
  const argv =
    kind.as === 'readOnlyMount'
      ? ['-m', 'sh', '-c', 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"', dir, process.execPath, ...args]
      : args;
  const child = spawn(command, argv, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Root reads a file whatever its mode, so an unreadable file is tried as nobody; anyone else is refused as is.
    ...(kind.as === 'nobody' && AS_ROOT ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  return new Promise((resolve) => {
    const result: ChildRun = { code: null, stdout: '', stderr: '', timedOut: false, served: false };
    let pending = '';
    const timer = setTimeout(() => {
      result.timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      result.stdout += chunk.toString();
      pending += chunk.toString();
      for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n')) {
        onLine?.(pending.slice(0, end));
        pending = pending.slice(end + 1);
      }
      if (!result.served && /http:\/\/127\.0\.0\.1:\d+\/\?token=/.test(result.stdout)) {
        result.served = true;
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (result.stderr += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      result.code = code;
      resolve(result);
    });
  });
}

/** At most PARALLEL child processes at a time, besides the batches. */
function pool(): (task: () => Promise<void>) => Promise<void> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active >= PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

function outcome(kind: BadFileKind): Outcome {
  let found = outcomes.get(kind.name);
  if (!found) outcomes.set(kind.name, (found = {}));
  return found;
}

function watched(file: string): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const candidate of [file, `${file}-wal`, `${file}-journal`]) {
    try {
      if (fs.statSync(candidate).isFile()) hashes.set(candidate, sha256(candidate));
    } catch {
      // Not there, not a file, or not reachable (a loop): nothing to hash.
    }
  }
  return hashes;
}

function hostAndBin(item: Prepared, schedule: ReturnType<typeof pool>): Promise<void>[] {
  const dataDir = path.join(root, `host-data-${item.index}`);
  fs.mkdirSync(dataDir);
  if (item.kind.as === 'nobody' && AS_ROOT) fs.chownSync(dataDir, NOBODY, NOBODY);
  const tasks = [
    schedule(async () => {
      const args = ['--import', 'tsx', 'main/web/cli.ts', '--file', item.file, '--data-dir', dataDir, '--port', '0'];
      outcome(item.kind).host = await run(item.kind, item.dir, args, { env: { SHOSHIN_RENDERER_DIR: rendererDir } });
    }),
  ];
  // The real bin/shoshin.mjs for a quarter of the kinds and every kind tried under special conditions.
  if (item.index % 4 === 0 || item.kind.as) {
    tasks.push(
      schedule(async () => {
        outcome(item.kind).bin = await run(item.kind, item.dir, ['bin/shoshin.mjs', 'info', item.file]);
      }),
    );
  }
  return tasks;
}

beforeAll(async () => {
  root = tempDir('shoshin-badfiles-');
  fs.chmodSync(root, 0o755);
  rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  const base = soundEngagement(path.join(root, 'base.shoshin'));

  for (const [index, kind] of BAD_FILE_KINDS.entries()) {
    const dir = path.join(root, `kind-${index}`);
    fs.mkdirSync(dir, { mode: 0o755 });
    const made = await kind.make(dir, base);
    prepared.push({ kind, index, dir, file: made.file, holders: made.holders ?? [], hashes: watched(made.file), listing: fs.readdirSync(dir).sort() });
  }

  // Kinds tried under the same conditions share one batch child; plain ones are split in two for the two cores.
  const groups = new Map<string, Prepared[]>();
  for (const item of prepared) {
    const key = item.kind.as ?? `plain-${item.index % 2}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const schedule = pool();
  const followUps: Promise<void>[] = [];
  const batches = [...groups.values()].map(async (items) => {
    const [first] = items;
    if (!first) return;
    const outDir = path.join(root, `out-${first.index}`);
    fs.mkdirSync(outDir);
    if (first.kind.as === 'nobody' && AS_ROOT) fs.chownSync(outDir, NOBODY, NOBODY);
    const byFile = new Map(items.map((item) => [item.file, item]));
    const onLine = (line: string) => {
      const result = JSON.parse(line) as EntryPointResult;
      const item = byFile.get(result.file);
      if (!item) return;
      outcome(item.kind).batch = result;
      // The host and the real CLI try each file once this batch is done with it, so the two never race for its lock.
      followUps.push(...hostAndBin(item, schedule));
    };
    const args = ['--import', 'tsx', 'test/fixtures/entry-points.ts', outDir, ...items.map((item) => item.file)];
    const batch = await run(first.kind, first.dir, args, { onLine, timeoutMs: BATCH_TIMEOUT_MS });
    if (batch.timedOut || batch.code !== 0) {
      const why = `the entry-point batch ${batch.timedOut ? 'was killed after its time limit (a hang?)' : `exited ${batch.code}`}: ${batch.stderr.slice(-2000)}`;
      for (const item of items) outcome(item.kind).batchFailure = why;
    }
  });
  await Promise.all(batches);
  await Promise.all(followUps);
}, 600_000);

afterAll(() => {
  for (const item of prepared) for (const holder of item.holders) holder.kill('SIGKILL');
  cleanTempDirs();
});

/** No code, no stack trace, no SQLite jargon: what a consultant can read. */
function expectPlain(text: string): void {
  expect(text).not.toMatch(/SQLITE_[A-Z]/);
  expect(text).not.toMatch(/^\s+at .+/m);
  expect(text).not.toMatch(/internal|something went wrong|Error:/i);
}

function expectCli(answer: Answer, result: CliOutcome | undefined, kind: 'info' | 'export'): void {
  expect(result, 'no answer (the child was killed: a hang?)').toBeDefined();
  if (!result) return;
  expectPlain(`${result.out}\n${result.err}`);
  if (answer === 'works') {
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    if (kind === 'info') expect(JSON.parse(result.out)).toMatchObject({ processes: 1, steps: 8, painPoints: 3, people: 1 });
    else expect(result.out).toMatch(/^Wrote /);
    return;
  }
  expect(result.code).toBe(2);
  expect(result.out).toBe('');
  expect(result.err.split('\n')).toHaveLength(1);
  expect(result.err).toMatch(/^shoshin: /);
  expect(result.err).toMatch(answer.message);
}

function expectOpen(answer: Answer, result: EntryPointResult): void {
  const open = result.open as Envelope<unknown>;
  expect(result.logged).toEqual([]);
  if (answer === 'works') {
    expect(open.ok).toBe(true);
    return;
  }
  expect(open.ok).toBe(false);
  if (open.ok) return;
  expectPlain(open.error.message);
  expect(open.error.code).toBe(answer.code);
  expect(open.error.message).toMatch(answer.message);
  expect(open.error.message).toMatch(/The engagement you had open is still open\.$/);
  expect(open.error.offers ?? []).toEqual(answer.offers ?? []);
  expect(result.stillOpen).toBe(true);
  expect(result.editAfter.ok).toBe(true);
  // Every way out the message offers works: a read-only view, or the readable rows in a new file.
  for (const mode of answer.offers ?? []) {
    const offered = result.offered[mode];
    expect(offered, `${mode} was offered but not answered`).toMatchObject({ ok: true });
    if (!offered?.ok) continue;
    if (mode === 'readOnly') expect(offered.data).toMatchObject({ file: { readOnly: true, path: result.file } });
    else expect(offered.data.file.notice && format(offered.data.file.notice)).toMatch(/^Recovered .* into .*The damaged file was left as it was\.$/);
  }
}

function expectHost(answer: Answer, host: ChildRun | undefined): void {
  expect(host, 'the host was never started').toBeDefined();
  if (!host) return;
  expect(host.timedOut, 'the host neither served nor exited in time').toBe(false);
  if (answer === 'works') {
    expect(host.served).toBe(true);
    return;
  }
  expect(host.served).toBe(false);
  expect(host.code).toBe(2);
  expect(host.stdout).toBe('');
  const lines = host.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^shoshin: /);
  expect(lines[0]).toMatch(answer.message);
  expectPlain(host.stderr);
}

describe('every bad file through every entry point', () => {
  it('covers at least 40 kinds of bad file', () => {
    expect(BAD_FILE_KINDS.filter((kind) => kind.open !== 'works').length).toBeGreaterThanOrEqual(40);
  });

  it.each(BAD_FILE_KINDS.map((kind) => [kind.name, kind] as const))('%s', (_name, kind) => {
    const item = prepared.find((p) => p.kind === kind);
    const result = outcome(kind);
    expect(item).toBeDefined();
    expect(result.batch, result.batchFailure ?? 'the entry-point batch never answered for this file').toBeDefined();
    if (!item || !result.batch) return;

    expectCli(kind.info, result.batch.info, 'info');
    expectCli(kind.export, result.batch.docx, 'export');
    expectCli(kind.export, result.batch.bpmn, 'export');
    expectOpen(kind.open, result.batch);
    expectHost(kind.host, result.host);
    if (result.bin) {
      expect(result.bin.timedOut).toBe(false);
      expectCli(kind.info, { code: result.bin.code ?? -1, out: result.bin.stdout.trim(), err: result.bin.stderr.trim(), ms: 0 }, 'info');
    }

    // Refused: byte for byte as it was, and nothing left beside it.
    if (kind.open === 'works') return;
    for (const [file, hash] of item.hashes) expect(sha256(file), path.basename(file)).toBe(hash);
    expect(fs.readdirSync(item.dir).sort()).toEqual(item.listing);
  });
});
