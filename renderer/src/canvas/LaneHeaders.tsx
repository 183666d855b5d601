import { useStore } from '@xyflow/react';
import { memo } from 'react';
import { LANE_HEADER_WIDTH, type LaneBand } from '../../../core/geometry';
import type { Lane } from '../../../core/model';
import { LanePainBadges } from '../analysis/canvasOverlay';
import { useCanvasUi } from './canvasUi';
import { t } from '../i18n';

const KIND_NAMES = {
  role: 'capture.laneHeaders.kind.role',
  team: 'capture.laneHeaders.kind.team',
  system: 'capture.laneHeaders.kind.system',
  partner: 'capture.laneHeaders.kind.partner',
} as const;

/**
 * The lane names in a fixed column at the left of the canvas: they follow the lanes up and down
 * (and the zoom) but never scroll out of sight sideways, so a long flow still says whose lane is whose.
 */
export const LaneHeaders = memo(function LaneHeaders({ bands, lanes }: { bands: readonly LaneBand[]; lanes: readonly Lane[] }) {
  const [tx, ty, zoom] = useStore((s) => s.transform);
  const openDialog = useCanvasUi((s) => s.openDialog);
  const byId = new Map(lanes.map((l) => [l.id, l]));
  const left = Math.max(0, tx);
  const width = LANE_HEADER_WIDTH * zoom;
  const fontSize = Math.min(20, Math.max(11, 15 * zoom));
  // Zoomed far out, the column is too narrow for words: it keeps only the lane colours.
  const compact = width < 72;
  return (
    <div className="lane-headers" aria-label={t('capture.laneHeaders.lanes')} role="list">
      {bands.map((band) => {
        const lane = band.laneId ? byId.get(band.laneId) : undefined;
        return (
          <div
            key={band.laneId ?? 'none'}
            role="listitem"
            aria-label={band.laneId === null ? t('lane.none') : band.name}
            className={`lane-head${lane ? ' lane-head-colored' : ' lane-head-none'}${compact ? ' lane-head-compact' : ''}`}
            style={{ top: ty + band.top * zoom, height: band.height * zoom, left, width, fontSize, ...(lane ? { '--lane-color': lane.color } : {}) }}
          >
            <span className="lane-head-name">{band.laneId === null ? t('lane.none') : band.name}</span>
            {lane && (
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
