import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { t } from '../i18n';

interface PromptDialogProps {
  title: string;
  label: string;
  initial?: string;
  confirm: string;
  /** Shown in the empty field; with `allowEmpty`, an empty answer is submitted as "". */
  placeholder?: string;
  allowEmpty?: boolean;
  onSubmit: (value: string) => void;
  onCancel: () => void;
}

/** A small modal that asks for one line of text; Enter confirms, Escape cancels. */
export function PromptDialog({ title, label, initial = '', confirm, placeholder, allowEmpty = false, onSubmit, onCancel }: PromptDialogProps) {
  const [value, setValue] = useState(initial);
  const input = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const inputId = useId();

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim() || allowEmpty) onSubmit(value.trim());
  };

  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <form className="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} onSubmit={submit}>
        <h2 id={titleId}>{title}</h2>
        <label className="field" htmlFor={inputId}>
          {label}
          <input id={inputId} ref={input} className="input" value={value} placeholder={placeholder} onChange={(e) => setValue(e.target.value)} />
        </label>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onCancel}>
            {t('shell.prompt.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={!value.trim() && !allowEmpty}>
            {confirm}
          </button>
        </div>
      </form>
    </div>
  );
}
