import type { Step } from '../model';
import { PRINT } from '../palette';
import { escapeXml } from '../xml';
import { eventLabelLines, type Box } from '../routing';
import { textWidth, wrapLines } from './text';

/** The SVG pieces a diagram is made of: text blocks, step shapes, markers and icons. */

export const MARKER_SIZE = 22;
/** The size of step text before it shrinks to fit: the report sizes diagrams on paper by it. */
export const STEP_FONT = 13;
const MIN_STEP_FONT = 10;

export function num(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

export function textBlock(lines: readonly string[], cx: number, top: number, size: number, options: { bold?: boolean; color?: string; anchor?: 'middle' | 'start' } = {}): string {
  const lineHeight = size * 1.25;
  const anchor = options.anchor ?? 'middle';
  const weight = options.bold ? ' font-weight="bold"' : '';
  return lines
    .map(
      (line, i) =>
        `<text x="${num(cx)}" y="${num(top + size * 0.95 + i * lineHeight)}" font-size="${size}" text-anchor="${anchor}" fill="${options.color ?? PRINT.text}"${weight}>${escapeXml(line)}</text>`,
    )
    .join('');
}

/**
 * Text centred in a box, at the largest size from 13 px down to 10 px at which it fits whole with
 * every word on one line; failing that, the largest at which long words only split after a hyphen;
 * failing that, the largest at which it fits at all with a word cut where the line is full; and
 * failing everything, the smallest size, ending in an ellipsis.
 */
function fittedText(text: string, box: Box, pad: { x: number; y: number }): string {
  const width = box.width - pad.x * 2;
  const height = box.height - pad.y * 2;
  let whole: { lines: string[]; size: number } | null = null;
  let hyphenated: { lines: string[]; size: number } | null = null;
  let cut: { lines: string[]; size: number } | null = null;
  let smallest: { lines: string[]; size: number } | null = null;
  for (let size = STEP_FONT; size >= MIN_STEP_FONT && !whole; size--) {
    const maxLines = Math.max(1, Math.floor(height / (size * 1.25)));
    const wrapped = wrapLines(text, width, size, maxLines);
    smallest = { lines: wrapped.lines, size };
    if (wrapped.truncated) continue;
    if (!wrapped.broken) whole = smallest;
    else if (!wrapped.cut) hyphenated ??= smallest;
    else cut ??= smallest;
  }
  const chosen = whole ?? hyphenated ?? cut ?? smallest;
  if (!chosen || chosen.lines.length === 0) return '';
  const blockHeight = chosen.lines.length * chosen.size * 1.25;
  return textBlock(chosen.lines, box.x + box.width / 2, box.y + (box.height - blockHeight) / 2, chosen.size);
}

export function marker(x: number, y: number, text: string, color: string): string {
  const width = Math.max(MARKER_SIZE, textWidth(text, 12, true) + 10);
  return (
    `<rect x="${num(x)}" y="${num(y)}" width="${num(width)}" height="${MARKER_SIZE}" rx="${MARKER_SIZE / 2}" fill="${color}" stroke="${PRINT.onMarker}" stroke-width="1.5"/>` +
    `<text x="${num(x + width / 2)}" y="${num(y + 15.5)}" font-size="12" font-weight="bold" text-anchor="middle" fill="${PRINT.onMarker}">${escapeXml(text)}</text>`
  );
}

/** How wide a row of markers is, gaps included. */
export function markerRowWidth(items: readonly { text: string }[]): number {
  return items.reduce((sum, item) => sum + Math.max(MARKER_SIZE, textWidth(item.text, 12, true) + 10) + 3, 0);
}

/** A row of markers ending at `right`, growing leftwards; returns the SVG. */
export function markerRow(right: number, top: number, items: readonly { text: string; color: string }[]): string {
  let x = right;
  let out = '';
  for (const item of [...items].reverse()) {
    const width = Math.max(MARKER_SIZE, textWidth(item.text, 12, true) + 10);
    x -= width;
    out += marker(x, top, item.text, item.color);
    x -= 3;
  }
  return out;
}

export function clockIcon(cx: number, cy: number, r: number): string {
  return (
    `<circle cx="${num(cx)}" cy="${num(cy)}" r="${num(r)}" fill="${PRINT.paper}" stroke="${PRINT.textMuted}" stroke-width="1.4"/>` +
    `<path d="M${num(cx)} ${num(cy - r * 0.6)}V${num(cy)}L${num(cx + r * 0.45)} ${num(cy + r * 0.3)}" fill="none" stroke="${PRINT.textMuted}" stroke-width="1.4" stroke-linecap="round"/>`
  );
}

function plusIcon(cx: number, bottom: number): string {
  const s = 16;
  return (
    `<rect x="${num(cx - s / 2)}" y="${num(bottom - s - 4)}" width="${s}" height="${s}" rx="3" fill="${PRINT.paper}" stroke="${PRINT.stepStroke}" stroke-width="1.4"/>` +
    `<path d="M${num(cx - 4.5)} ${num(bottom - 4 - s / 2)}H${num(cx + 4.5)}M${num(cx)} ${num(bottom - 4 - s / 2 - 4.5)}V${num(bottom - 4 - s / 2 + 4.5)}" stroke="${PRINT.text}" stroke-width="1.6"/>`
  );
}

export function diamondPath(box: Box, inset: number): string {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const hw = box.width / 2 - inset;
  const hh = box.height / 2 - inset;
  return `M${num(cx)} ${num(cy - hh)}L${num(cx + hw)} ${num(cy)}L${num(cx)} ${num(cy + hh)}L${num(cx - hw)} ${num(cy)}Z`;
}

export function stepSvg(step: Step, box: Box): string {
  const text = step.text;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  switch (step.kind) {
    case 'start':
    case 'end': {
      const thick = step.kind === 'end';
      const stroke = thick ? 4.5 : 2;
      const r = box.width / 2 - stroke / 2;
      const color = thick ? PRINT.text : PRINT.start;
      const lines = eventLabelLines(step);
      return (
        `<circle cx="${num(cx)}" cy="${num(cy)}" r="${num(r)}" fill="${PRINT.stepFill}" stroke="${color}" stroke-width="${stroke}"/>` +
        textBlock(lines, cx, box.y + box.height + 4, 12, { color: PRINT.textMuted })
      );
    }
    case 'decision': {
      const shape = `<path d="${diamondPath(box, 2)}" fill="${PRINT.stepFill}" stroke="${PRINT.stepStroke}" stroke-width="1.5" stroke-linejoin="round"/>`;
      const inner = { x: cx - box.width * 0.31, y: cy - box.height * 0.19, width: box.width * 0.62, height: box.height * 0.38 };
      return shape + fittedText(text, inner, { x: 0, y: 0 });
    }
    case 'wait':
      return (
        `<rect x="${num(box.x)}" y="${num(box.y)}" width="${box.width}" height="${box.height}" rx="10" fill="${PRINT.waitFill}" stroke="${PRINT.stepStroke}" stroke-width="1.5" stroke-dasharray="6 3"/>` +
        clockIcon(box.x + 15, box.y + 15, 7) +
        fittedText(text, box, { x: 14, y: 8 })
      );
    case 'subprocess':
      return (
        `<rect x="${num(box.x)}" y="${num(box.y)}" width="${box.width}" height="${box.height}" rx="10" fill="${PRINT.stepFill}" stroke="${PRINT.stepStroke}" stroke-width="1.5"/>` +
        plusIcon(cx, box.y + box.height) +
        fittedText(text, { ...box, height: box.height - 16 }, { x: 10, y: 6 })
      );
    case 'activity':
      return (
        `<rect x="${num(box.x)}" y="${num(box.y)}" width="${box.width}" height="${box.height}" rx="10" fill="${PRINT.stepFill}" stroke="${PRINT.stepStroke}" stroke-width="1.5"/>` +
        fittedText(text, box, { x: 10, y: 6 })
      );
  }
}
