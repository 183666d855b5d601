import { create } from 'zustand';
import type { Flow, Step } from '../../../core/model';

/** A dialog the canvas can show; one at a time. */
export type CanvasDialog =
  | { kind: 'branch'; originId: string; suggestion: string }
  | { kind: 'question'; stepId: string }
  | { kind: 'join'; stepId: string }
  | { kind: 'lane'; laneId: string }
  | { kind: 'addLane' }
  | { kind: 'typeToMap'; text: string };

/** A step shown before its save returns, so typing never waits for the disk. */
export interface PendingStep {
  step: Step;
  flow: Flow | null;
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

export const useCanvasUi = create<CanvasUi>((set) => ({
  editingId: null,
  draft: '',
  renaming: false,
  pending: {},
  overrides: {},
  dialog: null,
  findOpen: false,
  // On a narrow window (a 1024-pixel projector) the panel would lie over the map: it waits to be asked for.
  panelOpen: typeof window === 'undefined' || window.innerWidth >= 1200,
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
