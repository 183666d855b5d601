import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { shortcutLabel, useCommands } from '../commands';
import { commandRows, type CommandRow } from './commandList';
import { t } from '../i18n';

interface Entry extends CommandRow {
  /** Whether any of its commands could run where the user was when the palette opened. */
  available: boolean;
}

/**
 * Mod+K: every command, with its shortcut, found by typing. A command runs where the user was:
 * the palette closes and gives focus back first, then runs it.
 */
export function CommandPalette() {
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const opener = useRef<Element | null>(null);
  const titleId = useId();
  const listId = useId();

  useCommands(
    () => [
      {
        id: 'palette.open',
        title: t('shell.palette.command'),
        group: t('shell.commandList.group.view'),
        shortcut: 'Mod+K',
        whileTyping: true,
        run: () => {
          opener.current = document.activeElement;
          setEntries(
            commandRows()
              .filter((r) => !r.commands.some((c) => c.id === 'palette.open'))
              .map((r) => ({ ...r, available: r.commands.some((c) => !c.enabled || c.enabled()) })),
          );
          setQuery('');
          setActive(0);
        },
      },
    ],
    [],
  );

  useEffect(() => {
    if (entries) input.current?.focus();
  }, [entries]);

  const matches = useMemo(() => {
    const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    return (entries ?? []).filter((e) => words.every((w) => `${e.title} ${e.group}`.toLocaleLowerCase().includes(w)));
  }, [entries, query]);

  if (!entries) return null;
  const current = matches[Math.min(active, matches.length - 1)];

  const close = () => {
    setEntries(null);
    const back = opener.current;
    if (back instanceof HTMLElement && document.contains(back)) back.focus();
  };

  const run = (entry: Entry | undefined) => {
    if (!entry?.available) return;
    close();
    // Focus is back where the user was; the command checks its conditions there.
    requestAnimationFrame(() => {
      const command = entry.commands.find((c) => !c.enabled || c.enabled());
      if (command) void command.run();
    });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((a) => Math.min(a + 1, matches.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      run(current);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };

  return (
    <div className="dialog-backdrop palette-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div className="dialog palette" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId} className="visually-hidden">
          {t('shell.palette.title')}
        </h2>
        <input
          ref={input}
          className="input"
          role="combobox"
          aria-label={t('shell.palette.find')}
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={current ? `${listId}-${matches.indexOf(current)}` : undefined}
          placeholder={t('shell.palette.placeholder')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul className="palette-list" id={listId} role="listbox" aria-label={t('shell.palette.commands')}>
          {matches.map((entry, index) => (
            <li
              key={entry.key}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={entry === current}
              aria-disabled={!entry.available}
              className="palette-option"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => run(entry)}
            >
              <span className="palette-title">{entry.title}</span>
              <span className="palette-group">{entry.group}</span>
              <span className="palette-keys">
                {entry.shortcuts.map((s) => (
                  <kbd key={s} className="kbd">
                    {shortcutLabel(s)}
                  </kbd>
                ))}
              </span>
            </li>
          ))}
          {matches.length === 0 && <li className="picker-empty muted">{t('shell.palette.noMatch', { query })}</li>}
        </ul>
      </div>
    </div>
  );
}
