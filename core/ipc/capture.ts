import { z } from 'zod';
import { CLIPBOARD_STEP_KEYS } from '../records';
import { MAX_CLIPBOARD_STEPS, type ClipboardPayload as ClipboardPayloadShape } from '../clipboard';
import { MAX_LAYOUT_STEPS } from '../layout';
import { MAX_PASTE_ROWS } from '../tsv';
import { format, msg } from '../messages';
import { Coord, createSchema, Flow, Id, Lane, Name, NonBlankName, NonBlankText, patchSchema, Process, Question, Quote, Step } from '../model';
import { PainPointFate } from './analysis';
import { ById, Change, Empty, method, Ok, patchOf } from './base';


/** A copied step: the fields its definition marks for the clipboard, its lane by name, a reference local to the copy. */
const ClipboardStep = Step.pick(Object.fromEntries(CLIPBOARD_STEP_KEYS.map((key) => [key, true])) as { [K in (typeof CLIPBOARD_STEP_KEYS)[number]]: true })
  .extend({ ref: z.string().min(1).max(64), laneName: NonBlankName.nullable() })
  .strict();

/** Steps copied from any process or engagement (core/clipboard.ts builds them). */
const ClipboardPayload: z.ZodType<ClipboardPayloadShape> = z
  .object({
    format: z.literal('shoshin.steps/1'),
    steps: z.array(ClipboardStep).min(1).max(MAX_CLIPBOARD_STEPS),
    flows: z
      .array(z.object({ from: z.string().max(64), to: z.string().max(64), label: Name }).strict())
      .max(MAX_CLIPBOARD_STEPS * 4)
      .refine((flows) => new Set(flows.map((f) => JSON.stringify([f.from, f.to]))).size === flows.length, { message: format(msg('error.paste.duplicateFlow')) }),
  })
  .strict();

/** Drawing the flow: processes, lanes, steps, flows, and the undo history. */
export const captureMethods = {
  'process.create': method('command', createSchema('processes'), Change.extend({ process: Process })),
  'process.update': method('command', patchOf(patchSchema('processes')), Change),
  'process.delete': method('command', z.object({ id: Id }).strict(), Change),

  'lane.create': method('command', createSchema('lanes'), Change.extend({ lane: Lane })),
  'lane.update': method('command', patchOf(patchSchema('lanes')), Change),
  'lane.move': method('command', z.object({ id: Id, direction: z.enum(['up', 'down']) }).strict(), Change),
  'lane.delete': method('command', z.object({ id: Id }).strict(), Change),

  'step.add': method(
    'command',
    createSchema('steps', {
      /** Chosen by the renderer, so it can show the step and take typing before the save returns. */
      id: Id.optional(),
      /** Connect the new step from this one in the same transaction (one undo). */
      after: Id.optional(),
      /** Label of that connecting flow, e.g. a decision's "Yes" / "No". */
      label: Name.optional(),
      /** Splice the step into this flow instead (A → new → B, later steps moved right); one undo. */
      insertOn: Id.optional(),
      /** "@Role text" typed as its text: put the step in this lane, creating it as an undo entry of its own. */
      laneName: Name.min(1).optional(),
    }),
    Change.extend({ step: Step, flow: Flow.nullable() }),
  ),
  'step.update': method(
    'command',
    z
      .object({
        id: Id,
        patch: patchSchema('steps'),
        /** "@Role text" typed as a step's text: move the step into this lane, creating it (as an undo entry of its own) if needed. */
        laneName: NonBlankName.optional(),
      })
      .strict(),
    Change,
  ),
  /** Many positions in one command (Tidy): one undo puts them all back. */
  'step.place': method(
    'command',
    z
      .object({
        processId: Id,
        places: z.array(z.object({ id: Id, x: Coord, y: Coord }).strict()).min(1).max(MAX_LAYOUT_STEPS),
      })
      .strict(),
    Change,
  ),
  /** A step dropped onto a flow goes into it (A → step → B), in the lane and row it was dropped in; one undo. */
  'step.splice': method('command', z.object({ id: Id, flowId: Id, laneId: Id.nullable(), y: Coord }).strict(), Change.extend({ step: Step })),
  /**
   * The table: many steps' fields in one command (a block pasted from a spreadsheet), and new steps
   * for rows beyond the last, connected in order from `after`; one transaction, one undo.
   * `laneName` puts a step in that lane, creating it if needed: the lane column is an explicit choice.
   */
  'steps.patch': method(
    'command',
    z
      .object({
        processId: Id,
        patches: z.array(z.object({ id: Id, patch: patchSchema('steps'), laneName: Name.min(1).optional() }).strict()).max(MAX_LAYOUT_STEPS),
        append: z.array(z.object({ patch: patchSchema('steps'), laneName: Name.min(1).optional() }).strict()).max(MAX_PASTE_ROWS).optional(),
        after: Id.optional(),
      })
      .strict()
      .refine((input) => input.patches.length + (input.append?.length ?? 0) > 0, { message: format(msg('error.steps.patchEmpty')) }),
    Change.extend({ steps: z.array(Step) }),
  ),
  /** Type-to-map: one step per line (see core/typeToMap: lanes, "@" for new ones, indented branches), connected; one undo. */
  'process.mapText': method(
    'command',
    z
      .object({ processId: Id, text: NonBlankText, after: Id.optional(), laneId: Id.nullable().optional(), sessionId: Id.nullable().optional() })
      .strict(),
    Change.extend({ steps: z.array(Step) }),
  ),
  'steps.paste': method('command', z.object({ processId: Id, payload: ClipboardPayload }).strict(), Change.extend({ steps: z.array(Step) })),
  'step.delete': method('command', z.object({ id: Id, painPoints: PainPointFate.optional() }).strict(), Change),

  'flow.add': method('command', createSchema('flows'), Change.extend({ flow: Flow })),
  'flow.delete': method('command', z.object({ id: Id }).strict(), Change),

  'quote.add': method('command', createSchema('quotes', { processId: Id }), Change.extend({ quote: Quote })),
  'quote.delete': method('command', ById, Change),

  'question.add': method('command', createSchema('questions', { processId: Id }), Change.extend({ question: Question })),
  'question.update': method('command', patchOf(patchSchema('questions')), Change),
  'question.delete': method('command', ById, Change),

  /** With `journalId`, that change only (a notice's Undo button), refused if anything came after it. */
  'history.undo': method('command', z.object({ journalId: z.number().int().positive().optional() }).strict(), Change),
  'history.redo': method('command', Empty, Change),

  /** The workshop being captured, remembered in the file outside the undo history (like report options). */
  'capture.session': method('query', Empty, z.object({ sessionId: Id.nullable() })),
  'capture.chooseSession': method('app', z.object({ sessionId: Id.nullable() }).strict(), Ok),
};
