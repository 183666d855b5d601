import { EdgeLabelRenderer, useNodesInitialized, useReactFlow, type Edge, type EdgeProps } from '@xyflow/react';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { laneHeat, processMetrics } from '../../../core/metrics';
import type { ProcessView } from '../../../core/model';
import { useAnalysis, useAnalysisUi, type HeatBasisChoice } from './analysisStore';
import { painNumbers } from './labels';
import { FlowEdgeBody, useFlowPath, type FlowData } from '../canvas/edges';
import { followSteps } from '../canvas/canvasViewport';
import { useShoshin } from '../store';
import { t } from '../i18n';

/**
 * What the analysis adds to the canvas: numbered markers on flows, lanes and the whole process
 * (steps already carry theirs), the heat overlay on lanes, and the jump from the register.
 */

/** Per lane (null = the "No lane" band): its heat, 0..1 of the hottest lane; undefined while the overlay is off. */
export function useLaneHeat(view: ProcessView): ReadonlyMap<string | null, number | null> | undefined {
  const basis = useAnalysisUi((s) => s.heat);
  const votes = useAnalysis((s) => s.view?.votes);
  return useMemo(() => (basis === 'off' ? undefined : laneHeat(processMetrics(view, votes ?? []).lanes, basis)), [view, votes, basis]);
}

/** Flows with pain points become "painFlow" edges carrying their marker numbers; the rest pass through untouched. */
export function useFlowPainMarkers(view: ProcessView, edges: Edge[]): Edge[] {
  const highlight = useHighlightedPain(view);
  const cache = useRef(new Map<string, { from: Edge; key: string; edge: Edge }>());
  return useMemo(() => {
    const numbers = painNumbers(view.painPoints, 'flow');
    if (numbers.size === 0) return edges;
    const next = new Map<string, { from: Edge; key: string; edge: Edge }>();
    const out = edges.map((edge) => {
      const list = numbers.get(edge.id);
      if (!list) return edge;
      const mark = list.includes(highlight ?? -1) ? highlight : null;
      const key = `${list.join(',')}|${mark ?? ''}`;
      const old = cache.current.get(edge.id);
      // Reusing the object keeps React Flow from re-rendering an edge whose markers did not change.
      const made = old && old.from === edge && old.key === key ? old : { from: edge, key, edge: { ...edge, type: 'painFlow', data: { ...edge.data, painNumbers: list, highlight: mark } } };
      next.set(edge.id, made);
      return made.edge;
    });
    cache.current = next;
    return out;
  }, [view.painPoints, edges, highlight]);
}

/** The pain-point number the register last jumped to, if it is on this process. */
export function useHighlightedPain(view: ProcessView): number | null {
  const highlight = useAnalysisUi((s) => s.highlight);
  if (!highlight || highlight.processId !== view.process.id) return null;
  return view.painPoints.find((p) => p.id === highlight.painPointId)?.number ?? null;
}

export function PainBadges({ numbers, highlight, label }: { numbers: readonly number[]; highlight: number | null; label: string }) {
  if (numbers.length === 0) return null;
  return (
    <span className="pain-badges" role="group" aria-label={t('analysis.overlay.badgesLabel', { label, numbers: numbers.join(', ') })}>
      {numbers.map((n) => (
        <span key={n} className={`step-badge badge-pain${n === highlight ? ' badge-highlight' : ''}`} title={t('analysis.overlay.badgeTitle', { number: n })}>
          {n}
        </span>
      ))}
    </span>
  );
}

/** Markers for pain points pinned to a lane, in its fixed header. */
export function LanePainBadges({ laneId, name }: { laneId: string; name: string }) {
  const pains = useShoshin((s) => s.process?.painPoints);
  const highlight = useAnalysisUi((s) => s.highlight);
  const numbers = (pains ?? []).filter((p) => p.targetKind === 'lane' && p.targetId === laneId);
  if (numbers.length === 0) return null;
  const marked = numbers.find((p) => p.id === highlight?.painPointId)?.number ?? null;
  return (
    <span className="lane-pains">
      <PainBadges numbers={numbers.map((p) => p.number)} highlight={marked} label={name} />
    </span>
  );
}

