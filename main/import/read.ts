import fs from 'node:fs';
import { msg } from '../../core/messages';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { ShoshinError } from '../../core/errors';
import { addNote, countSkipped, MAX_IMPORT_BYTES, MAX_IMPORT_STEPS, type ImportFormat, type ImportPlan } from '../../core/import/plan';
import { guessMapping, MAX_TABLE_ROWS, parseCsv, tableOf, tableToPlan, type ColumnMapping, type SheetTable } from '../../core/import/table';
import { bpmnToPlan } from './bpmn';

/**
 * Reads a file the client handed over (BPMN, a CSV or .xlsx step table) into an import plan,
 * refusing with one sentence anything it should not read: a file too large, not what its name
 * says, a password-protected or macro workbook. Nothing is written here.
 */

export interface ReadOptions {
  /** Which column is which, for step tables; guessed from the headings when left out. */
  mapping?: ColumnMapping;
}

export interface ReadResult {
  plan: ImportPlan;
  /** A step table's sheets, their headings and the mapping used, for the column-mapping dialog. */
  tables: { name: string; headers: string[]; mapping: ColumnMapping; sample: string[][] }[];
}

const EXTENSIONS: Record<string, ImportFormat> = { '.bpmn': 'bpmn', '.xml': 'bpmn', '.bpmn20.xml': 'bpmn', '.csv': 'csv', '.txt': 'csv', '.tsv': 'csv', '.xlsx': 'xlsx', '.xlsm': 'xlsx' };

/** The compound-file signature: a workbook saved with a password (encrypted OOXML) or the old binary .xls. */
const COMPOUND_FILE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from('PK\u0003\u0004', 'latin1');

/** Said when no column of a table holds the steps: the preview shows it beside the columns, importing refuses with it. */
export const NO_STEP_COLUMN = msg('import.noStepColumn');

export function formatOf(file: string): ImportFormat {
  const format = EXTENSIONS[path.extname(file).toLowerCase()];
  if (!format) throw new ShoshinError('invalid_input', msg('import.unknownType'));
  return format;
}

function readLimited(file: string): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new ShoshinError('not_found', msg('import.noFile', { path: file }));
  }
  if (!stat.isFile()) throw new ShoshinError('invalid_input', msg('import.notAFile', { path: file }));
  if (stat.size > MAX_IMPORT_BYTES) throw new ShoshinError('payload_too_large', msg('import.tooLarge'));
  return fs.readFileSync(file);
}

/** UTF-8 (with or without its mark), else Windows-1252, the way Excel on Windows saves CSV. */
function decodeText(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return new TextDecoder('windows-1252').decode(data);
  }
}

export async function readImport(file: string, options: ReadOptions = {}): Promise<ReadResult> {
  const format = formatOf(file);
  const data = readLimited(file);
  if (format === 'bpmn') return { plan: await bpmnToPlan(decodeText(data)), tables: [] };
  if (format === 'csv') {
    if (data.subarray(0, 8).equals(COMPOUND_FILE) || data.subarray(0, 4).equals(ZIP)) {
      throw new ShoshinError('bad_file', msg('import.csvIsWorkbook'));
    }
    const rows = parseCsv(decodeText(data));
    return fromTables([tableOf(path.basename(file, path.extname(file)), rows.slice(0, MAX_TABLE_ROWS + 1))], 'csv', options, rows.length > MAX_TABLE_ROWS + 1);
  }
  return fromTables(await workbookTables(data, path.extname(file).toLowerCase() === '.xlsm'), 'xlsx', options, false);
}

async function workbookTables(data: Buffer, macroName: boolean): Promise<SheetTable[]> {
  if (data.subarray(0, 8).equals(COMPOUND_FILE)) {
    throw new ShoshinError('bad_file', msg('import.xlsx.password'));
  }
  if (!data.subarray(0, 4).equals(ZIP)) throw new ShoshinError('bad_file', msg('import.xlsx.notXlsx'));
  // A zip's entry names are stored as plain text, so a workbook with macros names its VBA project.
  if (macroName || data.includes('vbaProject.bin', 0, 'latin1')) {
    throw new ShoshinError('bad_file', msg('import.xlsx.macros'));
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new ShoshinError('bad_file', msg('import.xlsx.damaged'));
  }
  const tables: SheetTable[] = [];
  workbook.eachSheet((sheet) => {
    if (sheet.state !== 'visible') return;
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      if (rows.length > MAX_TABLE_ROWS) return;
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = cellText(cell);
      });
      rows.push(Array.from(cells, (c) => c ?? ''));
    });
    tables.push(tableOf(sheet.name, rows));
  });
  return tables;
}

function cellText(cell: ExcelJS.Cell): string {
  try {
    return cell.text ?? '';
  } catch {
    return '';
  }
}

function fromTables(tables: SheetTable[], format: 'csv' | 'xlsx', options: ReadOptions, cut: boolean): ReadResult {
  const plan: ImportPlan = { format, processes: [], skipped: {}, notes: [] };
  const read: ReadResult['tables'] = [];
  tables.forEach((table, i) => {
    if (table.rows.length === 0) return;
    const mapping = options.mapping ?? guessMapping(table.headers);
    read.push({ name: table.name, headers: table.headers, mapping, sample: table.rows.slice(0, 5) });
    if (mapping.step === undefined) {
      countSkipped(plan.skipped, 'sheetsWithoutSteps');
      return;
    }
    const part = tableToPlan(table, mapping, format, `t${i}-`);
    plan.processes.push(...part.processes);
    for (const [what, n] of Object.entries(part.skipped)) countSkipped(plan.skipped, what, n);
    plan.notes.push(...part.notes);
  });
  if (cut) countSkipped(plan.skipped, 'rowsBeyondLimit');
  if (plan.processes.length === 0 && read.length > 0 && read.every((t) => t.mapping.step === undefined)) addNote(plan, NO_STEP_COLUMN);
  if (plan.processes.reduce((n, p) => n + p.steps.length, 0) > MAX_IMPORT_STEPS) {
    throw new ShoshinError('bad_file', msg('import.tooManySteps'));
  }
  return { plan, tables: read };
}
