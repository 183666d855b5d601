import { LANE_HEADER_WIDTH, STEP_SIZE } from '../geometry';
import { LANE_KIND_LABELS } from '../labels';
import { say } from '../messages';
import type { Flow, Lane, PainPoint, Question, Step } from '../model';
import { PRINT } from '../palette';
import { escapeXml } from '../xml';
import { LEGEND_HEIGHT, legendSvg } from './legend';
import { EVENT_LABEL_WIDTH, LABEL_FONT, roundedPath, stepBoxes, type FlowRoute, type Point, type Routes } from '../routing';
import { marker, MARKER_SIZE, markerRow, markerRowWidth, num, stepSvg, textBlock } from './shapes';
import { FONT_FAMILY, textWidth, wrapText } from './text';

/**
 * A process as a standalone SVG, drawn where the user put things on the canvas: lane bands with
 * their names, BPMN-like step shapes, orthogonal flows with arrowheads and labels, numbered
 * pain-point markers and open-question markers. Pure string building, so the report worker, the
 * exports and the tests all draw the same picture.
 */

export interface DiagramInput {
  lanes: readonly Lane[];
  steps: readonly Step[];
  flows: readonly Flow[];
  painPoints?: readonly PainPoint[];
  /** Only open questions get a marker. */
  questions?: readonly Question[];
  /** The flows' routes (core/routing.ts routeProcess), as the canvas draws them. */
  routes: Routes;
}

export interface DiagramOptions {
  /** Draw only this horizontal stretch of the canvas (canvas x), with the lane names repeated at the left. */
  range?: { from: number; to: number };
  legend?: boolean;
  /** Steps ringed in a colour (step id to colour): the differences of documented versus observed. */
  highlight?: ReadonlyMap<string, string>;
}

export interface Diagram {
  svg: string;
  width: number;
  height: number;
}

const HEADER_WIDTH = LANE_HEADER_WIDTH;
const BODY_MARGIN = 32;
/**
 * How far beyond a part's stretch (canvas px) something is still drawn: text is measured by
 * estimate, and a script the estimate gets wrong may run wider than reckoned.
 */
const CULL_MARGIN = 300;

/** The canvas-x extent of a flow: its path and its label. */
function routeExtent(route: FlowRoute): [number, number] {
  let from = Infinity;
  let to = -Infinity;
  for (const p of route.points) {
    from = Math.min(from, p.x);
    to = Math.max(to, p.x);
  }
  if (route.label) {
    from = Math.min(from, route.label.x);
    to = Math.max(to, route.label.x + route.label.width);
  }
  return [from, to];
}

function arrowhead(from: Point, to: Point): string {
  const angle = Math.atan2(to.y - from.y, to.x - from.x);
  const length = 10;
  const spread = 0.42;
  const a = { x: to.x - length * Math.cos(angle - spread), y: to.y - length * Math.sin(angle - spread) };
  const b = { x: to.x - length * Math.cos(angle + spread), y: to.y - length * Math.sin(angle + spread) };
  return `<path d="M${num(to.x)} ${num(to.y)}L${num(a.x)} ${num(a.y)}L${num(b.x)} ${num(b.y)}Z" fill="${PRINT.stepStroke}"/>`;
}

function flowSvg(route: FlowRoute): string {
  const points = route.points;
  const last = points[points.length - 1] as Point;
  const before = points[points.length - 2] as Point;
  let out = `<path d="${roundedPath(points)}" fill="none" stroke="${PRINT.stepStroke}" stroke-width="1.6" stroke-linejoin="round"/>${arrowhead(before, last)}`;
  const label = route.label;
  if (label) {
    out += `<rect x="${num(label.x)}" y="${num(label.y)}" width="${num(label.width)}" height="${num(label.height)}" rx="3" fill="${PRINT.paper}" fill-opacity="0.9"/>`;
    out += `<text x="${num(label.x + label.width / 2)}" y="${num(label.y + label.height - 4)}" font-size="${LABEL_FONT}" font-weight="bold" text-anchor="middle" fill="${PRINT.text}">${escapeXml(label.text)}</text>`;
  }
  return out;
}

/** The canvas-x extent of everything drawn in the body (steps, event labels, flows and their labels), before margins. */
export function contentExtent(input: Pick<DiagramInput, 'steps' | 'routes'>): { from: number; to: number } {
  if (input.steps.length === 0) return { from: HEADER_WIDTH, to: HEADER_WIDTH + 400 };
  let from = Infinity;
  let to = -Infinity;
  for (const step of input.steps) {
    const width = STEP_SIZE[step.kind].width;
    const extra = step.kind === 'start' || step.kind === 'end' ? (EVENT_LABEL_WIDTH - width) / 2 : 0;
    from = Math.min(from, step.x - extra);
    to = Math.max(to, step.x + width + extra);
  }
  for (const route of Object.values(input.routes)) {
    const [start, end] = routeExtent(route);
    from = Math.min(from, start);
    to = Math.max(to, end);
  }
  return { from: from - BODY_MARGIN, to: to + BODY_MARGIN };
}

