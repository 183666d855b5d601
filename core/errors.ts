import type { ErrorCode, ShoshinErrorShape } from './contract';

/** An error meant for the user: a code the UI can act on and a sentence it can show. */
export class ShoshinError extends Error implements ShoshinErrorShape {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'ShoshinError';
    this.code = code;
  }
}
