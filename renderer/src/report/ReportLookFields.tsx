import { useState } from 'react';
import type { ReportOptions } from '../../../core/ipc/report';
import { MAP_PAPERS, REPORT_LANGUAGES } from '../../../core/reportDefaults';
import { ApiError, call } from '../api';
import './report.css';
import { t } from '../i18n';

type Look = Pick<ReportOptions, 'mapPaper' | 'language' | 'templatePath'>;

/** The file's own name: main keeps a picked template as Templates/<content hash>/<original name>. */
function fileName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** The language Word would be told when none is chosen: this computer's. */
function systemLanguage(): string {
  return Intl.DateTimeFormat().resolvedOptions().locale;
}

/**
 * The paper of the process maps, the document's language and the firm's Word template: in the
 * Export dialog for this engagement's report, and in Settings as the default for new engagements.
 */
export function ReportLookFields({ value, onChange, canPick, dataDir }: { value: Look; onChange: (patch: Partial<Look>) => void; canPick: boolean; dataDir: string }) {
  const [templateError, setTemplateError] = useState<string | null>(null);
  const pickTemplate = () => {
    setTemplateError(null);
    call('report.pickTemplate', {}).then(
      (picked) => picked.path && onChange({ templatePath: picked.path }),
      (error: unknown) => setTemplateError(error instanceof ApiError ? error.message : t('shell.store.genericError')),
    );
  };
  return (
    <fieldset className="fieldset">
      <legend>{t('shell.export.pages')}</legend>
      <div className="export-look">
        <label className="field">
          {t('shell.export.mapPaper')}
          <select className="input" value={value.mapPaper} onChange={(e) => onChange({ mapPaper: e.target.value as Look['mapPaper'] })}>
            {MAP_PAPERS.map((paper) => (
              <option key={paper} value={paper}>
                {t(`shell.export.mapPaper.${paper}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('shell.export.language')}
          <select className="input" value={value.language} onChange={(e) => onChange({ language: e.target.value })}>
            <option value="">{t('shell.export.systemLanguage', { language: systemLanguage() })}</option>
            {/* A tag given in an options file stays choosable. */}
            {[...REPORT_LANGUAGES, ...(value.language && !(REPORT_LANGUAGES as readonly string[]).includes(value.language) ? [value.language] : [])].map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </label>
        <label className="field export-logo">
          {t('shell.export.template')}
          <span className="row">
            {/* As with the logo: on the desktop only main's file picker names the template; the browser host takes a path in the data folder. */}
            {canPick ? (
              <input className="input" readOnly value={value.templatePath ? fileName(value.templatePath) : ''} title={value.templatePath} placeholder={t('shell.export.noTemplate')} />
            ) : (
              <input
                className="input"
                value={value.templatePath}
                placeholder={t('shell.export.templateInDataFolder', { dataDir })}
                onChange={(e) => onChange({ templatePath: e.target.value })}
              />
            )}
            {canPick && (
              <button type="button" className="btn btn-sm" onClick={pickTemplate}>
                {t('shell.export.chooseTemplate')}
              </button>
            )}
            {value.templatePath && (
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => onChange({ templatePath: '' })}>
                {t('shell.export.removeTemplate')}
              </button>
            )}
          </span>
        </label>
      </div>
      <p className="dialog-note muted">{t('shell.export.templateNote')}</p>
      {templateError && (
        <p className="export-invalid" role="alert">
          {templateError}
        </p>
      )}
    </fieldset>
  );
}
