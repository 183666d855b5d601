import { z } from 'zod';
import { CLIPBOARD_STEP_KEYS } from '../records';
import { MAX_CLIPBOARD_STEPS, type ClipboardPayload as ClipboardPayloadShape } from '../clipboard';
import { MAX_LAYOUT_STEPS } from '../layout';
import { Coord, createSchema, Flow, Id, Lane, Name, NonBlankName, NonBlankText, patchSchema, Process, Question, Quote, Step } from '../model';
import { PainPointFate } from './analysis';
import { ById, Change, Empty, method, patchOf } from './base';


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
      .refine((flows) => new Set(flows.map((f) => JSON.stringify([f.from, f.to]))).size === flows.length, { message: 'Two flows join the same two steps in the same direction.' }),
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
    }),
    Change.extend({ step: Step, flow: Flow.nullable() }),
  ),
  'step.update': method(
    'command',
    z
      .object({
        id: Id,
        patch: patchSchema('steps'),
        /** "Role: text" typed as a step's text: move the step into this lane, creating it if needed. */
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
  /** Type-to-map: one step per line ("Lane: text"), connected in order, lanes created as needed; one undo. */
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

  'history.undo': method('command', Empty, Change),
  'history.redo': method('command', Empty, Change),
};
