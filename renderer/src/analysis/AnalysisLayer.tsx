import { useCanvasUi } from '../canvas/canvasUi';
import { useCommands } from '../commands';
import { useShoshin } from '../store';
import { useAnalysisUi } from './analysisStore';
import { PainPointDialog, QuickCaptureDialog, StepDeleteDialog } from './PainPointDialogs';
import { t } from '../i18n';

/**
 * Mounted once by the engagement screen: the pain-point quick-capture key and the dialogs any
 * view can open (capture, edit and classify, and the question asked before a step with pain
 * points is deleted).
 */
export function AnalysisLayer() {
  const hasProcess = useShoshin((s) => !!s.process);
  const tab = useAnalysisUi((s) => s.tab);
  const capturing = useAnalysisUi((s) => s.capturing);
  const editing = useAnalysisUi((s) => s.editing);
  const deleting = useAnalysisUi((s) => s.deleting);
  const setCapturing = useAnalysisUi((s) => s.setCapturing);
  const askDelete = useAnalysisUi((s) => s.askDelete);

  useCommands(
    () => [
      {
        id: 'painPoint.capture',
        title: t('analysis.layer.captureTitle'),
        group: t('analysis.layer.captureGroup'),
        shortcut: 'P',
        enabled: () => tab === 'map' && hasProcess && !capturing && !editing && !deleting && !useCanvasUi.getState().editingId,
        run: () => setCapturing(true),
      },
    ],
    [tab, hasProcess, capturing, editing, deleting, setCapturing],
  );

  return (
    <>
      {capturing && <QuickCaptureDialog />}
      {editing && <PainPointDialog key={editing} painPointId={editing} />}
      {deleting && <StepDeleteDialog stepIds={deleting} onDone={() => askDelete(null)} />}
    </>
  );
}
