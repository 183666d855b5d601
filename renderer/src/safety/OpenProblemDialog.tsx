import { useEffect, useId, useRef } from 'react';
import { useShoshin } from '../store';
import { t } from '../i18n';

/** When a file cannot be opened for editing, say why and offer the safe ways forward. */
export function OpenProblemDialog() {
  const problem = useShoshin((s) => s.openProblem);
  const dismiss = useShoshin((s) => s.dismissOpenProblem);
  const openWith = useShoshin((s) => s.openWith);
  const titleId = useId();
  const first = useRef<HTMLButtonElement>(null);

  useEffect(() => first.current?.focus(), [problem]);
  if (!problem) return null;

  const open = (mode: 'readOnly' | 'recoverCopy') => {
    dismiss();
    void openWith('engagement.open', { path: problem.path, mode });
  };

  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && dismiss()}>
      <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId}>{t('shell.openProblem.title')}</h2>
        <p>{problem.message}</p>
        <p className="muted">{t('shell.openProblem.unchanged')}</p>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={dismiss}>
            {t('shell.openProblem.cancel')}
          </button>
          {problem.offers.includes('recoverCopy') && (
            <button type="button" ref={first} className="btn" onClick={() => open('recoverCopy')}>
              {t('shell.openProblem.recover')}
            </button>
          )}
          {problem.offers.includes('readOnly') && (
            <button type="button" ref={problem.offers.includes('recoverCopy') ? undefined : first} className="btn btn-primary" onClick={() => open('readOnly')}>
              {t('shell.openProblem.readOnly')}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