/**
 * Cut points for drawing a wide process in several parts no wider than `maxBodyWidth`, placed in
 * gaps between steps where there is one, so no step is cut in half.
 */
export function diagramSlices(input: Pick<DiagramInput, 'steps' | 'routes'>, maxBodyWidth: number): { from: number; to: number }[] {
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

  const routes = new Map<string, FlowRoute>();
  for (const flow of input.flows) {
    const route = input.routes[flow.id];
    if (route && boxes.has(flow.sourceId) && boxes.has(flow.targetId)) routes.set(flow.id, route);
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
    if (route.label) {
      minY = Math.min(minY, route.label.y - 8);
      lanesHeight = Math.max(lanesHeight, route.label.y + route.label.height + 8);
    }
  }
  if (bands.length === 0) lanesHeight = Math.max(lanesHeight, 120);
  const top = -minY;
  const legend = options.legend ?? true;
  const height = top + lanesHeight + (legend ? LEGEND_HEIGHT : 0);
  const dx = HEADER_WIDTH - range.from;

  const parts: string[] = [];
  parts.push(`<rect width="${num(width)}" height="${num(height)}" fill="${PRINT.paper}"/>`);
  bands.forEach((band, i) => {
    const bandHeight = i === bands.length - 1 ? lanesHeight - band.top : band.height;
    // The first band also covers the strip above it that markers and loops may need.
    const y = i === 0 ? 0 : top + band.top;
    parts.push(`<rect x="0" y="${num(y)}" width="${num(width)}" height="${num(top + band.top + bandHeight - y)}" fill="${i % 2 === 0 ? PRINT.laneA : PRINT.laneB}"/>`);
    parts.push(`<path d="M0 ${num(top + band.top + bandHeight)}H${num(width)}" stroke="${PRINT.border}" stroke-width="1"/>`);
  });

  // A part leaves out what lies wholly outside its stretch: the clip hides it anyway, and drawing
  // it would cost a PNG renderer (and the document's size) as much as the whole map, once per part.
  const shown = (from: number, to: number) => !options.range || (to >= range.from - CULL_MARGIN && from <= range.to + CULL_MARGIN);
  const body: string[] = [];
  for (const flow of input.flows) {
    const route = routes.get(flow.id);
    if (route && shown(...routeExtent(route))) body.push(flowSvg(route));
  }
  for (const step of input.steps) {
    const box = boxes.get(step.id);
    const colour = options.highlight?.get(step.id);
    if (box && colour && shown(box.x - 7, box.x + box.width + 7)) {
      body.push(`<rect x="${num(box.x - 7)}" y="${num(box.y - 7)}" width="${num(box.width + 14)}" height="${num(box.height + 14)}" rx="11" fill="${colour}" fill-opacity="0.16" stroke="${colour}" stroke-width="3"/>`);
    }
  }
  for (const step of input.steps) {
    const box = boxes.get(step.id);
    if (box && shown(box.x - EVENT_LABEL_WIDTH, box.x + box.width + EVENT_LABEL_WIDTH)) body.push(stepSvg(step, box));
  }
  for (const step of input.steps) {
    const box = boxes.get(step.id);
    if (!box) continue;
    const items: { text: string; color: string }[] = (stepPains.get(step.id) ?? []).map((n) => ({ text: String(n), color: PRINT.pain }));
    if (openQuestions.has(step.id)) items.push({ text: '?', color: PRINT.question });
    const right = box.x + box.width + 6;
    if (items.length && shown(right - markerRowWidth(items), right)) body.push(markerRow(right, box.y - 11, items));
  }
  for (const [flowId, numbers] of flowPains) {
    const route = routes.get(flowId);
    if (!route) continue;
    const items = numbers.map((n) => ({ text: String(n), color: PRINT.pain }));
    const right = route.middle.x + MARKER_SIZE / 2;
    if (shown(right - markerRowWidth(items), right)) body.push(markerRow(right, route.middle.y - MARKER_SIZE / 2, items));
  }
  const clipId = `body-${Math.round(range.from)}-${Math.round(range.to)}`;
  parts.push(
    `<clipPath id="${clipId}"><rect x="${num(HEADER_WIDTH)}" y="0" width="${num(bodyWidth)}" height="${num(top + lanesHeight)}"/></clipPath>`,
    `<g clip-path="url(#${clipId})"><g transform="translate(${num(dx)} ${num(top)})">${body.join('')}</g></g>`,
  );

  // Lane names sit in a fixed column on the left, over anything that scrolls under it, as on the canvas.
  parts.push(`<rect x="0" y="0" width="${HEADER_WIDTH}" height="${num(top + lanesHeight)}" fill="${PRINT.laneHeader}"/>`);
  parts.push(`<path d="M${HEADER_WIDTH} 0V${num(top + lanesHeight)}" stroke="${PRINT.border}" stroke-width="1"/>`);
  bands.forEach((band, i) => {
    const bandHeight = i === bands.length - 1 ? lanesHeight - band.top : band.height;
    const lane = band.laneId ? input.lanes.find((l) => l.id === band.laneId) : undefined;
    const name = wrapText(band.name || say('diagram.unnamedLane'), HEADER_WIDTH - 28, 14, 4, true).lines;
    const kind = lane ? LANE_KIND_LABELS[lane.kind] : '';
    const pains = band.laneId ? (lanePains.get(band.laneId) ?? []) : [];
    const blockHeight = name.length * 17.5 + (kind ? 18 : 0) + (pains.length ? 28 : 0);
    const y0 = top + band.top + Math.max(8, (bandHeight - blockHeight) / 2);
    parts.push(textBlock(name, 14, y0, 14, { bold: true, anchor: 'start' }));
    if (kind) parts.push(textBlock([kind], 14, y0 + name.length * 17.5 + 2, 12, { color: PRINT.textMuted, anchor: 'start' }));
    if (pains.length) {
      let x = 14;
      for (const n of pains) {
        parts.push(marker(x, y0 + name.length * 17.5 + (kind ? 20 : 4), String(n), PRINT.pain));
        x += Math.max(MARKER_SIZE, textWidth(String(n), 12, true) + 10) + 3;
      }
    }
    parts.push(`<path d="M0 ${num(top + band.top + bandHeight)}H${HEADER_WIDTH}" stroke="${PRINT.border}" stroke-width="1"/>`);
  });
  if (input.steps.length === 0) {
    parts.push(textBlock([say('diagram.noSteps')], HEADER_WIDTH + bodyWidth / 2, top + lanesHeight / 2 - 8, 14, { color: PRINT.textMuted }));
  }
  if (options.range) {
    const extent = contentExtent(input);
    if (options.range.from > extent.from + 1) parts.push(continuation(HEADER_WIDTH + 4, top + 4, say('diagram.continued'), 'start'));
    if (options.range.to < extent.to - 1) parts.push(continuation(width - 4, top + 4, say('diagram.continues'), 'end'));
  }

  if (legend) {
    let extra = '';
    let reserved = 0;
    const uniquePains = [...new Set(processPains)];
    if (uniquePains.length) {
      const label = say('diagram.wholeProcess');
      const markersWidth = uniquePains.reduce((w, n) => w + Math.max(MARKER_SIZE, textWidth(String(n), 12, true) + 10) + 3, 0);
      const right = width - 12;
      const textRight = right - markersWidth - 6;
      reserved = width - textRight + textWidth(label, 12) + 16;
      extra += `<text x="${num(textRight)}" y="${num(top + lanesHeight + LEGEND_HEIGHT / 2 + 4.5)}" font-size="12" text-anchor="end" fill="${PRINT.textMuted}">${escapeXml(label)}</text>`;
      extra += markerRow(right, top + lanesHeight + (LEGEND_HEIGHT - MARKER_SIZE) / 2, uniquePains.map((n) => ({ text: String(n), color: PRINT.pain })));
    }
    parts.push(legendSvg(top + lanesHeight, width, extra, reserved));
  }

  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" font-family="${FONT_FAMILY}">` +
    parts.join('') +
    `</svg>`;
  return { svg, width, height };
}

/**
 * The same drawing for a renderer that clips to the picture's own edges, as a PNG renderer does.
 * The body's clip only hides what runs past the part's edges, and on the left the lane names'
 * column is painted over the body anyway; resvg draws a clipped group on a layer of its own, which
 * costs a quarter of a part's drawing time. The pixels differ only in the rounding of edges.
 */
export function withoutBodyClip(svg: string): string {
  return svg.replace(/<g clip-path="url\(#body-[^"]*\)">/, '<g>');
}

function continuation(x: number, y: number, text: string, anchor: 'start' | 'end'): string {
  const w = textWidth(text, 11) + 10;
  const left = anchor === 'start' ? x : x - w;
  return (
    `<rect x="${num(left)}" y="${num(y)}" width="${num(w)}" height="18" rx="9" fill="${PRINT.paper}" stroke="${PRINT.border}"/>` +
    `<text x="${num(left + w / 2)}" y="${num(y + 13)}" font-size="11" text-anchor="middle" fill="${PRINT.textMuted}">${escapeXml(text)}</text>`
  );
}
