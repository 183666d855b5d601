import type { z } from 'zod';
import { appMethods } from './ipc/app';
import { captureMethods } from './ipc/capture';

export { HomeView, RecentFile } from './ipc/app';
export { HistoryState } from './ipc/capture';
export type { MethodKind, MethodSpec } from './ipc/base';

/**
 * The one list of things the renderer may ask of the main process, composed from one file per
 * area in core/ipc/. Each method is a name plus zod schemas for its input and output.
 */
export const contract = {
  ...appMethods,
  ...captureMethods,
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
  'no_engagement',
  'not_found',
  'conflict',
  'bad_file',
  'read_only',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ShoshinErrorShape {
  code: ErrorCode;
  message: string;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ShoshinErrorShape };

/** The shape of `window.shoshin` in every shell: one function per contract method. */
export type Bridge = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<Envelope<MethodOutput<M>>>;
};

/** Largest serialised payload any method accepts; bigger ones never reach a handler. */
export const MAX_PAYLOAD_BYTES = 1_000_000;
