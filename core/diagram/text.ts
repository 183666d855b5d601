import { oneLine } from '../xml';

/**
 * Text measuring and wrapping for the diagrams: widths estimated from Arial's advance widths, so
 * the same words wrap the same way in the report worker, the exports and the tests, with no font
 * engine at hand.
 */

/** The font the widths below are measured for, with the metric-compatible stand-ins. */
export const FONT_FAMILY = "Arial, 'Liberation Sans', Helvetica, sans-serif";

// Advance widths of printable ASCII in Arial/Helvetica (thousandths of an em), from 0x20 to 0x7e.
const ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584,
  584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667,
  611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500,
  722, 500, 500, 500, 334, 260, 334, 584,
];

// Typographic punctuation the app itself writes (quotes, dashes, bullets, arrows), in Arial.
const PUNCTUATION_WIDTHS = new Map([
  [0xa0, 278], [0xb7, 278], [0x2013, 556], [0x2014, 1000], [0x2018, 222], [0x2019, 222], [0x201c, 333], [0x201d, 333],
  [0x2022, 350], [0x2026, 1000], [0x2190, 1000], [0x2192, 1000],
]);

function charWidth(point: number): number {
  if (point >= 0x20 && point <= 0x7e) return ASCII_WIDTHS[point - 0x20] ?? 556;
  const punctuation = PUNCTUATION_WIDTHS.get(point);
  if (punctuation !== undefined) return punctuation;
  if (point < 0x20) return 0;
  // Combining marks and zero-width joiners take no room of their own.
  if ((point >= 0x300 && point <= 0x36f) || point === 0x200d || (point >= 0xfe00 && point <= 0xfe0f)) return 0;
  // CJK, Hangul, full-width forms and emoji are about one em wide.
  if ((point >= 0x2e80 && point <= 0xa4cf) || (point >= 0xac00 && point <= 0xd7af) || (point >= 0xf900 && point <= 0xfaff) || (point >= 0xff00 && point <= 0xffef)) return 1000;
  if (point >= 0x1f000 || (point >= 0x2600 && point <= 0x27bf)) return 1000;
  return 600;
}

/** Estimated width of `text` in px at `size` px; bold runs a little wider. */
export function textWidth(text: string, size: number, bold = false): number {
  let total = 0;
  for (const ch of text) total += charWidth(ch.codePointAt(0) ?? 0);
  return (total / 1000) * size * (bold ? 1.07 : 1);
}

/**
 * No line holds more code points than this, whatever their widths: a run of zero-width marks (a
 * pasted "Zalgo" text) would otherwise make one line of a hundred thousand characters.
 */
const MAX_LINE_POINTS = 200;

/** Where a word may be split without splitting a part of it: after a hyphen, dash or slash. */
const SOFT_BREAK = /[-\u2010\u2013\u2014/]/;

/**
 * The first `maxPieces` pieces of a word too long for one line, each as wide as fits (at least one
 * character). A piece ends after a hyphen, dash or slash where there is one to end at
 * ("Infrastructure-" / "owned"); only a part with none is cut where the line is full. Measured as
 * it goes, so a 100,000-character word costs one pass, not one per piece.
 */
function breakWord(word: string, maxWidth: number, size: number, bold: boolean, maxPieces: number): { pieces: string[]; rest: boolean; cut: boolean } {
  const pieces: string[] = [];
  let current = '';
  let points = 0;
  let width = 0;
  // Length (UTF-16) of `current` up to and including its last soft break; 0 when it has none.
  let soft = 0;
  let cut = false;
  for (const ch of word) {
    const w = textWidth(ch, size, bold);
    if (points > 0 && (width + w > maxWidth || points >= MAX_LINE_POINTS)) {
      const at = soft > 0 && soft < current.length ? soft : current.length;
      if (at === current.length) cut = true;
      pieces.push(current.slice(0, at));
      if (pieces.length === maxPieces) return { pieces, rest: true, cut };
      current = current.slice(at);
      // What carries over is shorter than one line, so measuring it again stays bounded.
      points = Array.from(current).length;
      width = textWidth(current, size, bold);
      soft = 0;
    }
    current += ch;
    points++;
    width += w;
    if (SOFT_BREAK.test(ch)) soft = current.length;
  }
  if (current) pieces.push(current);
  return { pieces, rest: false, cut };
}

/** The longest start of `line` that fits with an ellipsis after it; one pass however long the line. */
function ellipsize(line: string, maxWidth: number, size: number, bold: boolean): string {
  const room = maxWidth - textWidth('…', size, bold);
  let kept = '';
  let width = 0;
  for (const ch of line.trimEnd()) {
    const w = textWidth(ch, size, bold);
    if (width + w > room) break;
    kept += ch;
    width += w;
  }
  return `${kept.trimEnd()}…`;
}

/** Words no wider and no longer than a line; every returned string is bounded by MAX_LINE_POINTS. */
function fitsLine(text: string, maxWidth: number, size: number, bold: boolean): boolean {
  return text.length <= MAX_LINE_POINTS * 2 && Array.from(text).length <= MAX_LINE_POINTS && textWidth(text, size, bold) <= maxWidth;
}

/**
 * Greedy word wrap into at most `maxLines` lines no wider than `maxWidth`. Lines break between
 * words; a word wider than a whole line is split after a hyphen where it has one (`broken`), and
 * cut where the line is full only where it has none (`cut`), so a caller can try a smaller size first. Text that does not fit ends in an ellipsis
 * rather than being clipped. Work is bounded by the lines shown, not by the length of the text.
 */
export function wrapLines(text: string, maxWidth: number, size: number, maxLines: number, bold = false): { lines: string[]; truncated: boolean; broken: boolean; cut: boolean } {
  const words = oneLine(text).split(' ').filter(Boolean);
  const lines: string[] = [];
  let current = '';
  let truncated = false;
  let broken = false;
  let cut = false;
  // Very long pasted text: only the first few hundred words can ever be shown in a shape.
  const limit = Math.min(words.length, maxLines * 40);
  let used = 0;
  while (used < limit && lines.length < maxLines) {
    const word = words[used++] ?? '';
    const candidate = current ? `${current} ${word}` : word;
    if (fitsLine(candidate, maxWidth, size, bold)) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    if (fitsLine(word, maxWidth, size, bold)) current = word;
    else {
      broken = true;
      const room = Math.max(1, maxLines - lines.length);
      const pieces = breakWord(word, maxWidth, size, bold, room + 1);
      if (pieces.rest) truncated = true;
      if (pieces.cut) cut = true;
      for (const piece of pieces.pieces.slice(0, -1)) lines.push(piece);
      current = pieces.pieces[pieces.pieces.length - 1] ?? '';
    }
  }
  if (used < words.length) truncated = true;
  if (current) lines.push(current);
  if (lines.length > maxLines) {
    truncated = true;
    lines.length = maxLines;
  }
  if (truncated && lines.length > 0) lines[lines.length - 1] = ellipsize(lines[lines.length - 1] ?? '', maxWidth, size, bold);
  return { lines, truncated, broken, cut };
}

/** wrapText's lines, for callers that have no smaller size to try when a word had to be split. */
export function wrapText(text: string, maxWidth: number, size: number, maxLines: number, bold = false): { lines: string[]; truncated: boolean } {
  const { lines, truncated } = wrapLines(text, maxWidth, size, maxLines, bold);
  return { lines, truncated };
}
