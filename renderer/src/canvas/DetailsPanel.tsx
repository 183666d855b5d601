import { memo, type KeyboardEvent } from 'react';
import type { Person, ProcessView, Session, Step } from '../../../core/model';
import type { WorkMode } from '../mode';
import { t } from '../i18n';
import { ShowMePrompts, StepDetails } from './StepDetails';
import { returnToCanvas } from './canvasFocus';
import { isNarrowWindow, useCanvasUi } from './canvasUi';

/** On a narrow window the panel is a drawer over the map: Escape closes it (after a field has taken back its own edit). */
function closeDrawer(event: KeyboardEvent): void {
  if (event.key !== 'Escape' || event.defaultPrevented || !isNarrowWindow()) return;
  event.preventDefault();
  event.stopPropagation();
  useCanvasUi.setState({ panelOpen: false });
  returnToCanvas();
}

/** The side panel: "show me" prompts while capturing, and everything recorded about the selected step. */
export const DetailsPanel = memo(function DetailsPanel(props: {
  view: ProcessView;
  step: Step | null;
  mode: WorkMode;
  people: readonly Person[];
  sessions: readonly Session[];
  onOpenSubprocess: (id: string) => void;
}) {
  const { step, ...rest } = props;
  return (
    <aside className="step-panel" aria-label={t('capture.canvas.stepDetails')} onKeyDown={closeDrawer}>
      {props.mode === 'capture' && <ShowMePrompts />}
      {step ? (
        <StepDetails key={step.id} step={step} {...rest} />
      ) : (
        <p className="muted panel-hint">{t('capture.canvas.panelHint')}</p>
      )}
    </aside>
  );
});

