import type { PainPoint } from '../../../core/model';
import { useSelection } from '../selection';
import { useShoshin } from '../store';
import { useAnalysisUi } from './analysisStore';

/** Shows a pain point's marker on the map: opens its process, selects what it is pinned to, and highlights it. */
export async function jumpToPainPoint(pain: Pick<PainPoint, 'id' | 'processId' | 'targetKind' | 'targetId'>): Promise<void> {
  const ui = useAnalysisUi.getState();
  ui.setTab('map');
  if (useShoshin.getState().processId !== pain.processId) await useShoshin.getState().selectProcess(pain.processId);
  useSelection.getState().set(pain.targetKind === 'step' || pain.targetKind === 'flow' ? [pain.targetId] : []);
  ui.setHighlight({ painPointId: pain.id, processId: pain.processId, targetKind: pain.targetKind, targetId: pain.targetId, at: Date.now() });
}

/** Opens a step on the map, e.g. from a list of steps that lack timings. */
export async function jumpToStep(processId: string, stepId: string): Promise<void> {
  useAnalysisUi.getState().setTab('map');
  if (useShoshin.getState().processId !== processId) await useShoshin.getState().selectProcess(processId);
  useSelection.getState().set([stepId]);
  useAnalysisUi.getState().setHighlight({ painPointId: '', processId, targetKind: 'step', targetId: stepId, at: Date.now() });
}
