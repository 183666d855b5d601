import type { z } from 'zod';
import type { captureMethods } from '../../core/ipc/capture';
import type { StepKind } from '../../core/model';
import { pasteSteps } from '../../db/clipboard';
import { addFlow, deleteFlow } from '../../db/flows';
import { createLane, deleteLane, laneNameOf, moveLane, stepLaneName, updateLane } from '../../db/lanes';
import { createProcess, deleteProcess, updateProcess } from '../../db/processes';
import { addQuestion, addQuote, deleteQuestion, deleteQuote, updateQuestion } from '../../db/quotes';
import { addStep, deleteStep, mapText, placeSteps, updateStep } from '../../db/steps';
import { msg, type Message, type MessageKey } from '../../core/messages';
import { change, type HandlersFor } from './workspace';

const MAKE_KIND: Record<StepKind, MessageKey> = {
  start: 'undo.step.makeStart',
  activity: 'undo.step.makeActivity',
  decision: 'undo.step.makeDecision',
  wait: 'undo.step.makeWait',
  end: 'undo.step.makeEnd',
  subprocess: 'undo.step.makeSubprocess',
};

/** Short enough for an Undo button's tooltip. */
function short(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}

function sameName(a: string | null, b: string): boolean {
  const norm = (n: string) => n.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  return a !== null && norm(a) === norm(b);
}

/** What the Undo button will say: the user's words for the change, not the method name. */
function stepUpdateLabel(input: z.output<(typeof captureMethods)['step.update']['input']>, laneName: (id: string) => string | null): Message {
  const { patch } = input;
  if (input.laneName) return msg('undo.step.moveToLane', { lane: short(input.laneName) });
  if (patch.laneId) {
    const lane = laneName(patch.laneId);
    return lane === null ? msg('undo.step.moveToAnotherLane') : msg('undo.step.moveToLane', { lane: short(lane) });
  }
  if (patch.laneId === null) return msg('undo.step.takeOutOfLane');
  if (patch.text !== undefined) return patch.text ? msg('undo.step.name', { text: short(patch.text) }) : msg('undo.step.clearText');
  if (patch.kind !== undefined) return msg(MAKE_KIND[patch.kind]);
  if (patch.x !== undefined || patch.y !== undefined) return msg('undo.step.move');
  return msg('undo.step.editDetails');
}

export function captureHandlers(): HandlersFor<keyof typeof captureMethods> {
  return {
    'process.create': (workspace, input) => {
      const result = workspace.requireStore().command('process.create', msg('undo.process.add', { name: input.name }), (tx) => createProcess(tx, input));
      return { ...change(result), process: result.value };
    },
    'process.update': (workspace, input) =>
      change(workspace.requireStore().command('process.update', msg(input.patch.name !== undefined ? 'undo.process.rename' : 'undo.process.edit'), (tx) => updateProcess(tx, input.id, input.patch))),
    'process.delete': (workspace, input) =>
      change(workspace.requireStore().command('process.delete', msg('undo.process.delete'), (tx) => deleteProcess(tx, input.id))),

    'lane.create': (workspace, input) => {
      const result = workspace.requireStore().command('lane.create', msg('undo.lane.add', { name: input.name }), (tx) => createLane(tx, input));
      return { ...change(result), lane: result.value };
    },
    'lane.update': (workspace, input) =>
      change(workspace.requireStore().command('lane.update', msg('undo.lane.edit'), (tx) => updateLane(tx, input.id, input.patch))),
    'lane.move': (workspace, input) =>
      change(workspace.requireStore().command('lane.move', msg(input.direction === 'up' ? 'undo.lane.moveUp' : 'undo.lane.moveDown'), (tx) => moveLane(tx, input.id, input.direction))),
    'lane.delete': (workspace, input) =>
      change(workspace.requireStore().command('lane.delete', msg('undo.lane.delete'), (tx) => deleteLane(tx, input.id))),

    'step.add': (workspace, input) => {
      const result = workspace.requireStore().command('step.add', input.label ? msg('undo.step.addBranch', { label: short(input.label) }) : msg('undo.step.add'), (tx) => addStep(tx, input));
      return { ...change(result), ...result.value };
    },
    'step.update': (workspace, input) => {
      const store = workspace.requireStore();
      const sameLane = input.laneName !== undefined && sameName(stepLaneName(store.db, input.id), input.laneName);
      const label = stepUpdateLabel(sameLane ? { ...input, laneName: undefined } : input, (id) => laneNameOf(store.db, id));
      // Naming a step just added by Enter belongs to that step's undo entry.
      const naming = input.laneName === undefined && input.patch.text !== undefined && Object.keys(input.patch).every((key) => key === 'text');
      const merge = naming ? { stepId: input.id, label: msg('undo.step.addNamed', { text: short(input.patch.text ?? '') }) } : undefined;
      return change(store.command('step.update', label, (tx) => updateStep(tx, input.id, input.patch, input.laneName), merge));
    },
    'steps.paste': (workspace, input) => {
      const count = input.payload.steps.length;
      const result = workspace
        .requireStore()
        .command('steps.paste', count === 1 ? msg('undo.steps.paste.one') : msg('undo.steps.paste.other', { count }), (tx) => pasteSteps(tx, input.processId, input.payload));
      return { ...change(result), steps: result.value };
    },
    'step.place': (workspace, input) =>
      change(workspace.requireStore().command('step.place', msg('undo.steps.tidy'), (tx) => placeSteps(tx, input.processId, input.places))),
    'process.mapText': (workspace, input) => {
      const result = workspace.requireStore().command('process.mapText', msg('undo.process.mapText'), (tx) => mapText(tx, input));
      return { ...change(result), steps: result.value };
    },
    'step.delete': (workspace, input) =>
      change(workspace.requireStore().command('step.delete', msg('undo.step.delete'), (tx) => deleteStep(tx, input.id, input.painPoints))),

    'flow.add': (workspace, input) => {
      const result = workspace.requireStore().command('flow.add', msg('undo.flow.add'), (tx) => addFlow(tx, input));
      return { ...change(result), flow: result.value };
    },
    'flow.delete': (workspace, input) =>
      change(workspace.requireStore().command('flow.delete', msg('undo.flow.delete'), (tx) => deleteFlow(tx, input.id))),

    'quote.add': (workspace, input) => {
      const result = workspace.requireStore().command('quote.add', msg('undo.quote.add'), (tx) => addQuote(tx, input));
      return { ...change(result), quote: result.value };
    },
    'quote.delete': (workspace, input) =>
      change(workspace.requireStore().command('quote.delete', msg('undo.quote.delete'), (tx) => deleteQuote(tx, input.id))),

    'question.add': (workspace, input) => {
      const result = workspace.requireStore().command('question.add', msg('undo.question.add'), (tx) => addQuestion(tx, input));
      return { ...change(result), question: result.value };
    },
    'question.update': (workspace, input) => {
      const label = msg(input.patch.status === 'answered' ? 'undo.question.answer' : input.patch.status === 'open' ? 'undo.question.reopen' : 'undo.question.edit');
      return change(workspace.requireStore().command('question.update', label, (tx) => updateQuestion(tx, input.id, input.patch)));
    },
    'question.delete': (workspace, input) =>
      change(workspace.requireStore().command('question.delete', msg('undo.question.delete'), (tx) => deleteQuestion(tx, input.id))),

    'history.undo': (workspace) => change(workspace.requireStore().undo()),
    'history.redo': (workspace) => change(workspace.requireStore().redo()),
  };
}
