import type { ErrorCode, OpenOffer, ShoshinErrorShape } from './contract';
import { format, type Message, type MessageKey, type MessageValue } from './messages';

/**
 * An error meant for the user: a code the UI can act on and a catalogue message it can show in the
 * user's language. `message` is the English sentence, for logs, the CLI and the Electron dialogs.
 */
export class ShoshinError extends Error implements ShoshinErrorShape {
  readonly code: ErrorCode;
  readonly key: MessageKey;
  readonly values: Readonly<Record<string, MessageValue>> | undefined;
  readonly offers: OpenOffer[] | undefined;

  constructor(code: ErrorCode, message: Message, offers?: OpenOffer[]) {
    super(format(message));
    this.name = 'ShoshinError';
    this.code = code;
    this.key = message.key;
    this.values = message.values;
    this.offers = offers;
  }

  /** What to say, as a message to pass on or wrap in a longer one. */
  get text(): Message {
    return this.values ? { key: this.key, values: this.values } : { key: this.key };
  }
}

/**
 * SQLite and Node name a full disk in several ways: SQLite's own SQLITE_FULL, an I/O error while
 * growing the WAL index (SHMSIZE) or writing, and Node's ENOSPC and EDQUOT (over quota).
 */
const DISK_FULL_CODES = new Set(['SQLITE_FULL', 'SQLITE_IOERR_SHMSIZE', 'ENOSPC', 'EDQUOT']);

export function isDiskFull(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && DISK_FULL_CODES.has(code)) return true;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && /\b(ENOSPC|EDQUOT|database or disk is full|no space left on device)\b/i.test(message);
}
