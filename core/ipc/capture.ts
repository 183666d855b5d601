import { z } from 'zod';
import { MAX_CLIPBOARD_STEPS, type ClipboardPayload as ClipboardPayloadShape } from '../clipboard';
import { MAX_LAYOUT_STEPS } from '../layout';
import { Coord, Flow, Id, Lane, LaneKind, Minutes, Name, Process, ProcessView, Question, QuestionStatus, Quote, Step, StepKind, Text, ValueClass } from '../model';
import { PainPointFate } from './analysis';
import { Change, Empty, method } from './base';

export const HistoryState = z.object({ canUndo: z.boolean(), canRedo: z.boolean(), undoLabel: z.string(), redoLabel: z.string() });
export type HistoryState = z.infer<typeof HistoryState>;

const StepPatch = z
  .object({
    text: Text,
    kind: StepKind,
    laneId: Id.nullable(),
    x: Coord,
    y: Coord,
    description: Text,
    system: Name,
    workMinutes: Minutes.nullable(),
    waitMinutes: Minutes.nullable(),
    volume: Name,
    valueClass: ValueClass.nullable(),
    sessionId: Id.nullable(),
  })
  .partial()
  .strict();

const LaneColor = z.string().regex(/^#[0-9a-fA-F]{6}$/);
const ById = z.object({ id: Id }).strict();

const ClipboardStep = z
  .object({
    ref: z.string().min(1).max(64),
    kind: StepKind,
    text: Text,
    laneName: Name.nullable(),
    x: Coord,
    y: Coord,
    description: Text,
    system: Name,
    workMinutes: Minutes.nullable(),
    waitMinutes: Minutes.nullable(),
    volume: Name,
  })
  .strict();

/** Steps copied from any process or engagement (core/clipboard.ts builds them). */
const ClipboardPayload: z.ZodType<ClipboardPayloadShape> = z
  .object({
    format: z.literal('shoshin.steps/1'),
    steps: z.array(ClipboardStep).min(1).max(MAX_CLIPBOARD_STEPS),
    flows: z.array(z.object({ from: z.string().max(64), to: z.string().max(64), label: Name }).strict()).max(MAX_CLIPBOARD_STEPS * 4),
  })
  .strict();

/** Drawing the flow: processes, lanes, steps, flows, and the undo history. */
export const captureMethods = {
  'process.get': method('query', z.object({ id: Id }).strict(), ProcessView),
  'process.create': method('command', z.object({ name: Name.min(1) }).strict(), Change.extend({ process: Process })),
  'process.rename': method('command', z.object({ id: Id, name: Name.min(1) }).strict(), Change),
  'process.delete': method('command', z.object({ id: Id }).strict(), Change),

  'lane.create': method(
    'command',
    z.object({ processId: Id, name: Name.min(1), kind: LaneKind.optional() }).strict(),
    Change.extend({ lane: Lane }),
  ),
  'lane.update': method(
    'command',
    z.object({ id: Id, patch: z.object({ name: Name.min(1), kind: LaneKind, color: LaneColor }).partial().strict() }).strict(),
    Change,
  ),
  'lane.move': method('command', z.object({ id: Id, direction: z.enum(['up', 'down']) }).strict(), Change),
  'lane.delete': method('command', z.object({ id: Id }).strict(), Change),

  'step.add': method(
    'command',
    z
      .object({
        processId: Id,
        laneId: Id.nullable().optional(),
        kind: StepKind.optional(),
        text: Text.optional(),
        x: Coord,
        y: Coord,
        /** Connect the new step from this one in the same transaction (one undo). */
        after: Id.optional(),
        /** Label of that connecting flow, e.g. a decision's "Yes" / "No". */
        label: Name.optional(),
        /** Chosen by the renderer, so it can show the step and take typing before the save returns. */
        id: Id.optional(),
        sessionId: Id.nullable().optional(),
      })
      .strict(),
    Change.extend({ step: Step, flow: Flow.nullable() }),
  ),
  'step.update': method(
    'command',
    z
      .object({
        id: Id,
        patch: StepPatch,
        /** "Role: text" typed as a step's text: move the step into this lane, creating it if needed. */
        laneName: Name.min(1).optional(),
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
      .object({ processId: Id, text: Text.min(1), after: Id.optional(), laneId: Id.nullable().optional(), sessionId: Id.nullable().optional() })
      .strict(),
    Change.extend({ steps: z.array(Step) }),
  ),
  'steps.paste': method('command', z.object({ processId: Id, payload: ClipboardPayload }).strict(), Change.extend({ steps: z.array(Step) })),
  'step.delete': method('command', z.object({ id: Id, painPoints: PainPointFate.optional() }).strict(), Change),

  'flow.add': method(
    'command',
    z.object({ processId: Id, sourceId: Id, targetId: Id, label: Name.optional() }).strict(),
    Change.extend({ flow: Flow }),
  ),
  'flow.delete': method('command', z.object({ id: Id }).strict(), Change),

  'quote.add': method(
    'command',
    z
      .object({ processId: Id, stepId: Id.nullable().optional(), text: Text.min(1), personId: Id.nullable().optional(), sessionId: Id.nullable().optional() })
      .strict(),
    Change.extend({ quote: Quote }),
  ),
  'quote.delete': method('command', ById, Change),

  'question.add': method(
    'command',
    z.object({ processId: Id, stepId: Id.nullable().optional(), text: Text.min(1) }).strict(),
    Change.extend({ question: Question }),
  ),
  'question.update': method(
    'command',
    z.object({ id: Id, patch: z.object({ text: Text.min(1), status: QuestionStatus, answer: Text }).partial().strict() }).strict(),
    Change,
  ),
  'question.delete': method('command', ById, Change),

  'history.state': method('query', Empty, HistoryState),
  'history.undo': method('command', Empty, Change),
  'history.redo': method('command', Empty, Change),
};
