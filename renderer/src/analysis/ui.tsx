import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { t } from '../i18n';
import './matrix.css';

/**
 * Small building blocks shared by the analysis views: a modal form, labelled selects for the
 * classification enums and 1-5 scores, and the CSV download.
 */
interface ModalProps {
  title: string;
  /** The primary action's label; the form submits with Enter in any single-line field. */
  confirm: string;
  onSubmit: () => void;
  onCancel: () => void;
  canSubmit?: boolean;
  wide?: boolean;
  children: ReactNode;
  /** Extra buttons on the left of the footer (e.g. Delete). */
  extra?: ReactNode;
}

export function Modal({ title, confirm, onSubmit, onCancel, canSubmit = true, wide = false, children, extra }: ModalProps) {
  const titleId = useId();
  const form = useRef<HTMLFormElement>(null);
  const opener = useRef<Element | null>(typeof document !== 'undefined' ? document.activeElement : null);

  useEffect(() => {
    const first = form.current?.querySelector<HTMLElement>('[data-autofocus], textarea, input, select, button');
    first?.focus();
    const back = opener.current;
    return () => {
      if (back instanceof HTMLElement && document.contains(back)) back.focus();
    };
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canSubmit) onSubmit();
  };

  return (
    <div
      className="dialog-backdrop"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
      onMouseDown={(e) => e.target === e.currentTarget && onCancel()}
    >
      <form ref={form} className={`dialog${wide ? ' dialog-wide' : ''}`} role="dialog" aria-modal="true" aria-labelledby={titleId} onSubmit={submit}>
        <h2 id={titleId}>{title}</h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-actions">
          {extra}
          <span className="spacer" />
          <button type="button" className="btn" onClick={onCancel}>
            {t('analysis.ui.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={!canSubmit}>
            {confirm}
          </button>
        </div>
      </form>
    </div>
  );
}

interface ChoiceProps<T extends string> {
  label: string;
  value: T | null;
  options: Record<T, string>;
  onChange: (value: T | null) => void;
  /** What "nothing chosen" reads as. */
  none?: string;
}

export function ChoiceSelect<T extends string>({ label, value, options, onChange, none = t('analysis.ui.notSet') }: ChoiceProps<T>) {
  return (
    <label className="field">
      {label}
      <select className="input" value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : (e.target.value as T))}>
        <option value="">{none}</option>
        {(Object.entries(options) as [T, string][]).map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

export const SCORE_OPTIONS = { '1': t('analysis.ui.score1'), '2': '2', '3': '3', '4': '4', '5': t('analysis.ui.score5') } as const;

export function ScoreSelect({ label, value, onChange }: { label: string; value: number | null; onChange: (value: number | null) => void }) {
  return (
    <ChoiceSelect
      label={label}
      value={value === null ? null : (String(value) as keyof typeof SCORE_OPTIONS)}
      options={SCORE_OPTIONS}
      onChange={(v) => onChange(v === null ? null : Number(v))}
    />
  );
}

/** People as a select: "Anonymous" (or another none-label) first, then the stakeholder register. */
export function PersonSelect({
  label,
  value,
  people,
  onChange,
  none = t('analysis.ui.anonymous'),
}: {
  label: string;
  value: string | null;
  people: readonly { id: string; name: string; role: string }[];
  onChange: (id: string | null) => void;
  none?: string;
}) {
  return (
    <label className="field">
      {label}
      <select className="input" value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{none}</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.role ? t('analysis.ui.personWithRole', { name: p.name, role: p.role }) : p.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Saves text as a file the browser way; in Electron the same download asks where to save. */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function EmptyNote({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="empty-note">
      <h3>{title}</h3>
      <p className="muted">{children}</p>
    </div>
  );
}

const SCORES = [1, 2, 3, 4, 5] as const;

interface ScoreGridProps {
  label: string;
  yAxis: string;
  xAxis: string;
  cellLabel: (y: number, x: number) => string;
  /** A class that tints the cell's quadrant. */
  zone: (y: number, x: number) => string;
  children: (y: number, x: number) => ReactNode;
}

/** A 5 × 5 grid of two 1–5 scores (impact by effort, influence by commitment), high values at the top. */
export function ScoreGrid({ label, yAxis, xAxis, cellLabel, zone, children }: ScoreGridProps) {
  return (
    <div className="matrix" role="table" aria-label={label}>
      <div className="matrix-axis-y" aria-hidden="true">
        {yAxis}
      </div>
      <div className="matrix-grid" role="rowgroup">
        {[...SCORES].reverse().map((y) => (
          <div key={y} className="matrix-row" role="row">
            <div className="matrix-tick" role="rowheader">
              {y}
            </div>
            {SCORES.map((x) => (
              <div key={x} className={`matrix-cell ${zone(y, x)}`} role="cell" aria-label={cellLabel(y, x)}>
                {children(y, x)}
              </div>
            ))}
          </div>
        ))}
        <div className="matrix-row matrix-foot" role="row">
          <div className="matrix-tick" role="rowheader" />
          {SCORES.map((x) => (
            <div key={x} className="matrix-tick" role="columnheader">
              {x}
            </div>
          ))}
        </div>
      </div>
      <div className="matrix-axis-x" aria-hidden="true">
        {xAxis}
      </div>
    </div>
  );
}
