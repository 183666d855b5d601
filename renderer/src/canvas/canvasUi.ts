import { create } from 'zustand';

/** Transient canvas state that never goes to disk: which step is being typed into. */
interface CanvasUi {
  editingId: string | null;
  /** True while the user is capturing step after step with Enter. */
  chain: boolean;
  startEditing: (id: string, chain: boolean) => void;
  stopEditing: () => void;
}

export const useCanvasUi = create<CanvasUi>((set) => ({
  editingId: null,
  chain: false,
  startEditing: (id, chain) => set({ editingId: id, chain }),
  stopEditing: () => set({ editingId: null, chain: false }),
}));
