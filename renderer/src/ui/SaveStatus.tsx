import { useShoshin } from '../store';

const LABELS = { idle: 'All saved', saving: 'Saving…', saved: 'Saved', error: 'Not saved' } as const;

/** Honest status: "Saved" appears only once the main process has answered after its commit. */
export function SaveStatus() {
  const save = useShoshin((s) => s.save);
  const readOnly = useShoshin((s) => s.engagement?.readOnly ?? false);
  return (
    <span className="save-status" role="status" aria-live="polite" data-status={save.status} title={save.message || undefined}>
      <span className="save-dot" aria-hidden="true" />
      {readOnly ? 'Read-only' : LABELS[save.status]}
    </span>
  );
}
