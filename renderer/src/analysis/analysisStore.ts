import { create } from 'zustand';
import type { PainPoint } from '../../../core/model';
import { analysisOf, type AnalysisView, type Snapshot } from '../../../core/views';
import { useShoshin } from '../store';

/**
 * The engagement-wide analysis (register, votes, metrics, people side), derived from the main
 * store's records whenever they change and something on screen shows it. Metrics are memoised
 * per process, so an edit recomputes only the process it touched.
 */
interface AnalysisState {
  view: AnalysisView | null;
}

export const useAnalysis = create<AnalysisState>(() => ({ view: null }));

let seen: Snapshot | null = null;

/** While the consultant captures on the map or in the table, nothing shows the analysis: skip it until something does. */
function needed(): boolean {
  const ui = useAnalysisUi.getState();
  return (ui.tab !== 'map' && ui.tab !== 'table') || ui.heat !== 'off' || ui.editing !== null;
}

function refresh(): void {
  const { snapshot } = useShoshin.getState();
  if (!snapshot) {
    seen = null;
    if (useAnalysis.getState().view) useAnalysis.setState({ view: null });
    return;
  }
  if (snapshot === seen || (!needed() && seen !== null)) return;
  seen = snapshot;
  useAnalysis.setState({ view: analysisOf(snapshot) });
}

useShoshin.subscribe(refresh);

export type AnalysisTab = 'map' | 'table' | 'painPoints' | 'metrics' | 'compare' | 'opportunities' | 'people' | 'vote' | 'documented';
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

useAnalysisUi.subscribe(refresh);
