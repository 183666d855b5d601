import type { Bridge, Envelope, ErrorCode, OpenOffer, MethodInput, MethodName, MethodOutput, ShoshinErrorShape } from '../../core/contract';
import { known, t } from './i18n';

declare global {
  interface Window {
    shoshin: Bridge;
  }
}

/** An error the main process reported; its message is the catalogue's sentence, in the UI's language. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly offers: readonly OpenOffer[];

  constructor(error: ShoshinErrorShape) {
    super(known(error.key) ? t(error) : error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.offers = error.offers ?? [];
  }
}

/** The typed client: one call per contract method, unwrapping the envelope. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  // TypeScript cannot correlate a generic key with its function type; the contract guarantees it.
  const fn = window.shoshin[method] as unknown as (input: MethodInput<M>) => Promise<Envelope<MethodOutput<M>>>;
  const envelope = await fn(input);
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.data as MethodOutput<M>;
}
