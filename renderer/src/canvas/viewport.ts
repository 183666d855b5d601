import { LANE_HEADER_WIDTH, STEP_SIZE, type LaneBand } from '../../../core/geometry';
import type { Step } from '../../../core/model';

/**
 * Where the canvas looks: pure arithmetic on React Flow's viewport (screen = flow × zoom + offset),
 * shared by Fit, the first view of a process, the presenter view and "follow the selection".
 * Rectangles in flow coordinates are `Box`; rectangles on screen, relative to the pane, `Rect`.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}
export interface Pane {
  width: number;
  height: number;
  /** What floats over the canvas (zoom controls, minimap, an overlaid panel), relative to the pane. */
  obstacles: readonly Rect[];
}

/** Step text is 13 px: at 0.7 it is about 9 px on screen, the smallest a consultant reads over a shoulder. */
export const READABLE_ZOOM = 0.7;
/** The presenter view's smallest text is 12 px (the tiniest labels and marker numbers); below 1 the room cannot read it. */
export const PRESENT_ZOOM = 1;
export const MAX_ZOOM = 2.5;
/** The most a fit zooms in: a three-step process does not need to fill a projector. */
const FIT_MAX_ZOOM = 1.1;
const PRESENT_FIT_MAX_ZOOM = 1.25;
/** React Flow's usual floor, lowered only as far as a process needs to be seen whole. */
const USUAL_MIN_ZOOM = 0.2;
/** Room kept between a step and the pane's edge, the lane names or anything floating over the canvas. */
const MARGIN = 24;

/**
 * The lane name column stays readable whatever the zoom: never narrower than a short name at 11 px,
 * never so wide at 250% that it eats the pane.
 */
export const HEADER_MIN_WIDTH = 128;
export const HEADER_MAX_WIDTH = 220;

/**
 * The fixed lane name column on screen. It covers the lanes' own header gutter while that is in
 * view (so it moves with the lanes when they start right of the pane's edge) and sticks to the
 * left edge once the lanes are panned past it.
 */
export function headerColumn(viewport: Viewport): { left: number; width: number; right: number } {
  const gutter = LANE_HEADER_WIDTH * viewport.zoom;
  const width = Math.min(HEADER_MAX_WIDTH, Math.max(HEADER_MIN_WIDTH, gutter));
  const right = Math.max(viewport.x + gutter, width);
  return { left: right - width, width, right };
}

/** A step's box including what is drawn outside its shape: a start or end step's name sits under the circle. */
export function stepBox(step: Pick<Step, 'kind' | 'x' | 'y' | 'laneId'>, bands: readonly LaneBand[], knownLanes: ReadonlySet<string>): Box {
  const laneKey = step.laneId && knownLanes.has(step.laneId) ? step.laneId : null;
  const top = bands.find((b) => b.laneId === laneKey)?.top ?? 0;
  const size = STEP_SIZE[step.kind];
  if (step.kind === 'start' || step.kind === 'end') {
    const labelWidth = 140;
    return { x: step.x + size.width / 2 - labelWidth / 2, y: top + step.y, width: labelWidth, height: size.height + 36 };
  }
  return { x: step.x, y: top + step.y, width: size.width, height: size.height };
}

