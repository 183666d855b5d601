import type { ErrorCode, OpenOffer, ShoshinErrorShape } from './contract';

/** An error meant for the user: a code the UI can act on and a sentence it can show. */
export class ShoshinError extends Error implements ShoshinErrorShape {
  readonly code: ErrorCode;
  readonly offers: OpenOffer[] | undefined;

  constructor(code: ErrorCode, message: string, offers?: OpenOffer[]) {
    super(message);
    this.name = 'ShoshinError';
    this.code = code;
    this.offers = offers;
  }
}
