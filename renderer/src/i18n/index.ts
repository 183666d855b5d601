import { analysis } from './en/analysis';
import { capture } from './en/capture';
import { importStrings } from './en/import';
import { shell } from './en/shell';

/**
 * Every string the UI shows, in one place per language: a translation is another set of these
 * catalogues with the same keys. English is the only language so far.
 */
const en = { ...analysis, ...capture, ...shell, ...importStrings };

export type StringKey = keyof typeof en;

/** The UI text for `key`, with `{name}` placeholders filled from `values`. */
export function t(key: StringKey, values?: Readonly<Record<string, string | number>>): string {
  let text: string = en[key];
  if (values) for (const [name, value] of Object.entries(values)) text = text.replaceAll(`{${name}}`, String(value));
  return text;
}
