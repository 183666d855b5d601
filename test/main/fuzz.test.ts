import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, ERROR_CODES, isMethodName, MAX_PAYLOAD_BYTES, METHOD_NAMES, type Envelope } from '../../core/contract';
import { TABLES } from '../../db/tables';
import { cleanTempDirs, harness, type Harness } from '../helpers';

const RUNS = 10_000;
const REJECTIONS = new Set(['unknown_method', 'invalid_input', 'payload_too_large']);

/** Everything in the file that a user could lose: every table, the journal and the schema history. */
function digest(h: Harness): string {
  const db = h.workspace.requireStore().db;
  const hash = createHash('sha256');
  for (const table of [...Object.keys(TABLES), 'journal', 'schema_migrations', 'settings']) {
    hash.update(table);
    hash.update(JSON.stringify(db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()));
  }
  return hash.digest('hex');
}

function fitsSchema(method: string, payload: unknown): boolean {
  if (!isMethodName(method)) return false;
  let size: number;
  try {
    size = JSON.stringify(payload ?? null).length;
  } catch {
    return false;
  }
  return size <= MAX_PAYLOAD_BYTES && contract[method].input.safeParse(payload ?? {}).success;
}

/** Random values shaped like each method's input: the right keys, wrong or hostile contents. */
const shaped = fc.constantFrom(...METHOD_NAMES).chain((method) => {
  const shape = (contract[method].input as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  const keys = Object.keys(shape);
  const hostile = fc.oneof(
    fc.anything(),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.constantFrom('__proto__', 'constructor', '<script>alert(1)</script>', "'; DROP TABLE steps; --", '\u202e\u0000\uffff', ''),
    fc.uuid(),
    fc.double(),
    fc.integer(),
    fc.array(fc.uuid(), { maxLength: 5 }),
  );
  return fc.tuple(fc.constant(method as string), fc.dictionary(fc.constantFrom(...keys, 'extra', '__proto__'), hostile, { maxKeys: keys.length + 1 }));
});

const payloads = fc.oneof(
  { weight: 5, arbitrary: shaped },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...METHOD_NAMES).map((m) => m as string), fc.anything({ maxDepth: 4 })) },
  { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 40 }), fc.anything({ maxDepth: 2 })) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...METHOD_NAMES).map((m) => m as string), fc.constant({ text: 'x'.repeat(MAX_PAYLOAD_BYTES + 10) })) },
);

describe('IPC fuzzing', () => {
  let h: Harness;

  beforeAll(async () => {
    h = harness();
    await h.call('engagement.openSample');
  });

  afterAll(async () => {
    await h.workspace.schedule?.pending;
    h.workspace.close();
    cleanTempDirs();
  });

  it(`answers ${RUNS} generated payloads with typed envelopes and changes nothing for invalid ones`, async () => {
    let invalid = 0;
    await fc.assert(
      fc.asyncProperty(payloads, async ([method, payload]) => {
        const valid = fitsSchema(method, payload);
        // A valid app-level call (close, open, restore…) would swap the engagement under the test.
        if (valid && isMethodName(method) && contract[method].kind === 'app') return;
        const before = valid ? '' : digest(h);
        const result = (await h.dispatch(h.workspace, method, payload)) as Envelope<unknown>;
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) {
          expect(ERROR_CODES).toContain(result.error.code);
          expect(result.error.message.length).toBeGreaterThan(0);
        }
        if (!valid) {
          invalid++;
          expect(result.ok).toBe(false);
          if (!result.ok) expect(REJECTIONS.has(result.error.code)).toBe(true);
          expect(digest(h)).toBe(before);
        }
      }),
      { numRuns: RUNS, seed: 20261124 },
    );
    expect(h.logged).toEqual([]);
    expect(invalid).toBeGreaterThan(RUNS * 0.8);
  }, 300_000);
});
