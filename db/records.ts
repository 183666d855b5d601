import type Database from 'better-sqlite3';
import { TABLE_NAMES } from '../core/records';
import type { WireRecords } from '../core/views';
import { statement } from './statements';
import { fromRow, type Row } from './tables';

/** Every record of the engagement, table by table in the order they were written: one read on open. */
export function loadRecords(db: Database.Database): WireRecords {
  return Object.fromEntries(
    TABLE_NAMES.map((table) => [table, (statement(db, `SELECT * FROM ${table} ORDER BY rowid`).all() as Row[]).map((row) => fromRow(table, row))]),
  ) as WireRecords;
}
