import { useRef, useState, type KeyboardEvent } from 'react';
import type { Engagement } from '../../../core/model';
import { changedFields } from '../../../core/patch';
import { MAX_NAME } from '../../../core/vocabulary';
import { Modal } from '../analysis/ui';
import { t } from '../i18n';
import { useShoshin } from '../store';
import './details.css';

type Draft = Pick<Engagement, 'name' | 'client' | 'consultant' | 'scope' | 'objectives' | 'departments'>;

/** Enterprise service management reaches past IT: the departments a consultant adds most, one keystroke each. */
const SUGGESTED = ['IT', 'HR', 'Facilities', 'Finance', 'Procurement', 'Legal'];
const MAX_DEPARTMENTS = 100;

function withDepartment(list: readonly string[], name: string): string[] {
  const clean = name.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME);
  if (!clean || list.length >= MAX_DEPARTMENTS || list.some((d) => d.toLocaleLowerCase() === clean.toLocaleLowerCase())) return [...list];
  return [...list, clean];
}

/** Ctrl+Enter (Cmd+Enter) saves from a text area, where Enter starts a new line. */
function submitOnModEnter(event: KeyboardEvent<HTMLTextAreaElement>): void {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    event.currentTarget.form?.requestSubmit();
  }
}

/**
 * Name, client, scope, objectives and departments: what the report's executive summary is built
 * from. Sends only the fields that changed, as one undoable edit.
 */
export function EngagementDetailsDialog({ onClose }: { onClose: () => void }) {
  const view = useShoshin((s) => s.engagement);
  const mutate = useShoshin((s) => s.mutate);
  const record = view?.engagement;
  const [draft, setDraft] = useState<Draft>(() => ({
    name: record?.name ?? '',
    client: record?.client ?? '',
    consultant: record?.consultant ?? '',
    scope: record?.scope ?? '',
    objectives: record?.objectives ?? '',
    departments: [...(record?.departments ?? [])],
  }));
  const [typed, setTyped] = useState('');
  const departmentInput = useRef<HTMLInputElement>(null);
  if (!view || !record) return null;
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const addTyped = () => {
    set({ departments: withDepartment(draft.departments, typed) });
    setTyped('');
  };
  const remove = (index: number) => {
    set({ departments: draft.departments.filter((_, i) => i !== index) });
    departmentInput.current?.focus();
  };
  const onDepartmentKey = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter or a comma adds what was typed; with nothing typed, Enter saves the dialog as in any field.
    if ((event.key === 'Enter' || event.key === ',') && typed.trim()) {
      event.preventDefault();
      addTyped();
    } else if (event.key === 'Backspace' && !typed && draft.departments.length > 0) {
      event.preventDefault();
      set({ departments: draft.departments.slice(0, -1) });
    }
  };

  const save = () => {
    onClose();
    // A department typed but not yet added is meant to be kept.
    const fields: Draft = {
      name: draft.name.trim(),
      client: draft.client.trim(),
      consultant: draft.consultant.trim(),
      scope: draft.scope.trim(),
      objectives: draft.objectives.trim(),
      departments: withDepartment(draft.departments, typed),
    };
    const patch = changedFields(record, fields);
    if (Object.keys(patch).length > 0) void mutate('engagement.update', { id: record.id, patch });
  };

  const suggestions = SUGGESTED.filter((s) => !draft.departments.some((d) => d.toLocaleLowerCase() === s.toLocaleLowerCase()));

  return (
    <Modal
      title={t('shell.details.title')}
      confirm={t('shell.details.save')}
      onSubmit={save}
      onCancel={onClose}
      canSubmit={!view.readOnly && !!draft.name.trim()}
      wide
    >
      {view.readOnly && <p className="dialog-note muted">{t('shell.details.readOnly')}</p>}
      <p className="dialog-note muted">{t('shell.details.intro')}</p>
      <div className="field-grid">
        <label className="field">
          {t('shell.details.name')}
          <input className="input" value={draft.name} maxLength={MAX_NAME} onChange={(e) => set({ name: e.target.value })} data-autofocus />
        </label>
        <label className="field">
          {t('shell.details.client')}
          <input className="input" value={draft.client} maxLength={MAX_NAME} onChange={(e) => set({ client: e.target.value })} />
        </label>
        <label className="field">
          {t('shell.details.consultant')}
          <input className="input" value={draft.consultant} maxLength={MAX_NAME} onChange={(e) => set({ consultant: e.target.value })} />
        </label>
      </div>
      <label className="field">
        {t('shell.details.scope')}
        <textarea
          className="input textarea"
          rows={3}
          value={draft.scope}
          placeholder={t('shell.details.scopePlaceholder')}
          onChange={(e) => set({ scope: e.target.value })}
          onKeyDown={submitOnModEnter}
        />
      </label>
      <label className="field">
        {t('shell.details.objectives')}
        <textarea
          className="input textarea"
          rows={3}
          value={draft.objectives}
          placeholder={t('shell.details.objectivesPlaceholder')}
          onChange={(e) => set({ objectives: e.target.value })}
          onKeyDown={submitOnModEnter}
        />
      </label>
      <fieldset className="fieldset">
        <legend>{t('shell.details.departments')}</legend>
        <div className="department-box">
          {draft.departments.length > 0 && (
            <ul className="department-chips" aria-label={t('shell.details.departments')}>
              {draft.departments.map((department, i) => (
                <li key={department} className="department-chip">
                  <span>{department}</span>
                  <button type="button" className="chip-remove" aria-label={t('shell.details.removeDepartment', { name: department })} onClick={() => remove(i)}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <input
            ref={departmentInput}
            className="input input-sm department-input"
            value={typed}
            maxLength={MAX_NAME}
            aria-label={t('shell.details.addDepartment')}
            placeholder={t('shell.details.addDepartmentPlaceholder')}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={onDepartmentKey}
          />
        </div>
        {suggestions.length > 0 && (
          <div className="row department-suggestions">
            <span className="muted">{t('shell.details.suggestions')}</span>
            {suggestions.map((s) => (
              <button key={s} type="button" className="btn btn-sm btn-ghost" aria-label={t('shell.details.addSuggested', { name: s })} onClick={() => set({ departments: withDepartment(draft.departments, s) })}>
                + {s}
              </button>
            ))}
          </div>
        )}
      </fieldset>
      <p className="dialog-note muted">{t('shell.details.keys')}</p>
    </Modal>
  );
}
