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

function charWidth(point: number): number {
  if (point >= 0x20 && point <= 0x7e) return ASCII_WIDTHS[point - 0x20] ?? 556;
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

function breakWord(word: string, maxWidth: number, size: number, bold: boolean): string[] {
  const parts: string[] = [];
  let current = '';
  for (const ch of word) {
    if (current && textWidth(current + ch, size, bold) > maxWidth) {
      parts.push(current);
      current = ch;
    } else current += ch;
  }
  if (current) parts.push(current);
  return parts;
}

function ellipsize(line: string, maxWidth: number, size: number, bold: boolean): string {
  let points = Array.from(line.trimEnd());
  while (points.length > 0 && textWidth(`${points.join('')}…`, size, bold) > maxWidth) points = points.slice(0, -1);
  return `${points.join('').trimEnd()}…`;
}

/**
 * Greedy word wrap into at most `maxLines` lines no wider than `maxWidth`; words longer than a
 * line are broken, and text that does not fit ends in an ellipsis rather than being clipped.
 */
export function wrapText(text: string, maxWidth: number, size: number, maxLines: number, bold = false): { lines: string[]; truncated: boolean } {
  const words = oneLine(text).split(' ').filter(Boolean);
  const lines: string[] = [];
  let current = '';
  let truncated = false;
  // Very long pasted text: only the first few hundred words can ever be shown in a shape.
  const limit = Math.min(words.length, maxLines * 40);
  let used = 0;
  while (used < limit && lines.length < maxLines) {
    const word = words[used++] ?? '';
    const candidate = current ? `${current} ${word}` : word;
    if (textWidth(candidate, size, bold) <= maxWidth) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    if (textWidth(word, size, bold) <= maxWidth) current = word;
    else {
      const pieces = breakWord(word, maxWidth, size, bold);
      lines.push(...pieces.slice(0, -1));
      current = pieces[pieces.length - 1] ?? '';
    }
  }
  if (used < words.length) truncated = true;
  if (current) lines.push(current);
  if (lines.length > maxLines) {
    truncated = true;
    lines.length = maxLines;
  }
  if (truncated && lines.length > 0) lines[lines.length - 1] = ellipsize(lines[lines.length - 1] ?? '', maxWidth, size, bold);
  return { lines, truncated };
}
