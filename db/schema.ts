import Database from 'better-sqlite3';
import { msg, type Message, type MessageKey } from '../core/messages';
import { MIGRATIONS } from './migrations';

/**
 * A `.shoshin` file arrives from other people, so its schema is hostile until proven otherwise: a
 * planted trigger runs on our next write, a view in place of a table runs on our next read. Before
 * any query touches content, the file's schema is compared with the exact schema its migration
 * version must have, derived by running our own migrations on an empty in-memory database.
 */

export const MIGRATIONS_TABLE_SQL = 'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)';

export interface SchemaEntry {
  type: string;
  name: string;
  tblName: string;
  sql: string | null;
}

/**
 * Whitespace-insensitive outside quotes (a checkout with CRLF line endings stores the same schema
 * with other line breaks), exact inside them, where a default value or a name lives.
 */
export function normaliseSql(sql: string): string {
  let out = '';
  let quote: string | null = null;
  let pendingSpace = false;
  for (const ch of sql) {
    if (quote) {
      out += ch;
      if (ch === quote) quote = null;
      continue;
    }
    if (/\s/.test(ch)) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += ch;
    if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if (ch === '[') quote = ']';
  }
  return out;
}

/** sqlite_master as plain data; reading it parses the schema but runs none of it. */
export function readSchema(db: Database.Database): SchemaEntry[] {
  const rows = db.prepare('SELECT type, name, tbl_name AS tblName, sql FROM sqlite_master').all() as SchemaEntry[];
  return rows.map((row) => ({ type: String(row.type), name: String(row.name), tblName: String(row.tblName), sql: row.sql === null ? null : normaliseSql(String(row.sql)) }));
}

/** Makes a connection refuse to run schema-defined functions with side effects, and keeps SQLite's defensive mode on. */
export function harden(db: Database.Database): void {
  // better-sqlite3 turns SQLITE_DBCONFIG_DEFENSIVE on for every connection; unsafeMode(false) keeps it on explicitly.
  db.unsafeMode(false);
  db.pragma('trusted_schema = OFF');
}

const expected = new Map<number, readonly SchemaEntry[]>();

/** The schema a file at `version` must have: our migrations 1..version applied to an empty database. */
export function expectedSchema(version: number): readonly SchemaEntry[] {
  const cached = expected.get(version);
  if (cached) return cached;
  if (!Number.isInteger(version) || version < 0 || version > MIGRATIONS.length) throw new RangeError(`No schema version ${version}`);
  const db = new Database(':memory:');
  try {
    db.exec(MIGRATIONS_TABLE_SQL);
    for (const migration of MIGRATIONS.slice(0, version)) db.exec(migration.sql);
    const schema = readSchema(db);
    expected.set(version, schema);
    return schema;
  } finally {
    db.close();
  }
}

const RANK: Record<string, number> = { trigger: 1, view: 2, table: 3, index: 4 };

/** The four kinds of object sqlite_schema holds; each difference is its own sentence per kind. */
type Kind = 'table' | 'index' | 'view' | 'trigger';
type Said = Record<Kind, MessageKey>;

const SECOND: Said = { table: 'error.schema.second.table', index: 'error.schema.second.index', view: 'error.schema.second.view', trigger: 'error.schema.second.trigger' };
const EXTRA: Said = { table: 'error.schema.extra.table', index: 'error.schema.extra.index', view: 'error.schema.extra.view', trigger: 'error.schema.extra.trigger' };
const IN_PLACE_OF: Record<Kind, Partial<Said>> = {
  table: { index: 'error.schema.tableInPlaceOf.index', view: 'error.schema.tableInPlaceOf.view', trigger: 'error.schema.tableInPlaceOf.trigger' },
  index: { table: 'error.schema.indexInPlaceOf.table', view: 'error.schema.indexInPlaceOf.view', trigger: 'error.schema.indexInPlaceOf.trigger' },
  view: { table: 'error.schema.viewInPlaceOf.table', index: 'error.schema.viewInPlaceOf.index', trigger: 'error.schema.viewInPlaceOf.trigger' },
  trigger: { table: 'error.schema.triggerInPlaceOf.table', index: 'error.schema.triggerInPlaceOf.index', view: 'error.schema.triggerInPlaceOf.view' },
};
/** Tables and views are always on their own table, so only indexes and triggers can be on the wrong one. */
const WRONG_TABLE: Said = { table: 'error.schema.columns.table', index: 'error.schema.wrongTable.index', view: 'error.schema.defined.view', trigger: 'error.schema.wrongTable.trigger' };
const DIFFERENT: Said = { table: 'error.schema.columns.table', index: 'error.schema.defined.index', view: 'error.schema.defined.view', trigger: 'error.schema.defined.trigger' };
const MISSING: Said = { table: 'error.schema.missing.table', index: 'error.schema.missing.index', view: 'error.schema.missing.view', trigger: 'error.schema.missing.trigger' };

function said(keys: Said, entry: SchemaEntry): Message {
  return msg(keys[entry.type as Kind] ?? keys.table, { name: entry.name.slice(0, 60) });
}

function key(entry: SchemaEntry): string {
  return `${entry.type}\u0000${entry.name.toLowerCase()}`;
}

/**
 * Null when `actual` is exactly `wanted`; otherwise the first difference in words a consultant can
 * pass on ("an extra trigger “wipe”"). Triggers and views come first: they are what can run.
 */
export function schemaDifference(actual: readonly SchemaEntry[], wanted: readonly SchemaEntry[]): Message | null {
  const want = new Map(wanted.map((entry) => [key(entry), entry]));
  const wantedNames = new Map(wanted.map((entry) => [entry.name.toLowerCase(), entry]));
  const seen = new Set<string>();
  for (const entry of [...actual].sort((a, b) => (RANK[a.type] ?? 0) - (RANK[b.type] ?? 0))) {
    const k = key(entry);
    if (seen.has(k)) return said(SECOND, entry);
    seen.add(k);
    const match = want.get(k);
    if (!match) {
      const namesake = wantedNames.get(entry.name.toLowerCase());
      const inPlaceOf = namesake && IN_PLACE_OF[entry.type as Kind]?.[namesake.type as Kind];
      if (inPlaceOf) return msg(inPlaceOf, { name: entry.name.slice(0, 60) });
      return said(EXTRA, entry);
    }
    if (match.tblName.toLowerCase() !== entry.tblName.toLowerCase()) return said(WRONG_TABLE, entry);
    if (match.sql !== entry.sql) return said(DIFFERENT, entry);
  }
  for (const entry of wanted) if (!seen.has(key(entry))) return said(MISSING, entry);
  return null;
}
