import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Preferences } from '../../../core/ipc/app';
import { call } from '../api';
import { ReportLookFields } from '../report/ReportLookFields';
import { applyTheme } from './theme';
import { t } from '../i18n';

/** The consultant's own details and the look of the app; kept for every engagement on this computer. */
export function SettingsDialog({ initial, onClose }: { initial: Preferences; onClose: (saved: Preferences | null) => void }) {
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const first = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState({ canPick: false, dataDir: '' });

  useEffect(() => first.current?.focus(), []);
  useEffect(() => {
    call('app.home', {}).then(
      (h) => setFiles({ canPick: h.canPickFiles, dataDir: h.dataDir }),
      () => undefined,
    );
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    call('settings.update', {
      consultantName: draft.consultantName.trim(),
      company: draft.company.trim(),
      theme: draft.theme,
      reportDefaults: draft.reportDefaults,
    }).then(
      (saved) => {
        applyTheme(saved.theme);
        onClose(saved);
      },
      (e: unknown) => setError((e as Error).message),
    );
  };

  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose(null)}>
      <form className="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} onSubmit={submit}>
        <h2 id={titleId}>{t('shell.settings.title')}</h2>
        <label className="field">
          {t('shell.settings.name')}
          <input ref={first} className="input" value={draft.consultantName} onChange={(e) => setDraft({ ...draft, consultantName: e.target.value })} />
        </label>
        <label className="field">
          {t('shell.settings.company')}
          <input className="input" value={draft.company} onChange={(e) => setDraft({ ...draft, company: e.target.value })} />
        </label>
        <fieldset className="field fieldset">
          <legend>{t('shell.settings.theme')}</legend>
          <div className="row">
            {(['light', 'dark'] as const).map((theme) => (
              <label key={theme} className="radio">
                <input
                  type="radio"
                  name="theme"
                  value={theme}
                  checked={draft.theme === theme}
                  onChange={() => {
                    setDraft({ ...draft, theme });
                    applyTheme(theme);
                  }}
                />
                {theme === 'light' ? t('shell.settings.light') : t('shell.settings.dark')}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="field fieldset">
          <legend>{t('shell.settings.reports')}</legend>
          {(
            [
              ['anonymise', 'shell.settings.anonymise'],
              ['includeQuestions', 'shell.settings.includeQuestions'],
              ['confidential', 'shell.settings.confidential'],
            ] as const
          ).map(([key, label]) => (
            <label key={key} className="radio">
              <input
                type="checkbox"
                checked={draft.reportDefaults[key]}
                onChange={(e) => setDraft({ ...draft, reportDefaults: { ...draft.reportDefaults, [key]: e.target.checked } })}
              />
              {t(label)}
            </label>
          ))}
          <label className="radio">
            {t('shell.settings.brandColour')}
            <input
              type="color"
              value={draft.reportDefaults.brandColor}
              onChange={(e) => setDraft({ ...draft, reportDefaults: { ...draft.reportDefaults, brandColor: e.target.value } })}
            />
          </label>
        </fieldset>
        <ReportLookFields
          value={draft.reportDefaults}
          onChange={(patch) => setDraft({ ...draft, reportDefaults: { ...draft.reportDefaults, ...patch } })}
          canPick={files.canPick}
          dataDir={files.dataDir}
        />
        {error && <p role="alert">{error}</p>}
        <div className="dialog-actions">
          <button
            type="button"
            className="btn"
            onClick={() => {
              applyTheme(initial.theme);
              onClose(null);
            }}
          >
            {t('shell.settings.cancel')}
          </button>
          <button type="submit" className="btn btn-primary">
            {t('shell.settings.save')}
          </button>
        </div>
      </form>
    </div>
  );
}
