import { afterEach, describe, expect, it } from 'vitest';
import { defaultsOf, fieldsOf, TABLE_NAMES } from '../../core/records';
import { columnName, TABLES, toRow } from '../../db/tables';
import { cleanTempDirs, newStore } from '../helpers';

/** The column maps are derived from core/records.ts; the migrated schema must be exactly what they say. */
afterEach(cleanTempDirs);

const AFFINITY: Record<string, RegExp> = { text: /^TEXT$/, num: /^(INTEGER|REAL)$/, bool: /^INTEGER$/, json: /^TEXT$/ };

describe('record definitions and the tables they live in', () => {
  it('name every column of every table, with a storage type that fits, in a freshly migrated file', () => {
    const store = newStore();
    try {
      for (const table of TABLE_NAMES) {
        const info = store.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; type: string; notnull: number; dflt_value: string | null }[];
        const columns = Object.entries(TABLES[table] as Record<string, string>);
        expect(info.map((c) => c.name).sort(), table).toEqual(columns.map(([key]) => columnName(key)).sort());
        for (const [key, kind] of columns) {
          const column = info.find((c) => c.name === columnName(key));
          expect(column?.type, `${table}.${key}`).toMatch(AFFINITY[kind] ?? /^$/);
        }
        // A field that may be null in the record may be null in the table, and only then.
        for (const [key, field] of fieldsOf(table)) {
          const column = info.find((c) => c.name === columnName(key));
          if (key !== 'id') expect(column?.notnull === 0, `${table}.${key} nullable`).toBe(field.nullable);
        }
      }
    } finally {
      store.close();
    }
  });

  it('refuses a key a table does not have instead of dropping it quietly', () => {
    expect(() => toRow('lanes', { name: 'HR', costPerHour: 12 })).toThrow(/no field “costPerHour”/);
  });

  it('gives new records fresh copies of list defaults', () => {
    const a = defaultsOf('sessions');
    const b = defaultsOf('sessions');
    a.participantIds.push('x');
    expect(b.participantIds).toEqual([]);
  });
});