/** Markers for pain points pinned to the whole process, in the canvas toolbar. */
export function ProcessPainMarkers({ view }: { view: ProcessView }) {
  const highlight = useHighlightedPain(view);
  const numbers = view.painPoints.filter((p) => p.targetKind === 'process').map((p) => p.number);
  if (numbers.length === 0) return null;
  return (
    <span className="process-pains">
      <span className="muted">{t('analysis.overlay.wholeProcess')}</span>
      <PainBadges numbers={numbers} highlight={highlight} label={t('analysis.overlay.wholeProcess')} />
    </span>
  );
}

const HEAT_LABELS: Record<HeatBasisChoice, string> = {
  off: t('analysis.overlay.heatOff'),
  painPoints: t('analysis.overlay.heatPainPoints'),
  votes: t('analysis.overlay.heatVotes'),
};

/** The heat overlay toggle: lanes tinted by their share of pain points or votes. */
export function HeatControl() {
  const heat = useAnalysisUi((s) => s.heat);
  const setHeat = useAnalysisUi((s) => s.setHeat);
  return (
    <label className="heat-control">
      {t('analysis.overlay.heat')}
      <select className="input input-sm" value={heat} onChange={(e) => setHeat(e.target.value as HeatBasisChoice)} aria-label={t('analysis.overlay.heatLabel')}>
        {(Object.keys(HEAT_LABELS) as HeatBasisChoice[]).map((k) => (
          <option key={k} value={k}>
            {HEAT_LABELS[k]}
          </option>
        ))}
      </select>
    </label>
  );
}

export interface PainFlowData extends FlowData {
  painNumbers: number[];
  highlight: number | null;
}

/** A flow with pain points: the flow as routed, plus its numbered markers halfway along it. */
export function PainFlowEdge(props: EdgeProps<Edge<PainFlowData>>) {
  const path = useFlowPath(props);
  // A provisional flow has its label in the middle too: the markers go just under it.
  const offset = !path.route && props.label ? 20 : 0;
  return (
    <>
      <FlowEdgeBody props={props} path={path} />
      <EdgeLabelRenderer>
        <div className="edge-pains" style={{ transform: `translate(-50%, -50%) translate(${path.middle.x}px, ${path.middle.y + offset}px)` }}>
          <PainBadges numbers={props.data?.painNumbers ?? []} highlight={props.data?.highlight ?? null} label={t('analysis.overlay.flow')} />
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const analysisEdgeTypes = { painFlow: PainFlowEdge };

/** After a jump from the register, bring what the pain point is pinned to into view. */
export function JumpToTarget({ view, wrapper }: { view: ProcessView; wrapper: RefObject<HTMLDivElement | null> }) {
  const highlight = useAnalysisUi((s) => s.highlight);
  const ready = useNodesInitialized();
  const { getViewport, setViewport } = useReactFlow();
  useEffect(() => {
    if (!ready || !highlight || highlight.processId !== view.process.id) return;
    let ids: string[] = [];
    if (highlight.targetKind === 'step') ids = [highlight.targetId];
    else if (highlight.targetKind === 'flow') {
      const flow = view.flows.find((f) => f.id === highlight.targetId);
      ids = flow ? [flow.sourceId, flow.targetId] : [];
    } else if (highlight.targetKind === 'lane') {
      // A lane band is as wide as the whole process: show where its work starts; its header stays in view anyway.
      ids = view.steps.filter((s) => s.laneId === highlight.targetId).sort((a, b) => a.x - b.x).slice(0, 1).map((s) => s.id);
    }
    if (ids.length === 0) return;
    // After the canvas's own first view, so the jump is what stays on screen: readable, clear of the lane names, controls and minimap.
    const timer = setTimeout(() => followSteps({ getViewport, setViewport }, wrapper.current, view, ids), 60);
    return () => clearTimeout(timer);
    // Only a new jump (a new `at`) moves the view, not later edits to the process.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, highlight?.at]);
  return null;
}
