import { contract, isMethodName, MAX_PAYLOAD_BYTES, type Envelope } from '../core/contract';
import { isDiskFull, ShoshinError } from '../core/errors';
import { format, msg, type Message } from '../core/messages';
import type { Handlers, Workspace } from './services';

/** An error envelope: the English sentence for logs, and the message the renderer puts into words. */
export function fail(code: ShoshinError['code'], message: Message, offers?: ShoshinError['offers']): Envelope<never> {
  const error = { code, message: format(message), ...message };
  return { ok: false, error: offers && offers.length > 0 ? { ...error, offers } : error };
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
    if (!isMethodName(method)) return fail('unknown_method', msg('error.dispatch.unknownMethod', { method: String(method).slice(0, 80) }));
    if (payloadSize(payload) > MAX_PAYLOAD_BYTES) return fail('payload_too_large', msg('error.dispatch.tooLarge'));
    const parsed = contract[method].input.safeParse(payload ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(
        'invalid_input',
        !issue
          ? msg('error.dispatch.invalidInput', { method })
          : issue.path.length > 0
            ? msg('error.dispatch.invalidInputAt', { method, path: issue.path.join('.'), detail: issue.message })
            : msg('error.dispatch.invalidInputWhole', { method, detail: issue.message }),
      );
    }
    try {
      const handler = handlers[method] as (w: Workspace, input: unknown) => unknown;
      return { ok: true, data: await handler(workspace, parsed.data) };
    } catch (error) {
      if (error instanceof ShoshinError) return fail(error.code, error.text, error.offers);
      // A full disk is the user's to fix, not a bug: one line in the log, not a stack trace per edit.
      if (isDiskFull(error)) {
        log(`${method}: the disk is full (${(error as { code?: string }).code ?? 'no code'})`);
        return fail('disk_full', msg('error.diskFull.edit'));
      }
      log(error);
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        return fail('conflict', msg('error.dispatch.refersToGone'));
      }
      return fail('internal', msg('error.dispatch.internal'));
    }
  };
}
