import type { ProcessView } from '../../../core/model';
import { HeatControl, ProcessPainMarkers } from '../analysis/canvasOverlay';
import { useMode } from '../mode';
import { useShoshin } from '../store';
import { t } from '../i18n';
import { useCanvasUi } from './canvasUi';
import { singleSelected } from './canvasCommands';
import { FindBar } from './FindBar';
import type { CaptureActions } from './useCapture';

/** Above the canvas: where we are (breadcrumbs, process name), the capture buttons, find, heat, the details toggle. */
export function CanvasToolbar({ view, capture }: { view: ProcessView; capture: CaptureActions }) {
  const presenter = useMode((s) => s.presenter);
  const findOpen = useCanvasUi((s) => s.findOpen);
  const panelOpen = useCanvasUi((s) => s.panelOpen);
  const openDialog = useCanvasUi((s) => s.openDialog);
  const setFindOpen = useCanvasUi((s) => s.setFindOpen);
  const togglePanel = useCanvasUi((s) => s.togglePanel);
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
      <h2>{view.process.name}</h2>
      <ProcessPainMarkers view={view} />
      {!presenter && (
        <>
          <button type="button" className="btn btn-sm btn-primary" onClick={() => capture.addNext(singleSelected()?.id ?? null)}>
            {t('capture.canvas.addStep')} <span className="kbd kbd-on-accent">Enter</span>
          </button>
          <button type="button" className="btn btn-sm" onClick={() => openDialog({ kind: 'addLane' })}>
            {t('capture.canvas.addLane')}
          </button>
          <button type="button" className="btn btn-sm" onClick={() => openDialog({ kind: 'typeToMap', text: '' })}>
            {t('capture.canvas.typeToMap')}
          </button>
          <button type="button" className="btn btn-sm" onClick={capture.tidy} title={t('capture.canvas.tidyTitle')}>
            {t('capture.canvas.tidy')}
          </button>
        </>
      )}
      <span className="spacer" />
      {findOpen ? (
        <FindBar
          steps={view.steps}
          onShow={capture.show}
          onClose={() => {
            setFindOpen(false);
            capture.focusCanvas();
          }}
        />
      ) : (
        !presenter && (
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => setFindOpen(true)}>
            {t('capture.canvas.find')}
          </button>
        )
      )}
      {!presenter && <HeatControl />}
      <span className="muted canvas-count">
        {t('capture.canvas.count', { steps: view.steps.length, flows: view.flows.length })}
      </span>
      {!presenter && (
        <button type="button" className="btn btn-sm btn-ghost" aria-pressed={panelOpen} onClick={togglePanel}>
          {t('capture.canvas.details')}
        </button>
      )}
    </div>
  );
}
