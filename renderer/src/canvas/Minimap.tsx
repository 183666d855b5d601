import { Panel, useStore, useStoreApi, type Node, type ReactFlowState } from '@xyflow/react';
import { XYMinimap, type XYMinimapInstance } from '@xyflow/system';
import { memo, useEffect, useMemo, useRef, type CSSProperties } from 'react';
import { shallow } from 'zustand/shallow';

/** Room around the drawing, in minimap pixels (React Flow's own minimap uses the same). */
const OFFSET_SCALE = 5;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function union(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

/** The process drawn once per change of its nodes: lane bands as rectangles, every step in one path. */
function drawingOf(nodes: readonly Node[]): { bounds: Box | null; lanes: Box[]; steps: string } {
  let bounds: Box | null = null;
  const lanes: Box[] = [];
  const steps: string[] = [];
  for (const node of nodes) {
    const width = node.measured?.width ?? node.width ?? 0;
    const height = node.measured?.height ?? node.height ?? 0;
    const box = { x: node.position.x, y: node.position.y, width, height };
    bounds = bounds ? union(bounds, box) : box;
    if (node.type === 'lane') lanes.push(box);
    else steps.push(`M${box.x},${box.y}h${width}v${height}h${-width}z`);
  }
  return { bounds, lanes, steps: steps.join('') };
}

const viewport = (s: ReactFlowState) => ({ tx: s.transform[0], ty: s.transform[1], zoom: s.transform[2], paneWidth: s.width, paneHeight: s.height, panZoom: s.panZoom, translateExtent: s.translateExtent });

/**
 * The whole process in the corner, with the part on screen marked; drag or wheel on it to pan and
 * zoom the canvas. React Flow's own minimap subscribes once per node, so on a 300-step process
 * every edit ran hundreds of store selectors; this one draws all steps as one path from the node
 * list and subscribes once, to the viewport.
 */
export const ProcessMinimap = memo(function ProcessMinimap({ nodes, width, height, className, style, label }: { nodes: readonly Node[]; width: number; height: number; className: string; style: CSSProperties; label: string }) {
  const store = useStoreApi();
  const svg = useRef<SVGSVGElement>(null);
  const minimap = useRef<XYMinimapInstance | null>(null);
  const { tx, ty, zoom, paneWidth, paneHeight, panZoom, translateExtent } = useStore(viewport, shallow);
  const drawing = useMemo(() => drawingOf(nodes), [nodes]);

  const seen = { x: -tx / zoom, y: -ty / zoom, width: paneWidth / zoom, height: paneHeight / zoom };
  const bounds = drawing.bounds ? union(drawing.bounds, seen) : seen;
  const viewScale = Math.max(bounds.width / width, bounds.height / height);
  const viewWidth = viewScale * width;
  const viewHeight = viewScale * height;
  const offset = OFFSET_SCALE * viewScale;
  const x = bounds.x - (viewWidth - bounds.width) / 2 - offset;
  const y = bounds.y - (viewHeight - bounds.height) / 2 - offset;
  const boxWidth = viewWidth + offset * 2;
  const boxHeight = viewHeight + offset * 2;
  const scale = useRef(viewScale);
  scale.current = viewScale;

  useEffect(() => {
    if (!svg.current || !panZoom) return;
    const instance = XYMinimap({ domNode: svg.current, panZoom, getTransform: () => store.getState().transform, getViewScale: () => scale.current });
    minimap.current = instance;
    return () => {
      instance.destroy();
      minimap.current = null;
    };
  }, [panZoom, store]);

  useEffect(() => {
    minimap.current?.update({ translateExtent, width: paneWidth, height: paneHeight, pannable: true, zoomable: true, zoomStep: 1 });
  }, [panZoom, translateExtent, paneWidth, paneHeight]);

  return (
    <Panel position="bottom-right" className={`react-flow__minimap ${className}`} style={style}>
      <svg ref={svg} width={width} height={height} viewBox={`${x} ${y} ${boxWidth} ${boxHeight}`} className="react-flow__minimap-svg" role="img" aria-label={label}>
        {drawing.lanes.map((lane) => (
          <rect key={`${lane.x},${lane.y}`} className="minimap-lane" x={lane.x} y={lane.y} width={lane.width} height={lane.height} />
        ))}
        <path className="minimap-steps" d={drawing.steps} />
        <path
          className="react-flow__minimap-mask"
          d={`M${x - offset},${y - offset}h${boxWidth + offset * 2}v${boxHeight + offset * 2}h${-boxWidth - offset * 2}z M${seen.x},${seen.y}h${seen.width}v${seen.height}h${-seen.width}z`}
          fillRule="evenodd"
          pointerEvents="none"
          style={{ strokeWidth: viewScale }}
        />
      </svg>
    </Panel>
  );
});
