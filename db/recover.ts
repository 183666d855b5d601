import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ShoshinError } from '../core/errors';
import type { EngagementStore } from './store';
import { columnName, TABLES, type TableName } from './tables';

export interface RecoveryReport {
  /** Rows copied per table, for the tables where anything could be read. */
  rows: Partial<Record<TableName, number>>;
  /** Tables that could not be read at all, or only in part. */
  damaged: TableName[];
}

/**
 * A file cut short (an interrupted copy or sync) makes SQLite reject even its schema. Padding the copy
 * back to the size its header claims turns the missing pages into empty ones, so the rest is readable.
 */
function padTruncated(file: string): void {
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r+');
  try {
    if (fs.readSync(fd, header, 0, 100, 0) < 100) return;
    const rawPageSize = header.readUInt16BE(16);
    const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
    const pages = header.readUInt32BE(28);
    const expected = pageSize * pages;
    const actual = fs.fstatSync(fd).size;
    if (pageSize >= 512 && expected > actual) fs.ftruncateSync(fd, expected);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Copies every readable row of a damaged engagement into a freshly created store. The damaged file
 * is read from a private copy, so it stays byte-for-byte as it was; undo history is not carried over.
 */
export function recoverInto(damagedPath: string, target: EngagementStore): RecoveryReport {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoshin-recover-'));
  const copy = path.join(dir, 'damaged.shoshin');
  fs.copyFileSync(damagedPath, copy);
  if (fs.existsSync(`${damagedPath}-wal`)) fs.copyFileSync(`${damagedPath}-wal`, `${copy}-wal`);
  padTruncated(copy);
  const report: RecoveryReport = { rows: {}, damaged: [] };
  let source: Database.Database | undefined;
  try {
    try {
      source = new Database(copy, { fileMustExist: true });
      source.pragma('schema_version');
    } catch {
      throw new ShoshinError('bad_file', 'Nothing could be recovered: this file is not readable as a database at all.');
    }
    const engagementId = (target.db.prepare('SELECT id FROM engagement').get() as { id: string }).id;
    target.db.pragma('foreign_keys = OFF');
    try {
      target.db.transaction(() => {
        for (const table of Object.keys(TABLES) as TableName[]) {
          const columns = Object.keys(TABLES[table]).map(columnName);
          let copied = 0;
          try {
            const rows = source?.prepare(`SELECT ${columns.join(', ')} FROM ${table}`).iterate() as Iterable<Record<string, unknown>>;
            for (const row of rows) {
              if (table === 'engagement') {
                const { id: _id, ...rest } = row;
                target.db.prepare(`UPDATE engagement SET ${Object.keys(rest).map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({ ...rest, id: engagementId });
              } else {
                target.db.prepare(`INSERT OR IGNORE INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row);
              }
              copied++;
            }
          } catch {
            report.damaged.push(table);
          }
          if (copied > 0) report.rows[table] = copied;
        }
      })();
    } finally {
      target.db.pragma('foreign_keys = ON');
    }
    return report;
  } finally {
    source?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
