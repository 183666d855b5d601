import { Fragment, useEffect, useId, useRef, useState } from 'react';
import { shortcutLabel, useCommands } from '../commands';
import { commandRows } from './commandList';

/** Keys the step editor handles itself: not commands, but a consultant needs them most. */
const WHILE_TYPING = [
  { keys: ['Enter'], title: 'Save the step and add the next one' },
  { keys: ['Shift+Enter'], title: 'Save the step and add a branch' },
  { keys: ['Escape'], title: 'Save the step and stop' },
  { keys: ['Role: text'], title: 'Put the step in lane “Role” (created if needed)' },
];

function Keys({ shortcuts }: { shortcuts: readonly string[] }) {
  return (
    <>
      {shortcuts.map((s, i) => (
        <Fragment key={s}>
          {i > 0 && <span className="muted"> or </span>}
          <kbd className="kbd">{shortcutLabel(s)}</kbd>
        </Fragment>
      ))}
    </>
  );
}

/** `?` lists every shortcut, read from the command registry so it is never out of date. */
export function ShortcutSheet() {
  const [open, setOpen] = useState(false);
  const titleId = useId();
  const close = useRef<HTMLButtonElement>(null);
  const opener = useRef<Element | null>(null);

  useCommands(
    () => [
      {
        id: 'help.shortcuts',
        title: 'Show keyboard shortcuts',
        group: 'View',
        shortcut: '?',
        run: () => {
          opener.current = document.activeElement;
          setOpen(true);
        },
      },
    ],
    [],
  );

  useEffect(() => {
    if (!open) return;
    close.current?.focus({ preventScroll: true });
    return () => {
      const back = opener.current;
      if (back instanceof HTMLElement && document.contains(back)) back.focus();
    };
  }, [open]);

  if (!open) return null;
  const rows = commandRows().filter((r) => r.shortcuts.length > 0);
  const groups = [...new Set(rows.map((r) => r.group))];
  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <div className="dialog dialog-wide shortcut-sheet" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId}>Keyboard shortcuts</h2>
        <div className="shortcut-columns">
          <section aria-label="While typing a step">
            <h3>While typing a step</h3>
            <table className="table">
              <tbody>
                {WHILE_TYPING.map((row) => (
                  <tr key={row.title}>
                    <td>{row.title}</td>
                    <td className="num">
                      <Keys shortcuts={row.keys} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {groups.map((group) => (
            <section key={group} aria-label={group}>
              <h3>{group}</h3>
              <table className="table">
                <tbody>
                  {rows
                    .filter((r) => r.group === group)
                    .map((row) => (
                      <tr key={row.key}>
                        <td>{row.title}</td>
                        <td className="num">
                          <Keys shortcuts={row.shortcuts} />
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </section>
          ))}
        </div>
        <div className="dialog-actions">
          <button ref={close} type="button" className="btn" onClick={() => setOpen(false)}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
