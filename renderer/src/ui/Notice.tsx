import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useShoshin } from '../store';
import { t } from '../i18n';

/** Long enough to read a sentence twice; a notice with a button waits longer, for the hand to reach it. */
const NOTICE_MS = 8000;
const NOTICE_ACTION_MS = 15000;
/** Longer notices (a path, a recovery) get reading time for their extra words. */
const MS_PER_EXTRA_CHAR = 50;

function lifetime(text: string, withAction: boolean): number {
  return (withAction ? NOTICE_ACTION_MS : NOTICE_MS) + Math.max(0, text.length - 80) * MS_PER_EXTRA_CHAR;
}

/**
 * The notice bar: a line of its own at the bottom of the window (never over the map, its controls
 * or the selected step). Announced politely, errors assertively. Anything but an error goes by
 * itself, though not while the pointer rests on it or the keyboard is in it; Escape dismisses it.
 */
export function Notice() {
  const notice = useShoshin((s) => s.notice);
  const error = useShoshin((s) => s.noticeError);
  const seq = useShoshin((s) => s.noticeSeq);
  const action = useShoshin((s) => s.noticeAction);
  const dismiss = useShoshin((s) => s.dismissNotice);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  /** Time this notice has left, kept across pauses. */
  const left = useRef({ seq: -1, ms: 0 });
  const withAction = !!action && action.notice === notice;

  useEffect(() => {
    if (!notice || error) return;
    if (left.current.seq !== seq) left.current = { seq, ms: lifetime(notice, withAction) };
    if (hovered || focused) return;
    const started = Date.now();
    const timer = window.setTimeout(() => {
      if (useShoshin.getState().noticeSeq === seq) dismiss();
    }, left.current.ms);
    return () => {
      window.clearTimeout(timer);
      left.current.ms = Math.max(0, left.current.ms - (Date.now() - started));
    };
  }, [notice, error, seq, withAction, hovered, focused, dismiss]);

  // With the notice gone the focus falls to the page, and the canvas takes the next key from there.
  const close = () => {
    dismiss();
    setFocused(false);
    setHovered(false);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    close();
  };

  const bar = notice ? (
    <div
      className={error ? 'notice notice-error' : 'notice'}
      onPointerEnter={() => setHovered(true)}
      onPointerLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
      }}
      onKeyDown={onKeyDown}
    >
      <span className="notice-text">{notice}</span>
      {withAction && (
        <button
          type="button"
          className="btn btn-sm"
          onClick={() => {
            close();
            action.run();
          }}
        >
          {action.label}
        </button>
      )}
      <button type="button" className="btn btn-sm btn-ghost notice-close" aria-label={t('shell.notice.dismiss')} title={t('shell.notice.dismiss')} onClick={() => close()}>
        ×
      </button>
    </div>
  ) : null;

  // Both live regions are always there, so a screen reader hears what appears in them.
  return (
    <div className={notice ? 'notice-region notice-shown' : 'notice-region'}>
      <div role="status" aria-live="polite">
        {!error && bar}
      </div>
      <div role="alert">{error && bar}</div>
    </div>
  );
}
