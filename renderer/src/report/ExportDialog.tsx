import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ExportRequest, ReportOptions, ReportSection } from '../../../core/ipc/report';
import { DEFAULT_REPORT_OPTIONS, REPORT_SECTIONS } from '../../../core/reportDefaults';
import { ApiError, call } from '../api';
import { useShoshin } from '../store';
import './report.css';
import { ReportLookFields } from './ReportLookFields';
import { useExportJob, type ExportJob } from './useExportJob';
import { t } from '../i18n';

function sectionLabel(section: ReportSection): string {
  return t(`shell.report.section.${section}`);
}

const HEX = /^#[0-9a-fA-F]{6}$/;

/** The file's own name: main keeps a picked logo as Logos/<content hash>/<original name>. */
function fileName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

function JobStatus({ job, onOpen }: { job: ExportJob; onOpen: (jobId: string) => void }) {
  const progress = job.progress;
  if (job.error) {
    return (
      <div className="export-status export-failed" role="alert">
        <strong>{t('shell.export.failed', { label: job.label })}</strong> {job.error}
      </div>
    );
  }
  if (progress?.done && progress.file) {
    return (
      <div className="export-status export-done" role="status">
        <p>
          <strong>{t('shell.export.ready', { label: job.label })}</strong> {t('shell.export.savedAs')} <span className="export-path">{progress.file}</span>
        </p>
        <div className="row">
          {progress.downloadUrl && (
            <a className="btn btn-primary btn-sm" href={progress.downloadUrl} download={progress.fileName}>
              {t('shell.export.download', { file: progress.fileName ?? '' })}
            </a>
          )}
          {progress.canOpen && (
            <button type="button" className="btn btn-primary btn-sm" onClick={() => onOpen(progress.jobId)}>
              {t('shell.export.open', { file: progress.fileName ?? '' })}
            </button>
          )}
        </div>
      </div>
    );
  }
  const percent = progress?.percent ?? 0;
  return (
    <div className="export-status" role="status">
      <p className="export-phase">
        <span>
          <strong>{t('shell.export.jobLabel', { label: job.label })}</strong> {t('shell.export.phase', { phase: progress?.phase ?? t('shell.export.starting') })}
        </span>
        <span className="export-percent">{t('shell.export.percent', { percent })}</span>
      </p>
      <progress className="export-progress" max={100} value={percent} aria-label={t('shell.export.progress', { label: job.label })} />
    </div>
  );
}

