import type { captureMethods } from '../../core/ipc/capture';
import { addFlow, deleteFlow, updateFlow } from '../../db/flows';
import { createLane, deleteLane, renameLane } from '../../db/lanes';
import { createProcess, deleteProcess, getProcessView, renameProcess } from '../../db/processes';
import { addStep, deleteStep, updateStep } from '../../db/steps';
import { change, type HandlersFor } from './workspace';

export function captureHandlers(): HandlersFor<keyof typeof captureMethods> {
  return {
    'process.get': (workspace, input) => getProcessView(workspace.requireStore().db, input.id),
    'process.create': (workspace, input) => {
      const result = workspace.requireStore().command('process.create', `Add process “${input.name}”`, (tx) => createProcess(tx, input));
      return { ...change(result), process: result.value };
    },
    'process.rename': (workspace, input) =>
      change(workspace.requireStore().command('process.rename', 'Rename process', (tx) => renameProcess(tx, input.id, input.name))),
    'process.delete': (workspace, input) =>
      change(workspace.requireStore().command('process.delete', 'Delete process', (tx) => deleteProcess(tx, input.id))),

    'lane.create': (workspace, input) => {
      const result = workspace.requireStore().command('lane.create', `Add lane “${input.name}”`, (tx) => createLane(tx, input));
      return { ...change(result), lane: result.value };
    },
    'lane.rename': (workspace, input) =>
      change(workspace.requireStore().command('lane.rename', 'Rename lane', (tx) => renameLane(tx, input.id, input.name))),
    'lane.delete': (workspace, input) =>
      change(workspace.requireStore().command('lane.delete', 'Delete lane', (tx) => deleteLane(tx, input.id))),

    'step.add': (workspace, input) => {
      const result = workspace.requireStore().command('step.add', 'Add step', (tx) => addStep(tx, input));
      return { ...change(result), ...result.value };
    },
    'step.update': (workspace, input) => {
      const label = input.patch.text !== undefined ? 'Rename step' : input.patch.x !== undefined ? 'Move step' : 'Edit step';
      return change(workspace.requireStore().command('step.update', label, (tx) => updateStep(tx, input.id, input.patch)));
    },
    'step.delete': (workspace, input) =>
      change(workspace.requireStore().command('step.delete', 'Delete step', (tx) => deleteStep(tx, input.id))),

    'flow.add': (workspace, input) => {
      const result = workspace.requireStore().command('flow.add', 'Connect steps', (tx) => addFlow(tx, input));
      return { ...change(result), flow: result.value };
    },
    'flow.update': (workspace, input) =>
      change(workspace.requireStore().command('flow.update', 'Label flow', (tx) => updateFlow(tx, input.id, input.label))),
    'flow.delete': (workspace, input) =>
      change(workspace.requireStore().command('flow.delete', 'Delete flow', (tx) => deleteFlow(tx, input.id))),

    'history.state': (workspace) => workspace.requireStore().history(),
    'history.undo': (workspace) => change(workspace.requireStore().undo()),
    'history.redo': (workspace) => change(workspace.requireStore().redo()),
  };
}
