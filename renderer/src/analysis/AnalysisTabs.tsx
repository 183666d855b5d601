import { useCallback, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { focusCanvasWhenReady } from '../canvas/canvasFocus';
import { shortcutLabel, useCommands } from '../commands';
import { useAnalysisUi, type AnalysisTab } from './analysisStore';
import { CompareView } from './CompareView';
import { DocumentedView } from '../documented/DocumentedView';
import { useDocumentedCommands } from '../documented/documentedUi';
import { MetricsView } from './MetricsView';
import { OpportunitiesView } from './OpportunitiesView';
import { PainPointRegister } from './PainPointRegister';
import { PeopleView } from './PeopleView';
import { VoteView } from './VoteView';
import { StepGrid } from '../grid/StepGrid';
import { t } from '../i18n';
import './analysis.css';

export const TABS: readonly { id: AnalysisTab; label: string }[] = [
  { id: 'map', label: t('analysis.tabs.map') },
  { id: 'table', label: t('analysis.tabs.table') },
  { id: 'painPoints', label: t('analysis.tabs.painPoints') },
  { id: 'metrics', label: t('analysis.tabs.metrics') },
  { id: 'compare', label: t('analysis.tabs.compare') },
  { id: 'opportunities', label: t('analysis.tabs.opportunities') },
  { id: 'people', label: t('analysis.tabs.people') },
  { id: 'vote', label: t('analysis.tabs.vote') },
  { id: 'documented', label: t('documented.tab') },
];

const tabId = (id: AnalysisTab) => `view-tab-${id}`;
const PANEL_ID = 'view-panel';

/** The views of an engagement; arrow keys move along the tabs, Ctrl+Alt+1..9 (Cmd+Option on a Mac) jump straight to one. */
export function ViewTabs() {
  const tab = useAnalysisUi((s) => s.tab);
  const setTab = useAnalysisUi((s) => s.setTab);
  const list = useRef<HTMLDivElement>(null);
  useDocumentedCommands();
  // Choosing the map (a click, Enter, the shortcut) hands the keyboard back to the canvas; arrow keys stay in the tab list.
  const show = useCallback(
    (id: AnalysisTab) => {
      setTab(id);
      if (id === 'map') focusCanvasWhenReady();
    },
    [setTab],
  );

  useCommands(
    () =>
      TABS.map((entry, i) => ({
        id: `view.${entry.id}`,
        title: t('analysis.tabs.showTitle', { label: entry.label }),
        group: t('analysis.tabs.group'),
        shortcut: `Mod+Alt+${i + 1}`,
        whileTyping: true,
        run: () => show(entry.id),
      })),
    [show],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = TABS.findIndex((entry) => entry.id === tab);
    const next =
      event.key === 'ArrowRight' ? (at + 1) % TABS.length : event.key === 'ArrowLeft' ? (at - 1 + TABS.length) % TABS.length : event.key === 'Home' ? 0 : event.key === 'End' ? TABS.length - 1 : -1;
    const target = TABS[next];
    if (!target) return;
    event.preventDefault();
    setTab(target.id);
    list.current?.querySelector<HTMLButtonElement>(`#${tabId(target.id)}`)?.focus();
  };

  return (
    <div className="view-tabs" role="tablist" aria-label={t('analysis.tabs.listLabel')} ref={list} onKeyDown={onKeyDown}>
      {TABS.map((entry, i) => (
        <button
          key={entry.id}
          id={tabId(entry.id)}
          type="button"
          role="tab"
          aria-selected={tab === entry.id}
          aria-controls={PANEL_ID}
          tabIndex={tab === entry.id ? 0 : -1}
          className="view-tab"
          title={t('analysis.tabs.tabTitle', { label: entry.label, shortcut: shortcutLabel(`Mod+Alt+${i + 1}`) })}
          onClick={() => show(entry.id)}
        >
          {entry.label}
        </button>
      ))}
    </div>
  );
}

/** The chosen view: the map (passed in, so the canvas stays where the screen put it) or an analysis view. */
export function ViewPanel({ map }: { map: ReactNode }) {
  const tab = useAnalysisUi((s) => s.tab);
  const views: Record<Exclude<AnalysisTab, 'map'>, ReactNode> = {
    table: <StepGrid />,
    painPoints: <PainPointRegister />,
    metrics: <MetricsView />,
    compare: <CompareView />,
    opportunities: <OpportunitiesView />,
    people: <PeopleView />,
    vote: <VoteView />,
    documented: <DocumentedView />,
  };
  return (
    <div id={PANEL_ID} role="tabpanel" aria-labelledby={tabId(tab)} className={tab === 'map' ? 'view-panel view-panel-map' : tab === 'table' ? 'view-panel view-panel-grid' : 'view-panel view-panel-scroll'}>
      {tab === 'map' ? map : views[tab]}
    </div>
  );
}
