import { create } from 'zustand';
import type { Placement } from '../../../core/layout';
import type { Flow, Step } from '../../../core/model';

/** A dialog the canvas can show; one at a time. */
export type CanvasDialog =
  | { kind: 'branch'; originId: string; suggestion: string }
  | { kind: 'question'; stepId: string }
  | { kind: 'join'; stepId: string }
  | { kind: 'lane'; laneId: string }
  | { kind: 'addLane' }
  | { kind: 'typeToMap'; text: string };

/** Where a new step goes in the flow, decided when it was opened and worked out again when it is saved. */
export interface StepPlan {
  /** The step it follows (Enter) or branches from (a decision's branch). */
  from: string | null;
  /** Spliced into the flow from `from` to this step (Enter on a step in a line): A → new → B. */
  to: string | null;
  label: string;
  branch: boolean;
}

/**
 * A step shown before its save returns, so typing never waits for the disk. A new step is only
 * sent once it has words (`queued`); until then it lives here alone, so one left empty simply
 * goes away (see useCapture's commitText).
 */
export interface PendingStep {
  step: Step;
  plan: StepPlan;
  /** Its step.add is on the write queue. */
  queued: boolean;
  /** Flows it brings: from the step before it, or on to the next one when spliced into a flow. */
  flows: Flow[];
  /** The flow it is spliced into, drawn ending at this step until the save returns. */
  splices: string | null;
  /** Steps pushed right to make room for it, shown there meanwhile. */
  moves: readonly Placement[];
}

/**
 * Transient canvas state that never goes to disk. The text being typed lives here, not in the
 * textarea, so keys pressed before the editor appears (or while a save is on its way) land in
 * the same draft: typing is never lost to a slow round trip.
 */
interface CanvasUi {
  editingId: string | null;
  draft: string;
  /**
   * Renaming (F2, double-click) selects the whole text and Enter just saves; capturing a new step
   * puts the caret at the end and Enter saves and opens the next one.
   */
  renaming: boolean;
  pending: Readonly<Record<string, PendingStep>>;
  /** Edits committed by the user but not yet saved, shown meanwhile; keyed by step, with a token per edit. */
  overrides: Readonly<Record<string, { token: number; patch: Partial<Step> }>>;
  dialog: CanvasDialog | null;
  findOpen: boolean;
  panelOpen: boolean;
  startEditing: (id: string, text: string, renaming: boolean) => void;
  setDraft: (draft: string) => void;
  stopEditing: () => void;
  addPending: (pending: PendingStep) => void;
  dropPending: (id: string) => void;
  setOverride: (id: string, patch: Partial<Step>) => number;
  dropOverride: (id: string, token: number) => void;
  openDialog: (dialog: CanvasDialog) => void;
  closeDialog: () => void;
  setFindOpen: (open: boolean) => void;
  togglePanel: () => void;
}

let tokens = 0;

/** Below this width the details panel is a drawer over the map (screens/shell.css), not a column beside it. */
export const NARROW_WINDOW = '(max-width: 1199px)';

/** Null outside a browser (unit tests without one). */
function narrowQuery(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(NARROW_WINDOW) : null;
}

export function isNarrowWindow(): boolean {
  return narrowQuery()?.matches ?? false;
}

export const useCanvasUi = create<CanvasUi>((set) => ({
  editingId: null,
  draft: '',
  renaming: false,
  pending: {},
  overrides: {},
  dialog: null,
  findOpen: false,
  // On a narrow window (a 1024-pixel projector) the panel would lie over the map: it waits to be asked for.
  panelOpen: !isNarrowWindow(),
  startEditing: (id, text, renaming) => set({ editingId: id, draft: text, renaming }),
  setDraft: (draft) => set({ draft }),
  stopEditing: () => set({ editingId: null, draft: '', renaming: false }),
  addPending: (pending) => set((s) => ({ pending: { ...s.pending, [pending.step.id]: pending } })),
  dropPending: (id) =>
    set((s) => {
      if (!(id in s.pending)) return s;
      const { [id]: _dropped, ...rest } = s.pending;
      return { pending: rest };
    }),
  setOverride: (id, patch) => {
    const token = ++tokens;
    set((s) => ({ overrides: { ...s.overrides, [id]: { token, patch: { ...s.overrides[id]?.patch, ...patch } } } }));
    return token;
  },
  dropOverride: (id, token) =>
    set((s) => {
      if (s.overrides[id]?.token !== token) return s;
      const { [id]: _dropped, ...rest } = s.overrides;
      return { overrides: rest };
    }),
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  setFindOpen: (findOpen) => set({ findOpen }),
  togglePanel: () => set((s) => ({ panelOpen: !s.panelOpen })),
}));

/**
 * A window narrowed past the drawer's width (a laptop plugged into a 1024-pixel projector) closes
 * the panel, as it starts closed there, rather than letting it fall over the map; widened again,
 * the panel comes back if it was open before.
 */
function followWindowWidth(): void {
  let openWhenWide = useCanvasUi.getState().panelOpen;
  narrowQuery()?.addEventListener('change', (event) => {
    const { panelOpen } = useCanvasUi.getState();
    if (event.matches) {
      openWhenWide = panelOpen;
      if (panelOpen) useCanvasUi.setState({ panelOpen: false });
    } else if (openWhenWide && !panelOpen) useCanvasUi.setState({ panelOpen: true });
  });
}
followWindowWidth();
