import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Lane, Step } from '../../../core/model';
import { MAX_MAP_LINES, parseMapLines } from '../../../core/typeToMap';
import { shortcutLabel } from '../commands';

interface TypeToMapProps {
  initial: string;
  lanes: readonly Lane[];
  /** The selected step the new steps can continue from. */
  from: Step | null;
  onSubmit: (text: string, continueFrom: boolean) => void;
  onCancel: () => void;
}

const EXAMPLE = 'Employee: rings the service desk\nService desk: logs the call\nIdentity verified?\nEngineer: resets the password';

/** Type or paste the story as lines ("Lane: what happens"); the preview says what will be drawn before anything is. */
export function TypeToMapDialog({ initial, lanes, from, onSubmit, onCancel }: TypeToMapProps) {
  const [text, setText] = useState(initial);
  const [continueFrom, setContinueFrom] = useState(true);
  const area = useRef<HTMLTextAreaElement>(null);
  const titleId = useId();
  const helpId = useId();
  const lines = useMemo(() => parseMapLines(text), [text]);
  const known = useMemo(() => new Set(lanes.map((l) => l.name.trim().toLocaleLowerCase())), [lanes]);
  const newLanes = useMemo(() => {
    const names = new Map<string, string>();
    for (const l of lines) if (l.lane && !known.has(l.lane.toLocaleLowerCase())) names.set(l.lane.toLocaleLowerCase(), l.lane);
    return [...names.values()];
  }, [lines, known]);
  const tooMany = lines.length > MAX_MAP_LINES;

  useEffect(() => {
    const el = area.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (lines.length > 0 && !tooMany) onSubmit(text, continueFrom && from !== null);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <form className="dialog dialog-wide" role="dialog" aria-modal="true" aria-labelledby={titleId} onSubmit={submit}>
        <h2 id={titleId}>Type to map</h2>
        <p className="muted" id={helpId}>
          One step per line, in order. Start a line with a lane and a colon to put it there; lanes are created as needed. A line ending in
          “?” becomes a decision.
        </p>
        <label className="field">
          Steps
          <textarea
            ref={area}
            className="input textarea map-text"
            rows={12}
            aria-describedby={helpId}
            placeholder={EXAMPLE}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onKeyDown}
          />
        </label>
        {from && (
          <label className="check">
            <input type="checkbox" checked={continueFrom} onChange={(e) => setContinueFrom(e.target.checked)} />
            Continue from “{from.text || 'the selected step'}”
          </label>
        )}
        <p className="muted" role="status">
          {tooMany
            ? `That is ${lines.length} lines; map at most ${MAX_MAP_LINES} at a time.`
            : lines.length === 0
              ? 'Nothing to map yet.'
              : `${lines.length} step${lines.length === 1 ? '' : 's'}${newLanes.length > 0 ? `; new lane${newLanes.length === 1 ? '' : 's'}: ${newLanes.join(', ')}` : ''}.`}
        </p>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={lines.length === 0 || tooMany}>
            Map steps <span className="kbd kbd-on-accent">{shortcutLabel('Mod+Enter')}</span>
          </button>
        </div>
      </form>
    </div>
  );
}
