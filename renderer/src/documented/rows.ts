import { compareProcesses, sequence, type CompareSide, type Comparison, type StepPair } from '../../../core/compare';
import type { Step, StepMatch } from '../../../core/records';
import { t } from '../i18n';

/** One line of the side-by-side table: a documented step, an observed step, or the two paired. */
export interface MatchRow {
  key: string;
  documented: Step | null;
  observed: Step | null;
  pair: StepPair | null;
  otherRole: { documentedLane: string; observedLane: string } | null;
  otherOrder: boolean;
  /** A correction of the consultant's touches one of the row's steps (Automatic hands it back). */
  corrected: boolean;
}

export interface ComparisonView {
  comparison: Comparison;
  rows: MatchRow[];
}

/**
 * The comparison as the view lists it: the documented steps in the procedure's order, each beside
 * its observed counterpart, and every observed step without one placed after the observed step it
 * follows, so both processes read top to bottom.
 */
export function comparisonView(documented: CompareSide, observed: CompareSide, corrections: readonly StepMatch[]): ComparisonView {
  const comparison = compareProcesses(documented, observed, corrections);
  const docSteps = new Map(documented.steps.map((s) => [s.id, s]));
  const obsSteps = new Map(observed.steps.map((s) => [s.id, s]));
  const docRank = sequence(documented);
  const obsRank = sequence(observed);
  const touched = new Set(corrections.flatMap((c) => [c.documentedStepId, c.observedStepId]).filter((id): id is string => id !== null));
  const otherRole = new Map(comparison.otherRole.map((r) => [r.documentedId, r]));
  const otherOrder = new Set(comparison.otherOrder.map((p) => p.documentedId));

  const row = (documentedStep: Step | null, observedStep: Step | null, pair: StepPair | null): MatchRow => {
    const role = documentedStep ? otherRole.get(documentedStep.id) : undefined;
    return {
      key: `${documentedStep?.id ?? ''}:${observedStep?.id ?? ''}`,
      documented: documentedStep,
      observed: observedStep,
      pair,
      otherRole: role ? { documentedLane: role.documentedLane, observedLane: role.observedLane } : null,
      otherOrder: documentedStep !== null && otherOrder.has(documentedStep.id),
      corrected: (documentedStep !== null && touched.has(documentedStep.id)) || (observedStep !== null && touched.has(observedStep.id)),
    };
  };

  const rows: MatchRow[] = [
    ...comparison.pairs.map((p) => ({ id: p.documentedId, pair: p as StepPair | null })),
    ...comparison.notDone.map((id) => ({ id, pair: null })),
  ]
    .sort((a, b) => (docRank.get(a.id) ?? 0) - (docRank.get(b.id) ?? 0))
    .flatMap(({ id, pair }) => {
      const documentedStep = docSteps.get(id);
      if (!documentedStep) return [];
      return [row(documentedStep, pair ? (obsSteps.get(pair.observedId) ?? null) : null, pair)];
    });

  const extra = comparison.notDocumented.map((id) => obsSteps.get(id)).filter((s): s is Step => s !== undefined);
  extra.sort((a, b) => (obsRank.get(a.id) ?? 0) - (obsRank.get(b.id) ?? 0));
  for (const step of extra) {
    const rank = obsRank.get(step.id) ?? 0;
    let at = 0;
    rows.forEach((r, i) => {
      if (r.observed && (obsRank.get(r.observed.id) ?? 0) < rank) at = i + 1;
    });
    rows.splice(at, 0, row(null, step, null));
  }
  return { comparison, rows };
}

/** Whether a row shows anything other than a step done as documented. */
export function differs(row: MatchRow): boolean {
  return row.pair === null || row.otherRole !== null || row.otherOrder;
}

export function stepLabel(step: Step): string {
  return step.text.trim() || t('documented.untitled');
}

export function laneLabel(side: CompareSide, step: Step): string {
  return side.lanes.find((l) => l.id === step.laneId)?.name.trim() || t('documented.noLane');
}
