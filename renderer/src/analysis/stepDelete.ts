import { useShoshin } from '../store';
import { useAnalysisUi } from './analysisStore';

/**
 * Deleting steps from the canvas: straight away when nothing is pinned to them, otherwise the
 * user is asked what happens to their pain points first (see StepDeleteDialog).
 */
export function deleteStepsAsking(stepIds: readonly string[]): void {
  const { process, mutate } = useShoshin.getState();
  if (!process || stepIds.length === 0) return;
  const pinned = process.painPoints.some((p) => p.targetKind === 'step' && stepIds.includes(p.targetId));
  if (pinned) {
    useAnalysisUi.getState().askDelete([...stepIds]);
    return;
  }
  for (const id of stepIds) void mutate('step.delete', { id });
}
