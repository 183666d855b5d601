import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Step } from '../../../core/model';
import { t } from '../i18n';

interface FindBarProps {
  steps: readonly Step[];
  onShow: (id: string) => void;
  onClose: () => void;
}

/** Find across step text: each keystroke jumps to the first match; Enter and Shift+Enter step through them. */
export function FindBar({ steps, onShow, onClose }: FindBarProps) {
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const matches = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    if (!q) return [];
    return steps.filter((s) => s.text.toLocaleLowerCase().includes(q) || s.description.toLocaleLowerCase().includes(q));
  }, [query, steps]);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const show = (next: number) => {
    if (matches.length === 0) return;
    const wrapped = ((next % matches.length) + matches.length) % matches.length;
    setIndex(wrapped);
    const match = matches[wrapped];
    if (match) onShow(match.id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      show(index + (event.shiftKey ? -1 : 1));
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <div className="find-bar" role="search" aria-label={t('capture.findBar.label')}>
      <input
        ref={input}
        className="input input-sm"
        aria-label={t('capture.findBar.input')}
        placeholder={t('capture.findBar.placeholder')}
        value={query}
        onChange={(e) => {
          const q = e.target.value;
          setQuery(q);
          setIndex(0);
          const needle = q.trim().toLocaleLowerCase();
          const first = needle ? steps.find((s) => s.text.toLocaleLowerCase().includes(needle) || s.description.toLocaleLowerCase().includes(needle)) : undefined;
          if (first) onShow(first.id);
        }}
        onKeyDown={onKeyDown}
      />
      <span className="find-count" role="status">
        {query.trim() ? (matches.length ? t('capture.findBar.count', { index: index + 1, count: matches.length }) : t('capture.findBar.noMatch')) : ''}
      </span>
      <button type="button" className="btn btn-sm btn-ghost" aria-label={t('capture.findBar.previous')} disabled={matches.length === 0} onClick={() => show(index - 1)}>
        ↑
      </button>
      <button type="button" className="btn btn-sm btn-ghost" aria-label={t('capture.findBar.next')} disabled={matches.length === 0} onClick={() => show(index + 1)}>
        ↓
      </button>
      <button type="button" className="btn btn-sm btn-ghost" aria-label={t('capture.findBar.close')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
