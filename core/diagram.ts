import { LANE_HEADER_WIDTH, laneBands, STEP_SIZE, type LaneBand } from './geometry';
import type { Flow, Lane, PainPoint, Question, Step, StepKind } from './model';
import { escapeXml, oneLine } from './xml';

/**
 * A process as a standalone SVG, drawn where the user put things on the canvas: lane bands with
 * their names, BPMN-like step shapes, orthogonal flows with arrowheads and labels, numbered
 * pain-point markers and open-question markers. Pure string building, so the report worker, the
 * exports and the tests all draw the same picture.
 */

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DiagramInput {
  lanes: readonly Lane[];
  steps: readonly Step[];
  flows: readonly Flow[];
  painPoints?: readonly PainPoint[];
  /** Only open questions get a marker. */
  questions?: readonly Question[];
}

export interface DiagramOptions {
  /** Draw only this horizontal stretch of the canvas (canvas x), with the lane names repeated at the left. */
  range?: { from: number; to: number };
  legend?: boolean;
}

export interface Diagram {
  svg: string;
  width: number;
  height: number;
}

export const COLORS = {
  text: '#1b2230',
  muted: '#5a6474',
  stroke: '#5b6677',
  laneA: '#f3f5f8',
  laneB: '#ebeef3',
  laneHeader: '#e2e6ec',
  border: '#dde1e7',
  stepFill: '#ffffff',
  waitFill: '#f6f7f9',
  start: '#2f855a',
  pain: '#d9480f',
  question: '#b7791f',
} as const;

export const FONT_FAMILY = "Arial, 'Liberation Sans', Helvetica, sans-serif";

const HEADER_WIDTH = LANE_HEADER_WIDTH;
const BODY_MARGIN = 32;
const LEGEND_HEIGHT = 40;
const MARKER_SIZE = 22;
const STEP_FONT = 13;
const MIN_STEP_FONT = 10;
const LABEL_FONT = 12;

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

/**
 * No line holds more code points than this, whatever their widths: a run of zero-width marks (a
 * pasted "Zalgo" text) would otherwise make one line of a hundred thousand characters.
 */
const MAX_LINE_POINTS = 200;

/**
 * The first `maxPieces` pieces of a word too long for one line, each as wide as fits (at least one
 * character). Measured as it goes, so a 100,000-character word costs one pass, not one per piece.
 */
