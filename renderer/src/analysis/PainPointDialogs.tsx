import { useId, useMemo, useState } from 'react';
import type { MethodInput } from '../../../core/contract';
import type { PainPoint } from '../../../core/model';
import { useCurrentSession } from '../capture/session';
import { useMode } from '../mode';
import { useSelection } from '../selection';
import { useShoshin } from '../store';
import { useAnalysis, useAnalysisUi } from './analysisStore';
import { captureTargets, FOUR_P_LABELS, FREQUENCY_LABELS, WASTE_LABELS } from './labels';
import { ChoiceSelect, Modal, PersonSelect, ScoreSelect } from './ui';
import { t } from '../i18n';

type Fate = 'keep' | 'predecessor' | 'delete';
type WasteType = NonNullable<PainPoint['waste']>;
type FourP = NonNullable<PainPoint['fourP']>;
type Frequency = NonNullable<PainPoint['frequency']>;
type PainPatch = MethodInput<'painPoint.update'>['patch'];

/** The quick-capture box: the client's own words and who said them, pinned to what is selected. */
export function QuickCaptureDialog() {
  const view = useShoshin((s) => s.process);
  const people = useShoshin((s) => s.engagement?.people ?? []);
  const mutate = useShoshin((s) => s.mutate);
  const selected = useSelection((s) => s.ids);
  const close = useAnalysisUi((s) => s.setCapturing);
  const sessions = useShoshin((s) => s.engagement?.sessions);
  const current = useCurrentSession((s) => s.sessionId);
  const session = sessions?.find((s) => s.id === current) ?? null;
  // The workshop under way knows who is in the room: list its participants first.
  const ordered = session ? [...people].sort((a, b) => Number(session.participantIds.includes(b.id)) - Number(session.participantIds.includes(a.id))) : people;
  const targets = useMemo(() => (view ? captureTargets(view, selected) : []), [view, selected]);
  const [target, setTarget] = useState(0);
  const [text, setText] = useState('');
  const [raisedBy, setRaisedBy] = useState<string | null>(null);
  const textId = useId();
  if (!view) return null;
  const chosen = targets[target] ?? targets[0];

  const save = () => {
    if (!chosen || !text.trim()) return;
    close(false);
    void mutate('painPoint.add', { processId: view.process.id, targetKind: chosen.kind, targetId: chosen.id, text: text.trim(), raisedBy, sessionId: session?.id ?? null });
  };

  return (
    <Modal title={t('analysis.painDialogs.addTitle')} confirm={t('analysis.painDialogs.addConfirm')} onSubmit={save} onCancel={() => close(false)} canSubmit={!!text.trim()}>
      <label className="field" htmlFor={textId}>
        {t('analysis.painDialogs.ownWords')}
        <textarea
          id={textId}
          className="input textarea"
          rows={3}
          value={text}
          data-autofocus
          placeholder={t('analysis.painDialogs.ownWordsPlaceholder')}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              save();
            }
          }}
        />
      </label>
      <PersonSelect label={t('analysis.painDialogs.raisedBy')} value={raisedBy} people={ordered} onChange={setRaisedBy} />
      <label className="field">
        {t('analysis.painDialogs.pinnedTo')}
        <select className="input" value={target} onChange={(e) => setTarget(Number(e.target.value))}>
          {targets.map((choice, i) => (
            <option key={`${choice.kind}:${choice.id}`} value={i}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
    </Modal>
  );
}

/** Edit a pain point; in Analyse mode also classify it (waste, Four Ps, severity, frequency, notes). */
export function PainPointDialog({ painPointId }: { painPointId: string }) {
  const row = useAnalysis((s) => s.view?.register.find((r) => r.id === painPointId) ?? null);
  const people = useShoshin((s) => s.engagement?.people ?? []);
  const sessions = useShoshin((s) => s.engagement?.sessions ?? []);
  const mutate = useShoshin((s) => s.mutate);
  const analyse = useMode((s) => s.mode === 'analyse');
  const close = () => useAnalysisUi.getState().edit(null);
  const [draft, setDraft] = useState<PainPatch>({});
  if (!row) return null;
  const value: PainPoint = { ...row, ...draft };
  const patch = (p: PainPatch) => setDraft((d) => ({ ...d, ...p }));

  const save = () => {
    close();
    const changed: PainPatch = { ...draft };
    if (changed.text !== undefined) changed.text = changed.text.trim();
    for (const key of Object.keys(changed) as (keyof PainPatch)[]) if (changed[key] === row[key]) delete changed[key];
    if (Object.keys(changed).length > 0) void mutate('painPoint.update', { id: row.id, patch: changed });
  };

  return (
    <Modal
      title={t('analysis.painDialogs.editTitle', { number: row.number, process: row.processName })}
      confirm={t('analysis.painDialogs.save')}
      onSubmit={save}
      onCancel={close}
      canSubmit={!!value.text.trim()}
      wide={analyse}
      extra={
        <button
          type="button"
          className="btn btn-danger-ghost"
          onClick={() => {
            close();
            void mutate('painPoint.delete', { id: row.id });
          }}
        >
          {t('analysis.painDialogs.delete')}
        </button>
      }
    >
      <p className="muted dialog-note">{t(row.targetLabel)}</p>
      <label className="field">
        {t('analysis.painDialogs.ownWords')}
        <textarea className="input textarea" rows={3} value={value.text} onChange={(e) => patch({ text: e.target.value })} data-autofocus />
      </label>
      <div className="field-grid">
        <PersonSelect label={t('analysis.painDialogs.raisedBy')} value={value.raisedBy} people={people} onChange={(raisedBy) => patch({ raisedBy })} />
        <label className="field">
          {t('analysis.painDialogs.session')}
          <select className="input" value={value.sessionId ?? ''} onChange={(e) => patch({ sessionId: e.target.value || null })}>
            <option value="">{t('analysis.painDialogs.noSession')}</option>
            {sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {analyse ? (
        <fieldset className="fieldset">
          <legend>{t('analysis.painDialogs.classification')}</legend>
          <div className="field-grid field-grid-4">
            <ChoiceSelect<WasteType> label={t('analysis.painDialogs.waste')} value={value.waste} options={WASTE_LABELS} onChange={(waste) => patch({ waste })} />
            <ChoiceSelect<FourP> label={t('analysis.painDialogs.fourP')} value={value.fourP} options={FOUR_P_LABELS} onChange={(fourP) => patch({ fourP })} />
            <ScoreSelect label={t('analysis.painDialogs.severity')} value={value.severity} onChange={(severity) => patch({ severity })} />
            <ChoiceSelect<Frequency> label={t('analysis.painDialogs.frequency')} value={value.frequency} options={FREQUENCY_LABELS} onChange={(frequency) => patch({ frequency })} />
          </div>
          <label className="field">
            {t('analysis.painDialogs.notes')}
            <textarea className="input textarea" rows={2} value={value.notes} onChange={(e) => patch({ notes: e.target.value })} />
          </label>
        </fieldset>
      ) : (
        <p className="muted dialog-note">{t('analysis.painDialogs.classifyLater')}</p>
      )}
    </Modal>
  );
}

/** Asked before a step with pain points goes: keep them on the process, move them to the step before, or delete them too. */
export function StepDeleteDialog({ stepIds, onDone }: { stepIds: string[]; onDone: () => void }) {
  const view = useShoshin((s) => s.process);
  const mutate = useShoshin((s) => s.mutate);
  const [fate, setFate] = useState<Fate>('keep');
  const name = useId();
  if (!view) return null;
  const steps = view.steps.filter((s) => stepIds.includes(s.id));
  const pains = view.painPoints.filter((p) => p.targetKind === 'step' && stepIds.includes(p.targetId));
  const hasPredecessor = steps.some((s) => view.flows.some((f) => f.targetId === s.id && f.sourceId !== s.id));
  const count = pains.length === 1 ? t('analysis.painDialogs.count.one') : t('analysis.painDialogs.count.other', { count: pains.length });
  const title =
    steps.length === 1
      ? t('analysis.painDialogs.deleteOne', { name: steps[0]?.text || t('analysis.painDialogs.untitledStep') })
      : t('analysis.painDialogs.deleteMany', { count: steps.length });
  const options: { value: Fate; label: string; hint: string }[] = [
    { value: 'keep', label: t('analysis.painDialogs.keep'), hint: t('analysis.painDialogs.keepHint') },
    {
      value: 'predecessor',
      label: t('analysis.painDialogs.predecessor'),
      hint: hasPredecessor ? t('analysis.painDialogs.predecessorHint') : t('analysis.painDialogs.noPredecessorHint'),
    },
    { value: 'delete', label: t('analysis.painDialogs.deleteToo'), hint: t('analysis.painDialogs.deleteTooHint') },
  ];

  const confirm = () => {
    onDone();
    for (const step of steps) void mutate('step.delete', { id: step.id, painPoints: fate });
  };

  return (
    <Modal title={title} confirm={t('analysis.painDialogs.deleteStep')} onSubmit={confirm} onCancel={onDone}>
      <p className="dialog-note">
        {t(
          steps.length === 1
            ? pains.length === 1
              ? 'analysis.painDialogs.question.oneStep.onePain'
              : 'analysis.painDialogs.question.oneStep.manyPains'
            : pains.length === 1
              ? 'analysis.painDialogs.question.manySteps.onePain'
              : 'analysis.painDialogs.question.manySteps.manyPains',
          { count, numbers: pains.map((p) => p.number).join(', ') },
        )}
      </p>
      <div role="radiogroup" aria-label={t('analysis.painDialogs.fateLabel')} className="radio-list">
        {options.map((o) => (
          <label key={o.value} className="radio-option">
            <input type="radio" name={name} value={o.value} checked={fate === o.value} onChange={() => setFate(o.value)} />
            <span>
              <strong>{o.label}</strong>
              <span className="muted">{o.hint}</span>
            </span>
          </label>
        ))}
      </div>
    </Modal>
  );
}
