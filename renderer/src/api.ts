import type { Bridge, Envelope, ErrorCode, OpenOffer, MethodInput, MethodName, MethodOutput } from '../../core/contract';

declare global {
  interface Window {
    shoshin: Bridge;
  }
}

/** An error the main process reported; the message is written for the user. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly offers: readonly OpenOffer[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The typed client: one call per contract method, unwrapping the envelope. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  // TypeScript cannot correlate a generic key with its function type; the contract guarantees it.
  const fn = window.shoshin[method] as unknown as (input: MethodInput<M>) => Promise<Envelope<MethodOutput<M>>>;
  const envelope = await fn(input);
  if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.offers);
  return envelope.data as MethodOutput<M>;
}
