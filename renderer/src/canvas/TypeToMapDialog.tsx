import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Lane, Step } from '../../../core/model';
import { laneKey, markAsLanes, MAX_MAP_LINES, parseMapLines } from '../../../core/typeToMap';
import { shortcutLabel } from '../commands';
import { t } from '../i18n';

interface TypeToMapProps {
  initial: string;
  lanes: readonly Lane[];
  /** The selected step the new steps can continue from. */
  from: Step | null;
  onSubmit: (text: string, continueFrom: boolean) => void;
  onCancel: () => void;
}

/**
 * Type or paste the story as lines ("Lane: what happens", "@New lane: …", indented "Yes: …" branches
 * under a question); the preview says what will be drawn before anything is.
 */
export function TypeToMapDialog({ initial, lanes, from, onSubmit, onCancel }: TypeToMapProps) {
  const [text, setText] = useState(initial);
  const [continueFrom, setContinueFrom] = useState(true);
  const area = useRef<HTMLTextAreaElement>(null);
  const titleId = useId();
  const helpId = useId();
  const laneNames = useMemo(() => [...lanes].sort((a, b) => a.position - b.position).map((l) => l.name), [lanes]);
  // The same reading the main process will make (core/typeToMap), so the preview never promises other lanes than it gets.
  const lines = useMemo(() => parseMapLines(text, laneNames), [text, laneNames]);
  const newLanes = useMemo(() => lines.filter((l) => l.newLane && l.lane).map((l) => l.lane ?? ''), [lines]);
  const keptAsText = useMemo(() => [...new Map(lines.flatMap((l) => (l.unknownLane ? [[laneKey(l.unknownLane), l.unknownLane] as const] : []))).values()], [lines]);
  const branches = lines.filter((l) => l.label).length;
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
        <h2 id={titleId}>{t('capture.typeToMap.title')}</h2>
        <p className="muted" id={helpId}>
          {t('capture.typeToMap.help')}
        </p>
        <label className="field">
          {t('capture.typeToMap.steps')}
          <textarea
            ref={area}
            className="input textarea map-text"
            rows={12}
            aria-describedby={helpId}
            placeholder={t('capture.typeToMap.example')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onKeyDown}
          />
        </label>
        {from && (
          <label className="check">
            <input type="checkbox" checked={continueFrom} onChange={(e) => setContinueFrom(e.target.checked)} />
            {t('capture.typeToMap.continueFrom', { step: from.text || t('capture.typeToMap.theSelectedStep') })}
          </label>
        )}
        <p className="muted" role="status">
          {tooMany
            ? t('capture.typeToMap.tooMany', { count: lines.length, max: MAX_MAP_LINES })
            : lines.length === 0
              ? t('capture.typeToMap.nothing')
              : t('capture.typeToMap.summary', {
                  steps: t(lines.length === 1 ? 'capture.typeToMap.steps.one' : 'capture.typeToMap.steps.other', { count: lines.length }),
                  branches: branches === 0 ? '' : t(branches === 1 ? 'capture.typeToMap.branches.one' : 'capture.typeToMap.branches.other', { count: branches }),
                  lanes:
                    newLanes.length > 0
                      ? t(newLanes.length === 1 ? 'capture.typeToMap.newLanes.one' : 'capture.typeToMap.newLanes.other', { names: newLanes.join(', ') })
                      : '',
                })}
        </p>
        {keptAsText.length > 0 && (
          <div className="map-kept">
            <p className="muted">{t('capture.typeToMap.keptAsText', { names: keptAsText.map((name) => `“${name}:”`).join(', ') })}</p>
            <button type="button" className="btn btn-sm" onClick={() => setText(markAsLanes(text, laneNames))}>
              {t(keptAsText.length === 1 ? 'capture.typeToMap.makeLane' : 'capture.typeToMap.makeLanes', { names: keptAsText.join(', ') })}
            </button>
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onCancel}>
            {t('capture.typeToMap.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={lines.length === 0 || tooMany}>
            {t('capture.typeToMap.mapSteps')} <span className="kbd kbd-on-accent">{shortcutLabel('Mod+Enter')}</span>
          </button>
        </div>
      </form>
    </div>
  );
}