function breakWord(word: string, maxWidth: number, size: number, bold: boolean, maxPieces: number): { pieces: string[]; rest: boolean } {
  const pieces: string[] = [];
  let current = '';
  let points = 0;
  let width = 0;
  for (const ch of word) {
    const w = textWidth(ch, size, bold);
    if (points > 0 && (width + w > maxWidth || points >= MAX_LINE_POINTS)) {
      pieces.push(current);
      if (pieces.length === maxPieces) return { pieces, rest: true };
      current = '';
      points = 0;
      width = 0;
    }
    current += ch;
    points++;
    width += w;
  }
  if (current) pieces.push(current);
  return { pieces, rest: false };
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
 * Greedy word wrap into at most `maxLines` lines no wider than `maxWidth`; words longer than a
 * line are broken, and text that does not fit ends in an ellipsis rather than being clipped.
 * Work is bounded by the lines shown, not by the length of the text.
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
    if (fitsLine(candidate, maxWidth, size, bold)) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    if (fitsLine(word, maxWidth, size, bold)) current = word;
    else {
      const room = Math.max(1, maxLines - lines.length);
      const { pieces, rest } = breakWord(word, maxWidth, size, bold, room + 1);
      if (rest) truncated = true;
      for (const piece of pieces.slice(0, -1)) lines.push(piece);
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

function num(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function textBlock(lines: readonly string[], cx: number, top: number, size: number, options: { bold?: boolean; color?: string; anchor?: 'middle' | 'start' } = {}): string {
  const lineHeight = size * 1.25;
  const anchor = options.anchor ?? 'middle';
  const weight = options.bold ? ' font-weight="bold"' : '';
  return lines
    .map(
      (line, i) =>
        `<text x="${num(cx)}" y="${num(top + size * 0.95 + i * lineHeight)}" font-size="${size}" text-anchor="${anchor}" fill="${options.color ?? COLORS.text}"${weight}>${escapeXml(line)}</text>`,
    )
    .join('');
}

/** Text centred in a box, at the largest size from 13 px down to 10 px at which it fits whole. */
function fittedText(text: string, box: Box, pad: { x: number; y: number }): string {
  const width = box.width - pad.x * 2;
  const height = box.height - pad.y * 2;
  let chosen: { lines: string[]; size: number } | null = null;
  for (let size = STEP_FONT; size >= MIN_STEP_FONT; size--) {
    const maxLines = Math.max(1, Math.floor(height / (size * 1.25)));
    const wrapped = wrapText(text, width, size, maxLines);
    chosen = { lines: wrapped.lines, size };
    if (!wrapped.truncated) break;
  }
  if (!chosen || chosen.lines.length === 0) return '';
  const blockHeight = chosen.lines.length * chosen.size * 1.25;
  return textBlock(chosen.lines, box.x + box.width / 2, box.y + (box.height - blockHeight) / 2, chosen.size);
}

export function stepBox(step: Step, bandTop: number): Box {
  const size = STEP_SIZE[step.kind];
  return { x: step.x, y: bandTop + step.y, width: size.width, height: size.height };
}

/** Where each step is drawn, in canvas coordinates: lane band top plus the step's y within its lane. */
export function stepBoxes(lanes: readonly Lane[], steps: readonly Step[]): { bands: LaneBand[]; boxes: Map<string, Box> } {
  const bands = laneBands(lanes, steps);
  const known = new Set(lanes.map((l) => l.id));
  const top = new Map(bands.map((b) => [b.laneId, b.top]));
  const boxes = new Map<string, Box>();
  for (const step of steps) {
    const laneKey = step.laneId && known.has(step.laneId) ? step.laneId : null;
    boxes.set(step.id, stepBox(step, top.get(laneKey) ?? 0));
  }
  return { bands, boxes };
}

export interface Route {
  points: Point[];
  /** Where a flow label sits (text anchor point). */
  label: Point & { anchor: 'start' | 'middle' };
  /** Where markers on the flow sit. */
  middle: Point;
}

function jogRoute(s: Box, t: Box, jog: number): Route {
  const sRight = s.x + s.width;
  const sMidY = s.y + s.height / 2;
  const tMidY = t.y + t.height / 2;
  const points = [{ x: sRight, y: sMidY }, { x: jog, y: sMidY }, { x: jog, y: tMidY }, { x: t.x, y: tMidY }];
  const rise = tMidY - sMidY;
  // Beside the vertical run, a third of the way along, so the label reads with its own branch.
  const label = Math.abs(rise) >= 60 ? { x: jog + 6, y: sMidY + rise * 0.3 + 4, anchor: 'start' as const } : { x: sRight + 6, y: rise > 0 ? sMidY - 6 : sMidY + 15, anchor: 'start' as const };
  return { points, label, middle: { x: jog, y: sMidY + rise * 0.62 } };
}

/**
 * Orthogonal route candidates between two step boxes, best first by convention: forwards a flow
 * leaves the source on the right and enters the target on the left; stacked steps connect bottom
 * to top; a flow back to an earlier step (rework) runs under or over both, so loops stand out
 * instead of crossing the line they return to.
 */
function candidateRoutes(s: Box, t: Box): Route[] {
  if (s.x === t.x && s.y === t.y && s.width === t.width && s.height === t.height) {
    const right = s.x + s.width;
    const midY = s.y + s.height / 2;
    const over = s.y - 20;
    return [
      {
        points: [{ x: right, y: midY }, { x: right + 20, y: midY }, { x: right + 20, y: over }, { x: s.x + s.width / 2, y: over }, { x: s.x + s.width / 2, y: s.y }],
        label: { x: right + 24, y: over - 4, anchor: 'start' },
        middle: { x: right + 20, y: (midY + over) / 2 },
      },
    ];
  }
  const sRight = s.x + s.width;
  const sMidY = s.y + s.height / 2;
  const tMidY = t.y + t.height / 2;
  const sMidX = s.x + s.width / 2;
  const tMidX = t.x + t.width / 2;
  if (t.x >= sRight + 12) {
    if (Math.abs(sMidY - tMidY) < 1) {
      const straight = { points: [{ x: sRight, y: sMidY }, { x: t.x, y: tMidY }], label: { x: sRight + 6, y: sMidY - 6, anchor: 'start' as const }, middle: { x: (sRight + t.x) / 2, y: sMidY } };
      return [straight];
    }
    const gap = t.x - sRight;
    return [jogRoute(s, t, sRight + Math.min(gap / 2, 40)), jogRoute(s, t, t.x - Math.min(gap / 2, 32)), jogRoute(s, t, sRight + gap / 2)];
  }
  const overlapX = t.x < sRight && t.x + t.width > s.x;
  if (overlapX && (t.y >= s.y + s.height || t.y + t.height <= s.y)) {
    const below = t.y >= s.y + s.height;
    const start = { x: sMidX, y: below ? s.y + s.height : s.y };
    const end = { x: tMidX, y: below ? t.y : t.y + t.height };
    const midY = (start.y + end.y) / 2;
    const points = Math.abs(sMidX - tMidX) < 1 ? [start, end] : [start, { x: sMidX, y: midY }, { x: tMidX, y: midY }, end];
    return [{ points, label: { x: sMidX + 6, y: start.y + (below ? 16 : -8), anchor: 'start' }, middle: { x: (sMidX + tMidX) / 2, y: midY } }];
  }
  if (overlapX) {
    const start = { x: sMidX, y: sMidY };
    const end = { x: tMidX, y: tMidY };
    return [{ points: [start, end], label: { x: (sMidX + tMidX) / 2, y: (sMidY + tMidY) / 2 - 6, anchor: 'middle' }, middle: { x: (sMidX + tMidX) / 2, y: (sMidY + tMidY) / 2 } }];
  }
  const midX = (sMidX + tMidX) / 2;
  const under = Math.max(s.y + s.height, t.y + t.height) + 22;
  const over = Math.min(s.y, t.y) - 22;
  return [
    {
      points: [{ x: sMidX, y: s.y + s.height }, { x: sMidX, y: under }, { x: tMidX, y: under }, { x: tMidX, y: t.y + t.height }],
      label: { x: midX, y: under - 6, anchor: 'middle' },
      middle: { x: midX, y: under },
    },
    {
      points: [{ x: sMidX, y: s.y }, { x: sMidX, y: over }, { x: tMidX, y: over }, { x: tMidX, y: t.y }],
      label: { x: midX, y: over - 6, anchor: 'middle' },
      middle: { x: midX, y: over },
    },
  ];
}

function crossings(route: Route, obstacles: readonly Box[]): number {
  let count = 0;
  for (let i = 1; i < route.points.length; i++) {
    const a = route.points[i - 1] as Point;
    const b = route.points[i] as Point;
    const minX = Math.min(a.x, b.x);
    const maxX = Math.max(a.x, b.x);
    const minY = Math.min(a.y, b.y);
    const maxY = Math.max(a.y, b.y);
    for (const o of obstacles) if (maxX > o.x + 2 && minX < o.x + o.width - 2 && maxY > o.y + 2 && minY < o.y + o.height - 2) count++;
  }
  return count;
}

/** The candidate route that crosses the fewest other steps; ties go to the conventional one. */
export function routeFlow(s: Box, t: Box, obstacles: readonly Box[] = []): Route {
  const others = obstacles.filter((o) => o !== s && o !== t);
  let best: Route | null = null;
  let bestScore = Infinity;
  for (const candidate of candidateRoutes(s, t)) {
    const score = crossings(candidate, others);
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best as Route;
}

function arrowhead(from: Point, to: Point): string {
  const angle = Math.atan2(to.y - from.y, to.x - from.x);
  const length = 10;
  const spread = 0.42;
  const a = { x: to.x - length * Math.cos(angle - spread), y: to.y - length * Math.sin(angle - spread) };
  const b = { x: to.x - length * Math.cos(angle + spread), y: to.y - length * Math.sin(angle + spread) };
  return `<path d="M${num(to.x)} ${num(to.y)}L${num(a.x)} ${num(a.y)}L${num(b.x)} ${num(b.y)}Z" fill="${COLORS.stroke}"/>`;
}

function flowSvg(route: Route, label: string): string {
  const points = route.points;
  const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${num(p.x)} ${num(p.y)}`).join('');
  const last = points[points.length - 1] as Point;
  const before = points[points.length - 2] as Point;
  let out = `<path d="${d}" fill="none" stroke="${COLORS.stroke}" stroke-width="1.6" stroke-linejoin="round"/>${arrowhead(before, last)}`;
  const text = oneLine(label);
  if (text) {
    const { lines } = wrapText(text, 150, LABEL_FONT, 1, true);
    const line = lines[0] ?? '';
    const width = textWidth(line, LABEL_FONT, true);
    const left = route.label.anchor === 'start' ? route.label.x : route.label.x - width / 2;
    out += `<rect x="${num(left - 3)}" y="${num(route.label.y - LABEL_FONT + 1)}" width="${num(width + 6)}" height="${LABEL_FONT + 4}" rx="3" fill="#ffffff" fill-opacity="0.9"/>`;
    out += `<text x="${num(route.label.x)}" y="${num(route.label.y)}" font-size="${LABEL_FONT}" font-weight="bold" text-anchor="${route.label.anchor}" fill="${COLORS.text}">${escapeXml(line)}</text>`;
  }
  return out;
}

function marker(x: number, y: number, text: string, color: string): string {
  const width = Math.max(MARKER_SIZE, textWidth(text, 12, true) + 10);
  return (
    `<rect x="${num(x)}" y="${num(y)}" width="${num(width)}" height="${MARKER_SIZE}" rx="${MARKER_SIZE / 2}" fill="${color}" stroke="#ffffff" stroke-width="1.5"/>` +
    `<text x="${num(x + width / 2)}" y="${num(y + 15.5)}" font-size="12" font-weight="bold" text-anchor="middle" fill="#ffffff">${escapeXml(text)}</text>`
  );
}

/** A row of markers ending at `right`, growing leftwards; returns the SVG. */
function markerRow(right: number, top: number, items: readonly { text: string; color: string }[]): string {
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

function clockIcon(cx: number, cy: number, r: number): string {
  return (
    `<circle cx="${num(cx)}" cy="${num(cy)}" r="${num(r)}" fill="#ffffff" stroke="${COLORS.muted}" stroke-width="1.4"/>` +
    `<path d="M${num(cx)} ${num(cy - r * 0.6)}V${num(cy)}L${num(cx + r * 0.45)} ${num(cy + r * 0.3)}" fill="none" stroke="${COLORS.muted}" stroke-width="1.4" stroke-linecap="round"/>`
  );
}

function plusIcon(cx: number, bottom: number): string {
  const s = 16;
  return (
    `<rect x="${num(cx - s / 2)}" y="${num(bottom - s - 4)}" width="${s}" height="${s}" rx="3" fill="#ffffff" stroke="${COLORS.stroke}" stroke-width="1.4"/>` +
    `<path d="M${num(cx - 4.5)} ${num(bottom - 4 - s / 2)}H${num(cx + 4.5)}M${num(cx)} ${num(bottom - 4 - s / 2 - 4.5)}V${num(bottom - 4 - s / 2 + 4.5)}" stroke="${COLORS.text}" stroke-width="1.6"/>`
  );
}

function diamondPath(box: Box, inset: number): string {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const hw = box.width / 2 - inset;
  const hh = box.height / 2 - inset;
  return `M${num(cx)} ${num(cy - hh)}L${num(cx + hw)} ${num(cy)}L${num(cx)} ${num(cy + hh)}L${num(cx - hw)} ${num(cy)}Z`;
}

const EVENT_LABEL_WIDTH = 140;

function stepSvg(step: Step, box: Box): string {
  const text = step.text;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  switch (step.kind) {
    case 'start':
    case 'end': {
      const thick = step.kind === 'end';
      const stroke = thick ? 4.5 : 2;
      const r = box.width / 2 - stroke / 2;
      const color = thick ? COLORS.text : COLORS.start;
      const label = text || (thick ? 'End' : 'Start');
      const { lines } = wrapText(label, EVENT_LABEL_WIDTH, 12, 3);
      return (
        `<circle cx="${num(cx)}" cy="${num(cy)}" r="${num(r)}" fill="${COLORS.stepFill}" stroke="${color}" stroke-width="${stroke}"/>` +
        textBlock(lines, cx, box.y + box.height + 4, 12, { color: COLORS.muted })
      );
    }
    case 'decision': {
      const shape = `<path d="${diamondPath(box, 2)}" fill="${COLORS.stepFill}" stroke="${COLORS.stroke}" stroke-width="1.5" stroke-linejoin="round"/>`;
      const inner = { x: cx - box.width * 0.31, y: cy - box.height * 0.19, width: box.width * 0.62, height: box.height * 0.38 };
      return shape + fittedText(text, inner, { x: 0, y: 0 });
    }
    case 'wait':
      return (
        `<rect x="${num(box.x)}" y="${num(box.y)}" width="${box.width}" height="${box.height}" rx="10" fill="${COLORS.waitFill}" stroke="${COLORS.stroke}" stroke-width="1.5" stroke-dasharray="6 3"/>` +
        clockIcon(box.x + 15, box.y + 15, 7) +
        fittedText(text, box, { x: 14, y: 8 })
      );
    case 'subprocess':
      return (
        `<rect x="${num(box.x)}" y="${num(box.y)}" width="${box.width}" height="${box.height}" rx="10" fill="${COLORS.stepFill}" stroke="${COLORS.stroke}" stroke-width="1.5"/>` +
        plusIcon(cx, box.y + box.height) +
        fittedText(text, { ...box, height: box.height - 16 }, { x: 10, y: 6 })
      );
    case 'activity':
      return (
        `<rect x="${num(box.x)}" y="${num(box.y)}" width="${box.width}" height="${box.height}" rx="10" fill="${COLORS.stepFill}" stroke="${COLORS.stroke}" stroke-width="1.5"/>` +
        fittedText(text, box, { x: 10, y: 6 })
      );
  }
}

interface LegendItem {
  kind: StepKind | 'pain' | 'question';
  label: string;
}

const LEGEND: LegendItem[] = [
  { kind: 'activity', label: 'Activity' },
  { kind: 'decision', label: 'Decision' },
  { kind: 'start', label: 'Start' },
  { kind: 'end', label: 'End' },
  { kind: 'wait', label: 'Wait' },
  { kind: 'subprocess', label: 'Sub-process' },
  { kind: 'pain', label: 'Pain point' },
  { kind: 'question', label: 'Open question' },
];

function legendIcon(kind: LegendItem['kind'], x: number, cy: number): string {
  const box = { x, y: cy - 9, width: 28, height: 18 };
  switch (kind) {
    case 'activity':
      return `<rect x="${x}" y="${num(cy - 9)}" width="28" height="18" rx="4" fill="#fff" stroke="${COLORS.stroke}" stroke-width="1.3"/>`;
    case 'wait':
      return `<rect x="${x}" y="${num(cy - 9)}" width="28" height="18" rx="4" fill="${COLORS.waitFill}" stroke="${COLORS.stroke}" stroke-width="1.3" stroke-dasharray="4 2"/>${clockIcon(x + 14, cy, 5)}`;
    case 'subprocess':
      return `<rect x="${x}" y="${num(cy - 9)}" width="28" height="18" rx="4" fill="#fff" stroke="${COLORS.stroke}" stroke-width="1.3"/><path d="M${x + 10} ${num(cy)}H${x + 18}M${x + 14} ${num(cy - 4)}V${num(cy + 4)}" stroke="${COLORS.text}" stroke-width="1.5"/>`;
    case 'decision':
      return `<path d="${diamondPath({ ...box, x: x + 4, width: 20, height: 20, y: cy - 10 }, 0)}" fill="#fff" stroke="${COLORS.stroke}" stroke-width="1.3"/>`;
    case 'start':
      return `<circle cx="${x + 14}" cy="${num(cy)}" r="8" fill="#fff" stroke="${COLORS.start}" stroke-width="2"/>`;
    case 'end':
      return `<circle cx="${x + 14}" cy="${num(cy)}" r="7.5" fill="#fff" stroke="${COLORS.text}" stroke-width="3.5"/>`;
    case 'pain':
      return marker(x + 3, cy - MARKER_SIZE / 2, '1', COLORS.pain);
    case 'question':
      return marker(x + 3, cy - MARKER_SIZE / 2, '?', COLORS.question);
  }
}

/** The legend row; `reserved` px at the right are kept free for the process-wide markers. */
function legendSvg(top: number, width: number, extra: string, reserved: number): string {
  let x = 16;
  let out = `<rect x="0" y="${num(top)}" width="${num(width)}" height="${LEGEND_HEIGHT}" fill="#ffffff"/>`;
  const cy = top + LEGEND_HEIGHT / 2;
  for (const item of LEGEND) {
    const w = 34 + textWidth(item.label, 12) + 18;
    if (x + w > width - reserved) break;
    out += legendIcon(item.kind, x, cy);
    out += `<text x="${num(x + 34)}" y="${num(cy + 4.5)}" font-size="12" fill="${COLORS.muted}">${escapeXml(item.label)}</text>`;
    x += w;
  }
  return out + extra;
}

/** The canvas-x extent of everything drawn in the body (steps and event labels), before margins. */
export function contentExtent(input: DiagramInput): { from: number; to: number } {
  if (input.steps.length === 0) return { from: HEADER_WIDTH, to: HEADER_WIDTH + 400 };
  let from = Infinity;
  let to = -Infinity;
  for (const step of input.steps) {
    const width = STEP_SIZE[step.kind].width;
    const extra = step.kind === 'start' || step.kind === 'end' ? (EVENT_LABEL_WIDTH - width) / 2 : 0;
    from = Math.min(from, step.x - extra);
    to = Math.max(to, step.x + width + extra);
  }
  return { from: from - BODY_MARGIN, to: to + BODY_MARGIN };
}

/**
 * Cut points for drawing a wide process in several parts no wider than `maxBodyWidth`, placed in
 * gaps between steps where there is one, so no step is cut in half.
 */
export function diagramSlices(input: DiagramInput, maxBodyWidth: number): { from: number; to: number }[] {
  const extent = contentExtent(input);
  if (extent.to - extent.from <= maxBodyWidth) return [extent];
  const spans = input.steps.map((s) => ({ from: s.x - 12, to: s.x + STEP_SIZE[s.kind].width + 12 })).sort((a, b) => a.from - b.from);
  const slices: { from: number; to: number }[] = [];
  let from = extent.from;
  // Aim for parts of even width, so the last one is not a sliver with only the end event on it.
  const target = (extent.to - extent.from) / Math.ceil((extent.to - extent.from) / maxBodyWidth);
  while (extent.to - from > maxBodyWidth) {
    let cut = from + Math.min(maxBodyWidth, target + maxBodyWidth * 0.1);
    // Move the cut left out of any step it would split; give up (cut anyway) if that leaves too little.
    for (let guard = 0; guard < spans.length; guard++) {
      const inside = spans.find((s) => s.from < cut && s.to > cut);
      if (!inside) break;
      cut = inside.from;
    }
    if (cut - from < maxBodyWidth * 0.4) cut = from + maxBodyWidth;
    slices.push({ from, to: cut });
    from = cut;
  }
  slices.push({ from, to: extent.to });
  return slices;
}

function painNumbersBy(painPoints: readonly PainPoint[], kind: PainPoint['targetKind']): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const p of painPoints) if (p.targetKind === kind) out.set(p.targetId, [...(out.get(p.targetId) ?? []), p.number]);
  for (const list of out.values()) list.sort((a, b) => a - b);
  return out;
}

export function renderDiagram(input: DiagramInput, options: DiagramOptions = {}): Diagram {
  const { bands, boxes } = stepBoxes(input.lanes, input.steps);
  const painPoints = input.painPoints ?? [];
  const openQuestions = new Map<string, number>();
  for (const q of input.questions ?? []) if (q.status === 'open' && q.stepId) openQuestions.set(q.stepId, (openQuestions.get(q.stepId) ?? 0) + 1);
  const stepPains = painNumbersBy(painPoints, 'step');
  const flowPains = painNumbersBy(painPoints, 'flow');
  const lanePains = painNumbersBy(painPoints, 'lane');
  const processPains = painPoints.filter((p) => p.targetKind === 'process').map((p) => p.number).sort((a, b) => a - b);
  const stepIds = new Set(input.steps.map((s) => s.id));
  const flowIds = new Set(input.flows.filter((f) => stepIds.has(f.sourceId) && stepIds.has(f.targetId)).map((f) => f.id));
  // Pain points on something that no longer exists still belong to the process.
  for (const p of painPoints) {
    const orphan = (p.targetKind === 'step' && !stepIds.has(p.targetId)) || (p.targetKind === 'flow' && !flowIds.has(p.targetId));
    if (orphan) processPains.push(p.number);
  }

  const routes = new Map<string, Route>();
  const obstacles = [...boxes.values()];
  for (const flow of input.flows) {
    const s = boxes.get(flow.sourceId);
    const t = boxes.get(flow.targetId);
    if (s && t) routes.set(flow.id, routeFlow(s, t, obstacles));
  }

  const range = options.range ?? contentExtent(input);
  const bodyWidth = Math.max(120, range.to - range.from);
  const width = HEADER_WIDTH + bodyWidth;
  // Rework loops and event labels hang below the lowest step; give the bottom lane room for them.
  let lanesHeight = bands.reduce((sum, b) => sum + b.height, 0);
  let minY = 0;
  for (const box of boxes.values()) minY = Math.min(minY, box.y - MARKER_SIZE);
  for (const box of boxes.values()) lanesHeight = Math.max(lanesHeight, box.y + box.height + 48);
  for (const route of routes.values()) {
    for (const p of route.points) {
      minY = Math.min(minY, p.y - 20);
      lanesHeight = Math.max(lanesHeight, p.y + 24);
    }
  }
  if (bands.length === 0) lanesHeight = Math.max(lanesHeight, 120);
  const top = -minY;
  const legend = options.legend ?? true;
  const height = top + lanesHeight + (legend ? LEGEND_HEIGHT : 0);
  const dx = HEADER_WIDTH - range.from;

  const parts: string[] = [];
  parts.push(`<rect width="${num(width)}" height="${num(height)}" fill="#ffffff"/>`);
  bands.forEach((band, i) => {
    const bandHeight = i === bands.length - 1 ? lanesHeight - band.top : band.height;
    // The first band also covers the strip above it that markers and loops may need.
    const y = i === 0 ? 0 : top + band.top;
    parts.push(`<rect x="0" y="${num(y)}" width="${num(width)}" height="${num(top + band.top + bandHeight - y)}" fill="${i % 2 === 0 ? COLORS.laneA : COLORS.laneB}"/>`);
    parts.push(`<path d="M0 ${num(top + band.top + bandHeight)}H${num(width)}" stroke="${COLORS.border}" stroke-width="1"/>`);
  });

  const body: string[] = [];
  for (const flow of input.flows) {
    const route = routes.get(flow.id);
    if (route) body.push(flowSvg(route, flow.label));
  }
  for (const step of input.steps) {
    const box = boxes.get(step.id);
    if (box) body.push(stepSvg(step, box));
  }
  for (const step of input.steps) {
    const box = boxes.get(step.id);
    if (!box) continue;
    const items: { text: string; color: string }[] = (stepPains.get(step.id) ?? []).map((n) => ({ text: String(n), color: COLORS.pain }));
    if (openQuestions.has(step.id)) items.push({ text: '?', color: COLORS.question });
    if (items.length) body.push(markerRow(box.x + box.width + 6, box.y - 11, items));
  }
  for (const [flowId, numbers] of flowPains) {
    const route = routes.get(flowId);
    if (!route) continue;
    body.push(markerRow(route.middle.x + MARKER_SIZE / 2, route.middle.y - MARKER_SIZE / 2, numbers.map((n) => ({ text: String(n), color: COLORS.pain }))));
  }
  const clipId = `body-${Math.round(range.from)}-${Math.round(range.to)}`;
  parts.push(
    `<clipPath id="${clipId}"><rect x="${num(HEADER_WIDTH)}" y="0" width="${num(bodyWidth)}" height="${num(top + lanesHeight)}"/></clipPath>`,
    `<g clip-path="url(#${clipId})"><g transform="translate(${num(dx)} ${num(top)})">${body.join('')}</g></g>`,
  );

  // Lane names sit in a fixed column on the left, over anything that scrolls under it, as on the canvas.
  parts.push(`<rect x="0" y="0" width="${HEADER_WIDTH}" height="${num(top + lanesHeight)}" fill="${COLORS.laneHeader}"/>`);
  parts.push(`<path d="M${HEADER_WIDTH} 0V${num(top + lanesHeight)}" stroke="${COLORS.border}" stroke-width="1"/>`);
  bands.forEach((band, i) => {
    const bandHeight = i === bands.length - 1 ? lanesHeight - band.top : band.height;
    const lane = band.laneId ? input.lanes.find((l) => l.id === band.laneId) : undefined;
    const name = wrapText(band.name || 'Unnamed lane', HEADER_WIDTH - 28, 14, 4, true).lines;
    const kind = lane ? lane.kind.charAt(0).toUpperCase() + lane.kind.slice(1) : '';
    const pains = band.laneId ? (lanePains.get(band.laneId) ?? []) : [];
    const blockHeight = name.length * 17.5 + (kind ? 18 : 0) + (pains.length ? 28 : 0);
    const y0 = top + band.top + Math.max(8, (bandHeight - blockHeight) / 2);
    parts.push(textBlock(name, 14, y0, 14, { bold: true, anchor: 'start' }));
    if (kind) parts.push(textBlock([kind], 14, y0 + name.length * 17.5 + 2, 12, { color: COLORS.muted, anchor: 'start' }));
    if (pains.length) {
      let x = 14;
      for (const n of pains) {
        parts.push(marker(x, y0 + name.length * 17.5 + (kind ? 20 : 4), String(n), COLORS.pain));
        x += Math.max(MARKER_SIZE, textWidth(String(n), 12, true) + 10) + 3;
      }
    }
    parts.push(`<path d="M0 ${num(top + band.top + bandHeight)}H${HEADER_WIDTH}" stroke="${COLORS.border}" stroke-width="1"/>`);
  });
  if (input.steps.length === 0) {
    parts.push(textBlock(['No steps drawn yet'], HEADER_WIDTH + bodyWidth / 2, top + lanesHeight / 2 - 8, 14, { color: COLORS.muted }));
  }
  if (options.range) {
    const extent = contentExtent(input);
    if (options.range.from > extent.from + 1) parts.push(continuation(HEADER_WIDTH + 4, top + 4, '← continued', 'start'));
    if (options.range.to < extent.to - 1) parts.push(continuation(width - 4, top + 4, 'continues →', 'end'));
  }

  if (legend) {
    let extra = '';
    let reserved = 0;
    const uniquePains = [...new Set(processPains)];
    if (uniquePains.length) {
      const label = 'Whole process:';
      const markersWidth = uniquePains.reduce((w, n) => w + Math.max(MARKER_SIZE, textWidth(String(n), 12, true) + 10) + 3, 0);
      const right = width - 12;
      const textRight = right - markersWidth - 6;
      reserved = width - textRight + textWidth(label, 12) + 16;
      extra += `<text x="${num(textRight)}" y="${num(top + lanesHeight + LEGEND_HEIGHT / 2 + 4.5)}" font-size="12" text-anchor="end" fill="${COLORS.muted}">${label}</text>`;
      extra += markerRow(right, top + lanesHeight + (LEGEND_HEIGHT - MARKER_SIZE) / 2, uniquePains.map((n) => ({ text: String(n), color: COLORS.pain })));
    }
    parts.push(legendSvg(top + lanesHeight, width, extra, reserved));
  }

  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" font-family="${FONT_FAMILY}">` +
    parts.join('') +
    `</svg>`;
  return { svg, width, height };
}

function continuation(x: number, y: number, text: string, anchor: 'start' | 'end'): string {
  const w = textWidth(text, 11) + 10;
  const left = anchor === 'start' ? x : x - w;
  return (
    `<rect x="${num(left)}" y="${num(y)}" width="${num(w)}" height="18" rx="9" fill="#ffffff" stroke="${COLORS.border}"/>` +
    `<text x="${num(left + w / 2)}" y="${num(y + 13)}" font-size="11" text-anchor="middle" fill="${COLORS.muted}">${text}</text>`
  );
}
