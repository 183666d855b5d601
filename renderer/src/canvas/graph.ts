import { Position, type Edge, type Node } from '@xyflow/react';
import { STEP_SIZE, type LaneBand } from '../../../core/geometry';
import type { ProcessView, Step } from '../../../core/model';
import type { Box, FlowRoute } from '../../../core/routing';
import type { PendingStep } from './canvasUi';
import type { FlowData } from './edges';
import type { LaneData, StepData } from './nodes';
import { t } from '../i18n';

const MIN_CANVAS_WIDTH = 1400;
/** React Flow's default handle, in px. */
const HANDLE = 6;

/**
 * The process as the user sees it right now: the saved view, plus steps and edits still on their
 * way to the disk. Every capture gesture works on this, so fast typing never waits for a save.
 */
export function mergeView(
  view: ProcessView,
  pending: Readonly<Record<string, PendingStep>>,
  overrides: Readonly<Record<string, { patch: Partial<Step> }>>,
): ProcessView {
  const pendingList = Object.values(pending).filter((p) => p.step.processId === view.process.id);
  const overrideIds = Object.keys(overrides);
  if (pendingList.length === 0 && overrideIds.length === 0) return view;
  const saved = new Set(view.steps.map((s) => s.id));
  const fresh = pendingList.filter((p) => !saved.has(p.step.id));
  // Later pending steps were placed on top of earlier ones, so their moves win.
  const moved = new Map(fresh.flatMap((p) => p.moves).map((m) => [m.id, m.x]));
  const steps = [...view.steps, ...fresh.map((p) => p.step)].map((s) => {
    const x = moved.get(s.id);
    const o = overrides[s.id];
    const shifted = x === undefined ? s : { ...s, x };
    return o ? { ...shifted, ...o.patch } : shifted;
  });
  const spliced = new Map(fresh.flatMap((p) => (p.splices ? [[p.splices, p.step.id] as const] : [])));
  const flows = [...view.flows, ...fresh.flatMap((p) => p.flows)].map((f) => {
    const target = spliced.get(f.id);
    return target ? { ...f, targetId: target } : f;
  });
  return { ...view, steps, flows };
}

const boxes = new Map<string, Pick<Node, 'measured' | 'handles'>>();

/**
 * Where React Flow's default handles sit on a box of this size (centred on each side, as nodes.tsx
 * declares them). Given up front, with the box's measured size, a node that moved or changed is
 * placed without first being drawn and measured: with only the visible steps drawn, a rebuilt node
 * list would otherwise mount every step of the process once to measure it.
 */
function knownBox(width: number, height: number): Pick<Node, 'measured' | 'handles'> {
  const key = `${width}x${height}`;
  const known = boxes.get(key);
  if (known) return known;
  const at = (id: string, type: 'source' | 'target', position: Position, x: number, y: number) => ({ id, type, position, x: x - HANDLE / 2, y: y - HANDLE / 2, width: HANDLE, height: HANDLE });
  const box = {
    measured: { width, height },
    handles: [
      at('in', 'target', Position.Left, 0, height / 2),
      at('out', 'source', Position.Right, width, height / 2),
      at('down', 'source', Position.Bottom, width / 2, height),
      at('up', 'target', Position.Top, width / 2, 0),
    ],
  };
  boxes.set(key, box);
  return box;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b);
}

/** Field by field: a node's data is rebuilt on every edit, and a long process has hundreds of them. */
function sameData(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => sameValue(a[k], b[k]));
}

/**
 * Builds React Flow nodes, reusing the previous node object whenever nothing it shows changed,
 * so a save that touches one step re-renders one node, not three hundred.
 */
