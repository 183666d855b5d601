import type { z } from 'zod';
import type { MessageKey, MessageValue } from './messages';
import { analysisMethods } from './ipc/analysis';
import { appMethods } from './ipc/app';
import { captureMethods } from './ipc/capture';
import { importMethods } from './ipc/import';
import { reportMethods } from './ipc/report';
import { shellMethods } from './ipc/shell';

export { HomeView, LoadedEngagement, RecentFile } from './ipc/app';
export { HistoryState } from './ipc/base';
export type { MethodKind, MethodSpec } from './ipc/base';

/**
 * The one list of things the renderer may ask of the main process, composed from one file per
 * area in core/ipc/. Each method is a name plus zod schemas for its input and output.
 */
export const contract = {
  ...appMethods,
  ...captureMethods,
  ...analysisMethods,
  ...reportMethods,
  ...shellMethods,
  ...importMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export const ERROR_CODES = [
  'unknown_method',
  'invalid_input',
  'payload_too_large',
  'forbidden_sender',
  'forbidden_path',
  'no_engagement',
  'not_found',
  'conflict',
  'bad_file',
  'read_only',
  'locked',
  'disk_full',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What the UI may offer when a file cannot be opened normally. */
export const OPEN_OFFERS = ['readOnly', 'recoverCopy'] as const;
export type OpenOffer = (typeof OPEN_OFFERS)[number];

/** `message` is the English sentence (logs, CLI); the UI shows `key` with `values` from the catalogue. */
export interface ShoshinErrorShape {
  code: ErrorCode;
  message: string;
  key: MessageKey;
  values?: Readonly<Record<string, MessageValue>>;
  offers?: OpenOffer[];
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ShoshinErrorShape };

/**
 * The shape of `window.shoshin` in every shell: one function per contract method, plus, where the
 * shell has native menus, a way to hear which menu command was chosen.
 */
export type Bridge = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<Envelope<MethodOutput<M>>>;
} & { onCommand?: (listener: (commandId: string) => void) => () => void };

/** Largest serialised payload any method accepts; bigger ones never reach a handler. */
export const MAX_PAYLOAD_BYTES = 1_000_000;
