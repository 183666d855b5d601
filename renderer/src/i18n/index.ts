import { fill, messages, type Message, type MessageValue } from '../../../core/messages';
import { analysis } from './en/analysis';
import { capture } from './en/capture';
import { documented } from './en/documented';
import { importStrings } from './en/import';
import { shell } from './en/shell';

/**
 * Every string the UI shows, in one place per language: the renderer's own catalogues and core's
 * (errors, undo labels, metric reasons, export progress from main and core arrive as its keys with
 * values). A translation is another set of these catalogues with the same keys. English is the only
 * language so far.
 */
const en = { ...analysis, ...capture, ...shell, ...importStrings, ...documented, ...messages };

export type StringKey = keyof typeof en;

/** Whether this build's catalogues know `key` (a message from another build of main may not). */
export function known(key: string): key is StringKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/**
 * The UI text for `key`, with `{name}` placeholders filled from `values` (a value may itself be a
 * message, put into words first); or the text of a message from main or core.
 */
export function t(key: StringKey | Message, values?: Readonly<Record<string, MessageValue>>): string {
  if (typeof key === 'object') return t(key.key, key.values);
  return fill(en[key], values, t);
}
