import { create } from 'zustand';

/**
 * How the consultant is working. Capture is beginner's mind: judgement fields (value class,
 * severity, classification) stay hidden so nobody judges while the client talks. Analyse shows all.
 */
export type WorkMode = 'capture' | 'analyse';

interface ModeState {
  mode: WorkMode;
  /** Large type, high contrast, panels hidden: for the projector. */
  presenter: boolean;
  setMode: (mode: WorkMode) => void;
  togglePresenter: () => void;
}

export const useMode = create<ModeState>((set) => ({
  mode: 'capture',
  presenter: false,
  setMode: (mode) => set({ mode }),
  togglePresenter: () => set((s) => ({ presenter: !s.presenter })),
}));
