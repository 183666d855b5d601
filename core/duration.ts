/**
 * Durations as consultants type them: "90", "90 min", "1.5h", "1h 30m", "1,5 h", "2 days",
 * "1d 4h", "1:30". One parser for every place a step's time is typed (the table, the step panel),
 * and a formatter whose output the parser reads back exactly.
 *
 * What a day is depends on what is measured. Work time is effort: a day of work is a working day
 * of 8 hours (a week 5 of them), so "2 days" of work is 16 hours of somebody's time. Wait time is
 * elapsed time on the calendar: a day of waiting is 24 hours (a week 7 days), so lead time adds up
 * the way the client lived it. A bare number is minutes.
 */
export type DurationBasis = 'work' | 'wait';

export const DAY_MINUTES: Readonly<Record<DurationBasis, number>> = { work: 8 * 60, wait: 24 * 60 };
export const WEEK_MINUTES: Readonly<Record<DurationBasis, number>> = { work: 5 * 8 * 60, wait: 7 * 24 * 60 };
/** The most a step's time may hold (about 19 years of minutes); the contract's schema refuses more. */
export const MAX_MINUTES = 10_000_000;

export type DurationError =
  /** Not a duration at all ("soon", "1d 4", "2 3"). */
  | 'format'
  /** A number with a unit we do not know ("3 months": months differ in length). */
  | 'unit'
  | 'negative'
  | 'tooLong'
  /** The same unit twice ("1h 2h"). */
  | 'repeated';

export type ParsedDuration = { ok: true; minutes: number | null } | { ok: false; error: DurationError; unit?: string };

type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week';

const UNITS: Readonly<Record<string, Unit>> = {
  s: 'second',
  sec: 'second',
  secs: 'second',
  second: 'second',
  seconds: 'second',
  m: 'minute',
  mn: 'minute',
  min: 'minute',
  mins: 'minute',
  minute: 'minute',
  minutes: 'minute',
  h: 'hour',
  hr: 'hour',
  hrs: 'hour',
  hour: 'hour',
  hours: 'hour',
  d: 'day',
  day: 'day',
  days: 'day',
  w: 'week',
  wk: 'week',
  wks: 'week',
  week: 'week',
  weeks: 'week',
};

function unitMinutes(unit: Unit, basis: DurationBasis): number {
  switch (unit) {
    case 'second':
      return 1 / 60;
    case 'minute':
      return 1;
    case 'hour':
      return 60;
    case 'day':
      return DAY_MINUTES[basis];
    case 'week':
      return WEEK_MINUTES[basis];
  }
}

/** Hundredths of a minute are the finest a step's time needs; this keeps 0.1 h at exactly 6. */
function tidy(minutes: number): number {
  return Math.round(minutes * 100) / 100;
}

function done(minutes: number): ParsedDuration {
  const value = tidy(minutes);
  return value > MAX_MINUTES ? { ok: false, error: 'tooLong' } : { ok: true, minutes: value };
}

/** One number and its unit: "1.5h", "30 min", "2 days", ".5 d", or a bare "30". */
const PART = /\s*(\d+(?:\.\d+)?|\.\d+)\s*([a-z]+)?\.?\s*/y;

/**
 * Reads a duration as minutes for work or wait time; empty text is `null` (not known). Anything
 * it cannot read is an error with its reason, never a guess and never the old value.
 */
export function parseDuration(input: string, basis: DurationBasis): ParsedDuration {
  const text = input
    .replace(/[\u00a0\u202f]/g, ' ')
    .trim()
    .toLowerCase()
    // A decimal comma ("1,5 h") is a decimal point; any other comma separates parts ("1 h, 30 min").
    .replace(/(\d),(\d)/g, '$1.$2');
  if (!text) return { ok: true, minutes: null };
  if (/^[-\u2212]/.test(text)) return { ok: false, error: 'negative' };

  // A spreadsheet's time cell: "1:30" is an hour and a half, "0:45:30" adds seconds.
  const clock = /^(\d+):([0-5]\d)(?::([0-5]\d))?$/.exec(text);
  if (clock) return done(Number(clock[1]) * 60 + Number(clock[2]) + Number(clock[3] ?? 0) / 60);

  const parts = text.replace(/,|\+|&|\band\b/g, ' ').trim();
  const seen = new Set<Unit>();
  let total = 0;
  let last: Unit | null = null;
  let bare = false;
  PART.lastIndex = 0;
  while (PART.lastIndex < parts.length) {
    const at = PART.lastIndex;
    const match = PART.exec(parts);
    if (!match || match.index !== at || match[0].length === 0) return { ok: false, error: 'format' };
    const amount = Number(match[1]);
    const word = match[2];
    if (bare) return { ok: false, error: 'format' };
    let unit: Unit;
    if (word === undefined) {
      // A bare number is minutes: alone ("90"), or after hours ("1h30", "1 h 30").
      if (last !== null && last !== 'hour') return { ok: false, error: 'format' };
      unit = 'minute';
      bare = true;
    } else {
      const known = UNITS[word];
      if (!known) return { ok: false, error: 'unit', unit: word };
      unit = known;
    }
    if (seen.has(unit)) return { ok: false, error: 'repeated', unit: word ?? 'min' };
    seen.add(unit);
    total += amount * unitMinutes(unit, basis);
    last = unit;
  }
  if (seen.size === 0) return { ok: false, error: 'format' };
  return done(total);
}

/** Minutes with at most two decimals and no trailing zeros: 30, 1.5, 0.25. */
function number(n: number): string {
  return String(tidy(n));
}

/**
 * The words `parseDuration` reads back to the same minutes: "45 min", "1 h 30 min", and for wait
 * time whole calendar days in front ("2 d 4 h"). Work time stays in hours ("16 h"), so nobody has
 * to remember which kind of day a column means.
 */
export function formatDuration(minutes: number | null, basis: DurationBasis): string {
  if (minutes === null) return '';
  const value = tidy(minutes);
  if (value === 0) return '0 min';
  const parts: string[] = [];
  let rest = value;
  if (basis === 'wait' && rest >= DAY_MINUTES.wait) {
    const days = Math.floor(rest / DAY_MINUTES.wait);
    parts.push(`${days} d`);
    rest = tidy(rest - days * DAY_MINUTES.wait);
  }
  if (rest >= 60) {
    const hours = Math.floor(rest / 60);
    parts.push(`${hours} h`);
    rest = tidy(rest - hours * 60);
  }
  if (rest > 0) parts.push(`${number(rest)} min`);
  return parts.join(' ');
}
