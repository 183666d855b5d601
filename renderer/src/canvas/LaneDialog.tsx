import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Lane } from '../../../core/model';
import { LANE_COLORS, LANE_KINDS, type LaneKind } from '../../../core/vocabulary';
import { useShoshin } from '../store';
import { t, type StringKey } from '../i18n';

const KIND_NAMES: Record<LaneKind, StringKey> = {
  role: 'capture.laneDialog.kind.role',
  team: 'capture.laneDialog.kind.team',
  system: 'capture.laneDialog.kind.system',
  partner: 'capture.laneDialog.kind.partner',
};
const COLOR_NAMES: readonly StringKey[] = [
  'capture.laneDialog.colour.blue',
  'capture.laneDialog.colour.green',
  'capture.laneDialog.colour.sand',
  'capture.laneDialog.colour.lilac',
  'capture.laneDialog.colour.teal',
  'capture.laneDialog.colour.rose',
];

/**
 * Everything about one lane, by keyboard: name, kind and colour are saved together (one undo);
 * moving and deleting happen at once, and deleting keeps the lane's steps as unassigned.
 */
export function LaneDialog({ lane, lanes, onClose }: { lane: Lane; lanes: readonly Lane[]; onClose: () => void }) {
  const mutate = useShoshin((s) => s.mutate);
  const [name, setName] = useState(lane.name);
  const [kind, setKind] = useState<LaneKind>(lane.kind);
  const [color, setColor] = useState(lane.color);
  const input = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const ordered = [...lanes].sort((a, b) => a.position - b.position);
  const index = ordered.findIndex((l) => l.id === lane.id);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const save = (event: FormEvent) => {
    event.preventDefault();
    const patch = {
      ...(name.trim() && name.trim() !== lane.name ? { name: name.trim() } : {}),
      ...(kind !== lane.kind ? { kind } : {}),
      ...(color !== lane.color ? { color } : {}),
    };
    if (Object.keys(patch).length > 0) void mutate('lane.update', { id: lane.id, patch });
    onClose();
  };

  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <form className="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} onSubmit={save}>
        <h2 id={titleId}>{t('capture.laneDialog.title', { name: lane.name })}</h2>
        <label className="field">
          {t('capture.laneDialog.name')}
          <input ref={input} className="input" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          {t('capture.laneDialog.kind')}
          <select className="input" value={kind} onChange={(e) => setKind(e.target.value as LaneKind)}>
            {LANE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(KIND_NAMES[k])}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="field swatches">
          <legend>{t('capture.laneDialog.colour')}</legend>
          {LANE_COLORS.map((c, i) => (
            <label key={c} className="swatch" style={{ background: c }}>
              <input type="radio" name="lane-colour" value={c} checked={color === c} onChange={() => setColor(c)} aria-label={COLOR_NAMES[i] ? t(COLOR_NAMES[i]) : c} />
            </label>
          ))}
        </fieldset>
        <div className="dialog-row">
          <button
            type="button"
            className="btn btn-sm"
            disabled={index <= 0}
            onClick={() => void mutate('lane.move', { id: lane.id, direction: 'up' })}
          >
            {t('capture.laneDialog.moveUp')}
          </button>
          <button
            type="button"
            className="btn btn-sm"
            disabled={index < 0 || index >= ordered.length - 1}
            onClick={() => void mutate('lane.move', { id: lane.id, direction: 'down' })}
          >
            {t('capture.laneDialog.moveDown')}
          </button>
          <span className="spacer" />
          <button
            type="button"
            className="btn btn-sm btn-danger"
            title={t('capture.laneDialog.deleteTitle')}
            onClick={() => {
              onClose();
              void mutate('lane.delete', { id: lane.id });
            }}
          >
            {t('capture.laneDialog.delete')}
          </button>
        </div>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('capture.laneDialog.cancel')}
          </button>
          <button type="submit" className="btn btn-primary">
            {t('capture.laneDialog.save')}
          </button>
        </div>
      </form>
    </div>
  );
}
