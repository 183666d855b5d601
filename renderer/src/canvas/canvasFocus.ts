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
  /** Its keys are being played: every key typed now waits behind them, even in a field. */
  playing: boolean;
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

function isPrintable(init: KeyboardEventInit): boolean {
  return (init.key ?? '').length === 1 && !init.ctrlKey && !init.metaKey && !init.altKey;
}

/**
 * One kept key, to whatever has the keyboard now: the canvas at first, then the step editor an
 * Enter opened. A key event made by script inserts no text, so a printable key nobody handled is
 * typed into the field as the browser would have.
 */
function deliver(canvasEl: HTMLElement, init: KeyboardEventInit): HTMLElement {
  const focused = document.activeElement as HTMLElement | null;
  const at = focused && focused !== document.body && focused !== document.documentElement ? focused : canvasEl;
  const handled = !at.dispatchEvent(new KeyboardEvent('keydown', init));
  if (!handled && isField(at) && isPrintable(init)) document.execCommand('insertText', false, init.key);
  return at;
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** About half a second: longer than the step editor takes to appear, short enough not to be felt. */
const SETTLE_FRAMES = 30;

/** After a key that may open something (Enter opens the step editor), until it has the keyboard. */
async function settle(from: HTMLElement, init: KeyboardEventInit): Promise<void> {
  await nextFrame();
  if (isPrintable(init) || isField(from)) return;
  for (let frame = 1; frame < SETTLE_FRAMES && document.activeElement === from; frame++) await nextFrame();
}

/**
 * Plays the kept keys in turn, each once the one before has taken effect, so an Enter that opens
 * the step editor has focused it before the letters that follow arrive. Keys typed meanwhile join
 * the end of the queue: order holds.
 */
async function play(el: HTMLElement, claimed: Hold): Promise<void> {
  el.focus({ preventScroll: true });
  clearTimeout(claimed.timer);
  claimed.playing = true;
  for (let init = claimed.keys.shift(); init; init = claimed.keys.shift()) await settle(deliver(el, init), init);
  if (hold === claimed) hold = null;
}

function release(): void {
  const claimed = hold;
  const target = canvas;
  if (!claimed || claimed.playing || !target || !target.el.isConnected || !claimed.accepts(target.processId)) return;
  target.el.focus({ preventScroll: true });
  // Played once the render that showed the canvas is done; keys arriving before then still queue behind them.
  queueMicrotask(() => {
    if (hold === claimed) void play(target.el, claimed);
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
    if (isField(event.target) && !hold.playing) return;
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
  canvas.el.focus({ preventScroll: true });
  deliver(canvas.el, copyOf(event));
}

/** Lets go of keys held for a canvas that will not come (a process that could not be created, a click elsewhere). */
export function cancelFocusHold(): void {
  if (hold) clearTimeout(hold.timer);
  hold = null;
}

let listening = false;
/**
 * For the window's life, from the first hold or canvas on: the first process of a new engagement
 * has no canvas yet when its first keys are typed, and they must be kept all the same.
 */
function listen(): void {
  if (listening) return;
  listening = true;
  window.addEventListener('keydown', onKeyDown, true);
  window.addEventListener('pointerdown', cancelFocusHold, true);
}

/**
 * Sends the keyboard to the canvas as soon as it shows a process `accepts` allows (by default
 * any): at once when it already does, else when it appears. Keys typed until then are kept.
 */
export function focusCanvasWhenReady(accepts: (processId: string) => boolean = () => true): void {
  listen();
  if (hold) clearTimeout(hold.timer);
  const keys = hold?.keys ?? [];
  hold = {
    accepts,
    keys,
    playing: false,
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
  useEffect(listen, []);
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
