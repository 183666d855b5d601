import { laneBands, STEP_SIZE } from './geometry';
import { backFlows, flowGraph, roots, withoutFlows } from './graph';
import type { Flow, Lane, Step } from './model';

export type Direction = 'left' | 'right' | 'up' | 'down';

interface Centre {
  step: Step;
  x: number;
  y: number;
}

/**
 * Moving the selection with the arrow keys, along the flow first: Right goes to a successor,
 * Left to a predecessor, Up/Down to a sibling branch; where the flow has nowhere to go, to the
 * nearest step on screen in that direction. Built once per process view; each move is linear.
 */
export function navigator(view: { lanes: readonly Lane[]; steps: readonly Step[]; flows: readonly Flow[] }) {
  const bands = laneBands(view.lanes, view.steps);
  const top = new Map(bands.map((b) => [b.laneId, b.top]));
  const known = new Set(view.lanes.map((l) => l.id));
  const centres = new Map<string, Centre>();
  for (const step of view.steps) {
    const size = STEP_SIZE[step.kind];
    const laneTop = top.get(step.laneId && known.has(step.laneId) ? step.laneId : null) ?? 0;
    centres.set(step.id, { step, x: step.x + size.width / 2, y: laneTop + step.y + size.height / 2 });
  }
  const successors = new Map<string, string[]>();
  const predecessors = new Map<string, string[]>();
  for (const f of view.flows) {
    if (!centres.has(f.sourceId) || !centres.has(f.targetId) || f.sourceId === f.targetId) continue;
    successors.set(f.sourceId, [...(successors.get(f.sourceId) ?? []), f.targetId]);
    predecessors.set(f.targetId, [...(predecessors.get(f.targetId) ?? []), f.sourceId]);
  }

  const closestTo = (from: Centre, ids: readonly string[]): string | null => {
    let best: string | null = null;
    let bestScore = Infinity;
    for (const id of ids) {
      const c = centres.get(id);
      if (!c) continue;
      const score = Math.abs(c.y - from.y) * 2 + Math.abs(c.x - from.x);
      if (score < bestScore) {
        best = id;
        bestScore = score;
      }
    }
    return best;
  };

  const spatial = (from: Centre, direction: Direction): string | null => {
    let best: string | null = null;
    let bestScore = Infinity;
    for (const c of centres.values()) {
      if (c.step.id === from.step.id) continue;
      const dx = c.x - from.x;
      const dy = c.y - from.y;
      const ahead = direction === 'right' ? dx : direction === 'left' ? -dx : direction === 'down' ? dy : -dy;
      const across = direction === 'right' || direction === 'left' ? Math.abs(dy) : Math.abs(dx);
      if (ahead <= 1) continue;
      const score = ahead + across * 2;
      if (score < bestScore) {
        best = c.step.id;
        bestScore = score;
      }
    }
    return best;
  };

  const first = (): string | null => {
    const starts = view.steps.filter((s) => s.kind === 'start');
    const pool = starts.length > 0 ? starts : view.steps;
    let best: Centre | null = null;
    for (const s of pool) {
      const c = centres.get(s.id);
      if (c && (!best || c.x < best.x || (c.x === best.x && c.y < best.y))) best = c;
    }
    return best?.step.id ?? null;
  };

  return (fromId: string | null, direction: Direction): string | null => {
    const from = fromId ? centres.get(fromId) : undefined;
    if (!from) return first();
    if (direction === 'right') return closestTo(from, successors.get(from.step.id) ?? []) ?? spatial(from, direction);
    if (direction === 'left') return closestTo(from, predecessors.get(from.step.id) ?? []) ?? spatial(from, direction);
    const siblings = new Set<string>();
    for (const p of predecessors.get(from.step.id) ?? []) for (const s of successors.get(p) ?? []) if (s !== from.step.id) siblings.add(s);
    let best: Centre | null = null;
    for (const id of siblings) {
      const c = centres.get(id);
      if (!c) continue;
      const ahead = direction === 'down' ? c.y - from.y : from.y - c.y;
      if (ahead <= 0) continue;
      if (!best || Math.abs(c.y - from.y) < Math.abs(best.y - from.y)) best = c;
    }
    return best?.step.id ?? spatial(from, direction);
  };
}

/**
 * The order a walk-through tells the process in (the presenter's Page Down): from the start along
 * the flows in drawing order, each branch told to its end before the next one begins, and a step
 * where branches meet only once every branch into it has been told. Flows that go back (rework
 * loops, as core/graph decides them) are not followed. Every step appears exactly once.
 */
export function storyOrder(view: { steps: readonly Pick<Step, 'id' | 'kind'>[]; flows: readonly Pick<Flow, 'id' | 'sourceId' | 'targetId'>[] }): string[] {
  const graph = flowGraph(view.steps, view.flows);
  const forward = withoutFlows(graph, backFlows(graph).backFlowIds);
  const waiting = new Map(graph.order.map((id) => [id, (forward.incoming.get(id) ?? []).length]));
  const told = new Set<string>();
  const order: string[] = [];
  for (const root of roots(graph)) {
    if (told.has(root) || (waiting.get(root) ?? 0) > 0) continue;
    const stack = [root];
    while (stack.length > 0) {
      const id = stack.pop();
      if (id === undefined || told.has(id)) continue;
      told.add(id);
      order.push(id);
      const out = forward.out.get(id) ?? [];
      // Pushed last to first, so the first flow's branch is told first.
      for (let i = out.length - 1; i >= 0; i--) {
        const flow = out[i];
        if (!flow) continue;
        const target = flow.targetId;
        const left = (waiting.get(target) ?? 0) - 1;
        waiting.set(target, left);
        if (left === 0) stack.push(target);
      }
    }
  }
  return order;
}
