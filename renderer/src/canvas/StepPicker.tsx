import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Lane, Step } from '../../../core/model';
import { kindLabel } from './nodes';
import { t } from '../i18n';

interface StepPickerProps {
  title: string;
  steps: readonly Step[];
  lanes: readonly Lane[];
  confirm: string;
  onPick: (step: Step) => void;
  onCancel: () => void;
}

/** Choose a step by typing part of its text: arrows move, Enter picks, Escape cancels. */
export function StepPicker({ title, steps, lanes, confirm, onPick, onCancel }: StepPickerProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const listId = useId();
  const laneName = useMemo(() => new Map(lanes.map((l) => [l.id, l.name])), [lanes]);
  const matches = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    return steps.filter((s) => !q || s.text.toLocaleLowerCase().includes(q)).slice(0, 50);
  }, [query, steps]);
  const current = matches[Math.min(active, matches.length - 1)];

  useEffect(() => input.current?.focus(), []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((a) => Math.min(a + 1, matches.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (current) onPick(current);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };

  const optionId = (id: string) => `${listId}-${id}`;

  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId}>{title}</h2>
        <input
          ref={input}
          className="input"
          role="combobox"
          aria-label={t('capture.stepPicker.find')}
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={current ? optionId(current.id) : undefined}
          placeholder={t('capture.stepPicker.placeholder')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul className="picker-list" id={listId} role="listbox" aria-label={t('capture.stepPicker.steps')}>
          {matches.map((s) => (
            <li
              key={s.id}
              id={optionId(s.id)}
              role="option"
              aria-selected={s.id === current?.id}
              className="picker-option"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onPick(s)}
            >
              <span>{s.text || t('capture.stepPicker.untitled', { kind: kindLabel(s.kind).toLowerCase() })}</span>
              <span className="muted">{s.laneId ? (laneName.get(s.laneId) ?? '') : t('capture.stepPicker.noLane')}</span>
            </li>
          ))}
          {matches.length === 0 && <li className="picker-empty muted">{t('capture.stepPicker.noMatch', { query })}</li>}
        </ul>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onCancel}>
            {t('capture.stepPicker.cancel')}
          </button>
          <button type="button" className="btn btn-primary" disabled={!current} onClick={() => current && onPick(current)}>
            {confirm}
          </button>
        </div>
      </div>
    </div>
  );
}
