import type { importMethods } from '../../core/ipc/import';
import { msg } from '../../core/messages';
import { summaryOf } from '../../core/import/plan';
import { linkObserved, markDocumented, resetMatches, setMatch } from '../../db/matches';
import { importFile } from '../import/run';
import { readImport } from '../import/read';
import { change, type HandlersFor, type ServiceOptions } from './workspace';

export function importHandlers(options: ServiceOptions): HandlersFor<keyof typeof importMethods> {
  return {
    'import.pickFile': async (workspace) => {
      const picked = await options.pickImportPath?.();
      if (!picked) return { path: null };
      workspace.grant(picked);
      return { path: picked };
    },
    'import.preview': async (workspace, input) => {
      const file = options.paths.importable(workspace, input.path);
      const { plan, tables } = await readImport(file, input.mapping ? { mapping: input.mapping } : {});
      return { format: plan.format, summary: summaryOf(plan), notes: plan.notes, tables };
    },
    'import.run': async (workspace, input) => {
      const store = workspace.requireStore();
      const file = options.paths.importable(workspace, input.path);
      const { result, summary } = await importFile(store, file, input.as, input.mapping);
      return { ...change(result), processIds: result.value.map((p) => p.id), summary };
    },
    'process.markDocumented': (workspace, input) =>
      change(
        workspace
          .requireStore()
          .command('process.markDocumented', input.documented ? msg('undo.markDocumented') : msg('undo.markObserved'), (tx) => markDocumented(tx, input.id, input.documented)),
      ),
    'process.compareWith': (workspace, input) =>
      change(
        workspace
          .requireStore()
          .command('process.compareWith', input.observedId ? msg('undo.compareWith') : msg('undo.endComparison'), (tx) => linkObserved(tx, input.id, input.observedId)),
      ),
    'match.set': (workspace, input) =>
      change(
        workspace
          .requireStore()
          .command('match.set', input.documentedStepId && input.observedStepId ? msg('undo.matchSteps') : msg('undo.unmatchStep'), (tx) => setMatch(tx, input)),
      ),
    'match.reset': (workspace, input) =>
      change(workspace.requireStore().command('match.reset', msg('undo.resetMatches'), (tx) => resetMatches(tx, input.processId, input.stepId))),
  };
}
