import { contract, isMethodName, MAX_PAYLOAD_BYTES, type Envelope } from '../core/contract';
import { isDiskFull, ShoshinError } from '../core/errors';
import { DISK_FULL_MESSAGE } from '../db/store';
import type { Handlers, Workspace } from './services';

function fail(code: ShoshinError['code'], message: string, offers?: ShoshinError['offers']): Envelope<never> {
  return { ok: false, error: offers && offers.length > 0 ? { code, message, offers } : { code, message } };
}

function payloadSize(payload: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(payload ?? null), 'utf8');
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

export type Dispatch = (workspace: Workspace, method: unknown, payload: unknown) => Promise<Envelope<unknown>>;

/**
 * The one wrapper every method goes through in every shell: known method, bounded size,
 * schema-valid input, and errors turned into envelopes the renderer can show.
 * Shells check the sender before calling this.
 */
export function createDispatch(handlers: Handlers, log: (error: unknown) => void = console.error): Dispatch {
  return async (workspace, method, payload) => {
    if (!isMethodName(method)) return fail('unknown_method', `Unknown method: ${String(method).slice(0, 80)}`);
    if (payloadSize(payload) > MAX_PAYLOAD_BYTES) return fail('payload_too_large', 'That is too much data for one change.');
    const parsed = contract[method].input.safeParse(payload ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail('invalid_input', `Invalid ${method} input${issue ? ` at ${issue.path.join('.') || 'root'}: ${issue.message}` : ''}.`);
    }
    try {
      const handler = handlers[method] as (w: Workspace, input: unknown) => unknown;
      return { ok: true, data: await handler(workspace, parsed.data) };
    } catch (error) {
      if (error instanceof ShoshinError) return fail(error.code, error.message, error.offers);
      // A full disk is the user's to fix, not a bug: one line in the log, not a stack trace per edit.
      if (isDiskFull(error)) {
        log(`${method}: the disk is full (${(error as { code?: string }).code ?? 'no code'})`);
        return fail('disk_full', DISK_FULL_MESSAGE);
      }
      log(error);
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        return fail('conflict', 'That change refers to something that no longer exists; nothing was changed.');
      }
      return fail('internal', 'Something went wrong; nothing was changed.');
    }
  };
}
