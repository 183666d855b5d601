import type { ProcessView, Step } from '../../../core/model';
import { useShoshin } from '../store';
import { PromptDialog } from '../ui/PromptDialog';
import { t } from '../i18n';
import { useCanvasUi } from './canvasUi';
import { LaneDialog } from './LaneDialog';
import { StepPicker } from './StepPicker';
import { TypeToMapDialog } from './TypeToMapDialog';
import type { CaptureActions } from './useCapture';

/** The canvas's one dialog at a time: add lane, branch label, open question, join, lane options, type to map. */
export function CanvasDialogs({ view, selectedStep, capture }: { view: ProcessView; selectedStep: Step | null; capture: CaptureActions }) {
  const mutate = useShoshin((s) => s.mutate);
  const dialog = useCanvasUi((s) => s.dialog);
  const closeDialog = useCanvasUi((s) => s.closeDialog);
  const closeAndFocus = () => {
    closeDialog();
    capture.focusCanvas();
  };
  const processId = view.process.id;
  return (
    <>
      {dialog?.kind === 'addLane' && (
        <PromptDialog
          title={t('capture.canvas.addLaneTitle')}
          label={t('capture.canvas.addLaneLabel')}
          confirm={t('capture.canvas.addLaneConfirm')}
          onCancel={closeAndFocus}
          onSubmit={(name) => {
            closeAndFocus();
            void mutate('lane.create', { processId: processId, name });
          }}
        />
      )}
      {dialog?.kind === 'branch' && (
        <PromptDialog
          title={t('capture.canvas.branchTitle')}
          label={t('capture.canvas.branchLabel')}
          initial={dialog.suggestion}
          confirm={t('capture.canvas.branchConfirm')}
          allowEmpty
          onCancel={closeAndFocus}
          onSubmit={(label) => {
            const origin = dialog.originId;
            closeDialog();
            const hasBranches = view.flows.some((f) => f.sourceId === origin);
            capture.createStep(origin, { branch: hasBranches, ...(label ? { label } : {}) });
          }}
        />
      )}
      {dialog?.kind === 'question' && (
        <PromptDialog
          title={t('capture.canvas.questionTitle')}
          label={t('capture.canvas.questionLabel', { step: view.steps.find((s) => s.id === dialog.stepId)?.text || t('capture.canvas.thisStep') })}
          placeholder={t('capture.canvas.questionDefault')}
          confirm={t('capture.canvas.questionConfirm')}
          allowEmpty
          onCancel={closeAndFocus}
          onSubmit={(text) => {
            closeAndFocus();
            const stepId = dialog.stepId;
            void mutate('question.add', { processId: processId, stepId, text: text || t('capture.canvas.questionDefault') });
          }}
        />
      )}
      {dialog?.kind === 'join' && (
        <StepPicker
          title={t('capture.canvas.joinTitle', { step: view.steps.find((s) => s.id === dialog.stepId)?.text || t('capture.canvas.theStep') })}
          steps={view.steps.filter((s) => s.id !== dialog.stepId && !view.flows.some((f) => f.sourceId === dialog.stepId && f.targetId === s.id))}
          lanes={view.lanes}
          confirm={t('capture.canvas.joinConfirm')}
          onCancel={closeAndFocus}
          onPick={(target) => {
            closeAndFocus();
            const sourceId = dialog.stepId;
            void mutate('flow.add', { processId: processId, sourceId, targetId: target.id });
          }}
        />
      )}
      {dialog?.kind === 'lane' &&
        (() => {
          const lane = view.lanes.find((l) => l.id === dialog.laneId);
          return lane ? <LaneDialog key={lane.id} lane={lane} lanes={view.lanes} onClose={closeAndFocus} /> : null;
        })()}
      {dialog?.kind === 'typeToMap' && (
        <TypeToMapDialog
          initial={dialog.text}
          lanes={view.lanes}
          from={selectedStep}
          onCancel={closeAndFocus}
          onSubmit={(text, continueFrom) => {
            closeAndFocus();
            capture.mapText(text, continueFrom ? (selectedStep?.id ?? null) : null);
          }}
        />
      )}
    </>
  );
}
