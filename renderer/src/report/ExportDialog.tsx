import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { DEFAULT_REPORT_OPTIONS, REPORT_SECTION_LABELS, REPORT_SECTIONS, type ExportRequest, type ReportOptions, type ReportSection } from '../../../core/ipc/report';
import { ApiError, call } from '../api';
import { useShoshin } from '../store';
import './report.css';
import { useExportJob, type ExportJob } from './useExportJob';

const HEX = /^#[0-9a-fA-F]{6}$/;

function JobStatus({ job, onOpen }: { job: ExportJob; onOpen: (jobId: string) => void }) {
  const progress = job.progress;
  if (job.error) {
    return (
      <div className="export-status export-failed" role="alert">
        <strong>{job.label} failed.</strong> {job.error}
      </div>
    );
  }
  if (progress?.done && progress.file) {
    return (
      <div className="export-status export-done" role="status">
        <p>
          <strong>{job.label} is ready.</strong> Saved as <span className="export-path">{progress.file}</span>
        </p>
        <div className="row">
          {progress.downloadUrl && (
            <a className="btn btn-primary btn-sm" href={progress.downloadUrl} download={progress.fileName}>
              Download {progress.fileName}
            </a>
          )}
          {progress.canOpen && (
            <button type="button" className="btn btn-primary btn-sm" onClick={() => onOpen(progress.jobId)}>
              Open {progress.fileName}
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
          <strong>{job.label}:</strong> {progress?.phase ?? 'Starting'}…
        </span>
        <span className="export-percent">{percent} %</span>
      </p>
      <progress className="export-progress" max={100} value={percent} aria-label={`${job.label} progress`} />
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
  const [openError, setOpenError] = useState<string | null>(null);
  const { job, running, start } = useExportJob();
  const titleId = useId();
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    call('report.options', {}).then(setOptions, (e: unknown) => {
      setOptions({ ...DEFAULT_REPORT_OPTIONS });
      setLoadError(e instanceof ApiError ? e.message : 'The saved report options could not be read.');
    });
    call('app.home', {}).then((h) => setCanPick(h.canPickFiles), () => undefined);
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
    run('Word report', { format: 'docx', options: { ...options, logoPath: options.logoPath.trim() } });
  };
  const processName = process?.process.name ?? '';

  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="dialog dialog-wide export-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId}>Export</h2>
        <form className="dialog-body" aria-label="Word report" onSubmit={createReport}>
          <h3 className="export-heading">Word report</h3>
          {loadError && <p className="dialog-note">{loadError} The defaults are shown.</p>}
          <fieldset className="fieldset">
            <legend>Sections</legend>
            <div className="check-list check-columns">
              {REPORT_SECTIONS.map((section, i) => (
                <label key={section} className="check-row">
                  <input
                    ref={i === 0 ? first : undefined}
                    type="checkbox"
                    checked={options.sections.includes(section)}
                    onChange={(e) => toggleSection(section, e.target.checked)}
                  />
                  {REPORT_SECTION_LABELS[section]}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset className="fieldset">
            <legend>People and content</legend>
            <label className="check-inline">
              <input type="checkbox" checked={options.anonymise} onChange={(e) => set({ anonymise: e.target.checked })} />
              Anonymise people (name everyone by role)
            </label>
            <label className="check-inline">
              <input type="checkbox" checked={options.includeQuestions} onChange={(e) => set({ includeQuestions: e.target.checked })} />
              Include open questions
            </label>
            <label className="check-inline">
              <input type="checkbox" checked={options.confidential} onChange={(e) => set({ confidential: e.target.checked })} />
              Mark as confidential
            </label>
            <p className="dialog-note muted">People marked “anonymise” are always named by role. Names typed inside quotes and notes are not changed.</p>
          </fieldset>
          <fieldset className="fieldset">
            <legend>Branding</legend>
            <div className="export-brand">
              <label className="field">
                Brand colour
                <span className="row">
                  <input
                    type="color"
                    className="export-swatch"
                    aria-label="Pick brand colour"
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
                Logo file (PNG, JPEG or SVG)
                <span className="row">
                  <input className="input" value={options.logoPath} placeholder="No logo" onChange={(e) => set({ logoPath: e.target.value })} />
                  {canPick && (
                    <button
                      type="button"
                      className="btn btn-sm"
                      onClick={() => void call('report.pickLogo', {}).then((r) => r.path && set({ logoPath: r.path }))}
                    >
                      Choose…
                    </button>
                  )}
                  {options.logoPath && (
                    <button type="button" className="btn btn-ghost btn-sm" onClick={() => set({ logoPath: '' })}>
                      Remove logo
                    </button>
                  )}
                </span>
              </label>
            </div>
            {!colorValid && (
              <p className="export-invalid" role="alert">
                Use a colour like #1f4e79.
              </p>
            )}
          </fieldset>
          <div className="dialog-actions">
            <button type="submit" className="btn btn-primary" disabled={!colorValid || running || options.sections.length === 0}>
              Create Word report
            </button>
          </div>
        </form>

        <section className="dialog-body" aria-labelledby={`${titleId}-other`}>
          <h3 id={`${titleId}-other`} className="export-heading">
            Other exports
          </h3>
          <div className="export-grid">
            <span className="muted">{processName ? `Diagram of “${processName}”` : 'Open a process to export its diagram'}</span>
            <div className="row">
              {(['svg', 'png', 'bpmn'] as const).map((format) => (
                <button
                  key={format}
                  type="button"
                  className="btn btn-sm"
                  disabled={!process || running}
                  onClick={() => process && run(`${format === 'bpmn' ? 'BPMN' : format.toUpperCase()} of ${processName}`, { format, processId: process.process.id, options })}
                >
                  {format === 'svg' ? 'Diagram as SVG' : format === 'png' ? 'Diagram as PNG' : 'BPMN 2.0'}
                </button>
              ))}
            </div>
            <span className="muted">Registers (CSV, opens in Excel)</span>
            <div className="row">
              <button type="button" className="btn btn-sm" disabled={running} onClick={() => run('Pain-point register', { format: 'csv', register: 'painPoints', options })}>
                Pain-point register
              </button>
              <button type="button" className="btn btn-sm" disabled={running} onClick={() => run('Stakeholder register', { format: 'csv', register: 'stakeholders', options })}>
                Stakeholder register
              </button>
            </div>
          </div>
        </section>

        {job && (
          <JobStatus
            job={job}
            onOpen={(jobId) => {
              setOpenError(null);
              call('report.open', { jobId }).catch((e: unknown) => setOpenError(e instanceof ApiError ? e.message : 'The file could not be opened.'));
            }}
          />
        )}
        {openError && <p role="alert">{openError}</p>}

        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
