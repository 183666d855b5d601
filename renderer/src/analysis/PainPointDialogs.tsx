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
    <Modal title="Add pain point" confirm="Add pain point" onSubmit={save} onCancel={() => close(false)} canSubmit={!!text.trim()}>
      <label className="field" htmlFor={textId}>
        In their own words
        <textarea
          id={textId}
          className="input textarea"
          rows={3}
          value={text}
          data-autofocus
          placeholder="What gets in the way, as they said it"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              save();
            }
          }}
        />
      </label>
      <PersonSelect label="Raised by" value={raisedBy} people={ordered} onChange={setRaisedBy} />
      <label className="field">
        Pinned to
        <select className="input" value={target} onChange={(e) => setTarget(Number(e.target.value))}>
          {targets.map((t, i) => (
            <option key={`${t.kind}:${t.id}`} value={i}>
              {t.label}
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
      title={`Pain point ${row.number} · ${row.processName}`}
      confirm="Save"
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
          Delete pain point
        </button>
      }
    >
      <p className="muted dialog-note">{row.targetLabel}</p>
      <label className="field">
        In their own words
        <textarea className="input textarea" rows={3} value={value.text} onChange={(e) => patch({ text: e.target.value })} data-autofocus />
      </label>
      <div className="field-grid">
        <PersonSelect label="Raised by" value={value.raisedBy} people={people} onChange={(raisedBy) => patch({ raisedBy })} />
        <label className="field">
          Session
          <select className="input" value={value.sessionId ?? ''} onChange={(e) => patch({ sessionId: e.target.value || null })}>
            <option value="">No session</option>
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
          <legend>Classification</legend>
          <div className="field-grid field-grid-4">
            <ChoiceSelect<WasteType> label="Waste type" value={value.waste} options={WASTE_LABELS} onChange={(waste) => patch({ waste })} />
            <ChoiceSelect<FourP> label="Four Ps" value={value.fourP} options={FOUR_P_LABELS} onChange={(fourP) => patch({ fourP })} />
            <ScoreSelect label="Severity" value={value.severity} onChange={(severity) => patch({ severity })} />
            <ChoiceSelect<Frequency> label="Frequency" value={value.frequency} options={FREQUENCY_LABELS} onChange={(frequency) => patch({ frequency })} />
          </div>
          <label className="field">
            Notes
            <textarea className="input textarea" rows={2} value={value.notes} onChange={(e) => patch({ notes: e.target.value })} />
          </label>
        </fieldset>
      ) : (
        <p className="muted dialog-note">Classification (waste, Four Ps, severity, frequency) is in Analyse mode, so nobody judges while the room talks.</p>
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
  const count = pains.length === 1 ? 'one pain point' : `${pains.length} pain points`;
  const title = steps.length === 1 ? `Delete “${steps[0]?.text || 'untitled step'}”?` : `Delete ${steps.length} steps?`;
  const options: { value: Fate; label: string; hint: string }[] = [
    { value: 'keep', label: 'Keep them on the whole process', hint: 'They stay in the register and on the process toolbar.' },
    {
      value: 'predecessor',
      label: 'Move them to the step before',
      hint: hasPredecessor ? 'Pinned to the step that leads into this one.' : 'There is no step before; they go on the whole process.',
    },
    { value: 'delete', label: 'Delete them too', hint: 'Their votes go with them. Undo brings everything back.' },
  ];

  const confirm = () => {
    onDone();
    for (const step of steps) void mutate('step.delete', { id: step.id, painPoints: fate });
  };

  return (
    <Modal title={title} confirm="Delete step" onSubmit={confirm} onCancel={onDone}>
      <p className="dialog-note">
        {steps.length === 1 ? 'This step has' : 'These steps have'} {count}: {pains.map((p) => p.number).join(', ')}. What should happen to{' '}
        {pains.length === 1 ? 'it' : 'them'}?
      </p>
      <div role="radiogroup" aria-label="Pain points on the deleted step" className="radio-list">
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
