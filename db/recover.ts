import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ShoshinError } from '../core/errors';
import { msg } from '../core/messages';
import { copyOpenFile, openFailure, walBelongsToCopy } from './file';
import { openInThisProcess } from './lock';
import { harden } from './schema';
import type { EngagementStore } from './store';
import { columnName, TABLES, type TableName } from './tables';
import { validPageSize } from './wal';

export interface RecoveryReport {
  /** Rows copied per table, for the tables where anything could be read. */
  rows: Partial<Record<TableName, number>>;
  /** Tables that could not be read at all, or only in part. */
  damaged: TableName[];
  /** The -wal beside the file belonged to another database, so only the file itself was read. */
  walLeftOut: boolean;
}

type ColumnKind = { [T in TableName]: (typeof TABLES)[T][keyof (typeof TABLES)[T]] }[TableName];

/** However large the header says the file is, padding never grows a copy past this. */
const MAX_PADDED_BYTES = 2 * 1024 ** 3;
const PAGE_SIZES = [4096, 1024, 2048, 8192, 16384, 32768, 65536, 512];

function schemaReadable(file: string): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true });
    harden(db);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return true;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/**
 * Makes a private copy of a damaged file readable where its header is the problem. A file cut short
 * (an interrupted copy or sync) is padded back to the size its header claims, turning the missing
 * pages into empty ones; a header claiming billions of pages is not believed (SQLite is told to use
 * the file's real size); a page size that is no page size is replaced by the first one that works.
 */
function repairHeader(file: string): void {
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r+');
  try {
    if (fs.readSync(fd, header, 0, 100, 0) < 100) return;
    let pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
    if (!validPageSize(pageSize)) {
      for (const candidate of PAGE_SIZES) {
        header.writeUInt16BE(candidate === 65536 ? 1 : candidate, 16);
        fs.writeSync(fd, header, 16, 2, 16);
        if (schemaReadable(file)) break;
      }
      pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
    }
    const claimed = pageSize * header.readUInt32BE(28);
    const actual = fs.fstatSync(fd).size;
    if (claimed <= actual) return;
    if (claimed <= Math.min(MAX_PADDED_BYTES, Math.max(actual * 4, actual + 64 * 1024 ** 2))) fs.ftruncateSync(fd, claimed);
    else {
      // The size in the header counts only while "version-valid-for" equals the change counter.
      header.writeUInt32BE((header.readUInt32BE(24) + 1) >>> 0, 92);
      fs.writeSync(fd, header, 92, 4, 92);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A value as the app can read it back, by the column's kind; null where nothing sensible remains
 * (the row is then kept with the column's default, or skipped if the column needs a value).
 */
function sanitise(kind: ColumnKind, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'text':
      return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
    case 'num': {
      const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
      return Number.isFinite(number) ? number : null;
    }
    case 'bool':
      return value === 1 || value === '1' ? 1 : 0;
    case 'json':
      try {
        return typeof value === 'string' && Array.isArray(JSON.parse(value)) ? value : '[]';
      } catch {
        return '[]';
      }
  }
}

/** Regular-file checks before copying: a folder, a FIFO or an unreadable file gets its own message. */
function assertCopyable(file: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    throw openFailure(error, file);
  }
  if (!stat.isFile()) throw new ShoshinError('bad_file', msg('error.recover.notFile'));
}

/**
 * The real tables (never views, never virtual tables) of the names we know, with the known columns
 * each actually has (never generated ones). Reading these runs no code from the file: SELECT fires no
 * trigger, and no view is ever named.
 */
function readableTables(source: Database.Database): Map<TableName, string[]> {
  const found = new Map<TableName, string[]>();
  const tables = source.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as { name: unknown; sql: unknown }[];
  for (const table of Object.keys(TABLES) as TableName[]) {
    const entry = tables.find((t) => t.name === table);
    if (!entry || /^\s*CREATE\s+VIRTUAL\b/i.test(String(entry.sql ?? ''))) continue;
    try {
      const present = source.prepare(`SELECT name, hidden FROM pragma_table_xinfo('${table}')`).all() as { name: unknown; hidden: unknown }[];
      const plain = new Set(present.filter((c) => c.hidden === 0).map((c) => String(c.name).toLowerCase()));
      const columns = Object.keys(TABLES[table]).map(columnName).filter((c) => plain.has(c));
      if (columns.includes('id')) found.set(table, columns);
    } catch {
      // A table whose definition SQLite cannot parse has nothing readable.
    }
  }
  return found;
}

/**
 * Copies every readable row of a damaged engagement into a freshly created store. The damaged file
 * is read from a private copy, so it stays byte-for-byte as it was; undo history is not carried over.
 */
export function recoverInto(damagedPath: string, target: EngagementStore): RecoveryReport {
  assertCopyable(damagedPath);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoshin-recover-'));
  const copy = path.join(dir, 'damaged.shoshin');
  const report: RecoveryReport = { rows: {}, damaged: [], walLeftOut: false };
  let source: Database.Database | undefined;
  try {
    try {
      if (openInThisProcess(damagedPath)) copyOpenFile(damagedPath, copy);
      else {
        fs.copyFileSync(damagedPath, copy);
        for (const suffix of ['-wal', '-journal']) {
          const sidecar = `${damagedPath}${suffix}`;
          if (fs.existsSync(sidecar) && fs.statSync(sidecar).isFile()) fs.copyFileSync(sidecar, `${copy}${suffix}`);
        }
      }
    } catch (error) {
      throw openFailure(error, damagedPath);
    }
    if (fs.existsSync(`${copy}-wal`) && !walBelongsToCopy(copy)) {
      fs.rmSync(`${copy}-wal`, { force: true });
      fs.rmSync(`${copy}-shm`, { force: true });
      report.walLeftOut = true;
    }
    repairHeader(copy);
    let tables: Map<TableName, string[]>;
    try {
      source = new Database(copy, { fileMustExist: true });
      harden(source);
      source.pragma('query_only = ON');
      tables = readableTables(source);
    } catch {
      throw new ShoshinError('bad_file', msg('error.recover.notDatabase'));
    }
    const engagementId = (target.db.prepare('SELECT id FROM engagement').get() as { id: string }).id;
    target.db.pragma('foreign_keys = OFF');
    try {
      target.db.transaction(() => {
        for (const table of Object.keys(TABLES) as TableName[]) {
          const columns = tables.get(table);
          if (!columns) {
            report.damaged.push(table);
            continue;
          }
          let copied = 0;
          const kinds = new Map((Object.entries(TABLES[table]) as [string, ColumnKind][]).map(([key, kind]) => [columnName(key), kind]));
          try {
            const rows = source?.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}"`).iterate() as Iterable<Record<string, unknown>>;
            for (const raw of rows) {
              // Nulls are left out, so a column's default fills in where the damaged file had nothing usable.
              const row = Object.fromEntries(
                Object.entries(raw)
                  .map(([column, value]) => [column, sanitise(kinds.get(column) ?? 'text', value)] as const)
                  .filter(([, value]) => value !== null),
              );
              if (row['id'] === undefined) continue;
              const fields = Object.keys(row);
              if (table === 'engagement') {
                const rest = fields.filter((c) => c !== 'id');
                if (rest.length > 0) {
                  target.db.prepare(`UPDATE OR IGNORE engagement SET ${rest.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({ ...row, id: engagementId });
                }
                copied++;
              } else {
                const insert = target.db.prepare(`INSERT OR IGNORE INTO ${table} (${fields.join(', ')}) VALUES (${fields.map((c) => `@${c}`).join(', ')})`);
                copied += insert.run(row).changes;
              }
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
