import { useEffect, type RefObject } from 'react';
import { useAnalysisUi } from '../analysis/analysisStore';

/**
 * The keyboard belongs to the canvas whenever nothing else asked for it. A consultant adds a
 * process, opens one, closes a dialog or comes back to the map and starts typing at once; the
 * canvas may not even exist yet (the process is still being created). Keys pressed meanwhile
 * wait here and are played to the canvas, in order, the moment it is there: none is lost.
 */

interface Hold {
  /** Which canvas may take the keys: the process it shows. */
  accepts: (processId: string) => boolean;
  keys: KeyboardEventInit[];
  timer: ReturnType<typeof setTimeout>;
}

/** Longer than any create or open takes; a hold nobody claims then lets go rather than swallow keys. */
const HOLD_MS = 4000;

let canvas: { el: HTMLElement; processId: string } | null = null;
let hold: Hold | null = null;

function isField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

function copyOf(event: KeyboardEvent): KeyboardEventInit {
  const { key, code, shiftKey, ctrlKey, altKey, metaKey, repeat } = event;
  return { key, code, shiftKey, ctrlKey, altKey, metaKey, repeat, bubbles: true, cancelable: true };
}

function play(el: HTMLElement, keys: readonly KeyboardEventInit[]): void {
  el.focus({ preventScroll: true });
  for (const init of keys) el.dispatchEvent(new KeyboardEvent('keydown', init));
}

function release(): void {
  const claimed = hold;
  const target = canvas;
  if (!claimed || !target || !target.el.isConnected || !claimed.accepts(target.processId)) return;
  target.el.focus({ preventScroll: true });
  // Played once the render that showed the canvas is done; keys arriving before then still queue behind them.
  queueMicrotask(() => {
    if (hold !== claimed) return;
    clearTimeout(claimed.timer);
    hold = null;
    play(target.el, claimed.keys);
  });
}

/** While a hold waits, every key not typed into a field is kept for the canvas. */
function onKeyDown(event: KeyboardEvent): void {
  if (!event.isTrusted) return;
  if (event.key === 'Tab') {
    // Tab moves the focus on purpose; the browser does that, and a hold gives way to it.
    cancelFocusHold();
    return;
  }
  if (hold) {
    if (isField(event.target)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    hold.keys.push(copyOf(event));
    return;
  }
  // Nothing focused (a dialog just closed, a clicked-on list went away): the canvas takes the key.
  const target = event.target as HTMLElement | null;
  const nowhere = !target || target === document.body || target === document.documentElement;
  if (!nowhere || !canvas?.el.isConnected || document.querySelector('[aria-modal="true"]')) return;
  event.preventDefault();
  event.stopImmediatePropagation();
  play(canvas.el, [copyOf(event)]);
}

/** Lets go of keys held for a canvas that will not come (a process that could not be created, a click elsewhere). */
export function cancelFocusHold(): void {
  if (hold) clearTimeout(hold.timer);
  hold = null;
}

let listening = 0;
function listen(): () => void {
  if (listening++ === 0) {
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('pointerdown', cancelFocusHold, true);
  }
  return () => {
    if (--listening === 0) {
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('pointerdown', cancelFocusHold, true);
    }
  };
}

/**
 * Sends the keyboard to the canvas as soon as it shows a process `accepts` allows (by default
 * any): at once when it already does, else when it appears. Keys typed until then are kept.
 */
export function focusCanvasWhenReady(accepts: (processId: string) => boolean = () => true): void {
  if (hold) clearTimeout(hold.timer);
  const keys = hold?.keys ?? [];
  hold = {
    accepts,
    keys,
    timer: setTimeout(() => {
      hold = null;
    }, HOLD_MS),
  };
  release();
}

/**
 * The canvas says where it is. On showing a process it takes keys held for it, or the focus when
 * nothing has it (the engagement just opened, the list that had it went away).
 */
export function useCanvasFocus(wrapper: RefObject<HTMLElement | null>, processId: string): void {
  useEffect(() => listen(), []);
  useEffect(() => {
    const el = wrapper.current;
    if (!el) return;
    canvas = { el, processId };
    if (hold) release();
    else if (!document.activeElement || document.activeElement === document.body) el.focus({ preventScroll: true });
    return () => {
      if (canvas?.el === el) canvas = null;
    };
  }, [wrapper, processId]);
}

/** After a dialog or a side-bar choice: back to the canvas, when the map is the view on screen. */
export function returnToCanvas(accepts?: (processId: string) => boolean): void {
  if (useAnalysisUi.getState().tab === 'map') focusCanvasWhenReady(accepts);
}
