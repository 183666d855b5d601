import type { z } from 'zod';
import type { captureMethods } from '../../core/ipc/capture';
import type { StepKind } from '../../core/model';
import { pasteSteps } from '../../db/clipboard';
import { addFlow, deleteFlow } from '../../db/flows';
import { createLane, deleteLane, findLane, laneNameOf, moveLane, stepLaneName, stepProcessHasLane, updateLane } from '../../db/lanes';
import { createProcess, deleteProcess, updateProcess } from '../../db/processes';
import { addQuestion, addQuote, deleteQuestion, deleteQuote, updateQuestion } from '../../db/quotes';
import { msg, type Message, type MessageKey } from '../../core/messages';
import { chooseSession, currentSessionId } from '../../db/sessions';
import { addStep, deleteStep, mapText, placeSteps, spliceStep, updateStep } from '../../db/steps';
import { patchSteps } from '../../db/stepsPatch';
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

/** "Edit 12 steps", "Add 3 steps", "Add 3 steps and edit 9": what a paste into the table did. */
function stepsPatchLabel(input: z.output<(typeof captureMethods)['steps.patch']['input']>): Message {
  const edited = new Set(input.patches.map((p) => p.id)).size;
  const added = input.append?.length ?? 0;
  if (added === 0) return edited === 1 ? msg('undo.step.editDetails') : msg('undo.steps.edit', { count: edited });
  if (edited === 0) return msg(added === 1 ? 'undo.steps.add.one' : 'undo.steps.add.other', { count: added });
  return msg(added === 1 ? 'undo.steps.addAndEdit.one' : 'undo.steps.addAndEdit.other', { count: added, edited });
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
      const { laneName, ...fields } = input;
      const text = fields.text?.trim() ?? '';
      const label = text
        ? msg(fields.insertOn ? 'undo.step.insertNamed' : 'undo.step.addNamed', { text: short(text) })
        : fields.label
          ? msg('undo.step.addBranch', { label: short(fields.label) })
          : msg(fields.insertOn ? 'undo.step.insert' : 'undo.step.add');
      const result = workspace.requireStore().command('step.add', label, (tx) => {
        const lane = laneName ? findLane(tx, input.processId, laneName) : null;
        const added = addStep(tx, lane ? { ...fields, laneId: lane.id } : fields);
        if (!laneName || lane) return added;
        // A lane created from typed text is an undo entry of its own, so its notice's Undo takes back the lane and keeps the step.
        tx.split('lane.create', msg('undo.lane.add', { name: short(laneName) }));
        return { ...added, step: updateStep(tx, added.step.id, {}, laneName) };
      });
      return { ...change(result), ...result.value };
    },
    'step.splice': (workspace, input) => {
      const result = workspace.requireStore().command('step.splice', msg('undo.step.splice'), (tx) => spliceStep(tx, input.id, input.flowId, { laneId: input.laneId, y: input.y }));
      return { ...change(result), step: result.value };
    },
    'step.update': (workspace, input) => {
      const store = workspace.requireStore();
      const { laneName } = input;
      // A lane created from typed text is an undo entry of its own, after the words (see step.add).
      const newLane = laneName !== undefined && !stepProcessHasLane(store.db, input.id, laneName);
      const words = newLane ? { id: input.id, patch: input.patch } : input;
      const sameLane = words.laneName !== undefined && sameName(stepLaneName(store.db, input.id), words.laneName);
      const label = stepUpdateLabel(sameLane ? { ...words, laneName: undefined } : words, (id) => laneNameOf(store.db, id));
      // Naming a step just added belongs to that step's undo entry.
      const naming = words.laneName === undefined && input.patch.text !== undefined && Object.keys(input.patch).every((key) => key === 'text');
      const merge = naming ? { stepId: input.id, label: msg('undo.step.addNamed', { text: short(input.patch.text ?? '') }) } : undefined;
      return change(
        store.command(
          'step.update',
          label,
          (tx) => {
            if (!newLane || !laneName) return updateStep(tx, input.id, input.patch, laneName);
            updateStep(tx, input.id, input.patch);
            tx.split('lane.create', msg('undo.lane.add', { name: short(laneName) }));
            return updateStep(tx, input.id, {}, laneName);
          },
          merge,
        ),
      );
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
    'steps.patch': (workspace, input) => {
      const result = workspace.requireStore().command('steps.patch', stepsPatchLabel(input), (tx) => patchSteps(tx, input));
      return { ...change(result), steps: result.value };
    },
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

    'history.undo': (workspace, input) => change(workspace.requireStore().undo(input.journalId)),
    'history.redo': (workspace) => change(workspace.requireStore().redo()),

    'capture.session': (workspace) => ({ sessionId: currentSessionId(workspace.requireStore().db) }),
    'capture.chooseSession': (workspace, input) => {
      const store = workspace.requireStore();
      // A read-only copy is private and thrown away; the choice then lasts while it is open.
      if (!store.readOnly) chooseSession(store.db, input.sessionId);
      return { ok: true as const };
    },
  };
}
