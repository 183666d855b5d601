import { fieldsOf, RECORDS, TABLE_NAMES, type Field, type RecordOf, type TableName } from '../core/records';

/**
 * Column maps for every journalled table, derived from the record definitions in core/records.ts:
 * record key (camelCase) to column (snake_case) and how the value is stored. One generic mapper
 * keeps the journal able to undo any row of any table the same way.
 */
export type ColumnKind = 'text' | 'num' | 'bool' | 'json';
export type { TableName };

function storage(field: Field<unknown>): ColumnKind {
  switch (field.kind) {
    case 'bool':
      return 'bool';
    case 'ids':
    case 'names':
      return 'json';
    case 'int':
    case 'score':
    case 'minutes':
    case 'coord':
      return 'num';
    default:
      return 'text';
  }
}

const columnNames = new Map<string, string>();

/** A record key's column (`processId` → `process_id`); remembered, since every edit maps the same few keys. */
export function columnName(key: string): string {
  let column = columnNames.get(key);
  if (column === undefined) {
    column = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    columnNames.set(key, column);
  }
  return column;
}

export const TABLES = Object.fromEntries(
  TABLE_NAMES.map((table) => [table, Object.fromEntries(fieldsOf(table).map(([key, field]) => [key, storage(field)]))]),
) as { [N in TableName]: Record<keyof RecordOf<N> & string, ColumnKind> };

export type Row = Record<string, string | number | null>;

export function isTableName(name: string): name is TableName {
  return Object.prototype.hasOwnProperty.call(RECORDS, name);
}

/**
 * A record (or part of one) to a row of SQLite values. A key the table does not have is a bug in
 * the caller, never something to drop quietly.
 */
export function toRow(table: TableName, record: Record<string, unknown>): Row {
  const columns = TABLES[table] as Record<string, ColumnKind>;
  const row: Row = {};
  for (const [key, value] of Object.entries(record)) {
    const kind = columns[key];
    if (!kind) throw new Error(`The ${table} table has no field “${key}”.`);
    if (value === undefined) continue;
    const column = columnName(key);
    if (value === null) row[column] = null;
    else if (kind === 'bool') row[column] = value ? 1 : 0;
    else if (kind === 'json') row[column] = JSON.stringify(value);
    else row[column] = value as string | number;
  }
  return row;
}

/** A list column; anything but a JSON list is damage the reader must hear about, not an empty list. */
function parseList(value: unknown): unknown[] {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : null;
  if (!Array.isArray(parsed)) throw new Error('A list column holds something other than a list.');
  return parsed;
}

/** A row read from SQLite back to a record. */
export function fromRow<N extends TableName>(table: N, row: Row): RecordOf<N> {
  const record: Record<string, unknown> = {};
  for (const [key, kind] of Object.entries(TABLES[table]) as [string, ColumnKind][]) {
    const value = row[columnName(key)];
    if (value === undefined) continue;
    if (kind === 'bool') record[key] = value === 1;
    else if (kind === 'json') record[key] = parseList(value);
    else record[key] = value;
  }
  return record as RecordOf<N>;
}
