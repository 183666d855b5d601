import { en } from './en';

/**
 * Every sentence main, db and core show to people, as a key into one catalogue (`./en`) plus the
 * values that fill its `{name}` placeholders. Messages travel as data (IPC replies, the undo
 * journal, export progress) and are put into words only where they are shown: by the renderer's
 * `t()` in the UI's language, or by `format()` here in English for logs, the CLI and the report.
 * A translation is another catalogue with the same keys.
 */
export type MessageKey = keyof typeof en;

/**
 * A value is a name, a number or another message: a whole noun phrase or sentence of its own
 * (a list of step names, a reason), never a fragment of the sentence it goes into.
 */
export type MessageValue = string | number | Message;

export interface Message {
  key: MessageKey;
  values?: Readonly<Record<string, MessageValue>>;
}

export function msg(key: MessageKey, values?: Readonly<Record<string, MessageValue>>): Message {
  return values ? { key, values } : { key };
}

export function isMessageKey(key: unknown): key is MessageKey {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(en, key);
}

/** How deep messages may nest (a reason holding a list of names); anything deeper is not ours. */
const MAX_DEPTH = 6;

/**
 * `value` as a message, checked all the way down: a known key and values that are names, finite
 * numbers or messages; null for anything else. For messages read back from a file someone else
 * may have written (the undo journal's labels).
 */
export function asMessage(value: unknown, depth = 0): Message | null {
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { key, values, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || !isMessageKey(key)) return null;
  if (values === undefined) return { key };
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return null;
  const checked: Record<string, MessageValue> = {};
  for (const [name, item] of Object.entries(values)) {
    if (typeof item === 'string' || (typeof item === 'number' && Number.isFinite(item))) checked[name] = item;
    else {
      const inner = asMessage(item, depth + 1);
      if (!inner) return null;
      checked[name] = inner;
    }
  }
  return { key, values: checked };
}

/**
 * Fills `{name}` placeholders in one pass, so a value that itself contains braces (a step called
 * "{count}") is shown as typed. Unknown placeholders stay as written. The renderer's `t()` uses
 * this too: one rule for every catalogue.
 */
export function fill(
  template: string,
  values: Readonly<Record<string, MessageValue>> | undefined,
  render: (message: Message) => string,
): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(values, name)) return whole;
    const value = values[name] as MessageValue;
    return typeof value === 'object' ? render(value) : String(value);
  });
}

/** A message in English: for logs, the CLI, the Electron dialogs and the documents Shoshin writes. */
export function format(message: Message): string {
  return fill(en[message.key], message.values, format);
}

/** A message put straight into English: for the documents Shoshin writes, which are in English. */
export function say(key: MessageKey, values?: Readonly<Record<string, MessageValue>>): string {
  return format(msg(key, values));
}

/** The English names of a set of choices, one catalogue entry each: `{ daily: 'Daily', ... }` from `{ daily: 'label.frequency.daily', ... }`. */
export function labelsOf<K extends string>(keys: Readonly<Record<K, MessageKey>>): Readonly<Record<K, string>> {
  return Object.fromEntries(Object.entries<MessageKey>(keys).map(([choice, key]) => [choice, format(msg(key))])) as Record<K, string>;
}

/** Names or phrases in order, joined the way `pattern` joins two: "a, b, c", "a; b", "a · b". Empty for none. */
export function joinList(items: readonly MessageValue[], pattern: 'list.comma' | 'list.semicolon' | 'list.dot' = 'list.comma'): Message {
  const [first = '', ...rest] = items;
  return rest.reduce<Message>((list, item) => msg(pattern, { list, item }), msg('list.one', { item: first }));
}

/** Sentences shown together as one message, in order (a language decides how sentences are joined). */
export function sentences(first: Message, ...rest: Message[]): Message {
  return rest.reduce((joined, next) => msg('list.sentences', { first: joined, second: next }), first);
}

/** Items that each say something whole ("3 steps"), in order, as one list: "3 steps, 2 lanes". */
export function listOf(first: Message, ...rest: Message[]): Message {
  return rest.reduce((list, item) => msg('list.comma', { list, item }), first);
}

/** Names or phrases in order, the last joined by "and": "IT, HR and Facilities", "2 pain points and 1 improvement opportunity". */
export function andList(items: readonly MessageValue[]): Message {
  const [first = '', ...rest] = items;
  const last = rest.pop();
  let list = msg('list.one', { item: first });
  for (const item of rest) list = msg('list.comma', { list, item });
  return last === undefined ? list : msg('list.and', { list, last });
}

/** Names in quotes, in order: “a”, “b”, “c” and 2 more (at most `limit` shown). Empty for none: say "none" in its own sentence. */
export function quotedList(names: readonly MessageValue[], limit = Infinity): Message {
  const shown = names.slice(0, limit);
  const [first, ...rest] = shown;
  let list = msg('list.quoted.one', { name: first ?? '' });
  for (const name of rest) list = msg('list.quoted.next', { list, name });
  const more = names.length - shown.length;
  return more > 0 ? msg('list.quoted.more', { list, count: more }) : list;
}

export { en as messages };
