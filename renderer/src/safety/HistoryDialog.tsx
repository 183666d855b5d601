import { useEffect, useId, useState } from 'react';
import type { SnapshotInfo, SnapshotList } from '../../../core/ipc/app';
import { call } from '../api';
import { useShoshin } from '../store';
import { t, type StringKey } from '../i18n';

const REASONS = {
  open: 'shell.history.reason.open',
  editing: 'shell.history.reason.editing',
  migration: 'shell.history.reason.migration',
} as const satisfies Record<SnapshotInfo['reason'], StringKey>;

function when(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Automatic snapshots of this engagement; restoring one opens it as a new file, never over this one. */
export function HistoryDialog({ onClose }: { onClose: () => void }) {
  const openWith = useShoshin((s) => s.openWith);
  const [list, setList] = useState<SnapshotList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();

  useEffect(() => {
    call('snapshot.list', {}).then(
      (answer) => {
        setList(answer);
        // The status beside "Saved" hears the same news.
        useShoshin.setState({ snapshotFailure: answer.lastFailure });
      },
      (e: unknown) => setError((e as Error).message),
    );
  }, []);

  const snapshots = list?.snapshots ?? null;
  const failure = list?.lastFailure ?? null;

  const restore = (id: string) => {
    onClose();
    void openWith('snapshot.restore', { id });
  };

  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="dialog dialog-wide" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId}>{t('shell.history.title')}</h2>
        <p className="muted">{t('shell.history.intro')}</p>
        {error && <p role="alert">{error}</p>}
        {failure && (
          <div role="alert">
            <p>{failure.code === 'disk_full' ? t('shell.history.failedDiskFull') : t(failure.message)}</p>
            <p className="muted">
              {failure.code === 'disk_full' && `${t('shell.history.freeSpace')} `}
              {t('shell.history.retry', { when: when(failure.at) })}
            </p>
          </div>
        )}
        {snapshots && snapshots.length === 0 && <p>{t('shell.history.empty')}</p>}
        {snapshots && snapshots.length > 0 && (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('shell.history.taken')}</th>
                <th scope="col">{t('shell.history.why')}</th>
                <th scope="col" className="num">
                  {t('shell.history.size')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('shell.history.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {snapshots.map((s) => (
                <tr key={s.id}>
                  <td>{when(s.takenAt)}</td>
                  <td>{t(REASONS[s.reason])}</td>
                  <td className="num">{t('shell.history.kilobytes', { size: Math.max(1, Math.round(s.bytes / 1024)) })}</td>
                  <td>
                    <button type="button" className="btn btn-sm" onClick={() => restore(s.id)} aria-label={t('shell.history.restoreLabel', { when: when(s.takenAt) })}>
                      {t('shell.history.restore')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('shell.history.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
