import { useShoshin } from '../store';
import { t } from '../i18n';

const LABELS = {
  idle: 'shell.saveStatus.idle',
  saving: 'shell.saveStatus.saving',
  saved: 'shell.saveStatus.saved',
  error: 'shell.saveStatus.error',
  diskFull: 'shell.saveStatus.diskFull',
} as const;

/**
 * Honest status: "Saved" appears only once the main process has answered after its commit. A full
 * disk is named, with what to do, until an edit is saved again; a failed snapshot is shown beside it.
 */
export function SaveStatus() {
  const save = useShoshin((s) => s.save);
  const readOnly = useShoshin((s) => s.engagement?.readOnly ?? false);
  const snapshotFailure = useShoshin((s) => s.snapshotFailure);
  return (
    <>
      {snapshotFailure && (
        <span className="save-status" role="status" data-status="error" title={t(snapshotFailure.message)}>
          <span className="save-dot" aria-hidden="true" />
          {t(snapshotFailure.code === 'disk_full' ? 'shell.saveStatus.snapshotDiskFull' : 'shell.saveStatus.snapshotFailed')}
        </span>
      )}
      <span
        className="save-status"
        role="status"
        aria-live="polite"
        data-status={save.status === 'diskFull' ? 'error' : save.status}
        title={save.message || undefined}
      >
        <span className="save-dot" aria-hidden="true" />
        {readOnly ? t('shell.saveStatus.readOnly') : t(LABELS[save.status])}
        {!readOnly && save.status === 'diskFull' && <span className="visually-hidden">{` ${save.message}`}</span>}
      </span>
    </>
  );
}
