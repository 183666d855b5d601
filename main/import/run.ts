import { ShoshinError } from '../../core/errors';
import { summaryOf, type ImportAs, type ImportSummary } from '../../core/import/plan';
import type { ColumnMapping } from '../../core/import/table';
import type { Process } from '../../core/records';
import { writeImport } from '../../db/import';
import type { CommandResult, EngagementStore } from '../../db/store';
import { placementsOf } from './layout';
import { NO_STEP_COLUMN, readImport } from './read';

/**
 * Reads a file, lays out what has no diagram, and adds it to the engagement as one command (one
 * undo). The file is read and laid out before the transaction starts, so a refusal changes nothing.
 */
export async function importFile(
  store: EngagementStore,
  file: string,
  as: ImportAs,
  mapping?: ColumnMapping,
): Promise<{ result: CommandResult<Process[]>; summary: ImportSummary }> {
  if (store.readOnly) throw new ShoshinError('read_only', 'This engagement is open read-only, so nothing can be imported into it.');
  const { plan } = await readImport(file, mapping ? { mapping } : {});
  if (plan.processes.every((p) => p.steps.length === 0)) {
    throw new ShoshinError('invalid_input', plan.notes.includes(NO_STEP_COLUMN) ? NO_STEP_COLUMN : 'This file holds no steps to import, so nothing was added.');
  }
  const placements = await placementsOf(plan);
  const count = plan.processes.filter((p) => p.parentStepKey === null).length;
  const label = count === 1 ? `Import “${plan.processes[0]?.name ?? 'process'}”` : `Import ${count} processes`;
  const result = store.command('import.run', label, (tx) => writeImport(tx, plan, placements, as));
  return { result, summary: summaryOf(plan) };
}
