import { Fragment, useEffect, useId, useRef, useState } from 'react';
import { shortcutLabel, useCommands } from '../commands';
import { commandRows } from './commandList';
import { t } from '../i18n';

/** Keys the step editor handles itself: not commands, but a consultant needs them most. */
function whileTyping() {
  return [
    { keys: ['Enter'], title: t('shell.shortcuts.enter') },
    { keys: ['Shift+Enter'], title: t('shell.shortcuts.shiftEnter') },
    { keys: ['Escape'], title: t('shell.shortcuts.escape') },
    { keys: [t('shell.shortcuts.roleKeys')], title: t('shell.shortcuts.role') },
    { keys: [t('shell.shortcuts.newLaneKeys'), t('shell.shortcuts.newLaneTab')], title: t('shell.shortcuts.newLane') },
  ];
}

/** Gestures on the map that are no single command: how the flow grows in the middle, and branches typed as text. */
function onTheMap() {
  return [
    { keys: ['Enter'], title: t('shell.shortcuts.insert') },
    { keys: [t('shell.shortcuts.dropKeys')], title: t('shell.shortcuts.drop') },
    { keys: [t('shell.shortcuts.branchKeys')], title: t('shell.shortcuts.branchLines') },
    { keys: ['Escape'], title: t('shell.shortcuts.closeOverlay') },
  ];
}

function StaticSection({ title, rows }: { title: string; rows: readonly { keys: string[]; title: string }[] }) {
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      <table className="table">
        <tbody>
          {rows.map((row) => (
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
  );
}

function Keys({ shortcuts }: { shortcuts: readonly string[] }) {
  return (
    <>
      {shortcuts.map((s, i) => (
        <Fragment key={s}>
          {i > 0 && <span className="muted">{t('shell.shortcuts.or')}</span>}
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
        title: t('shell.shortcuts.command'),
        group: t('shell.commandList.group.view'),
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
        <h2 id={titleId}>{t('shell.shortcuts.title')}</h2>
        <div className="shortcut-columns">
          <StaticSection title={t('shell.shortcuts.whileTyping')} rows={whileTyping()} />
          <StaticSection title={t('shell.shortcuts.onTheMap')} rows={onTheMap()} />
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
            {t('shell.shortcuts.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
