import { z } from 'zod';
import { Id } from '../model';

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

export const Change = z.object({
  /** Which processes the change touched, so the UI knows what to refetch. */
  processIds: z.array(Id),
  journalId: z.number().int().nullable(),
});
