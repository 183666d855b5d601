import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { MethodOutput } from '../../../core/contract';
import { IMPORT_AS, type ImportAs } from '../../../core/import/plan';
import { TABLE_FIELDS, type ColumnMapping, type TableField } from '../../../core/import/table';
import { ApiError, call } from '../api';
import { useShoshin } from '../store';
import { t, type StringKey } from '../i18n';
import './import.css';

type Preview = MethodOutput<'import.preview'>;

const AS_LABEL = { documented: 'import.asDocumented', observed: 'import.asObserved' } as const satisfies Record<ImportAs, StringKey>;
const FIELD_LABEL = {
  process: 'import.field.process',
  id: 'import.field.id',
  lane: 'import.field.lane',
  step: 'import.field.step',
  kind: 'import.field.kind',
  next: 'import.field.next',
  condition: 'import.field.condition',
  system: 'import.field.system',
  work: 'import.field.work',
  wait: 'import.field.wait',
  description: 'import.field.description',
} as const satisfies Record<TableField, StringKey>;

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** "dataStoreReference" as "Data store reference". */
function skippedLabel(what: string): string {
  const words = what.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * File → Import…: choose a BPMN file or a step table, see what it would add (and, for a table,
 * which column is which), then add it as one command.
 */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const mutate = useShoshin((s) => s.mutate);
  const selectProcess = useShoshin((s) => s.selectProcess);
  const titleId = useId();
  const [canPick, setCanPick] = useState<boolean | null>(null);
  const [dataDir, setDataDir] = useState('');
  const [typed, setTyped] = useState('');
  const [path, setPath] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [as, setAs] = useState<ImportAs>('documented');
  const [running, setRunning] = useState(false);
  const first = useRef<HTMLButtonElement & HTMLInputElement>(null);

  useEffect(() => {
    call('app.home', {}).then(
      (home) => {
        setCanPick(home.canPickFiles);
        setDataDir(home.dataDir);
      },
      () => setCanPick(false),
    );
  }, []);

  useEffect(() => {
    if (canPick !== null) first.current?.focus();
  }, [canPick]);

  /** Reads the file again with this mapping; an answer to an older question is dropped. */
  const asked = useRef(0);
  const load = (file: string, columns: ColumnMapping | null) => {
    const question = ++asked.current;
    setPath(file);
    setMapping(columns);
    setReading(true);
    setError(null);
    call('import.preview', columns ? { path: file, mapping: columns } : { path: file }).then(
      (answer) => {
        if (question !== asked.current) return;
        setPreview(answer);
        setReading(false);
      },
      (e: unknown) => {
        if (question !== asked.current) return;
        setPreview(null);
        setReading(false);
        setError(e instanceof ApiError ? e.message : t('shell.store.genericError'));
      },
    );
  };

  const choose = () => {
    call('import.pickFile', {}).then(
      (picked) => {
        if (picked.path) load(picked.path, null);
      },
      (e: unknown) => setError(e instanceof ApiError ? e.message : t('shell.store.genericError')),
    );
  };

  const table = preview?.tables[0] ?? null;
  const shown = mapping ?? table?.mapping ?? {};
  const setColumn = (field: TableField, value: string) => {
    const next: ColumnMapping = { ...shown };
    if (value === '') delete next[field];
    else next[field] = Number(value);
    if (path) load(path, next);
  };
  const stepCount = preview?.summary.processes.reduce((n, p) => n + p.steps, 0) ?? 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!path || !preview || stepCount === 0 || running) return;
    setRunning(true);
    void mutate('import.run', mapping ? { path, as, mapping } : { path, as }).then((result) => {
      setRunning(false);
      if (!result) return;
      onClose();
      useShoshin.setState({ notice: t(result.summary.processes.length === 1 ? 'import.done.one' : 'import.done.other', { count: result.summary.processes.length, file: fileName(path) }) });
      const firstId = result.processIds[0];
      if (firstId) void selectProcess(firstId);
    });
  };

  const skipped = Object.entries(preview?.summary.skipped ?? {});

  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="dialog dialog-wide import-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId}>{t('import.title')}</h2>
        <form className="dialog-body" onSubmit={submit}>
          <p className="muted">{t('import.intro')}</p>
          <div className="field">
            {t('import.file')}
            {canPick ? (
              <span className="row">
                <input className="input" readOnly aria-label={t('import.file')} value={path ? fileName(path) : t('import.noFile')} title={path ?? ''} />
                <button ref={first} type="button" className="btn btn-sm" onClick={choose}>
                  {t('import.choose')}
                </button>
              </span>
            ) : (
              <span className="row">
                <input
                  ref={first}
                  className="input"
                  aria-label={t('import.file')}
                  value={typed}
                  placeholder={t('import.pathInDataFolder', { dataDir })}
                  onChange={(e) => setTyped(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && typed.trim()) {
                      e.preventDefault();
                      load(typed.trim(), null);
                    }
                  }}
                />
                <button
                  type="button"
                  className="btn btn-sm"
                  disabled={!typed.trim()}
                  onClick={() => load(typed.trim(), null)}
                >
                  {t('import.preview')}
                </button>
              </span>
            )}
          </div>
          {reading && <p role="status">{t('import.reading')}</p>}
          {error && (
            <p className="import-error" role="alert">
              {error}
            </p>
          )}
          {preview && table && (
            <fieldset className="fieldset">
              <legend>{t('import.columns')}</legend>
              <p className="muted">{t('import.columnsIntro', { sheet: table.name })}</p>
              <div className="import-columns">
                {TABLE_FIELDS.map((field) => (
                  <label key={field} className="field">
                    {t(FIELD_LABEL[field])}
                    <select className="input" aria-label={t(FIELD_LABEL[field])} value={shown[field] ?? ''} onChange={(e) => setColumn(field, e.target.value)}>
                      <option value="">{t('import.notInTable')}</option>
                      {table.headers.map((header, i) => (
                        <option key={i} value={i}>
                          {header}
                        </option>
                      ))}
                    </select>
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          {preview && (
            <section aria-label={t('import.willAdd')}>
              <h3 className="import-heading">{t('import.willAdd')}</h3>
              {stepCount === 0 ? (
                <p>{t('import.nothing')}</p>
              ) : (
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('import.process')}</th>
                      <th scope="col" className="num">
                        {t('import.steps')}
                      </th>
                      <th scope="col" className="num">
                        {t('import.lanes')}
                      </th>
                      <th scope="col" className="num">
                        {t('import.flows')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.summary.processes.map((p, i) => (
                      <tr key={i}>
                        <td>{p.name}</td>
                        <td className="num">{p.steps}</td>
                        <td className="num">{p.lanes}</td>
                        <td className="num">{p.flows}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {skipped.length > 0 && (
                <>
                  <h4 className="import-subheading">{t('import.skipped')}</h4>
                  <ul className="import-list">
                    {skipped.map(([what, count]) => (
                      <li key={what}>{t('import.skippedItem', { what: skippedLabel(what), count })}</li>
                    ))}
                  </ul>
                </>
              )}
              {preview.notes.length > 0 && (
                <>
                  <h4 className="import-subheading">{t('import.notes')}</h4>
                  <ul className="import-list">
                    {preview.notes.map((note, i) => (
                      <li key={i}>{t(note)}</li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          )}
          <fieldset className="fieldset">
            <legend>{t('import.as')}</legend>
            <div className="radio-list">
              {IMPORT_AS.map((value) => (
                <label key={value} className="radio">
                  <input type="radio" name="import-as" value={value} checked={as === value} onChange={() => setAs(value)} />
                  {t(AS_LABEL[value])}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={onClose}>
              {t('import.cancel')}
            </button>
            <button type="submit" className="btn btn-primary" disabled={!preview || stepCount === 0 || running || reading}>
              {t('import.run')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
