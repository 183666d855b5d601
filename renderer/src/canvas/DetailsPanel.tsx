import { memo } from 'react';
import type { Person, ProcessView, Session, Step } from '../../../core/model';
import type { WorkMode } from '../mode';
import { t } from '../i18n';
import { ShowMePrompts, StepDetails } from './StepDetails';

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
    <aside className="step-panel" aria-label={t('capture.canvas.stepDetails')}>
      {props.mode === 'capture' && <ShowMePrompts />}
      {step ? (
        <StepDetails key={step.id} step={step} {...rest} />
      ) : (
        <p className="muted panel-hint">{t('capture.canvas.panelHint')}</p>
      )}
    </aside>
  );
});

