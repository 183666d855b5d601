import { useShoshin } from '../store';
import { t } from '../i18n';

const LABELS = { idle: 'shell.saveStatus.idle', saving: 'shell.saveStatus.saving', saved: 'shell.saveStatus.saved', error: 'shell.saveStatus.error' } as const;

/** Honest status: "Saved" appears only once the main process has answered after its commit. */
export function SaveStatus() {
  const save = useShoshin((s) => s.save);
  const readOnly = useShoshin((s) => s.engagement?.readOnly ?? false);
  return (
    <span className="save-status" role="status" aria-live="polite" data-status={save.status} title={save.message || undefined}>
      <span className="save-dot" aria-hidden="true" />
      {readOnly ? t('shell.saveStatus.readOnly') : t(LABELS[save.status])}
    </span>
  );
}
