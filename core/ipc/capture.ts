import { z } from 'zod';
import { Coord, Flow, Id, Lane, LaneKind, Minutes, Name, Process, ProcessView, Step, StepKind, Text } from '../model';
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
  })
  .partial()
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
  'lane.rename': method('command', z.object({ id: Id, name: Name.min(1) }).strict(), Change),
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
      })
      .strict(),
    Change.extend({ step: Step, flow: Flow.nullable() }),
  ),
  'step.update': method('command', z.object({ id: Id, patch: StepPatch }).strict(), Change),
  'step.delete': method('command', z.object({ id: Id }).strict(), Change),

  'flow.add': method(
    'command',
    z.object({ processId: Id, sourceId: Id, targetId: Id, label: Name.optional() }).strict(),
    Change.extend({ flow: Flow }),
  ),
  'flow.update': method('command', z.object({ id: Id, label: Name }).strict(), Change),
  'flow.delete': method('command', z.object({ id: Id }).strict(), Change),

  'history.state': method('query', Empty, HistoryState),
  'history.undo': method('command', Empty, Change),
  'history.redo': method('command', Empty, Change),
};
