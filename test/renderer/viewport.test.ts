import { describe, expect, it } from 'vitest';
import {
  fitViewport,
  followViewport,
  headerColumn,
  HEADER_MAX_WIDTH,
  HEADER_MIN_WIDTH,
  minZoomFor,
  onScreen,
  openingViewport,
  PRESENT_ZOOM,
  READABLE_ZOOM,
  type Box,
  type Pane,
  type Rect,
} from '../../renderer/src/canvas/viewport';

const pane = (width: number, height: number, obstacles: Rect[] = []): Pane => ({ width, height, obstacles });
const inside = (r: Rect, p: Pane) => r.left >= 0 && r.top >= 0 && r.right <= p.width && r.bottom <= p.height;
const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** A chain of 300 steps in one row of five lanes, as type-to-map leaves it: about 67,000 px wide. */
const chain: Box = { x: 176, y: 0, width: 300 * 240, height: 750 };

describe('the canvas viewport', () => {
  it('fits any process inside the pane, clear of the lane names, with a floor low enough for it', () => {
    const p = pane(1020, 560);
    const v = fitViewport(chain, p, false);
    const shown = onScreen(chain, v);
    expect(inside(shown, p)).toBe(true);
    expect(shown.left).toBeGreaterThanOrEqual(headerColumn(v).right);
    expect(minZoomFor(chain, p)).toBeLessThanOrEqual(v.zoom);
    // A small process is not blown up past a comfortable size.
    expect(fitViewport({ x: 176, y: 0, width: 500, height: 300 }, p, false).zoom).toBeLessThanOrEqual(1.1);
  });

  it('keeps a fitted process out from under the minimap when another shape of fit loses less', () => {
    const minimap: Rect = { left: 805, top: 395, right: 1005, bottom: 545 };
    const p = pane(1020, 560, [minimap]);
    const tall: Box = { x: 176, y: 0, width: 900, height: 900 };
    const v = fitViewport(tall, p, false);
    expect(overlaps(onScreen(tall, v), minimap)).toBe(false);
    expect(inside(onScreen(tall, v), p)).toBe(true);
  });

  it('fits a long, short process (25 steps in 4 lanes) to the full width beside the lane names, overlays on the right or not', () => {
    // The pane at 1280×720 with the details panel open: zoom and Fit controls top right, minimap and its toggle bottom right.
    const controls: Rect = { left: 638, top: 10, right: 668, bottom: 100 };
    const minimap: Rect = { left: 463, top: 376, right: 663, bottom: 526 };
    const toggle: Rect = { left: 570, top: 536, right: 668, bottom: 566 };
    const bare = pane(678, 578);
    const busy = pane(678, 578, [controls, minimap, toggle]);
    const workshop: Box = { x: 176, y: 0, width: 25 * 240 - 64, height: 4 * 150 };
    for (const p of [bare, busy]) {
      const v = fitViewport(workshop, p, false);
      const shown = onScreen(workshop, v);
      expect(inside(shown, p)).toBe(true);
      for (const o of p.obstacles) expect(overlaps(shown, o)).toBe(false);
      // Nothing but the lane names and the margins is left beside it: the width is the limit, used to the pixel.
      expect(shown.right - shown.left).toBeCloseTo(p.width - headerColumn(v).width - 2 * 24, 3);
    }
    // A shorter one, whose centred fit would touch the minimap, moves up between the controls and the minimap rather than shrinking.
    const eight: Box = { x: 176, y: 0, width: 8 * 240 - 64, height: 4 * 150 };
    const free = fitViewport(eight, bare, false);
    const v = fitViewport(eight, busy, false);
    for (const o of busy.obstacles) expect(overlaps(onScreen(eight, v), o)).toBe(false);
    expect(v.zoom).toBeGreaterThanOrEqual(free.zoom * 0.95);
  });

  it('keeps the lane name column between a readable minimum and maximum width, stuck to the left once the lanes scroll past', () => {
    expect(headerColumn({ x: 0, y: 0, zoom: 0.1 }).width).toBe(HEADER_MIN_WIDTH);
    expect(headerColumn({ x: 0, y: 0, zoom: 2.5 }).width).toBe(HEADER_MAX_WIDTH);
    expect(headerColumn({ x: -5000, y: 0, zoom: 1 })).toEqual({ left: 0, width: 168, right: 168 });
    expect(headerColumn({ x: 300, y: 0, zoom: 1 })).toEqual({ left: 300, width: 168, right: 468 });
  });

  it('opens a process whole when that is readable, else at its start at a readable zoom', () => {
    const p = pane(1020, 560);
    const small: Box = { x: 176, y: 0, width: 700, height: 300 };
    expect(openingViewport(small, 300, null, p, false)).toEqual(fitViewport(small, p, false));
    const first: Box = { x: 176, y: 37, width: 56, height: 92 };
    const v = openingViewport(chain, 750, first, p, false);
    expect(v.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    expect(inside(onScreen(first, v), p)).toBe(true);
    expect(onScreen(first, v).left).toBeGreaterThanOrEqual(headerColumn(v).right);
    expect(openingViewport(chain, 750, first, p, true).zoom).toBeGreaterThanOrEqual(PRESENT_ZOOM);
  });

  it('follows a step: zooms in to read it, pans only as far as needed, never under the lane names or an overlay', () => {
    const minimap: Rect = { left: 805, top: 395, right: 1005, bottom: 545 };
    const p = pane(1020, 560, [minimap]);
    const target: Box = { x: 30000, y: 600, width: 176, height: 76 };
    const fitted = fitViewport(chain, p, false);
    const read = followViewport(target, fitted, p, READABLE_ZOOM);
    expect(read.zoom).toBe(READABLE_ZOOM);
    const readShown = onScreen(target, read);
    expect(inside(readShown, p)).toBe(true);
    expect(overlaps(readShown, minimap)).toBe(false);
    expect(readShown.left).toBeGreaterThanOrEqual(headerColumn(read).right);
    // Already in view: nothing moves.
    expect(followViewport(target, read, p, READABLE_ZOOM)).toEqual(read);
    // Half over the right-hand edge: panned just enough, no zoom.
    const shown = onScreen(target, read);
    const edge: Box = { x: target.x + (p.width - 60 - shown.left) / read.zoom, y: target.y, width: 176, height: 76 };
    const nudged = followViewport(edge, read, p, READABLE_ZOOM);
    expect(nudged.zoom).toBe(read.zoom);
    expect(nudged.y).toBe(read.y);
    expect(onScreen(edge, nudged).right).toBeCloseTo(p.width - 24);
    // Wholly off screen: brought to the middle, without showing empty canvas above or below a tall process.
    const far: Box = { x: target.x + 3000, y: 10, width: 176, height: 76 };
    const tall: Box = { x: 176, y: 0, width: 72000, height: 2000 };
    const jumped = followViewport(far, read, p, READABLE_ZOOM, false, tall);
    const farShown = onScreen(far, jumped);
    expect(inside(farShown, p)).toBe(true);
    expect(Math.abs((farShown.left + farShown.right) / 2 - (headerColumn(jumped).width + 24 + p.width - 24) / 2)).toBeLessThan(1);
    expect(onScreen(tall, jumped).top).toBeCloseTo(24);
    // Under the minimap: moved clear of it.
    const under: Box = { x: (900 - read.x) / read.zoom, y: (450 - read.y) / read.zoom, width: 176, height: 76 };
    const clear = followViewport(under, read, p, READABLE_ZOOM);
    expect(overlaps(onScreen(under, clear), minimap)).toBe(false);
  });
});
