import type { Viewport as FlowViewport } from '@xyflow/react';
import { laneBands } from '../../../core/geometry';
import type { ProcessView } from '../../../core/model';
import { navigator } from '../../../core/navigation';
import { useMode } from '../mode';
import { useSelection } from '../selection';
import { fitViewport, followViewport, openingViewport, PRESENT_ZOOM, READABLE_ZOOM, stepBox, union, type Box, type Pane, type Rect } from './viewport';

/** The two calls of React Flow's instance the canvas moves the view with. */
export interface ViewportControl {
  getViewport: () => FlowViewport;
  setViewport: (viewport: FlowViewport) => Promise<boolean>;
}

/** Where the minimap sits: bottom right, above its collapse toggle. */
export const MINIMAP = { width: 200, height: 150, right: 15, bottom: 52 };

/** Marks an element that floats over the canvas, so the view keeps steps out from under it. */
export const OVERLAY_ATTRIBUTE = 'data-canvas-overlay';

/** The pane and what covers part of it now: React Flow's controls and minimap, our own overlays, a details panel laid over the canvas. */
export function paneOf(wrapper: HTMLElement): Pane {
  const frame = wrapper.getBoundingClientRect();
  const obstacles: Rect[] = [];
  const add = (el: Element) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return;
    const rect = { left: r.left - frame.left, top: r.top - frame.top, right: r.right - frame.left, bottom: r.bottom - frame.top };
    if (rect.right <= 0 || rect.bottom <= 0 || rect.left >= frame.width || rect.top >= frame.height) return;
    obstacles.push(rect);
  };
  wrapper.querySelectorAll(`.react-flow__controls, .react-flow__minimap, [${OVERLAY_ATTRIBUTE}]`).forEach(add);
  // On a narrow window the details panel lies over the canvas rather than beside it.
  const panel = wrapper.parentElement?.querySelector('.step-panel');
  if (panel && getComputedStyle(panel).position === 'absolute') add(panel);
  return { width: wrapper.clientWidth, height: wrapper.clientHeight, obstacles };
}

/** Every step's box, the box around them all and the lanes' height, for one process view. */
export function geometryOf(view: Pick<ProcessView, 'lanes' | 'steps'>): { boxes: Map<string, Box>; content: Box | null; lanesHeight: number } {
  const bands = laneBands(view.lanes, view.steps);
  const known = new Set(view.lanes.map((l) => l.id));
  const boxes = new Map(view.steps.map((s) => [s.id, stepBox(s, bands, known)]));
  const lanesHeight = bands.reduce((sum, b) => sum + b.height, 0);
  const steps = union([...boxes.values()]);
  // The lanes count too, top to bottom, so a fitted process shows whole lanes with their names.
  const content = steps && union([steps, { x: steps.x, y: 0, width: steps.width, height: lanesHeight }]);
  return { boxes, content, lanesHeight };
}

function presenting(): boolean {
  return useMode.getState().presenter;
}

/**
 * Fit: every step inside the pane, whatever the process's size. Presenting, only while that
 * stays readable (text never under 12 px for the room): otherwise the step being presented, or
 * the start, at a readable zoom.
 */
export async function fitProcess(control: ViewportControl, wrapper: HTMLElement | null, view: ProcessView | null): Promise<void> {
  const { content } = view ? geometryOf(view) : { content: null };
  if (!wrapper || !content || !view) {
    await control.setViewport({ x: 0, y: 0, zoom: 1 });
    return;
  }
  const whole = fitViewport(content, paneOf(wrapper), presenting());
  if (!presenting() || whole.zoom >= PRESENT_ZOOM) {
    await control.setViewport(whole);
    return;
  }
  const ids = [...useSelection.getState().ids].filter((id) => view.steps.some((s) => s.id === id));
  if (ids.length > 0) followSteps(control, wrapper, view, ids);
  else await openProcess(control, wrapper, view, view.steps.length > 0 ? navigator(view)(null, 'right') : null);
}

/** The first view of a process (or of the presenter view): whole when readable, else its start, readable. */
export async function openProcess(control: ViewportControl, wrapper: HTMLElement | null, view: ProcessView | null, firstStepId: string | null): Promise<void> {
  const { content, lanesHeight, boxes } = view ? geometryOf(view) : { content: null, lanesHeight: 0, boxes: new Map<string, Box>() };
  if (!wrapper || !content) {
    await control.setViewport({ x: 0, y: 0, zoom: 1 });
    return;
  }
  const first = firstStepId ? (boxes.get(firstStepId) ?? null) : null;
  await control.setViewport(openingViewport(content, lanesHeight, first, paneOf(wrapper), presenting()));
}

/**
 * Brings steps into view (a selection from Find, a jump from a register, an arrow key, a new step):
 * zoomed in to a readable size when they would be too small to read, never under the lane names,
 * the controls or the minimap. Not animated: a view read mid-animation would be a wrong start for the next move.
 */
export function followSteps(control: ViewportControl, wrapper: HTMLElement | null, view: ProcessView | null, ids: readonly string[]): void {
  if (!wrapper || !view) return;
  // Lane bands depend on every step, so boxes are measured on the whole view.
  const { boxes, content } = geometryOf(view);
  const placed = union(ids.flatMap((id) => boxes.get(id) ?? []));
  if (!placed) return;
  const current = control.getViewport();
  const presenter = presenting();
  const next = followViewport(placed, current, paneOf(wrapper), presenter ? PRESENT_ZOOM : READABLE_ZOOM, presenter, content ?? undefined);
  if (next.x !== current.x || next.y !== current.y || next.zoom !== current.zoom) void control.setViewport(next);
}
