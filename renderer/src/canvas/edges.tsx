import { BaseEdge, getSmoothStepPath, useInternalNode, type Edge, type EdgeProps, type InternalNode } from '@xyflow/react';
import { memo } from 'react';
import { textWidth } from '../../../core/diagram/text';
import { LABEL_FONT, roundedPath, type FlowRoute, type Point } from '../../../core/routing';

/**
 * A flow on the canvas: the route core/routing.ts computed (the same points the SVG, PNG, report and
 * BPMN draw), with rounded corners, its arrowhead and its label beside it. While one of its steps is
 * being dragged, or before the worker has answered for the steps' new places, a plain provisional
 * elbow stands in.
 */

export interface FlowData extends Record<string, unknown> {
  route: FlowRoute | null;
  /** Where the two steps' top-left corners were when the route was computed. */
  sourceAt: Point | null;
  targetAt: Point | null;
}

export type FlowEdgeType = Edge<FlowData, 'flow'>;

function movedFrom(node: InternalNode | undefined, at: Point | null): boolean {
  if (!node || !at) return true;
  const p = node.internals.positionAbsolute;
  return Math.abs(p.x - at.x) > 0.5 || Math.abs(p.y - at.y) > 0.5;
}

/** The path to draw for a flow edge, and where its middle is (for markers on the flow). */
export function useFlowPath(props: EdgeProps<Edge<FlowData>>): { d: string; route: FlowRoute | null; middle: Point } {
  const source = useInternalNode(props.source);
  const target = useInternalNode(props.target);
  const data = props.data;
  const route = data?.route && !movedFrom(source, data.sourceAt) && !movedFrom(target, data.targetAt) ? data.route : null;
  if (route) return { d: roundedPath(route.points), route, middle: route.middle };
  const [d, x, y] = getSmoothStepPath({
    sourceX: props.sourceX,
    sourceY: props.sourceY,
    sourcePosition: props.sourcePosition,
    targetX: props.targetX,
    targetY: props.targetY,
    targetPosition: props.targetPosition,
    borderRadius: 8,
  });
  return { d, route: null, middle: { x, y } };
}

const LABEL_HEIGHT = 16;

/** The one arrowhead every flow on the canvas ends in (a design token, so it follows the theme). */
const ARROW_ID = 'shoshin-flow-arrow';

/**
 * Defines the canvas's arrowhead once. React Flow's own markers are worked out again from every
 * edge on every change of its store, which on a long process costs more than drawing the flows.
 */
export function FlowArrowDefinition() {
  return (
    <svg className="flow-arrow-definition" aria-hidden="true" width="0" height="0">
      <defs>
        <marker id={ARROW_ID} markerWidth="18" markerHeight="18" viewBox="-10 -10 20 20" markerUnits="strokeWidth" orient="auto-start-reverse" refX="0" refY="0">
          <polyline points="-5,-4 0,0 -5,4 -5,-4" strokeLinecap="round" strokeLinejoin="round" style={{ stroke: 'var(--step-stroke)', fill: 'var(--step-stroke)', strokeWidth: 1 }} />
        </marker>
      </defs>
    </svg>
  );
}

function FlowLabel({ text, box }: { text: string; box: { x: number; y: number; width: number; height: number } }) {
  return (
    <g className="flow-label" aria-hidden="true">
      <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={3} style={{ fill: 'var(--bg)', fillOpacity: 0.92 }} />
      <text
        x={box.x + box.width / 2}
        y={box.y + box.height - 4}
        textAnchor="middle"
        style={{ fill: 'var(--text)', fontSize: LABEL_FONT, fontWeight: 700, fontFamily: "Arial, 'Liberation Sans', Helvetica, sans-serif" }}
      >
        {text}
      </text>
    </g>
  );
}

/** The line, arrowhead and label of a flow edge, given its path. */
export function FlowEdgeBody({ props, path }: { props: EdgeProps<Edge<FlowData>>; path: ReturnType<typeof useFlowPath> }) {
  const label = typeof props.label === 'string' ? props.label : '';
  const routed = path.route?.label;
  let labelBox = routed ?? null;
  if (!labelBox && label) {
    const width = textWidth(label, LABEL_FONT, true) + 8;
    labelBox = { x: path.middle.x - width / 2, y: path.middle.y - LABEL_HEIGHT / 2, width, height: LABEL_HEIGHT, text: label };
  }
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path.d}
        className={path.route ? 'flow-routed' : 'flow-provisional'}
        markerEnd={`url(#${ARROW_ID})`}
        style={props.style}
        interactionWidth={14}
      />
      {labelBox && <FlowLabel text={routed ? routed.text : label} box={labelBox} />}
    </>
  );
}

export const FlowEdge = memo(function FlowEdge(props: EdgeProps<FlowEdgeType>) {
  const path = useFlowPath(props);
  return <FlowEdgeBody props={props} path={path} />;
});

export const flowEdgeTypes = { flow: FlowEdge };
