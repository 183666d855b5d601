import path from 'node:path';
import { parseArgs } from 'node:util';
import { ShoshinError } from '../../core/errors';
import { msg, type Message } from '../../core/messages';
import { IMPORT_AS, type ImportAs } from '../../core/import/plan';
import { TABLE_FIELDS, type ColumnMapping, type TableField } from '../../core/import/table';
import { EngagementStore } from '../../db/store';
import { importFile } from './run';

export const IMPORT_USAGE = msg('cli.import.usage', { fields: TABLE_FIELDS.join(', ') });

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

function fail(message: Message): never {
  throw new ShoshinError('invalid_input', message);
}

/** "2" or "B" to a zero-based column index. */
function columnIndex(ref: string): number {
  if (/^\d+$/.test(ref) && Number(ref) >= 1) return Number(ref) - 1;
  if (/^[A-Za-z]{1,2}$/.test(ref)) return [...ref.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return fail(msg('import.cli.notColumn', { column: ref }));
}

export function parseColumns(spec: string): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const part of spec.split(',').filter((p) => p.trim())) {
    const [field, ref] = part.split('=').map((s) => s.trim());
    if (!field || !ref || !(TABLE_FIELDS as readonly string[]).includes(field)) fail(msg('import.cli.notSetting', { setting: part, fields: TABLE_FIELDS.join(', ') }));
    mapping[field as TableField] = columnIndex(ref);
  }
  return mapping;
}

export async function runImportCommand(args: readonly string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, strict: true, options: { from: { type: 'string' }, as: { type: 'string' }, columns: { type: 'string' } } });
  } catch (error) {
    return fail(msg('cli.export.badArguments', { reason: error instanceof Error ? error.message : String(error) }));
  }
  const [target, ...extra] = parsed.positionals;
  if (!target || extra.length > 0) fail(msg('import.cli.sayEngagement'));
  if (!parsed.values.from) fail(msg('import.cli.sayFrom'));
  const as = parsed.values.as ?? 'documented';
  if (!(IMPORT_AS as readonly string[]).includes(as)) fail(msg('import.cli.as'));
  const mapping = parsed.values.columns ? parseColumns(parsed.values.columns) : undefined;
  const store = EngagementStore.open(path.resolve(target));
  try {
    const { summary } = await importFile(store, path.resolve(parsed.values.from), as as ImportAs, mapping);
    io.out(JSON.stringify(summary, null, 2));
  } finally {
    store.close();
  }
  return 0;
}
