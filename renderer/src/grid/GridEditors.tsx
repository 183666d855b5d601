import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Lane } from '../../../core/records';
import { t } from '../i18n';
import { choicesFor, exactChoice, matchingChoices, type CellReading, type Choice, type Column } from './gridModel';

/** Where the active cell goes after an edit is committed. */
export type Move = 'down' | 'up' | 'right' | 'left' | 'none';

interface EditorProps {
  column: Column;
  label: string;
  text: string;
  /** Typing replaced the cell (arrow keys commit and move), or F2 / Enter opened it (arrows move the caret). */
  mode: 'replace' | 'edit';
  invalid: string | null;
  onText: (text: string) => void;
  onCommit: (reading: CellReading, move: Move) => void;
  onCancel: () => void;
  onMode: (mode: 'replace' | 'edit') => void;
}

function moveFor(event: KeyboardEvent, replacing: boolean): Move | null {
  if (event.key === 'Enter') return event.shiftKey ? 'up' : 'down';
  if (event.key === 'Tab') return event.shiftKey ? 'left' : 'right';
  if (replacing && event.key === 'ArrowDown') return 'down';
  if (replacing && event.key === 'ArrowUp') return 'up';
  return null;
}

/** Text and times: the cell's words in a plain input; what does not read stays, marked invalid, until fixed or Escape. */
export function TextEditor({ column, label, text, mode, invalid, onText, onCommit, onCancel, onMode, read }: EditorProps & { read: (text: string) => CellReading }) {
  const input = useRef<HTMLInputElement>(null);
  const errorId = useId();
  useLayoutEffect(() => {
    const el = input.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    const end = el.value.length;
    el.setSelectionRange(end, end);
  }, []);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
      return;
    }
    if (event.key === 'F2') {
      event.preventDefault();
      onMode(mode === 'replace' ? 'edit' : 'replace');
      return;
    }
    const move = moveFor(event, mode === 'replace');
    if (!move) return;
    event.preventDefault();
    event.stopPropagation();
    onCommit(read(input.current?.value ?? text), move);
  };
  return (
    <>
      <input
        ref={input}
        className={`grid-input${column.editor === 'duration' ? ' num' : ''}`}
        aria-label={label}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? errorId : undefined}
        value={text}
        spellCheck={column.key === 'text'}
        onChange={(e) => onText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {invalid && (
        <span id={errorId} className="grid-error" role="alert">
          {invalid}
        </span>
      )}
    </>
  );
}

interface ChoiceEditorProps extends EditorProps {
  lanes: readonly Lane[];
  /** The value the cell holds now, highlighted when nothing is typed. */
  current: string | null;
}

type Option = { choice: Choice } | { newLane: string };

/**
 * Lane, kind and value class: type to narrow the list (first letters are enough), arrows to pick,
 * Enter or Tab to take it. A lane nobody has yet can be added from here, as on the map.
 */
export function ChoiceEditor({ column, label, text, invalid, onText, onCommit, onCancel, lanes, current }: ChoiceEditorProps) {
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const errorId = useId();
  const choices = choicesFor(column.key, lanes);
  const matches = matchingChoices(choices, text);
  const typed = text.trim();
  const options: Option[] = matches.map((choice) => ({ choice }));
  if (column.key === 'laneId' && typed && !exactChoice(choices, typed)) options.push({ newLane: typed.replace(/\s+/g, ' ') });
  const initial = typed ? 0 : Math.max(0, options.findIndex((o) => 'choice' in o && o.choice.value === current));
  const [highlight, setHighlight] = useState({ text, index: initial });
  // A new filter starts from its best match.
  const index = highlight.text === text ? Math.min(highlight.index, options.length - 1) : initial;
  const pick = (option: Option | undefined, move: Move) => {
    if (!option) {
      const key = column.key === 'kind' ? 'analysis.grid.invalid.kind' : 'analysis.grid.invalid.valueClass';
      onCommit({ ok: false, message: t(key, { text: typed }) }, move);
      return;
    }
    if ('newLane' in option) onCommit({ ok: true, patch: {}, laneName: option.newLane }, move);
    else onCommit({ ok: true, patch: { [column.key]: option.choice.value } }, move);
  };
  const list = useRef<HTMLUListElement>(null);
  useLayoutEffect(() => {
    const el = input.current;
    el?.focus({ preventScroll: true });
    // Near the bottom of the table the list opens upwards, so it is never cut off.
    const box = el?.closest('.grid-scroll')?.getBoundingClientRect();
    const cell = el?.getBoundingClientRect();
    if (box && cell) list.current?.classList.toggle('above', box.bottom - cell.bottom < 220 && cell.top - box.top > box.bottom - cell.bottom);
  }, []);
  useLayoutEffect(() => {
    document.getElementById(`${listId}-${index}`)?.scrollIntoView({ block: 'nearest' });
  }, [index, listId]);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      event.stopPropagation();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setHighlight({ text, index: Math.max(0, Math.min(options.length - 1, index + step)) });
      return;
    }
    const move = moveFor(event, false);
    if (!move) return;
    event.preventDefault();
    event.stopPropagation();
    pick(options[index], move);
  };
  const labelOf = (option: Option) => ('newLane' in option ? t('analysis.grid.newLane', { name: option.newLane }) : option.choice.label);
  return (
    <>
      <input
        ref={input}
        className="grid-input"
        role="combobox"
        aria-label={label}
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        placeholder={choices.find((c) => c.value === current)?.label}
        aria-activedescendant={options[index] ? `${listId}-${index}` : undefined}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? errorId : undefined}
        value={text}
        onChange={(e) => onText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <ul ref={list} className="grid-options" id={listId} role="listbox" aria-label={label}>
        {options.map((option, i) => (
          <li
            key={'newLane' in option ? 'new' : (option.choice.value ?? 'none')}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === index}
            className={'newLane' in option ? 'grid-option new' : 'grid-option'}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(option, 'none');
            }}
          >
            {labelOf(option)}
          </li>
        ))}
        {options.length === 0 && <li className="grid-option empty">{t('analysis.grid.noMatch')}</li>}
      </ul>
      {invalid && (
        <span id={errorId} className="grid-error" role="alert">
          {invalid}
        </span>
      )}
    </>
  );
}
