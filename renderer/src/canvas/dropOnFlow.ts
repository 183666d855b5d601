import type { Node } from '@xyflow/react';
import { STEP_SIZE } from '../../../core/geometry';
import type { ProcessView } from '../../../core/model';

/** How far in from a dragged step's edges a flow must run to count as under it: brushing a corner is not a drop. */
const INSET = 10;
/** Distance between the points tested along a flow's drawn line. */
const STEP_PX = 6;

/**
 * The flow a dragged step would go into if let go now: the one whose drawn line runs furthest
 * through the step's box, read from the lines as drawn (however they are routed). Only a step
 * with at most one flow in and one out can go into a flow (db/steps.ts spliceStep says why),
 * and never into a flow of its own; flows still on their way to disk are not drop targets.
 */
export function flowUnder(view: ProcessView, node: Node, container: HTMLElement | null): string | null {
  const step = view.steps.find((s) => s.id === node.id);
  if (!step || !container) return null;
  const into = view.flows.filter((f) => f.targetId === step.id && f.sourceId !== step.id).length;
  const out = view.flows.filter((f) => f.sourceId === step.id && f.targetId !== step.id).length;
  if (into > 1 || out > 1) return null;
  const size = STEP_SIZE[step.kind];
  const box = { left: node.position.x + INSET, top: node.position.y + INSET, right: node.position.x + size.width - INSET, bottom: node.position.y + size.height - INSET };
  const candidates = new Set(view.flows.filter((f) => f.sourceId !== step.id && f.targetId !== step.id && !f.id.startsWith('pending-')).map((f) => f.id));
  let best: { id: string; hits: number } | null = null;
  for (const edge of container.querySelectorAll<SVGGElement>('.react-flow__edge')) {
    const id = edge.getAttribute('data-id');
    const path = edge.querySelector<SVGPathElement>('path.react-flow__edge-path');
    if (!id || !path || !candidates.has(id)) continue;
    const bounds = path.getBBox();
    if (bounds.x > box.right || bounds.x + bounds.width < box.left || bounds.y > box.bottom || bounds.y + bounds.height < box.top) continue;
    const length = path.getTotalLength();
    let hits = 0;
    for (let at = 0; at <= length; at += STEP_PX) {
      const p = path.getPointAtLength(at);
      if (p.x >= box.left && p.x <= box.right && p.y >= box.top && p.y <= box.bottom) hits++;
    }
    if (hits > 0 && (!best || hits > best.hits)) best = { id, hits };
  }
  return best?.id ?? null;
}
