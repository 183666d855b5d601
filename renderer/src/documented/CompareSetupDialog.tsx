import { useState } from 'react';
import type { Process } from '../../../core/records';
import { Modal } from '../analysis/ui';
import { t } from '../i18n';
import { useShoshin } from '../store';

const NOT_YET = '';

interface Props {
  processes: readonly Process[];
  initialDocumentedId: string | null;
  onClose: () => void;
  /** Told which documented process was chosen, so the view (and the canvas) show it. */
  onDone: (documentedId: string) => void;
}

/**
 * Which process is the client's documented procedure and which observed process it is compared
 * with: one command (process.compareWith marks it documented as it links), or only the mark.
 */
export function CompareSetupDialog({ processes, initialDocumentedId, onClose, onDone }: Props) {
  const mutate = useShoshin((s) => s.mutate);
  // A process compared with a documented one stays observed; it cannot be documented itself.
  const observedOfOthers = new Set(processes.filter((p) => p.documented && p.observedId).map((p) => p.observedId));
  const documentable = processes.filter((p) => !observedOfOthers.has(p.id));
  const [documentedId, setDocumentedId] = useState(
    documentable.find((p) => p.id === initialDocumentedId)?.id ?? documentable.find((p) => p.documented)?.id ?? documentable[0]?.id ?? '',
  );
  const chosen = processes.find((p) => p.id === documentedId);
  const observable = processes.filter((p) => p.id !== documentedId && !p.documented);
  const [observedId, setObservedId] = useState(chosen?.observedId ?? observable[0]?.id ?? NOT_YET);
  const observedValue = observable.some((p) => p.id === observedId) ? observedId : NOT_YET;

  const submit = () => {
    if (!chosen) return;
    onClose();
    onDone(chosen.id);
    if (observedValue === NOT_YET) {
      if (!chosen.documented) void mutate('process.markDocumented', { id: chosen.id, documented: true });
      else if (chosen.observedId) void mutate('process.compareWith', { id: chosen.id, observedId: null });
      return;
    }
    if (chosen.documented && chosen.observedId === observedValue) return;
    void mutate('process.compareWith', { id: chosen.id, observedId: observedValue });
  };

  return (
    <Modal title={t('documented.setupTitle')} confirm={t('documented.setupConfirm')} onSubmit={submit} onCancel={onClose} canSubmit={!!chosen && processes.length > 1}>
      <p className="dialog-note">{processes.length > 1 ? t('documented.setupIntro') : t('documented.setupNone')}</p>
      <label className="field">
        {t('documented.setupDocumented')}
        <select
          className="input documented-select"
          value={documentedId}
          data-autofocus
          onChange={(e) => {
            const next = processes.find((p) => p.id === e.target.value);
            setDocumentedId(e.target.value);
            if (next?.observedId) setObservedId(next.observedId);
          }}
        >
          {documentable.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {t('documented.setupObserved')}
        <select className="input documented-select" value={observedValue} onChange={(e) => setObservedId(e.target.value)}>
          {observable.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
          <option value={NOT_YET}>{t('documented.setupNotYet')}</option>
        </select>
      </label>
    </Modal>
  );
}
