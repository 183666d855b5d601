import { useState } from 'react';
import type { CompareSide } from '../../../core/compare';
import type { Step } from '../../../core/records';
import { Modal } from '../analysis/ui';
import { t } from '../i18n';
import { useShoshin } from '../store';
import { laneLabel, stepLabel, type MatchRow } from './rows';

const AUTOMATIC = 'automatic';
const NONE = 'none';

interface Props {
  processId: string;
  documentedName: string;
  observedName: string;
  documented: CompareSide;
  observed: CompareSide;
  rows: readonly MatchRow[];
  row: MatchRow;
  /** The side of the step being matched: its counterpart is chosen from the other side. */
  from: 'documented' | 'observed';
  onClose: () => void;
}

/**
 * The consultant's word on one step: pair it with a step of the other process, say it has no
 * counterpart, or hand it back to the automatic matching. One command, one Undo.
 */
export function MatchDialog({ processId, documentedName, observedName, documented, observed, rows, row, from, onClose }: Props) {
  const mutate = useShoshin((s) => s.mutate);
  const step = (from === 'documented' ? row.documented : row.observed) as Step;
  const side = from === 'documented' ? documented : observed;
  const other = from === 'documented' ? observed : documented;
  const current = from === 'documented' ? row.observed : row.documented;
  const [choice, setChoice] = useState<string>(row.corrected ? (current?.id ?? NONE) : AUTOMATIC);
  // Who each candidate is paired with now, so moving a pair says what it undoes.
  const partner = new Map<string, Step | null>();
  for (const r of rows) {
    const candidate = from === 'documented' ? r.observed : r.documented;
    if (candidate) partner.set(candidate.id, from === 'documented' ? r.documented : r.observed);
  }
  const candidates = other.steps.filter((s) => s.text.trim() !== '' || s.id === current?.id);

  const submit = () => {
    onClose();
    if (choice === AUTOMATIC) {
      if (row.corrected) void mutate('match.reset', { processId, stepId: step.id });
      return;
    }
    const counterpart = choice === NONE ? null : choice;
    if (!row.corrected && (counterpart ?? null) === (current?.id ?? null)) return;
    void mutate(
      'match.set',
      from === 'documented' ? { processId, documentedStepId: step.id, observedStepId: counterpart } : { processId, documentedStepId: counterpart, observedStepId: step.id },
    );
  };

  return (
    <Modal title={t('documented.matchTitle', { step: stepLabel(step) })} confirm={t('documented.matchConfirm')} onSubmit={submit} onCancel={onClose} wide>
      <p className="dialog-note">
        {t(from === 'documented' ? 'documented.matchDocumentedIntro' : 'documented.matchObservedIntro', { lane: laneLabel(side, step) })}
      </p>
      <label className="field">
        {t('documented.matchCounterpart', { process: from === 'documented' ? observedName : documentedName })}
        <select className="input documented-select" value={choice} onChange={(e) => setChoice(e.target.value)} data-autofocus>
          <option value={AUTOMATIC}>
            {row.corrected
              ? t('documented.matchAutomatic')
              : current
                ? t('documented.matchAutomaticNow', { step: stepLabel(current) })
                : t('documented.matchAutomaticNone')}
          </option>
          <option value={NONE}>{t('documented.matchNone')}</option>
          {candidates.map((s) => {
            const taken = partner.get(s.id);
            const text = { step: stepLabel(s), lane: laneLabel(other, s) };
            return (
              <option key={s.id} value={s.id}>
                {taken && taken.id !== step.id ? t('documented.matchStepTaken', { ...text, other: stepLabel(taken) }) : t('documented.matchStep', text)}
              </option>
            );
          })}
        </select>
      </label>
    </Modal>
  );
}
