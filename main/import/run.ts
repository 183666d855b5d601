import { ShoshinError } from '../../core/errors';
import { msg } from '../../core/messages';
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
  if (store.readOnly) throw new ShoshinError('read_only', msg('import.readOnly'));
  const { plan } = await readImport(file, mapping ? { mapping } : {});
  if (plan.processes.every((p) => p.steps.length === 0)) {
    throw new ShoshinError('invalid_input', plan.notes.some((note) => note.key === NO_STEP_COLUMN.key) ? NO_STEP_COLUMN : msg('import.noSteps'));
  }
  const placements = await placementsOf(plan);
  const count = plan.processes.filter((p) => p.parentStepKey === null).length;
  const label = count === 1 ? msg('undo.importProcess', { name: plan.processes[0]?.name ?? '' }) : msg('undo.importProcesses', { count });
  const result = store.command('import.run', label, (tx) => writeImport(tx, plan, placements, as));
  return { result, summary: summaryOf(plan) };
}