/**
 * The Word report's options (remembered per engagement) and the other exports: diagram as SVG
 * or PNG, BPMN, and the CSV registers. Exports run in the background while the dialog shows how far along they are.
 */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const engagement = useShoshin((s) => s.engagement);
  const process = useShoshin((s) => s.process);
  const [options, setOptions] = useState<ReportOptions | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [canPick, setCanPick] = useState(false);
  const [dataDir, setDataDir] = useState('');
  const [logoError, setLogoError] = useState<string | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  const { job, running, start } = useExportJob();
  const titleId = useId();
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    call('report.options', {}).then(setOptions, (e: unknown) => {
      setOptions({ ...DEFAULT_REPORT_OPTIONS });
      setLoadError(e instanceof ApiError ? e.message : t('shell.export.optionsUnreadable'));
    });
    call('app.home', {}).then(
      (h) => {
        setCanPick(h.canPickFiles);
        setDataDir(h.dataDir);
      },
      () => undefined,
    );
  }, []);

  useEffect(() => {
    if (options) first.current?.focus();
  }, [options]);

  if (!engagement || !options) return null;
  const colorValid = HEX.test(options.brandColor);
  const set = (patch: Partial<ReportOptions>) => setOptions({ ...options, ...patch });
  const toggleSection = (section: ReportSection, on: boolean) =>
    set({ sections: REPORT_SECTIONS.filter((s) => (s === section ? on : options.sections.includes(s))) });

  const run = (label: string, request: ExportRequest) => void start(label, request);
  const createReport = (event: FormEvent) => {
    event.preventDefault();
    if (!colorValid || running) return;
    run(t('shell.export.wordReport'), { format: 'docx', options: { ...options, logoPath: options.logoPath.trim(), templatePath: options.templatePath.trim() } });
  };
  const processName = process?.process.name ?? '';
  const pickLogo = () => {
    setLogoError(null);
    call('report.pickLogo', {}).then(
      (picked) => picked.path && set({ logoPath: picked.path }),
      (error: unknown) => setLogoError(error instanceof ApiError ? error.message : t('shell.store.genericError')),
    );
  };

  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="dialog dialog-wide export-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId}>{t('shell.export.title')}</h2>
        <form className="dialog-body" aria-label={t('shell.export.wordReport')} onSubmit={createReport}>
          <h3 className="export-heading">{t('shell.export.wordReport')}</h3>
          {loadError && <p className="dialog-note">{t('shell.export.defaultsShown', { error: loadError })}</p>}
          <fieldset className="fieldset">
            <legend>{t('shell.export.sections')}</legend>
            <div className="check-list check-columns">
              {REPORT_SECTIONS.map((section, i) => (
                <label key={section} className="check-row">
                  <input
                    ref={i === 0 ? first : undefined}
                    type="checkbox"
                    checked={options.sections.includes(section)}
                    onChange={(e) => toggleSection(section, e.target.checked)}
                  />
                  {sectionLabel(section)}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset className="fieldset">
            <legend>{t('shell.export.people')}</legend>
            <label className="check-inline">
              <input type="checkbox" checked={options.anonymise} aria-describedby={`${titleId}-anonymise`} onChange={(e) => set({ anonymise: e.target.checked })} />
              {t('shell.export.anonymise')}
            </label>
            <p id={`${titleId}-anonymise`} className="dialog-note muted">
              {t('shell.export.anonymiseCovers')}
            </p>
            <label className="check-inline">
              <input
                type="checkbox"
                checked={options.nameIndividuals && !options.anonymise}
                disabled={options.anonymise}
                aria-describedby={`${titleId}-internal`}
                onChange={(e) => set({ nameIndividuals: e.target.checked })}
              />
              {t('shell.export.nameIndividuals')}
            </label>
            <p id={`${titleId}-internal`} className="dialog-note muted">
              {options.anonymise ? t('shell.export.nameIndividualsOff') : t('shell.export.nameIndividualsNote')}
            </p>
            <label className="check-inline">
              <input type="checkbox" checked={options.includeQuestions} onChange={(e) => set({ includeQuestions: e.target.checked })} />
              {t('shell.export.includeQuestions')}
            </label>
            <label className="check-inline">
              <input type="checkbox" checked={options.confidential} onChange={(e) => set({ confidential: e.target.checked })} />
              {t('shell.export.confidential')}
            </label>
            <p className="dialog-note muted">{t('shell.export.anonymiseNote')}</p>
          </fieldset>
          <fieldset className="fieldset">
            <legend>{t('shell.export.branding')}</legend>
            <div className="export-brand">
              <label className="field">
                {t('shell.export.brandColour')}
                <span className="row">
                  <input
                    type="color"
                    className="export-swatch"
                    aria-label={t('shell.export.pickColour')}
                    value={colorValid ? options.brandColor : '#1f4e79'}
                    onChange={(e) => set({ brandColor: e.target.value })}
                  />
                  <input
                    className="input export-hex"
                    value={options.brandColor}
                    aria-invalid={!colorValid}
                    onChange={(e) => set({ brandColor: e.target.value.trim() })}
                  />
                </span>
              </label>
              <label className="field export-logo">
                {t('shell.export.logo')}
                <span className="row">
                  {/* On the desktop only main's file picker names the logo; the browser has no picker, so a path in the data folder is typed. */}
                  {canPick ? (
                    <input className="input" readOnly value={options.logoPath ? fileName(options.logoPath) : ''} title={options.logoPath} placeholder={t('shell.export.noLogo')} />
                  ) : (
                    <input
                      className="input"
                      value={options.logoPath}
                      placeholder={t('shell.export.logoInDataFolder', { dataDir })}
                      onChange={(e) => set({ logoPath: e.target.value })}
                    />
                  )}
                  {canPick && (
                    <button type="button" className="btn btn-sm" onClick={pickLogo}>
                      {t('shell.export.choose')}
                    </button>
                  )}
                  {options.logoPath && (
                    <button type="button" className="btn btn-ghost btn-sm" onClick={() => set({ logoPath: '' })}>
                      {t('shell.export.removeLogo')}
                    </button>
                  )}
                </span>
              </label>
            </div>
            {logoError && (
              <p className="export-invalid" role="alert">
                {logoError}
              </p>
            )}
            {!colorValid && (
              <p className="export-invalid" role="alert">
                {t('shell.export.colourInvalid')}
              </p>
            )}
          </fieldset>
          <ReportLookFields value={options} onChange={set} canPick={canPick} dataDir={dataDir} />
          <div className="dialog-actions">
            <button type="submit" className="btn btn-primary" disabled={!colorValid || running || options.sections.length === 0}>
              {t('shell.export.createReport')}
            </button>
          </div>
        </form>

        <section className="dialog-body" aria-labelledby={`${titleId}-other`}>
          <h3 id={`${titleId}-other`} className="export-heading">
            {t('shell.export.other')}
          </h3>
          <div className="export-grid">
            <span className="muted">{processName ? t('shell.export.diagramOf', { name: processName }) : t('shell.export.openProcess')}</span>
            <div className="row">
              {(['svg', 'png', 'bpmn'] as const).map((format) => (
                <button
                  key={format}
                  type="button"
                  className="btn btn-sm"
                  disabled={!process || running}
                  onClick={() => process && run(t('shell.export.formatOf', { format: format.toUpperCase(), name: processName }), { format, processId: process.process.id, options })}
                >
                  {format === 'svg' ? t('shell.export.svg') : format === 'png' ? t('shell.export.png') : t('shell.export.bpmn')}
                </button>
              ))}
            </div>
            <span className="muted">{t('shell.export.registers')}</span>
            <div className="row">
              <button type="button" className="btn btn-sm" disabled={running} onClick={() => run(t('shell.export.painPoints'), { format: 'csv', register: 'painPoints', options })}>
                {t('shell.export.painPoints')}
              </button>
              <button type="button" className="btn btn-sm" disabled={running} onClick={() => run(t('shell.export.stakeholders'), { format: 'csv', register: 'stakeholders', options })}>
                {t('shell.export.stakeholders')}
              </button>
            </div>
          </div>
        </section>

        {job && (
          <JobStatus
            job={job}
            onOpen={(jobId) => {
              setOpenError(null);
              call('report.open', { jobId }).catch((e: unknown) => setOpenError(e instanceof ApiError ? e.message : t('shell.export.openFailed')));
            }}
          />
        )}
        {openError && <p role="alert">{openError}</p>}

        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('shell.export.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