export function union(boxes: readonly Box[]): Box | null {
  if (boxes.length === 0) return null;
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const b of boxes) {
    left = Math.min(left, b.x);
    top = Math.min(top, b.y);
    right = Math.max(right, b.x + b.width);
    bottom = Math.max(bottom, b.y + b.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

export function onScreen(box: Box, viewport: Viewport): Rect {
  const left = box.x * viewport.zoom + viewport.x;
  const top = box.y * viewport.zoom + viewport.y;
  return { left, top, right: left + box.width * viewport.zoom, bottom: top + box.height * viewport.zoom };
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function grow(r: Rect, by: number): Rect {
  return { left: r.left - by, top: r.top - by, right: r.right + by, bottom: r.bottom + by };
}

/** The part of the pane a step may sit in at this zoom: clear of the edges and of the lane name column. */
function safeArea(pane: Pane, zoom: number): Rect {
  const column = headerColumn({ x: 0, y: 0, zoom });
  return { left: column.width + MARGIN, top: MARGIN, right: pane.width - MARGIN, bottom: pane.height - MARGIN };
}

/** The lowest zoom the canvas allows: the usual floor, or lower when that is what it takes to see the whole process. */
export function minZoomFor(content: Box | null, pane: { width: number; height: number }): number {
  if (!content || pane.width <= 0 || pane.height <= 0) return USUAL_MIN_ZOOM;
  const whole = Math.min((pane.width - HEADER_MIN_WIDTH - 2 * MARGIN) / content.width, (pane.height - 2 * MARGIN) / content.height);
  return Math.max(0.001, Math.min(USUAL_MIN_ZOOM, whole * 0.8));
}

/** The largest zoom at which `content` fits `area` with the lane column on its left (whose width itself follows the zoom). */
function fitInto(content: Box, area: Rect, maxZoom: number): Viewport {
  let zoom = maxZoom;
  // The column's width depends on the zoom and the zoom on the room the column leaves: a few rounds settle it.
  for (let round = 0; round < 4; round++) {
    const left = Math.max(area.left, headerColumn({ x: 0, y: 0, zoom }).width + MARGIN);
    const width = area.right - left;
    const height = area.bottom - area.top;
    const next = Math.min(maxZoom, width / content.width, height / content.height);
    if (Math.abs(next - zoom) < 1e-6) break;
    zoom = next;
  }
  zoom = Math.max(zoom, 1e-4);
  const left = Math.max(area.left, headerColumn({ x: 0, y: 0, zoom }).width + MARGIN);
  const x = left + (area.right - left - content.width * zoom) / 2 - content.x * zoom;
  const y = area.top + (area.bottom - area.top - content.height * zoom) / 2 - content.y * zoom;
  return { x, y, zoom };
}

/**
 * The viewport that shows all of `content`, as large as the pane allows, clear of the lane names
 * and of whatever floats over the canvas: for each obstacle in the way it tries keeping the
 * content beside it and below or above it, and keeps whichever leaves the larger zoom.
 */
export function fitViewport(content: Box, pane: Pane, presenter: boolean): Viewport {
  const maxZoom = presenter ? PRESENT_FIT_MAX_ZOOM : FIT_MAX_ZOOM;
  const base: Rect = { left: MARGIN, top: MARGIN, right: pane.width - MARGIN, bottom: pane.height - MARGIN };
  let best: Viewport | null = null;
  const tryArea = (area: Rect, obstacles: readonly Rect[]) => {
    if (area.right - area.left < 40 || area.bottom - area.top < 40) return;
    const viewport = fitInto(content, area, maxZoom);
    const shown = onScreen(content, viewport);
    const blocking = obstacles.find((o) => overlaps(shown, grow(o, MARGIN / 2)));
    if (!blocking) {
      if (!best || viewport.zoom > best.zoom) best = viewport;
      return;
    }
    const rest = obstacles.filter((o) => o !== blocking);
    const inset = MARGIN / 2;
    // Beside it (left of an obstacle on the right, and so on), or above or below it.
    if (blocking.left > pane.width / 2) tryArea({ ...area, right: Math.min(area.right, blocking.left - inset) }, rest);
    else tryArea({ ...area, left: Math.max(area.left, blocking.right + inset) }, rest);
    if (blocking.top > pane.height / 2) tryArea({ ...area, bottom: Math.min(area.bottom, blocking.top - inset) }, rest);
    else tryArea({ ...area, top: Math.max(area.top, blocking.bottom + inset) }, rest);
  };
  tryArea(base, pane.obstacles);
  return best ?? fitInto(content, base, maxZoom);
}

/**
 * What a process shows first: all of it when that is readable, else its start at a readable zoom,
 * as tall as the lanes allow (up to `ceiling`) so the room sees whose lane is whose.
 */
export function openingViewport(content: Box, lanesHeight: number, first: Box | null, pane: Pane, presenter: boolean): Viewport {
  const readable = presenter ? PRESENT_ZOOM : READABLE_ZOOM;
  const whole = fitViewport(content, pane, presenter);
  if (whole.zoom >= readable) return whole;
  const ceiling = presenter ? PRESENT_FIT_MAX_ZOOM : readable;
  const zoom = Math.min(ceiling, Math.max(readable, lanesHeight > 0 ? (pane.height - 2 * MARGIN) / lanesHeight : readable));
  const area = safeArea(pane, zoom);
  const start: Viewport = { x: area.left - content.x * zoom, y: MARGIN - content.y * zoom, zoom };
  return first ? followViewport(first, start, pane, readable) : start;
}

/**
 * Never shows empty canvas beyond the process on a side where the process goes on past the other
 * edge: a step near the top of a tall process is not centred with the lanes pushed half off the pane.
 */
function keepContent(viewport: Viewport, content: Box | undefined, area: Rect): Viewport {
  if (!content) return viewport;
  const { zoom } = viewport;
  let { x, y } = viewport;
  if (content.width * zoom > area.right - area.left) x = Math.min(area.left - content.x * zoom, Math.max(area.right - (content.x + content.width) * zoom, x));
  if (content.height * zoom > area.bottom - area.top) y = Math.min(area.top - content.y * zoom, Math.max(area.bottom - (content.y + content.height) * zoom, y));
  return { x, y, zoom };
}

/**
 * Shows `target` readably with as little movement as makes sense: zoomed in to `readable`
 * (centred on it) when it is smaller than that; panned just enough when part of it is on screen;
 * brought to the middle when it is off screen (a jump from Find, or the presenter's next step, so
 * what leads to it and from it shows too). `centre` brings it to the middle whenever it is not
 * wholly in view. Never under the lane names or anything floating over the canvas; a view that
 * already shows it leaves it alone. `content` (the whole process) keeps a centred view from
 * showing empty canvas where the process goes on.
 */
export function followViewport(target: Box, current: Viewport, pane: Pane, readable: number, centre = false, content?: Box): Viewport {
  const zoom = Math.min(MAX_ZOOM, Math.max(current.zoom, readable));
  const area = safeArea(pane, zoom);
  const width = target.width * zoom;
  const height = target.height * zoom;
  const centred = keepContent(
    {
      zoom,
      x: (area.left + area.right) / 2 - (target.x + target.width / 2) * zoom,
      y: (area.top + area.bottom) / 2 - (target.y + target.height / 2) * zoom,
    },
    content,
    area,
  );
  if (zoom !== current.zoom) return clearOf(target, centred, pane, area);
  const shown = onScreen(target, current);
  const inView = shown.left >= area.left && shown.right <= area.right && shown.top >= area.top && shown.bottom <= area.bottom;
  if (inView) return clearOf(target, current, pane, area);
  const offScreen = shown.right <= 0 || shown.left >= pane.width || shown.bottom <= 0 || shown.top >= pane.height;
  if (centre || offScreen) return clearOf(target, centred, pane, area);
  let { x, y } = current;
  // Too big for the area (a long flow at a high zoom): its start goes to the area's top left.
  if (width > area.right - area.left) x += area.left - shown.left;
  else if (shown.right > area.right) x += area.right - shown.right;
  else if (shown.left < area.left) x += area.left - shown.left;
  if (height > area.bottom - area.top) y += area.top - shown.top;
  else if (shown.bottom > area.bottom) y += area.bottom - shown.bottom;
  else if (shown.top < area.top) y += area.top - shown.top;
  return clearOf(target, { x, y, zoom }, pane, area);
}

/** Moves the view the least it can so nothing floating over the canvas covers the target; centres it if nothing else works. */
function clearOf(target: Box, viewport: Viewport, pane: Pane, area: Rect): Viewport {
  const shown = onScreen(target, viewport);
  const blocked = (r: Rect) => pane.obstacles.some((o) => overlaps(r, grow(o, MARGIN / 2)));
  if (!blocked(shown)) return viewport;
  const inArea = (r: Rect) => r.left >= area.left - 0.5 && r.right <= area.right + 0.5 && r.top >= area.top - 0.5 && r.bottom <= area.bottom + 0.5;
  const moves: { dx: number; dy: number }[] = [];
  for (const o of pane.obstacles) {
    const g = grow(o, MARGIN / 2);
    if (!overlaps(shown, g)) continue;
    moves.push({ dx: g.left - shown.right, dy: 0 }, { dx: g.right - shown.left, dy: 0 }, { dx: 0, dy: g.top - shown.bottom }, { dx: 0, dy: g.bottom - shown.top });
  }
  moves.sort((a, b) => Math.abs(a.dx) + Math.abs(a.dy) - (Math.abs(b.dx) + Math.abs(b.dy)));
  for (const { dx, dy } of moves) {
    const moved = { left: shown.left + dx, right: shown.right + dx, top: shown.top + dy, bottom: shown.bottom + dy };
    if (inArea(moved) && !blocked(moved)) return { x: viewport.x + dx, y: viewport.y + dy, zoom: viewport.zoom };
  }
  return {
    zoom: viewport.zoom,
    x: (area.left + area.right) / 2 - (target.x + target.width / 2) * viewport.zoom,
    y: (area.top + area.bottom) / 2 - (target.y + target.height / 2) * viewport.zoom,
  };
}