export function buildNodes(
  view: ProcessView,
  bands: readonly LaneBand[],
  selected: ReadonlySet<string>,
  previous: ReadonlyMap<string, Node>,
  /** Per lane (null = no lane): the heat overlay's tint, 0..1, or null when it is off. */
  laneHeat?: ReadonlyMap<string | null, number | null>,
): Node[] {
  const right = view.steps.reduce((max, s) => Math.max(max, s.x + STEP_SIZE[s.kind].width), 0);
  const width = Math.max(MIN_CANVAS_WIDTH, right + 240);
  const laneById = new Map(view.lanes.map((l) => [l.id, l]));
  const reuse = <T extends Node>(node: T): T => {
    const old = previous.get(node.id);
    if (
      old &&
      old.position.x === node.position.x &&
      old.position.y === node.position.y &&
      old.selected === node.selected &&
      old.width === node.width &&
      old.height === node.height &&
      JSON.stringify(old.style ?? null) === JSON.stringify(node.style ?? null) &&
      sameData(old.data, node.data)
    ) {
      return old as T;
    }
    return node;
  };
  const lanes = bands.map((band, index) =>
    reuse<Node<LaneData>>({
      id: `lane:${band.laneId ?? 'none'}`,
      type: 'lane',
      position: { x: 0, y: band.top },
      data: {
        lane: band.laneId ? (laneById.get(band.laneId) ?? null) : null,
        name: band.laneId === null ? t('lane.none') : band.name,
        shade: index % 2 === 0 ? 'a' : 'b',
        heat: laneHeat?.get(band.laneId) ?? null,
      },
      style: { width, height: band.height },
      measured: { width, height: band.height },
      draggable: false,
      selectable: false,
      focusable: false,
      zIndex: -1,
    }),
  );
  const bandTop = new Map(bands.map((b) => [b.laneId, b.top]));
  const knownLanes = new Set(view.lanes.map((l) => l.id));
  const pains = new Map<string, number[]>();
  for (const p of view.painPoints) if (p.targetKind === 'step') pains.set(p.targetId, [...(pains.get(p.targetId) ?? []), p.number]);
  const count = (items: readonly { stepId: string | null }[]) => {
    const counts = new Map<string, number>();
    for (const item of items) if (item.stepId) counts.set(item.stepId, (counts.get(item.stepId) ?? 0) + 1);
    return counts;
  };
  const questions = count(view.questions.filter((q) => q.status === 'open'));
  const quotes = count(view.quotes);
  const steps = view.steps.map((step) => {
    const laneKey = step.laneId && knownLanes.has(step.laneId) ? step.laneId : null;
    return reuse<Node<StepData>>({
      id: step.id,
      type: 'step',
      position: { x: step.x, y: (bandTop.get(laneKey) ?? 0) + step.y },
      data: {
        kind: step.kind,
        text: step.text,
        linked: step.subprocessId !== null,
        painNumbers: pains.get(step.id) ?? [],
        openQuestions: questions.get(step.id) ?? 0,
        quotes: quotes.get(step.id) ?? 0,
      },
      width: STEP_SIZE[step.kind].width,
      height: STEP_SIZE[step.kind].height,
      ...knownBox(STEP_SIZE[step.kind].width, STEP_SIZE[step.kind].height),
      selected: selected.has(step.id),
    });
  });
  return [...lanes, ...steps];
}

/** A design token, so flows follow the theme and the presenter view's contrast. */
const EDGE_COLOR = 'var(--step-stroke)';

/**
 * Builds React Flow edges drawn along their routes (see edges.tsx), reusing the previous edge
 * object whenever nothing it shows changed. `routes` holds the routes still right for where the
 * steps are now (routeClient.ts currentRoutes); a flow without one is drawn provisionally.
 */
export function buildEdges(
  view: ProcessView,
  selected: ReadonlySet<string>,
  previous: ReadonlyMap<string, Edge>,
  routes: ReadonlyMap<string, { route: FlowRoute; source: Box; target: Box }>,
): Edge<FlowData>[] {
  return view.flows.map((flow) => {
    const isSelected = selected.has(flow.id);
    const routed = routes.get(flow.id);
    const route = routed?.route ?? null;
    const old = previous.get(flow.id) as Edge<FlowData> | undefined;
    if (old && old.source === flow.sourceId && old.target === flow.targetId && (old.label ?? '') === flow.label && old.selected === isSelected && old.data?.route === route) {
      return old;
    }
    return {
      id: flow.id,
      source: flow.sourceId,
      target: flow.targetId,
      sourceHandle: 'out',
      targetHandle: 'in',
      label: flow.label || undefined,
      type: 'flow',
      data: { route, sourceAt: routed ? { x: routed.source.x, y: routed.source.y } : null, targetAt: routed ? { x: routed.target.x, y: routed.target.y } : null },
      style: { stroke: EDGE_COLOR, strokeWidth: 1.6 },
      selected: isSelected,
      ariaLabel: flow.label ? t('capture.graph.flowLabelled', { label: flow.label }) : t('capture.graph.flow'),
    };
  });
}

/** Absolute canvas rectangle of a step (lanes stack, a step's y is relative to its lane). */
export function stepRect(step: Step, bands: readonly LaneBand[], knownLanes: ReadonlySet<string>): { x: number; y: number; width: number; height: number } {
  const laneKey = step.laneId && knownLanes.has(step.laneId) ? step.laneId : null;
  const top = bands.find((b) => b.laneId === laneKey)?.top ?? 0;
  const size = STEP_SIZE[step.kind];
  return { x: step.x, y: top + step.y, width: size.width, height: size.height };
}
