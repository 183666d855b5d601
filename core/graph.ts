import type { Flow, Step } from './model';

/**
 * The flow graph of one process, and the graph algorithms the metrics and the layout both read.
 * One definition of "earlier" and of which flow closes a loop, so Tidy draws as going back the
 * same flow the metrics count as rework.
 */

export type GraphStep = Pick<Step, 'id' | 'kind'>;
export type GraphFlow = Pick<Flow, 'id' | 'sourceId' | 'targetId'>;

export interface FlowGraph<S extends GraphStep = GraphStep, F extends GraphFlow = GraphFlow> {
  steps: Map<string, S>;
  /** Step ids in drawing order. */
  order: string[];
  /** Outgoing flows per step, in drawing order; flows from or to a step not in the graph are dropped. */
  out: Map<string, F[]>;
  incoming: Map<string, F[]>;
}

export function flowGraph<S extends GraphStep, F extends GraphFlow>(steps: readonly S[], flows: readonly F[]): FlowGraph<S, F> {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const out = new Map<string, F[]>(steps.map((s) => [s.id, []]));
  const incoming = new Map<string, F[]>(steps.map((s) => [s.id, []]));
  for (const flow of flows) {
    if (!byId.has(flow.sourceId) || !byId.has(flow.targetId)) continue;
    out.get(flow.sourceId)?.push(flow);
    incoming.get(flow.targetId)?.push(flow);
  }
  return { steps: byId, out, incoming, order: steps.map((s) => s.id) };
}

/**
 * Where a walk through the process begins, in this order: the start steps, then any step nothing
 * leads to, then every other step (so steps only reachable round a loop are still visited), each
 * group in drawing order. A step may appear more than once; the first time counts.
 */
export function roots(graph: FlowGraph): string[] {
  return [
    ...graph.order.filter((id) => graph.steps.get(id)?.kind === 'start'),
    ...graph.order.filter((id) => (graph.incoming.get(id) ?? []).length === 0),
    ...graph.order,
  ];
}

/** One flow that goes back to an earlier step, and the steps it makes people repeat. */
export interface ReworkLoop {
  /** The flow that closes the loop (the "back edge"). */
  flowId: string;
  /** The loop's steps in flow order, starting where the rework re-enters. */
  stepIds: string[];
}

/**
 * Depth-first search from the roots, following flows in drawing order, so "earlier" means what
 * it means when the story is told. A flow to a step still on the search path goes back to an
 * earlier step: it closes a rework loop. A flow from a step to itself is one too.
 */
export function backFlows(graph: FlowGraph): { backFlowIds: Set<string>; loops: ReworkLoop[] } {
  const state = new Map<string, 'open' | 'done'>();
  const backFlowIds = new Set<string>();
  const loops: ReworkLoop[] = [];
  for (const root of roots(graph)) {
    if (state.has(root)) continue;
    // Iterative: a 5,000-step chain must not overflow the call stack.
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    const path: string[] = [root];
    state.set(root, 'open');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (!frame) break;
      const flow = (graph.out.get(frame.id) ?? [])[frame.next];
      if (!flow) {
        state.set(frame.id, 'done');
        stack.pop();
        path.pop();
        continue;
      }
      frame.next++;
      const target = flow.targetId;
      const seen = state.get(target);
      if (seen === 'open') {
        backFlowIds.add(flow.id);
        loops.push({ flowId: flow.id, stepIds: path.slice(path.lastIndexOf(target)) });
      } else if (seen === undefined) {
        state.set(target, 'open');
        stack.push({ id: target, next: 0 });
        path.push(target);
      }
    }
  }
  return { backFlowIds, loops };
}

/** The graph without the flows in `skip` (the back flows): what is left has no loop. */
export function withoutFlows<S extends GraphStep, F extends GraphFlow>(graph: FlowGraph<S, F>, skip: ReadonlySet<string>): FlowGraph<S, F> {
  const keep = (flows: readonly F[]) => flows.filter((f) => !skip.has(f.id));
  const out = new Map([...graph.out].map(([id, flows]) => [id, keep(flows)]));
  const incoming = new Map([...graph.incoming].map(([id, flows]) => [id, keep(flows)]));
  return { ...graph, out, incoming };
}

/** Topological order of a loop-free graph (Kahn), ties broken by drawing order; steps on a loop are left out. */
export function topologicalOrder(graph: FlowGraph): string[] {
  const indegree = new Map(graph.order.map((id) => [id, (graph.incoming.get(id) ?? []).length]));
  const ready = graph.order.filter((id) => indegree.get(id) === 0);
  const sorted: string[] = [];
  for (let i = 0; i < ready.length; i++) {
    const id = ready[i] as string;
    sorted.push(id);
    for (const f of graph.out.get(id) ?? []) {
      const left = (indegree.get(f.targetId) ?? 0) - 1;
      indegree.set(f.targetId, left);
      if (left === 0) ready.push(f.targetId);
    }
  }
  return sorted;
}
