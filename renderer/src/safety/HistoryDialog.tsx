import { useEffect, useId, useState } from 'react';
import type { SnapshotInfo } from '../../../core/ipc/app';
import { call } from '../api';
import { useShoshin } from '../store';

const REASONS: Record<SnapshotInfo['reason'], string> = {
  open: 'When the file was opened',
  editing: 'During editing',
  migration: 'Before an upgrade',
};

function when(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Automatic snapshots of this engagement; restoring one opens it as a new file, never over this one. */
export function HistoryDialog({ onClose }: { onClose: () => void }) {
  const openWith = useShoshin((s) => s.openWith);
  const [snapshots, setSnapshots] = useState<SnapshotInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();

  useEffect(() => {
    call('snapshot.list', {}).then(setSnapshots, (e: unknown) => setError((e as Error).message));
  }, []);

  const restore = (id: string) => {
    onClose();
    void openWith('snapshot.restore', { id });
  };

  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="dialog dialog-wide" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId}>Snapshots</h2>
        <p className="muted">
          Shoshin keeps automatic copies of this engagement: when you open it, every ten minutes while you edit, and before an upgrade. Restoring one
          opens it as a new file beside your engagements; this file stays as it is.
        </p>
        {error && <p role="alert">{error}</p>}
        {snapshots && snapshots.length === 0 && <p>No snapshots yet.</p>}
        {snapshots && snapshots.length > 0 && (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Taken</th>
                <th scope="col">Why</th>
                <th scope="col" className="num">
                  Size
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {snapshots.map((s) => (
                <tr key={s.id}>
                  <td>{when(s.takenAt)}</td>
                  <td>{REASONS[s.reason]}</td>
                  <td className="num">{Math.max(1, Math.round(s.bytes / 1024))} KB</td>
                  <td>
                    <button type="button" className="btn btn-sm" onClick={() => restore(s.id)} aria-label={`Restore the snapshot of ${when(s.takenAt)} as a copy`}>
                      Restore as a copy
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
