/**
 * Times as procedure tables write them: "90", "15 min", "1.5 h", "1h 30m", "1,5 h", "2 days",
 * "1:30". A bare number is minutes. A day of work is a working day of 8 hours (a week, 5 of
 * them); a day of waiting is a calendar day of 24 hours (a week, 7), so lead time adds up the way
 * the client lived it.
 *
 * The same rules as the step table's parser (core/duration.ts on the grid branch); this copy
 * exists only because that one was not on main when the import was written, and should be folded
 * into it.
 */
export type TimeBasis = 'work' | 'wait';

const MAX_MINUTES = 10_000_000;

const UNIT: Readonly<Record<string, (basis: TimeBasis) => number>> = {
  s: () => 1 / 60,
  sec: () => 1 / 60,
  secs: () => 1 / 60,
  second: () => 1 / 60,
  seconds: () => 1 / 60,
  m: () => 1,
  min: () => 1,
  mins: () => 1,
  minute: () => 1,
  minutes: () => 1,
  h: () => 60,
  hr: () => 60,
  hrs: () => 60,
  hour: () => 60,
  hours: () => 60,
  d: (b) => (b === 'work' ? 8 * 60 : 24 * 60),
  day: (b) => (b === 'work' ? 8 * 60 : 24 * 60),
  days: (b) => (b === 'work' ? 8 * 60 : 24 * 60),
  w: (b) => (b === 'work' ? 5 * 8 * 60 : 7 * 24 * 60),
  wk: (b) => (b === 'work' ? 5 * 8 * 60 : 7 * 24 * 60),
  week: (b) => (b === 'work' ? 5 * 8 * 60 : 7 * 24 * 60),
  weeks: (b) => (b === 'work' ? 5 * 8 * 60 : 7 * 24 * 60),
};

const PART = /\s*(\d+(?:\.\d+)?|\.\d+)\s*([a-z]+)?\.?\s*/y;

/** Minutes, null for an empty cell, or undefined for text that is not a time (never a guess). */
export function parseTime(input: string, basis: TimeBasis): number | null | undefined {
  const text = input
    .replace(/[\u00a0\u202f]/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/(\d),(\d)/g, '$1.$2');
  if (!text || text === '-' || text === '–' || text === 'n/a') return null;
  const clock = /^(\d+):([0-5]\d)(?::([0-5]\d))?$/.exec(text);
  if (clock) return within(Number(clock[1]) * 60 + Number(clock[2]) + Number(clock[3] ?? 0) / 60);
  const parts = text.replace(/,|\+|&|\band\b/g, ' ').trim();
  let total = 0;
  let read = 0;
  let lastWasHours = false;
  PART.lastIndex = 0;
  while (PART.lastIndex < parts.length) {
    const at = PART.lastIndex;
    const match = PART.exec(parts);
    if (!match || match.index !== at || match[0].length === 0) return undefined;
    const amount = Number(match[1]);
    const word = match[2];
    if (word === undefined) {
      // A bare number is minutes: alone ("90") or after hours ("1h30").
      if (read > 0 && !lastWasHours) return undefined;
      total += amount;
      read++;
      lastWasHours = false;
      continue;
    }
    const unit = UNIT[word];
    if (!unit) return undefined;
    total += amount * unit(basis);
    read++;
    lastWasHours = unit(basis) === 60;
  }
  return read === 0 ? undefined : within(total);
}

function within(minutes: number): number | undefined {
  const value = Math.round(minutes * 100) / 100;
  return value > MAX_MINUTES ? undefined : value;
}
