import { useState } from 'react';
import type { Need, Observation, Person, Session } from '../../../core/model';
import { changedFields } from '../../../core/patch';
import { creatableDefaults } from '../../../core/records';
import { useShoshin } from '../store';
import { useAnalysis } from './analysisStore';
import { FOUR_P_LABELS, NEED_LABELS, RESISTANCE_LABELS } from './labels';
import { ChoiceSelect, Modal, PersonSelect, ScoreSelect } from './ui';
import { t } from '../i18n';

type Resistance = NonNullable<Person['resistance']>;
type FourP = NonNullable<Observation['fourP']>;
type PersonDraft = Omit<Person, 'id'>;

function DeleteButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="btn btn-danger-ghost" onClick={onClick}>
      {label}
    </button>
  );
}

/** Every stakeholder field: role, influence, sponsor and champion, the four readiness scores, resistance, anonymity. */
export function PersonDialog({ person, onClose }: { person?: Person; onClose: () => void }) {
  const mutate = useShoshin((s) => s.mutate);
  const [draft, setDraft] = useState<PersonDraft>(() => (person ? { ...person } : { ...creatableDefaults('people'), name: '' }));
  const set = (patch: Partial<PersonDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const save = () => {
    onClose();
    const fields = { ...draft, name: draft.name.trim() };
    if (person) {
      const patch = changedFields(person, fields);
      if (Object.keys(patch).length > 0) void mutate('person.update', { id: person.id, patch });
    }
    else void mutate('person.create', fields);
  };
  return (
    <Modal
      title={person ? t('analysis.peopleDialogs.editNamed', { name: person.name }) : t('analysis.peopleDialogs.addStakeholder')}
      confirm={person ? t('analysis.peopleDialogs.save') : t('analysis.peopleDialogs.addStakeholder')}
      onSubmit={save}
      onCancel={onClose}
      canSubmit={!!draft.name.trim()}
      wide
      extra={
        person && (
          <DeleteButton
            label={t('analysis.peopleDialogs.deleteStakeholder')}
            onClick={() => {
              onClose();
              void mutate('person.delete', { id: person.id });
            }}
          />
        )
      }
    >
      <div className="field-grid field-grid-4">
        <label className="field">
          {t('analysis.peopleDialogs.name')}
          <input className="input" value={draft.name} onChange={(e) => set({ name: e.target.value })} data-autofocus />
        </label>
        <label className="field">
          {t('analysis.peopleDialogs.role')}
          <input className="input" value={draft.role} onChange={(e) => set({ role: e.target.value })} />
        </label>
        <label className="field">
          {t('analysis.peopleDialogs.team')}
          <input className="input" value={draft.team} onChange={(e) => set({ team: e.target.value })} />
        </label>
        <ScoreSelect label={t('analysis.peopleDialogs.influence')} value={draft.influence} onChange={(influence) => set({ influence })} />
      </div>
      <div className="check-group">
        <label className="check-inline">
          <input type="checkbox" checked={draft.sponsor} onChange={(e) => set({ sponsor: e.target.checked })} />
          {t('analysis.peopleDialogs.sponsor')}
        </label>
        <label className="check-inline">
          <input type="checkbox" checked={draft.champion} onChange={(e) => set({ champion: e.target.checked })} />
          {t('analysis.peopleDialogs.champion')}
        </label>
        <label className="check-inline">
          <input type="checkbox" checked={draft.anonymise} onChange={(e) => set({ anonymise: e.target.checked })} />
          {t('analysis.peopleDialogs.anonymise')}
        </label>
      </div>
      <fieldset className="fieldset">
        <legend>{t('analysis.peopleDialogs.readiness')}</legend>
        <div className="field-grid field-grid-4">
          <ScoreSelect label={t('analysis.peopleDialogs.awareness')} value={draft.awareness} onChange={(awareness) => set({ awareness })} />
          <ScoreSelect label={t('analysis.peopleDialogs.commitment')} value={draft.commitment} onChange={(commitment) => set({ commitment })} />
          <ScoreSelect label={t('analysis.peopleDialogs.readinessScore')} value={draft.readiness} onChange={(readiness) => set({ readiness })} />
          <ScoreSelect label={t('analysis.peopleDialogs.reinforcement')} value={draft.reinforcement} onChange={(reinforcement) => set({ reinforcement })} />
        </div>
        <ChoiceSelect<Resistance>
          label={t('analysis.peopleDialogs.resistance')}
          value={draft.resistance}
          options={RESISTANCE_LABELS}
          onChange={(resistance) => set({ resistance })}
          none={t('analysis.peopleDialogs.noneNoted')}
        />
      </fieldset>
      <label className="field">
        {t('analysis.peopleDialogs.notes')}
        <textarea className="input textarea" rows={3} value={draft.notes} onChange={(e) => set({ notes: e.target.value })} />
      </label>
    </Modal>
  );
}

type SessionDraft = Omit<Session, 'id' | 'position'>;

/** A workshop: date, facilitator, and participants picked from the stakeholder register. */
export function SessionDialog({ session, onClose }: { session?: Session; onClose: () => void }) {
  const mutate = useShoshin((s) => s.mutate);
  const people = useShoshin((s) => s.engagement?.people ?? []);
  const consultant = useShoshin((s) => s.engagement?.engagement.consultant ?? '');
  const [draft, setDraft] = useState<SessionDraft>(() =>
    session ? { ...session } : { ...creatableDefaults('sessions'), name: '', date: new Date().toISOString().slice(0, 10), facilitator: consultant },
  );
  const set = (patch: Partial<SessionDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const save = () => {
    onClose();
    const fields = { ...draft, name: draft.name.trim() };
    if (session) {
      const patch = changedFields(session, fields);
      if (Object.keys(patch).length > 0) void mutate('session.update', { id: session.id, patch });
    }
    else void mutate('session.create', fields);
  };
  return (
    <Modal
      title={session ? t('analysis.peopleDialogs.editNamed', { name: session.name }) : t('analysis.peopleDialogs.addSession')}
      confirm={session ? t('analysis.peopleDialogs.save') : t('analysis.peopleDialogs.addSession')}
      onSubmit={save}
      onCancel={onClose}
      canSubmit={!!draft.name.trim()}
      wide
      extra={
        session && (
          <DeleteButton
            label={t('analysis.peopleDialogs.deleteSession')}
            onClick={() => {
              onClose();
              void mutate('session.delete', { id: session.id });
            }}
          />
        )
      }
    >
      <div className="field-grid">
        <label className="field">
          {t('analysis.peopleDialogs.sessionName')}
          <input className="input" value={draft.name} onChange={(e) => set({ name: e.target.value })} data-autofocus />
        </label>
        <label className="field">
          {t('analysis.peopleDialogs.date')}
          <input className="input" type="date" value={draft.date} onChange={(e) => set({ date: e.target.value })} />
        </label>
        <label className="field">
          {t('analysis.peopleDialogs.facilitator')}
          <input className="input" value={draft.facilitator} onChange={(e) => set({ facilitator: e.target.value })} />
        </label>
      </div>
      <fieldset className="fieldset">
        <legend>{t('analysis.peopleDialogs.participants', { count: draft.participantIds.length })}</legend>
        {people.length === 0 ? (
          <p className="muted">{t('analysis.peopleDialogs.noPeople')}</p>
        ) : (
          <ul className="check-list check-columns">
            {people.map((p) => (
              <li key={p.id}>
                <label className="check-row">
                  <input
                    type="checkbox"
                    checked={draft.participantIds.includes(p.id)}
                    onChange={(e) =>
                      set({ participantIds: e.target.checked ? [...draft.participantIds, p.id] : draft.participantIds.filter((id) => id !== p.id) })
                    }
                  />
                  <span>
                    {p.name}
                    {p.role && <span className="muted">{t('analysis.peopleDialogs.withRole', { role: p.role })}</span>}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <label className="field">
        {t('analysis.peopleDialogs.notes')}
        <textarea className="input textarea" rows={2} value={draft.notes} onChange={(e) => set({ notes: e.target.value })} />
      </label>
    </Modal>
  );
}

/** A note about culture or people, tagged with a Four-Ps type and optionally a person. */
export function ObservationDialog({ observation, onClose }: { observation?: Observation; onClose: () => void }) {
  const mutate = useShoshin((s) => s.mutate);
  const people = useShoshin((s) => s.engagement?.people ?? []);
  const sessions = useShoshin((s) => s.engagement?.sessions ?? []);
  const [draft, setDraft] = useState<Omit<Observation, 'id'>>(() => (observation ? { ...observation } : { ...creatableDefaults('observations'), text: '' }));
  const set = (patch: Partial<Omit<Observation, 'id'>>) => setDraft((d) => ({ ...d, ...patch }));
  const save = () => {
    onClose();
    const fields = { ...draft, text: draft.text.trim() };
    if (observation) {
      const patch = changedFields(observation, fields);
      if (Object.keys(patch).length > 0) void mutate('observation.update', { id: observation.id, patch });
    }
    else void mutate('observation.create', fields);
  };
  return (
    <Modal
      title={observation ? t('analysis.peopleDialogs.editObservation') : t('analysis.peopleDialogs.addObservation')}
      confirm={observation ? t('analysis.peopleDialogs.save') : t('analysis.peopleDialogs.addObservation')}
      onSubmit={save}
      onCancel={onClose}
      canSubmit={!!draft.text.trim()}
      extra={
        observation && (
          <DeleteButton
            label={t('analysis.peopleDialogs.deleteObservation')}
            onClick={() => {
              onClose();
              void mutate('observation.delete', { id: observation.id });
            }}
          />
        )
      }
    >
      <label className="field">
        {t('analysis.peopleDialogs.observation')}
        <textarea className="input textarea" rows={4} value={draft.text} onChange={(e) => set({ text: e.target.value })} data-autofocus />
      </label>
      <div className="field-grid">
        <ChoiceSelect<FourP> label={t('analysis.peopleDialogs.fourP')} value={draft.fourP} options={FOUR_P_LABELS} onChange={(fourP) => set({ fourP })} />
        <PersonSelect
          label={t('analysis.peopleDialogs.about')}
          value={draft.personId}
          people={people}
          onChange={(personId) => set({ personId })}
          none={t('analysis.peopleDialogs.noOne')}
        />
        <label className="field">
          {t('analysis.peopleDialogs.session')}
          <select className="input" value={draft.sessionId ?? ''} onChange={(e) => set({ sessionId: e.target.value || null })}>
            <option value="">{t('analysis.peopleDialogs.noSession')}</option>
            {sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      </div>
    </Modal>
  );
}

/** A training or communication need, for a person, a lane (everyone in that role), or both. */
export function NeedDialog({ need, kind, onClose }: { need?: Need; kind: Need['kind']; onClose: () => void }) {
  const mutate = useShoshin((s) => s.mutate);
  const people = useShoshin((s) => s.engagement?.people ?? []);
  const processes = useShoshin((s) => s.engagement?.processes ?? []);
  const lanes = useAnalysis((s) => s.view?.lanes ?? []);
  const [draft, setDraft] = useState<Omit<Need, 'id'>>(() => (need ? { ...need } : { ...creatableDefaults('needs'), kind, text: '' }));
  const set = (patch: Partial<Omit<Need, 'id'>>) => setDraft((d) => ({ ...d, ...patch }));
  const processName = new Map(processes.map((p) => [p.id, p.name]));
  const save = () => {
    onClose();
    const fields = { ...draft, text: draft.text.trim() };
    if (need) {
      const patch = changedFields(need, fields);
      if (Object.keys(patch).length > 0) void mutate('need.update', { id: need.id, patch });
    }
    else void mutate('need.create', fields);
  };
  const what = NEED_LABELS[draft.kind].toLowerCase();
  return (
    <Modal
      title={need ? t('analysis.peopleDialogs.editNeed', { what }) : t('analysis.peopleDialogs.addNeedTitle', { what })}
      confirm={need ? t('analysis.peopleDialogs.save') : t('analysis.peopleDialogs.addNeed')}
      onSubmit={save}
      onCancel={onClose}
      canSubmit={!!draft.text.trim()}
      extra={
        need && (
          <DeleteButton
            label={t('analysis.peopleDialogs.deleteNeed')}
            onClick={() => {
              onClose();
              void mutate('need.delete', { id: need.id });
            }}
          />
        )
      }
    >
      <label className="field">
        {t('analysis.peopleDialogs.whatNeeded')}
        <textarea className="input textarea" rows={3} value={draft.text} onChange={(e) => set({ text: e.target.value })} data-autofocus />
      </label>
      <div className="field-grid">
        <label className="field">
          {t('analysis.peopleDialogs.kind')}
          <select className="input" value={draft.kind} onChange={(e) => set({ kind: e.target.value as Need['kind'] })}>
            {Object.entries(NEED_LABELS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <PersonSelect
          label={t('analysis.peopleDialogs.forPerson')}
          value={draft.personId}
          people={people}
          onChange={(personId) => set({ personId })}
          none={t('analysis.peopleDialogs.noOne')}
        />
        <label className="field">
          {t('analysis.peopleDialogs.forLane')}
          <select className="input" value={draft.laneId ?? ''} onChange={(e) => set({ laneId: e.target.value || null })}>
            <option value="">{t('analysis.peopleDialogs.noLane')}</option>
            {lanes.map((l) => (
              <option key={l.id} value={l.id}>
                {t('analysis.peopleDialogs.laneOfProcess', { process: processName.get(l.processId) ?? '', lane: l.name })}
              </option>
            ))}
          </select>
        </label>
      </div>
    </Modal>
  );
}
