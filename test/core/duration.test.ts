import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MINUTES, formatDuration, MAX_MINUTES, parseDuration, WEEK_MINUTES, type DurationBasis } from '../../core/duration';

const minutes = (text: string, basis: DurationBasis = 'wait') => {
  const parsed = parseDuration(text, basis);
  if (!parsed.ok) throw new Error(`“${text}” did not parse: ${parsed.error}`);
  return parsed.minutes;
};

describe('reading a duration', () => {
  it('reads the forms the issue names', () => {
    expect(minutes('90')).toBe(90);
    expect(minutes('90 min')).toBe(90);
    expect(minutes('1.5h')).toBe(90);
    expect(minutes('1h 30m')).toBe(90);
    expect(minutes('2 days')).toBe(2 * 24 * 60);
    expect(minutes('1d 4h')).toBe(24 * 60 + 4 * 60);
  });

  it('reads the usual variants: spaces, long and short unit names, a decimal comma, clock times', () => {
    const cases: [string, number][] = [
      ['1 h', 60],
      ['45m', 45],
      ['45 mins', 45],
      ['45 minutes', 45],
      ['45 min.', 45],
      ['1 hour', 60],
      ['2 hours 15 minutes', 135],
      ['2 hrs', 120],
      ['1hr30min', 90],
      ['1h30', 90],
      ['1 h 30', 90],
      ['1,5h', 90],
      ['1,5 h', 90],
      ['0.5 d', 12 * 60],
      ['.5h', 30],
      ['1 day', 1440],
      ['1 week', 7 * 1440],
      ['2 wks', 14 * 1440],
      ['1 hour and 30 minutes', 90],
      ['1 h, 30 min', 90],
      ['30m 1h', 90],
      ['90 s', 1.5],
      ['1:30', 90],
      ['0:45', 45],
      ['2:00:30', 120.5],
      ['  2 H  ', 120],
      ['1\u00a0h', 60],
      ['0', 0],
      ['0.1 h', 6],
    ];
    for (const [text, expected] of cases) expect(minutes(text), text).toBe(expected);
  });

  it('counts a day of work as 8 working hours and a day of waiting as 24 calendar hours', () => {
    expect(DAY_MINUTES).toEqual({ work: 480, wait: 1440 });
    expect(minutes('2 days', 'work')).toBe(16 * 60);
    expect(minutes('2 days', 'wait')).toBe(48 * 60);
    expect(minutes('1d 4h', 'work')).toBe(12 * 60);
    expect(minutes('1 week', 'work')).toBe(WEEK_MINUTES.work);
    expect(WEEK_MINUTES.work).toBe(40 * 60);
    // Hours and minutes mean the same in both.
    expect(minutes('1h 30m', 'work')).toBe(minutes('1h 30m', 'wait'));
  });

  it('reads empty text as not known', () => {
    expect(parseDuration('', 'work')).toEqual({ ok: true, minutes: null });
    expect(parseDuration('   ', 'wait')).toEqual({ ok: true, minutes: null });
  });

  it('refuses what is not a duration, with the reason', () => {
    expect(parseDuration('soon', 'wait')).toEqual({ ok: false, error: 'format' });
    expect(parseDuration('1d 4', 'wait')).toEqual({ ok: false, error: 'format' });
    expect(parseDuration('2 3', 'wait')).toEqual({ ok: false, error: 'format' });
    expect(parseDuration('30 1h', 'wait')).toEqual({ ok: false, error: 'format' });
    expect(parseDuration('h', 'wait')).toEqual({ ok: false, error: 'format' });
    expect(parseDuration('1.2.3h', 'wait')).toEqual({ ok: false, error: 'format' });
    expect(parseDuration('1e3', 'wait')).toEqual({ ok: false, error: 'unit', unit: 'e' });
    expect(parseDuration('3 months', 'wait')).toEqual({ ok: false, error: 'unit', unit: 'months' });
    expect(parseDuration('-5', 'wait')).toEqual({ ok: false, error: 'negative' });
    expect(parseDuration('−5 min', 'wait')).toEqual({ ok: false, error: 'negative' });
    expect(parseDuration('1h 2h', 'wait')).toEqual({ ok: false, error: 'repeated', unit: 'h' });
    expect(parseDuration('1 hour 2 hrs', 'wait')).toEqual({ ok: false, error: 'repeated', unit: 'hrs' });
    expect(parseDuration(`${MAX_MINUTES + 1}`, 'wait')).toEqual({ ok: false, error: 'tooLong' });
    expect(parseDuration('99999 weeks', 'wait')).toEqual({ ok: false, error: 'tooLong' });
    expect(parseDuration('25:61', 'wait').ok).toBe(false);
  });
});

describe('writing a duration', () => {
  it('says minutes, hours and (for waits) calendar days the way people do', () => {
    expect(formatDuration(null, 'work')).toBe('');
    expect(formatDuration(0, 'work')).toBe('0 min');
    expect(formatDuration(45, 'work')).toBe('45 min');
    expect(formatDuration(90, 'work')).toBe('1 h 30 min');
    expect(formatDuration(120, 'wait')).toBe('2 h');
    expect(formatDuration(2 * 1440, 'wait')).toBe('2 d');
    expect(formatDuration(1440 + 4 * 60 + 5, 'wait')).toBe('1 d 4 h 5 min');
    expect(formatDuration(1440 + 5, 'wait')).toBe('1 d 5 min');
    // Work stays in hours: "2 days" of work reads back as the 16 hours it is.
    expect(formatDuration(16 * 60, 'work')).toBe('16 h');
    expect(formatDuration(1.5, 'work')).toBe('1.5 min');
  });

  it('is read back to the same minutes, for any value the contract allows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_MINUTES * 100 }), fc.constantFrom<DurationBasis>('work', 'wait'), (hundredths, basis) => {
        const value = hundredths / 100;
        expect(parseDuration(formatDuration(value, basis), basis)).toEqual({ ok: true, minutes: value });
      }),
      { numRuns: 2000 },
    );
  });
});
