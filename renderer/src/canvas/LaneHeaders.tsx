import { useStore } from '@xyflow/react';
import { memo } from 'react';
import type { LaneBand } from '../../../core/geometry';
import type { Lane } from '../../../core/model';
import { LanePainBadges } from '../analysis/canvasOverlay';
import { useCanvasUi } from './canvasUi';
import { headerColumn } from './viewport';
import { t } from '../i18n';

/** A floating name may reach past the column: zoomed that far out, what it covers is only the shape of the flow. */
const FLOAT_MAX_WIDTH = 200;

const KIND_NAMES = {
  role: 'capture.laneHeaders.kind.role',
  team: 'capture.laneHeaders.kind.team',
  system: 'capture.laneHeaders.kind.system',
  partner: 'capture.laneHeaders.kind.partner',
} as const;

/**
 * Where each lane's name goes when the lanes are too thin to hold it (zoomed far out): beside its
 * lane, spread just enough that no two names overlap, kept inside the pane.
 */
function spread(centres: readonly number[], gap: number, height: number): number[] {
  const placed = [...centres];
  for (let i = 1; i < placed.length; i++) placed[i] = Math.max(placed[i] ?? 0, (placed[i - 1] ?? 0) + gap);
  const last = placed.length - 1;
  if (last < 0) return placed;
  // Spreading only pushes down; shifting back up by half of that keeps the names centred on their lanes.
  let shift = -((placed[last] ?? 0) - (centres[last] ?? 0)) / 2;
  const high = height > 0 ? height - gap / 2 : Infinity;
  if ((placed[last] ?? 0) + shift > high) shift = high - (placed[last] ?? 0);
  if ((placed[0] ?? 0) + shift < gap / 2) shift = gap / 2 - (placed[0] ?? 0);
  return placed.map((c) => c + shift);
}

/**
 * The lane names in a fixed column at the left of the canvas: they follow the lanes up and down
 * (and the zoom) but never scroll out of sight sideways, so a long flow still says whose lane is
 * whose. At any zoom a name stays readable: the column keeps a readable width, a lane taller than
 * the pane shows its name in the part that is on screen, and lanes too thin for their names (far
 * out) list them beside the lanes with each lane's colour.
 */
export const LaneHeaders = memo(function LaneHeaders({ bands, lanes }: { bands: readonly LaneBand[]; lanes: readonly Lane[] }) {
  const [tx, ty, zoom] = useStore((s) => s.transform);
  const paneHeight = useStore((s) => s.height);
  const openDialog = useCanvasUi((s) => s.openDialog);
  const byId = new Map(lanes.map((l) => [l.id, l]));
  const column = headerColumn({ x: tx, y: ty, zoom });
  const fontSize = Math.min(20, Math.max(11, 15 * zoom));
  const line = Math.ceil(fontSize * 1.25);
  const rows = bands.map((band) => {
    const top = ty + band.top * zoom;
    const bottom = top + band.height * zoom;
    // Only the part on screen: the name is centred where it can be seen.
    const visibleTop = Math.max(top, 0);
    const visibleBottom = paneHeight > 0 ? Math.min(bottom, paneHeight) : bottom;
    return visibleBottom > visibleTop ? { top: visibleTop, height: visibleBottom - visibleTop } : { top, height: bottom - top };
  });
  // Judged on the whole lane, not the part on screen: a lane half out of view is not a thin one.
  const legend = bands.some((b) => b.height * zoom < line + 6);
  const labels = legend ? spread(rows.map((r) => r.top + r.height / 2), line + 4, paneHeight) : [];
  return (
    <div className="lane-headers" aria-label={t('capture.laneHeaders.lanes')} role="list">
      {bands.map((band, index) => {
        const lane = band.laneId ? byId.get(band.laneId) : undefined;
        const name = band.laneId === null ? t('lane.none') : band.name;
        const row = rows[index] ?? { top: 0, height: 0 };
        // Too short for the lane kind and its markers under the name: the name alone.
        const compact = legend || row.height < line * 2 + 16;
        const label = labels[index];
        return (
          <div
            key={band.laneId ?? 'none'}
            role="listitem"
            aria-label={name}
            className={`lane-head${lane ? ' lane-head-colored' : ' lane-head-none'}${compact ? ' lane-head-compact' : ''}${legend ? ' lane-head-legend' : ''}`}
            style={{ top: row.top, height: row.height, left: column.left, width: column.width, fontSize, ...(lane ? { '--lane-color': lane.color } : {}) }}
          >
            {legend && label !== undefined ? (
              <span className="lane-head-float" style={{ top: label - row.top - line / 2, height: line, maxWidth: FLOAT_MAX_WIDTH }} title={name}>
                <span className="lane-head-chip" aria-hidden="true" />
                {name}
              </span>
            ) : (
              <span className="lane-head-name" title={name}>
                {name}
              </span>
            )}
            {lane && !compact && (
              <span className="lane-head-meta">
                <span className="lane-head-kind">{t(KIND_NAMES[lane.kind])}</span>
                <LanePainBadges laneId={lane.id} name={lane.name} />
                <button
                  type="button"
                  className="lane-head-menu"
                  aria-label={t('capture.laneHeaders.options', { name: lane.name })}
                  title={t('capture.laneHeaders.optionsTitle')}
                  onClick={() => openDialog({ kind: 'lane', laneId: lane.id })}
                >
                  <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
                    <circle cx="3.5" cy="8" r="1.4" fill="currentColor" />
                    <circle cx="8" cy="8" r="1.4" fill="currentColor" />
                    <circle cx="12.5" cy="8" r="1.4" fill="currentColor" />
                  </svg>
                </button>
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
});
