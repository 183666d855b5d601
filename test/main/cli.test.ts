import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngagementCounts } from '../../db/engagement';
import { runCli } from '../../main/cli';
import { cleanTempDirs, tempDir } from '../helpers';

afterEach(cleanTempDirs);

const ROOT = path.resolve(import.meta.dirname, '../..');

function run(args: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function expectRichSample(counts: EngagementCounts): void {
  expect(counts.processes).toBeGreaterThanOrEqual(2);
  expect(counts.steps).toBeGreaterThan(0);
  expect(counts.painPoints).toBeGreaterThan(0);
  expect(counts.people).toBeGreaterThan(0);
}

describe('cli', () => {
  it('writes the sample and reports its counts', () => {
    const file = path.join(tempDir(), 'demo.shoshin');
    const sample = run(['sample', file]);
    expect(sample).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(sample.out)).toMatchObject({ file });

    const info = run(['info', file]);
    expect(info).toMatchObject({ code: 0, err: '' });
    const counts = JSON.parse(info.out) as EngagementCounts;
    expectRichSample(counts);
    expect(JSON.parse(sample.out)).toEqual({ file, ...counts });
  });

  it('refuses to write the sample over an existing file', () => {
    const file = path.join(tempDir(), 'notes.shoshin');
    fs.writeFileSync(file, 'precious');
    const result = run(['sample', file]);
    expect(result.code).toBe(2);
    expect(fs.readFileSync(file, 'utf8')).toBe('precious');
  });

  // Fails today: EngagementStore.create opens an existing engagement instead of refusing it, so the sample is
  // merged into the user's file (a second engagement row) and writeSample then deletes its undo journal.
  it('refuses to write the sample over an existing engagement', () => {
    const file = path.join(tempDir(), 'real.shoshin');
    expect(run(['sample', file]).code).toBe(0);
    const before = run(['info', file]).out;
    expect(run(['sample', file]).code).toBe(2);
    expect(run(['info', file]).out).toBe(before);
  });

  it('exits 2 with a clear message for a missing file', () => {
    const file = path.join(tempDir(), 'nowhere.shoshin');
    const result = run(['info', file]);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toContain('shoshin: No engagement file at');
    expect(result.err).toContain(file);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('exits 2 when the file argument is missing', () => {
    expect(run(['info'])).toMatchObject({ code: 2, err: expect.stringContaining('Say which file') });
    expect(run(['sample'])).toMatchObject({ code: 2, err: expect.stringContaining('Say where') });
  });

  it('exits 1 with usage for an unknown command or none', () => {
    const unknown = run(['frobnicate']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('Unknown command: frobnicate');
    expect(unknown.err).toContain('Usage:');
    expect(run([])).toMatchObject({ code: 1, out: expect.stringContaining('Usage:') });
    expect(run(['--help'])).toMatchObject({ code: 0, out: expect.stringContaining('Usage:') });
  });

  it('runs as the real bin/shoshin.mjs', () => {
    const file = path.join(tempDir(), 'x.shoshin');
    const node = (...args: string[]): string => execFileSync(process.execPath, ['bin/shoshin.mjs', ...args], { cwd: ROOT, encoding: 'utf8' });
    const sample = JSON.parse(node('sample', file)) as EngagementCounts & { file: string };
    expect(sample.file).toBe(file);
    const counts = JSON.parse(node('info', file)) as EngagementCounts;
    expectRichSample(counts);
    expect(counts).toEqual({ processes: sample.processes, steps: sample.steps, painPoints: sample.painPoints, people: sample.people });
  });
});
