import { create } from 'zustand';
import type { AnalysisView } from '../../../core/ipc/analysis';
import type { PainPoint } from '../../../core/model';
import { call } from '../api';
import { useShoshin } from '../store';
import { t } from '../i18n';

/**
 * The engagement-wide analysis read (register, votes, metrics, people side). It refetches
 * whenever the main store has refreshed the engagement, which it does after every command,
 * undo and redo, so these views never drift from what is on disk.
 */
interface AnalysisState {
  view: AnalysisView | null;
  refresh: () => Promise<void>;
}

let generation = 0;

export const useAnalysis = create<AnalysisState>((set) => ({
  view: null,
  refresh: async () => {
    const mine = ++generation;
    try {
      const view = await call('analysis.get', {});
      if (mine === generation) set({ view });
    } catch (error) {
      // The main store shows command errors; a failed read keeps the last good view on screen.
      if (mine === generation) useShoshin.setState({ notice: error instanceof Error ? error.message : t('analysis.store.readFailed') });
    }
  },
}));

let seen: unknown = null;
let stale = false;

/** While the consultant captures on the map, nothing shows the analysis: skip the read until something does. */
function needed(): boolean {
  const ui = useAnalysisUi.getState();
  return ui.tab !== 'map' || ui.heat !== 'off' || ui.editing !== null;
}

useShoshin.subscribe((state) => {
  if (state.screen !== 'engagement' || !state.engagement) {
    seen = null;
    stale = false;
    generation++;
    if (useAnalysis.getState().view) useAnalysis.setState({ view: null });
    return;
  }
  if (state.engagement === seen) return;
  const first = seen === null;
  seen = state.engagement;
  if (first || needed()) void useAnalysis.getState().refresh();
  else stale = true;
});

export type AnalysisTab = 'map' | 'painPoints' | 'metrics' | 'compare' | 'opportunities' | 'people' | 'vote';
export type HeatBasisChoice = 'off' | 'painPoints' | 'votes';

/** Where the quick-capture box pins its pain point. */
export interface PainTargetChoice {
  kind: PainPoint['targetKind'];
  id: string;
  label: string;
}

/** Transient analysis UI state: never saved, shared by the tab bar, the canvas overlay and the dialogs. */
interface AnalysisUi {
  tab: AnalysisTab;
  heat: HeatBasisChoice;
  /** The pain point the register last jumped to; its marker is highlighted on the canvas. */
  highlight: { painPointId: string; processId: string; targetKind: PainPoint['targetKind']; targetId: string; at: number } | null;
  editing: string | null;
  capturing: boolean;
  /** Pain points picked in the register, to turn into one opportunity. */
  picked: ReadonlySet<string>;
  /** Steps waiting for the user to say what happens to their pain points before they are deleted. */
  deleting: string[] | null;
  setTab: (tab: AnalysisTab) => void;
  setHeat: (heat: HeatBasisChoice) => void;
  setHighlight: (highlight: AnalysisUi['highlight']) => void;
  edit: (id: string | null) => void;
  setCapturing: (capturing: boolean) => void;
  setPicked: (ids: Iterable<string>) => void;
  askDelete: (stepIds: string[] | null) => void;
}

export const useAnalysisUi = create<AnalysisUi>((set) => ({
  tab: 'map',
  heat: 'off',
  highlight: null,
  editing: null,
  capturing: false,
  picked: new Set(),
  deleting: null,
  setTab: (tab) => set({ tab }),
  setHeat: (heat) => set({ heat }),
  setHighlight: (highlight) => set({ highlight }),
  edit: (editing) => set({ editing }),
  setCapturing: (capturing) => set({ capturing }),
  setPicked: (ids) => set({ picked: new Set(ids) }),
  askDelete: (deleting) => set({ deleting }),
}));

useAnalysisUi.subscribe(() => {
  if (!stale || !needed()) return;
  stale = false;
  void useAnalysis.getState().refresh();
});
