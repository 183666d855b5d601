import path from 'node:path';
import { parseArgs } from 'node:util';
import { ShoshinError } from '../../core/errors';
import { IMPORT_AS, type ImportAs } from '../../core/import/plan';
import { TABLE_FIELDS, type ColumnMapping, type TableField } from '../../core/import/table';
import { EngagementStore } from '../../db/store';
import { importFile } from './run';

export const IMPORT_USAGE = `  shoshin import FILE.shoshin --from PATH.bpmn|PATH.csv|PATH.xlsx [--as documented|observed]
      add the client's procedure (BPMN, or a step table) as new processes and print a JSON
      summary; imported processes are marked documented unless --as observed
      --columns step=2,lane=1,next=C   which column holds which field in a step table (by
                              number from 1 or by letter); guessed from the headings otherwise.
                              Fields: ${TABLE_FIELDS.join(', ')}`;

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

function fail(message: string): never {
  throw new ShoshinError('invalid_input', message);
}

/** "2" or "B" to a zero-based column index. */
function columnIndex(ref: string): number {
  if (/^\d+$/.test(ref) && Number(ref) >= 1) return Number(ref) - 1;
  if (/^[A-Za-z]{1,2}$/.test(ref)) return [...ref.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return fail(`“${ref}” is not a column; give its number (1 for the first) or its letter (A).`);
}

export function parseColumns(spec: string): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const part of spec.split(',').filter((p) => p.trim())) {
    const [field, ref] = part.split('=').map((s) => s.trim());
    if (!field || !ref || !(TABLE_FIELDS as readonly string[]).includes(field)) fail(`“${part}” is not a column setting; write field=column, where field is one of ${TABLE_FIELDS.join(', ')}.`);
    mapping[field as TableField] = columnIndex(ref);
  }
  return mapping;
}

export async function runImportCommand(args: readonly string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, strict: true, options: { from: { type: 'string' }, as: { type: 'string' }, columns: { type: 'string' } } });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  const [target, ...extra] = parsed.positionals;
  if (!target || extra.length > 0) fail('Say which engagement to import into, e.g. shoshin import demo.shoshin --from procedure.bpmn');
  if (!parsed.values.from) fail('Say which file to import with --from, e.g. --from procedure.bpmn');
  const as = parsed.values.as ?? 'documented';
  if (!(IMPORT_AS as readonly string[]).includes(as)) fail('--as takes documented or observed.');
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
