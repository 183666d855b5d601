import { describe, expect, it } from 'vitest';
import { backFlows, flowGraph, roots, topologicalOrder, withoutFlows, type GraphFlow, type GraphStep } from '../../core/graph';

/** Steps as "id" or "id:kind" in drawing order, flows as "a>b" (the flow's id is its text). */
function graphOf(steps: string[], flows: string[]) {
  const parsed: GraphStep[] = steps.map((s) => {
    const [id, kind] = s.split(':') as [string, GraphStep['kind'] | undefined];
    return { id, kind: kind ?? 'activity' };
  });
  const edges: GraphFlow[] = flows.map((f) => {
    const [sourceId, targetId] = f.split('>') as [string, string];
    return { id: f, sourceId, targetId };
  });
  return flowGraph(parsed, edges);
}

describe('the flow graph', () => {
  it('walks from the start steps first, then from steps nothing leads to, then from the rest, each in drawing order', () => {
    const graph = graphOf(['mail', 'loop', 'rings:start', 'log', 'back'], ['rings>log', 'loop>back', 'back>loop']);
    expect(roots(graph)).toEqual(['rings', 'mail', 'rings', 'mail', 'loop', 'rings', 'log', 'back']);
  });

  it('finds the loop where a walk from the start meets it, whichever step was drawn first', () => {
    // The e-mail, drawn first, enters the loop at "check"; the start enters it at "log".
    const graph = graphOf(['mail', 'rings:start', 'log', 'check', 'done:end'], ['rings>log', 'mail>check', 'log>check', 'check>done', 'check>log']);
    const { backFlowIds, loops } = backFlows(graph);
    expect([...backFlowIds]).toEqual(['check>log']);
    expect(loops).toEqual([{ flowId: 'check>log', stepIds: ['log', 'check'] }]);
  });

  it('counts a flow from a step to itself as a loop, and drops flows to steps it does not hold', () => {
    const graph = graphOf(['a:start', 'b'], ['a>b', 'b>b', 'b>gone']);
    expect(graph.out.get('b')?.map((f) => f.id)).toEqual(['b>b']);
    expect(backFlows(graph).loops).toEqual([{ flowId: 'b>b', stepIds: ['b'] }]);
  });

  it('sorts topologically, ties in drawing order, leaving out steps on a loop until its back flow is gone', () => {
    const graph = graphOf(['b:start', 'a:start', 'x', 'z'], ['a>x', 'b>x', 'x>z', 'z>x']);
    const forward = withoutFlows(graph, backFlows(graph).backFlowIds);
    expect(topologicalOrder(forward)).toEqual(['b', 'a', 'x', 'z']);
    expect(topologicalOrder(graph)).toEqual(['b', 'a']);
  });

  it('walks a 5,000-step chain without overflowing the stack', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `s${i}`);
    const graph = graphOf(ids, [...ids.slice(1).map((id, i) => `s${i}>${id}`), 's4999>s0']);
    expect([...backFlows(graph).backFlowIds]).toEqual(['s4999>s0']);
  });
});
