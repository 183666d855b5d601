import { useReactFlow, useStore } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { ProcessView } from '../../../core/model';
import { navigator, storyOrder } from '../../../core/navigation';
import { useCommands } from '../commands';
import { useMode } from '../mode';
import { useSelection } from '../selection';
import { t } from '../i18n';
import { fitProcess, geometryOf, openProcess } from './canvasViewport';
import { useCanvasUi } from './canvasUi';
import { workingView } from './useCapture';
import { minZoomFor, onScreen, PRESENT_ZOOM, union } from './viewport';

const MINIMAP_KEY = 'shoshin:minimap';
/** Room kept between a selection moved back into view and the pane's edge. */
const KEEP_CLEAR = 12;

function minimapRemembered(): boolean {
  try {
    return localStorage.getItem(MINIMAP_KEY) !== 'collapsed';
  } catch {
    return true;
  }
}

/** The story order of the view as it is now; worked out again only when the view changes. */
let storyCache: { view: ProcessView; order: string[] } | null = null;

/**
 * One step along the story (core/navigation storyOrder): the presenter's Page Down and Page Up and
 * arrow keys. With nothing selected, forward starts at the beginning.
 */
export function walkStory(direction: 1 | -1, show: (id: string) => void): void {
  const view = workingView();
  if (!view || view.steps.length === 0) return;
  if (storyCache?.view !== view) storyCache = { view, order: storyOrder(view) };
  const { order } = storyCache;
  const ids = useSelection.getState().ids;
  const current = ids.size === 1 ? order.indexOf([...ids][0] ?? '') : -1;
  const next = current === -1 ? (direction === 1 ? 0 : order.length - 1) : current + direction;
  const id = order[Math.max(0, Math.min(order.length - 1, next))];
  if (id) show(id);
}

export interface CanvasView {
  fit: () => Promise<void>;
  minZoom: number;
  minimapOpen: boolean;
  toggleMinimap: () => void;
}

/**
 * How the canvas is looked at: the first view of a process and of the presenter view, Fit
 * (Shift+1, Ctrl+0, the Fit control), walking the story in the presenter view, the minimap's
 * collapsed state, and the lowest zoom a process of this size needs.
 */
export function useCanvasView(wrapper: RefObject<HTMLDivElement | null>, saved: ProcessView, show: (id: string) => void): CanvasView {
  const control = useReactFlow();
  const { getViewport, setViewport } = control;
  const presenter = useMode((s) => s.presenter);
  const paneWidth = useStore((s) => s.width);
  const paneHeight = useStore((s) => s.height);
  const [minimapOpen, setMinimapOpen] = useState(minimapRemembered);

  const content = useMemo(() => geometryOf(saved).content, [saved]);
  // Presenting, nothing zooms out past what the room can read.
  const minZoom = presenter ? PRESENT_ZOOM : minZoomFor(content, { width: paneWidth, height: paneHeight });

  const fit = useCallback(() => fitProcess({ getViewport, setViewport }, wrapper.current, workingView()), [getViewport, setViewport, wrapper]);

  // Once per process opened and per switch to or from the presenter view, never on later edits.
  const opened = useRef('');
  useEffect(() => {
    const key = `${saved.process.id}|${presenter}`;
    if (opened.current === key) return;
    const wasPresenting = opened.current.endsWith('|true');
    opened.current = key;
    const view = workingView();
    const ids = useSelection.getState().ids;
    const selected = ids.size === 1 ? [...ids][0] : undefined;
    if (presenter) {
      // The room is driven from the keyboard: arrows and Page Down go to the canvas.
      if (wrapper.current && !wrapper.current.contains(document.activeElement)) wrapper.current.focus({ preventScroll: true });
    } else if (wasPresenting && selected && view?.steps.some((s) => s.id === selected)) {
      // Back from presenting: stay on the step the room was looking at.
      requestAnimationFrame(() => show(selected));
      return;
    }
    const first = view && view.steps.length > 0 ? navigator(view)(null, 'right') : null;
    void openProcess({ getViewport, setViewport }, wrapper.current, view, first);
  }, [saved.process.id, presenter, getViewport, setViewport, wrapper, show]);

  // The pane shrinking under a selection in view (the notice bar appearing, a narrower window)
  // must not cut the selection off: the view moves just enough to keep it whole, at the same zoom.
  const lastPane = useRef({ width: paneWidth, height: paneHeight });
  useEffect(() => {
    const before = lastPane.current;
    lastPane.current = { width: paneWidth, height: paneHeight };
    if (paneWidth >= before.width && paneHeight >= before.height) return;
    const view = workingView();
    const ids = [...useSelection.getState().ids];
    const placed = view && union(ids.flatMap((id) => geometryOf(view).boxes.get(id) ?? []));
    if (!placed) return;
    const current = getViewport();
    const shown = onScreen(placed, current);
    const wasInView = shown.left >= 0 && shown.top >= 0 && shown.right <= before.width && shown.bottom <= before.height;
    if (!wasInView) return;
    // Up or left only, and never past the pane's top or left edge.
    const dx = Math.max(-shown.left, Math.min(0, paneWidth - KEEP_CLEAR - shown.right));
    const dy = Math.max(-shown.top, Math.min(0, paneHeight - KEEP_CLEAR - shown.bottom));
    if (dx !== 0 || dy !== 0) void setViewport({ x: current.x + dx, y: current.y + dy, zoom: current.zoom });
  }, [paneWidth, paneHeight, getViewport, setViewport]);

  const toggleMinimap = useCallback(() => {
    setMinimapOpen((open) => {
      try {
        localStorage.setItem(MINIMAP_KEY, open ? 'collapsed' : 'open');
      } catch {
        // Storage may be unavailable; the choice then lasts until reload.
      }
      return !open;
    });
  }, []);

  useCommands(() => {
    const walkable = () => !useCanvasUi.getState().editingId && !useCanvasUi.getState().dialog && (useMode.getState().presenter || !!wrapper.current?.contains(document.activeElement));
    return [
      { id: 'canvas.fitWhole', title: t('capture.view.fit'), group: t('capture.canvas.group.view'), shortcut: 'Shift+1', enabled: () => !!wrapper.current, run: () => void fit() },
      { id: 'canvas.minimap', title: t('capture.view.minimapCommand'), group: t('capture.canvas.group.view'), run: toggleMinimap },
      { id: 'present.next', title: t('capture.view.next'), group: t('capture.canvas.group.navigate'), shortcut: 'PageDown', enabled: walkable, run: () => walkStory(1, show) },
      { id: 'present.previous', title: t('capture.view.previous'), group: t('capture.canvas.group.navigate'), shortcut: 'PageUp', enabled: walkable, run: () => walkStory(-1, show) },
    ];
  }, [fit, toggleMinimap, show, wrapper]);

  return { fit, minZoom, minimapOpen, toggleMinimap };
}
