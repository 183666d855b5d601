import { z } from 'zod';
import { messages, type Message, type MessageKey } from '../messages';
import { Id, RecordChangeSchema } from '../model';

/**
 * Building blocks for the contract's method specs, shared by every area file in core/ipc/.
 * Commands change the open engagement (one SQLite transaction each, journalled for undo);
 * queries only read; app methods manage which engagement is open.
 */
export type MethodKind = 'command' | 'query' | 'app';

export interface MethodSpec<I extends z.ZodType, O extends z.ZodType> {
  kind: MethodKind;
  input: I;
  output: O;
}

export function method<I extends z.ZodType, O extends z.ZodType>(kind: MethodKind, input: I, output: O): MethodSpec<I, O> {
  return { kind, input, output };
}

export const Empty = z.object({}).strict();
export const Ok = z.object({ ok: z.literal(true) });
export const FilePath = z.string().min(1).max(4096);
export const ById = z.object({ id: Id }).strict();
/** An update command's input: which record, and the patch its derived schema allows. */
export const patchOf = <T extends z.ZodType>(patch: T) => z.object({ id: Id, patch }).strict();

/** A catalogue message as it travels: a known key and the values for its placeholders (names, numbers, other messages). */
export const MessageSchema: z.ZodType<Message> = z.lazy(() =>
  z.object({
    key: z.enum(Object.keys(messages) as [MessageKey, ...MessageKey[]]),
    values: z.record(z.string(), z.union([z.string(), z.number(), MessageSchema])).optional(),
  }),
);

/** What Undo and Redo would do now, as messages for their buttons (null when there is nothing to undo or redo). */
export const HistoryState = z.object({ canUndo: z.boolean(), canRedo: z.boolean(), undoLabel: MessageSchema.nullable(), redoLabel: MessageSchema.nullable() });
export type HistoryState = z.infer<typeof HistoryState>;

/**
 * Every command's reply: the records it changed, before and after (the journal's row diff), and
 * the undo history after it. The renderer applies the change to its store without asking again:
 * one request per edit. A change is a named command plus this diff, so it can be replayed
 * elsewhere (syncing an engagement between laptops needs exactly that).
 */
export const Change = z.object({
  journalId: z.number().int().nullable(),
  changes: z.array(RecordChangeSchema),
  history: HistoryState,
});
