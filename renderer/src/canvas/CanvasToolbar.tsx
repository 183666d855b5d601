import type { ProcessView } from '../../../core/model';
import { useAnalysisUi, type HeatBasisChoice } from '../analysis/analysisStore';
import { HeatControl, ProcessPainMarkers } from '../analysis/canvasOverlay';
import { useMode } from '../mode';
import { useShoshin } from '../store';
import { OverflowBar, type BarItem } from '../ui/OverflowBar';
import { t } from '../i18n';
import { useCanvasUi } from './canvasUi';
import { singleSelected } from './canvasCommands';
import { FindBar } from './FindBar';
import type { CaptureActions } from './useCapture';

const HEAT_CHOICES: { value: HeatBasisChoice; label: string }[] = [
  { value: 'off', label: t('capture.view.heatOff') },
  { value: 'painPoints', label: t('capture.view.heatPainPoints') },
  { value: 'votes', label: t('capture.view.heatVotes') },
];

/**
 * Above the canvas: where we are (breadcrumbs, process name), the capture buttons, find, heat, the
 * details toggle. What does not fit folds into "More", so a projector's 1024 pixels never scroll.
 */
export function CanvasToolbar({ view, capture }: { view: ProcessView; capture: CaptureActions }) {
  const presenter = useMode((s) => s.presenter);
  const findOpen = useCanvasUi((s) => s.findOpen);
  const panelOpen = useCanvasUi((s) => s.panelOpen);
  const openDialog = useCanvasUi((s) => s.openDialog);
  const setFindOpen = useCanvasUi((s) => s.setFindOpen);
  const togglePanel = useCanvasUi((s) => s.togglePanel);
  const heat = useAnalysisUi((s) => s.heat);
  const setHeat = useAnalysisUi((s) => s.setHeat);

  const count = (
    <span className="muted canvas-count">
      {t('capture.canvas.count', { steps: view.steps.length, flows: view.flows.length })}
    </span>
  );
  const items: BarItem[] = presenter
    ? []
    : [
        {
          id: 'addLane',
          priority: 2,
          bar: (
            <button type="button" className="btn btn-sm" onClick={() => openDialog({ kind: 'addLane' })}>
              {t('capture.canvas.addLane')}
            </button>
          ),
          menu: [{ id: 'addLane', label: t('capture.canvas.cmd.addLane'), run: () => openDialog({ kind: 'addLane' }) }],
        },
        {
          id: 'typeToMap',
          priority: 3,
          bar: (
            <button type="button" className="btn btn-sm" onClick={() => openDialog({ kind: 'typeToMap', text: '' })}>
              {t('capture.canvas.typeToMap')}
            </button>
          ),
          menu: [{ id: 'typeToMap', label: t('capture.canvas.cmd.typeToMap'), shortcut: 'Mod+I', run: () => openDialog({ kind: 'typeToMap', text: '' }) }],
        },
        {
          id: 'tidy',
          priority: 4,
          bar: (
            <button type="button" className="btn btn-sm" onClick={capture.tidy} title={t('capture.canvas.tidyTitle')}>
              {t('capture.canvas.tidy')}
            </button>
          ),
          menu: [{ id: 'tidy', label: t('capture.canvas.cmd.tidy'), shortcut: 'Mod+Shift+L', run: capture.tidy }],
        },
        ...(findOpen
          ? []
          : [
              {
                id: 'find',
                priority: 1,
                pushRight: true,
                bar: (
                  <button type="button" className="btn btn-sm btn-ghost" onClick={() => setFindOpen(true)}>
                    {t('capture.canvas.find')}
                  </button>
                ),
                menu: [{ id: 'find', label: t('capture.canvas.cmd.find'), shortcut: 'Mod+F', run: () => setFindOpen(true) }],
              },
            ]),
        {
          id: 'heat',
          priority: 5,
          pushRight: findOpen,
          bar: <HeatControl />,
          menu: HEAT_CHOICES.map((c) => ({ id: `heat.${c.value}`, label: c.label, kind: 'radio' as const, checked: heat === c.value, run: () => setHeat(c.value) })),
        },
        { id: 'count', priority: 6, keepHidden: true, bar: count, menu: [] },
        {
          id: 'details',
          priority: 3,
          bar: (
            <button type="button" className="btn btn-sm btn-ghost" aria-pressed={panelOpen} onClick={togglePanel}>
              {t('capture.canvas.details')}
            </button>
          ),
          menu: [{ id: 'details', label: t('capture.view.detailsPanel'), kind: 'checkbox', checked: panelOpen, run: togglePanel }],
        },
      ];

  return (
    <div className="canvas-toolbar">
      {view.breadcrumbs.length > 0 && (
        <nav className="breadcrumbs" aria-label={t('capture.canvas.breadcrumbs')}>
          {view.breadcrumbs.map((crumb, index) => {
            // Going back to the parent also selects the sub-process step it came from.
            const parent = index === view.breadcrumbs.length - 1;
            return (
              <span key={crumb.id} className="crumb">
                <button
                  type="button"
                  className="btn btn-ghost btn-sm"
                  onClick={() => void (parent ? capture.goToParent() : useShoshin.getState().selectProcess(crumb.id))}
                >
                  {crumb.name}
                </button>
                <span aria-hidden="true">›</span>
              </span>
            );
          })}
        </nav>
      )}
      <h2 title={view.process.name}>{view.process.name}</h2>
      <ProcessPainMarkers view={view} />
      {!presenter && (
        <button type="button" className="btn btn-sm btn-primary" onClick={() => capture.addNext(singleSelected()?.id ?? null)}>
          {t('capture.canvas.addStep')} <span className="kbd kbd-on-accent">Enter</span>
        </button>
      )}
      {presenter ? (
        <>
          <span className="spacer" />
          {findOpen && <Find view={view} capture={capture} />}
          {count}
        </>
      ) : (
        <>
          <OverflowBar items={items} label={t('capture.view.more')} name={t('capture.view.moreName')} />
          {findOpen && <Find view={view} capture={capture} />}
        </>
      )}
    </div>
  );
}

function Find({ view, capture }: { view: ProcessView; capture: CaptureActions }) {
  const setFindOpen = useCanvasUi((s) => s.setFindOpen);
  return (
    <FindBar
      steps={view.steps}
      onShow={capture.show}
      onClose={() => {
        setFindOpen(false);
        capture.focusCanvas();
      }}
    />
  );
}
