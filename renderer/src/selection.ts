import { create } from 'zustand';

/** What is selected on the canvas; shared so commands, panels and the canvas agree. */
interface Selection {
  ids: ReadonlySet<string>;
  set: (ids: Iterable<string>) => void;
  toggle: (id: string, selected: boolean) => void;
}

export const useSelection = create<Selection>((set) => ({
  ids: new Set(),
  set: (ids) => set({ ids: new Set(ids) }),
  toggle: (id, selected) =>
    set((state) => {
      const ids = new Set(state.ids);
      if (selected) ids.add(id);
      else ids.delete(id);
      return { ids };
    }),
}));
