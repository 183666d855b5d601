import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crashCycles } from './harness';

const CYCLES = Number(process.env['SHOSHIN_CRASH_CYCLES'] ?? 20);

describe('crash harness', () => {
  it(`loses no acknowledged edit across ${CYCLES} SIGKILLs`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoshin-crash-test-'));
    try {
      const failures: string[] = [];
      const result = await crashCycles(dir, CYCLES, (index, cycle) => {
        if (cycle.integrity !== 'ok') failures.push(`cycle ${index}: integrity ${cycle.integrity}`);
        failures.push(...cycle.lost.map((l) => `cycle ${index}: lost ${l}`));
      });
      expect(failures).toEqual([]);
      expect(result.integrityErrors).toBe(0);
      expect(result.acknowledged).toBeGreaterThan(CYCLES);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
