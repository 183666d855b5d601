import { useMemo, useState } from 'react';
import type { Opportunity } from '../../../core/model';
import { changedFields } from '../../../core/patch';
import { creatableDefaults } from '../../../core/records';
import { useShoshin } from '../store';
import { useAnalysis } from './analysisStore';
import { HORIZON_LABELS } from './labels';
import { ChoiceSelect, Modal, ScoreSelect } from './ui';
import { t } from '../i18n';

type Horizon = NonNullable<Opportunity['horizon']>;
type Draft = Omit<Opportunity, 'id'>;

/** Create an opportunity from pain points, or edit one: impact and effort 1-5, horizon, owner. */
export function OpportunityDialog({
  opportunity,
  initialPainPointIds = [],
  onClose,
}: {
  opportunity?: Opportunity;
  initialPainPointIds?: readonly string[];
  onClose: (saved: boolean) => void;
}) {
  const register = useAnalysis((s) => s.view?.register ?? []);
  const mutate = useShoshin((s) => s.mutate);
  const [draft, setDraft] = useState<Draft>(() => (opportunity ? { ...opportunity } : { ...creatableDefaults('opportunities'), title: '', painPointIds: [...initialPainPointIds] }));
  const [filter, setFilter] = useState('');
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const visible = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return register.filter((r) => draft.painPointIds.includes(r.id) || !needle || `${r.processName} ${r.text}`.toLowerCase().includes(needle));
  }, [register, filter, draft.painPointIds]);

  const save = () => {
    const fields = { ...draft, title: draft.title.trim() };
    onClose(true);
    if (opportunity) {
      const patch = changedFields(opportunity, fields);
      if (Object.keys(patch).length > 0) void mutate('opportunity.update', { id: opportunity.id, patch });
    }
    else void mutate('opportunity.create', fields);
  };

  const toggle = (id: string, on: boolean) =>
    set({ painPointIds: on ? [...draft.painPointIds, id] : draft.painPointIds.filter((p) => p !== id) });

  return (
    <Modal
      title={opportunity ? t('analysis.opportunityDialog.editTitle') : t('analysis.opportunityDialog.newTitle')}
      confirm={opportunity ? t('analysis.opportunityDialog.save') : t('analysis.opportunityDialog.create')}
      onSubmit={save}
      onCancel={() => onClose(false)}
      canSubmit={!!draft.title.trim()}
      wide
      extra={
        opportunity && (
          <button
            type="button"
            className="btn btn-danger-ghost"
            onClick={() => {
              onClose(true);
              void mutate('opportunity.delete', { id: opportunity.id });
            }}
          >
            {t('analysis.opportunityDialog.delete')}
          </button>
        )
      }
    >
      <label className="field">
        {t('analysis.opportunityDialog.title')}
        <input
          className="input"
          value={draft.title}
          onChange={(e) => set({ title: e.target.value })}
          data-autofocus
          placeholder={t('analysis.opportunityDialog.titlePlaceholder')}
        />
      </label>
      <label className="field">
        {t('analysis.opportunityDialog.description')}
        <textarea className="input textarea" rows={2} value={draft.description} onChange={(e) => set({ description: e.target.value })} />
      </label>
      <div className="field-grid field-grid-4">
        <ScoreSelect label={t('analysis.opportunityDialog.impact')} value={draft.impact} onChange={(impact) => set({ impact })} />
        <ScoreSelect label={t('analysis.opportunityDialog.effort')} value={draft.effort} onChange={(effort) => set({ effort })} />
        <ChoiceSelect<Horizon> label={t('analysis.opportunityDialog.horizon')} value={draft.horizon} options={HORIZON_LABELS} onChange={(horizon) => set({ horizon })} />
        <label className="field">
          {t('analysis.opportunityDialog.owner')}
          <input className="input" value={draft.owner} onChange={(e) => set({ owner: e.target.value })} />
        </label>
      </div>
      <fieldset className="fieldset">
        <legend>{t('analysis.opportunityDialog.painPoints', { count: draft.painPointIds.length })}</legend>
        <input className="input input-sm" type="search" aria-label={t('analysis.opportunityDialog.find')}
          placeholder={t('analysis.opportunityDialog.find')} value={filter} onChange={(e) => setFilter(e.target.value)} />
        <ul className="check-list">
          {visible.map((r) => (
            <li key={r.id}>
              <label className="check-row">
                <input type="checkbox" checked={draft.painPointIds.includes(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} />
                <span className="pain-marker" aria-hidden="true">
                  {r.number}
                </span>
                <span>
                  {r.text} <span className="muted">{t('analysis.opportunityDialog.process', { process: r.processName })}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
    </Modal>
  );
}
