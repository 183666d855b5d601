import { describe, expect, it } from 'vitest';
import {
  formatMinutes,
  formatPercent,
  laneHeat,
  laneOfPainPoint,
  processMetrics,
  rankByVotes,
  votesByPainPoint,
  type MetricsInput,
} from '../../core/metrics';
import { format, msg, type Message } from '../../core/messages';
import type { Flow, Lane, PainPoint, Step, StepKind, Vote } from '../../core/model';

const said = (reason: Message | null) => (reason ? format(reason) : null);

/**
 * Hand-built flows with known answers. Step ids are readable names; the metrics never look
 * at id formats, only at how steps, flows and lanes refer to each other.
 */
interface StepSpec {
  lane?: string | null;
  kind?: StepKind;
  work?: number | null;
  wait?: number | null;
  value?: Step['valueClass'];
}

function build(specs: Record<string, StepSpec>, edges: string[], laneNames: string[] = ['A', 'B', 'C']): MetricsInput & { painPoints: PainPoint[] } {
  const lanes: Lane[] = laneNames.map((name, position) => ({ id: name, processId: 'P', name, kind: 'role', color: '#e8eef9', position }));
  const steps: Step[] = Object.entries(specs).map(([id, s]) => ({
    id,
    processId: 'P',
    laneId: s.lane === undefined ? 'A' : s.lane,
    kind: s.kind ?? (id === 'start' ? 'start' : id === 'end' ? 'end' : 'activity'),
    text: id,
    x: 0,
    y: 0,
    description: '',
    system: '',
    workMinutes: s.work === undefined ? 10 : s.work,
    waitMinutes: s.wait === undefined ? 0 : s.wait,
    volume: '',
    valueClass: s.value === undefined ? 'necessary' : s.value,
    sessionId: null,
    subprocessId: null,
  }));
  const flows: Flow[] = edges.map((e) => {
    const [from, to] = e.split('>') as [string, string];
    return { id: e, processId: 'P', sourceId: from, targetId: to, label: '' };
  });
  return { process: { id: 'P', name: 'Test process' }, lanes, steps, flows, painPoints: [] };
}

const event = { kind: 'start' as const, work: null, wait: null, value: null };
const endEvent = { kind: 'end' as const, work: null, wait: null, value: null };

function pain(id: string, targetKind: PainPoint['targetKind'], targetId: string): PainPoint {
  return {
    id,
    processId: 'P',
    targetKind,
    targetId,
    number: 1,
    text: id,
    raisedBy: null,
    sessionId: null,
    waste: null,
    fourP: null,
    severity: null,
    frequency: null,
    notes: '',
  };
}

function vote(painPointId: string, dots: number, sessionId = 'S1', personId = 'p1'): Vote {
  return { id: `${sessionId}:${personId}:${painPointId}`, sessionId, personId, painPointId, dots };
}

describe('straight line', () => {
  // start → a (A, 10+5, value-adding) → b (B, 20+60) → c (B, 5+0, value-adding) → end
  const view = build(
    {
      start: event,
      a: { work: 10, wait: 5, value: 'value_adding' },
      b: { lane: 'B', work: 20, wait: 60 },
      c: { lane: 'B', work: 5, wait: 0, value: 'value_adding' },
      end: { ...endEvent, lane: 'B' },
    },
    ['start>a', 'a>b', 'b>c', 'c>end'],
  );
  const m = processMetrics(view);

  it('counts steps, flows and handoffs between lanes', () => {
    expect(m.stepCount).toBe(5);
    expect(m.flowCount).toBe(4);
    expect(m.handoffs).toBe(1);
    expect(m.handoffFlowIds).toEqual(['a>b']);
  });

  it('adds work and wait along the path into the lead time', () => {
    expect(m.mainPath?.stepIds).toEqual(['start', 'a', 'b', 'c', 'end']);
    expect(m.mainPath?.flowIds).toEqual(['start>a', 'a>b', 'b>c', 'c>end']);
    expect(m.mainPath?.certain).toBe(true);
    expect(m.workTime).toEqual({ value: 35, reason: null });
    expect(m.waitTime).toEqual({ value: 65, reason: null });
    expect(m.leadTime).toEqual({ value: 100, reason: null });
  });

  it('divides value-adding work time by lead time for the cycle efficiency', () => {
    expect(m.valueAddingTime).toEqual({ value: 15, reason: null });
    expect(m.cycleEfficiency.value).toBeCloseTo(0.15, 10);
  });

  it('finds no loops, dead ends or unassigned steps', () => {
    expect(m.reworkLoops).toEqual([]);
    expect(m.deadEndStepIds).toEqual([]);
    expect(m.unassignedStepIds).toEqual([]);
    expect(m.missing).toEqual({ workMinutes: [], waitMinutes: [], valueClass: [] });
  });
});

describe('branches', () => {
  // A decision splits into a short and a long branch that join again.
  const view = build(
    {
      start: event,
      d: { kind: 'decision', work: 2, wait: 0 },
      short: { work: 5, wait: 0 },
      long1: { lane: 'B', work: 10, wait: 100 },
      long2: { lane: 'B', work: 20, wait: 0, value: 'value_adding' },
      join: { work: 3, wait: 0 },
      end: endEvent,
    },
    ['start>d', 'd>short', 'd>long1', 'long1>long2', 'long2>join', 'short>join', 'join>end'],
  );
  const m = processMetrics(view);

  it('takes the longest start-to-end path by work plus wait', () => {
    expect(m.mainPath?.stepIds).toEqual(['start', 'd', 'long1', 'long2', 'join', 'end']);
    expect(m.leadTime.value).toBe(2 + 110 + 20 + 3);
    expect(m.workTime.value).toBe(35);
    expect(m.waitTime.value).toBe(100);
    expect(m.cycleEfficiency.value).toBeCloseTo(20 / 135, 10);
  });

  it('counts each lane crossing once, wherever it is', () => {
    expect(m.handoffs).toBe(2);
    expect(m.handoffFlowIds).toEqual(['d>long1', 'long2>join']);
  });

  it('picks the path with more time, not more steps', () => {
    const v = build(
      { start: event, quick1: { work: 1 }, quick2: { work: 1 }, quick3: { work: 1 }, slow: { work: 1, wait: 500 }, end: endEvent },
      ['start>quick1', 'quick1>quick2', 'quick2>quick3', 'quick3>end', 'start>slow', 'slow>end'],
    );
    expect(processMetrics(v).mainPath?.stepIds).toEqual(['start', 'slow', 'end']);
    expect(processMetrics(v).leadTime.value).toBe(501);
  });

  it('uses the longest of several ends', () => {
    const v = build(
      { start: event, a: { work: 5 }, b: { work: 50 }, endA: { ...endEvent }, endB: { ...endEvent } },
      ['start>a', 'a>endA', 'start>b', 'b>endB'],
    );
    const r = processMetrics(v);
    expect(r.mainPath?.stepIds).toEqual(['start', 'b', 'endB']);
    expect(r.leadTime.value).toBe(50);
  });
});

describe('rework loops (cycles)', () => {
  // start → a → check → b → end, with check → fix → a going back: one loop a, check, fix.
  const view = build(
    {
      start: event,
      a: { work: 10 },
      check: { kind: 'decision', work: 1 },
      fix: { lane: 'B', work: 30, wait: 120, value: 'waste' },
      b: { work: 5, value: 'value_adding' },
      end: endEvent,
    },
    ['start>a', 'a>check', 'check>fix', 'fix>a', 'check>b', 'b>end'],
  );
  const m = processMetrics(view);

  it('lists each loop with its steps in flow order, from where the rework re-enters', () => {
    expect(m.reworkLoops).toEqual([{ flowId: 'fix>a', stepIds: ['a', 'check', 'fix'] }]);
  });

  it('ignores the flow going back when measuring the lead time', () => {
    // The loop's own step (fix) is not between start and end once the back flow is ignored.
    expect(m.mainPath?.stepIds).toEqual(['start', 'a', 'check', 'b', 'end']);
    expect(m.leadTime.value).toBe(16);
    expect(m.cycleEfficiency.value).toBeCloseTo(5 / 16, 10);
  });

  it('counts a step that loops to itself and nested loops separately', () => {
    const v = build(
      { start: event, a: {}, b: {}, c: {}, end: endEvent },
      ['start>a', 'a>b', 'b>b', 'b>c', 'c>a', 'c>b', 'c>end'],
    );
    const loops = processMetrics(v).reworkLoops;
    expect(loops).toEqual([
      { flowId: 'b>b', stepIds: ['b'] },
      { flowId: 'c>a', stepIds: ['a', 'b', 'c'] },
      { flowId: 'c>b', stepIds: ['b', 'c'] },
    ]);
    expect(processMetrics(v).leadTime.value).toBe(30);
  });

  it('handles a process that is one big circle with no start or end', () => {
    const v = build({ a: {}, b: {}, c: {} }, ['a>b', 'b>c', 'c>a']);
    const r = processMetrics(v);
    expect(r.reworkLoops).toEqual([{ flowId: 'c>a', stepIds: ['a', 'b', 'c'] }]);
    expect(r.mainPath?.stepIds).toEqual(['a', 'b', 'c']);
    expect(r.leadTime.value).toBe(30);
  });
});

describe('missing timings', () => {
  it('gives no lead time, with the steps named, when a step on the path has no work time', () => {
    const v = build({ start: event, a: { work: 10 }, b: { work: null }, end: endEvent }, ['start>a', 'a>b', 'b>end']);
    const m = processMetrics(v);
    expect(m.leadTime.value).toBeNull();
    expect(said(m.leadTime.reason)).toContain('1 step between start and end has no work or wait time: “b”');
    expect(m.workTime.value).toBeNull();
    expect(said(m.workTime.reason)).toContain('no work time: “b”');
    // Work is missing but all waits are known; the wait along the path still depends on which path is longest.
    expect(m.waitTime.value).toBeNull();
    expect(said(m.waitTime.reason)).toContain('The longest path is not known yet');
    expect(m.cycleEfficiency.value).toBeNull();
    expect(m.missing.workMinutes).toEqual(['b']);
    expect(m.missing.waitMinutes).toEqual([]);
    // What is known is still offered, as a lower bound.
    expect(m.mainPath?.knownMinutes).toBe(10);
    expect(m.mainPath?.certain).toBe(false);
  });

  it('gives no lead time when a step on another branch has no timings, because that branch could be the longest', () => {
    const v = build(
      { start: event, timed: { work: 100 }, untimed: { work: null, wait: null }, end: endEvent },
      ['start>timed', 'timed>end', 'start>untimed', 'untimed>end'],
    );
    const m = processMetrics(v);
    expect(m.mainPath?.stepIds).toEqual(['start', 'timed', 'end']);
    expect(m.mainPath?.knownMinutes).toBe(100);
    expect(m.leadTime.value).toBeNull();
    expect(said(m.leadTime.reason)).toContain('“untimed”');
    expect(m.missing.waitMinutes).toEqual(['untimed']);
    expect(m.blocking).toEqual({ timings: ['untimed'], valueClass: [] });
  });

  it('ignores missing timings on steps that are not between start and end', () => {
    const v = build({ start: event, a: { work: 7 }, stray: { work: null, wait: null }, end: endEvent }, ['start>a', 'a>end']);
    const m = processMetrics(v);
    expect(m.leadTime.value).toBe(7);
    expect(m.missing.workMinutes).toEqual(['stray']);
    expect(m.blocking).toEqual({ timings: [], valueClass: [] });
    expect(m.deadEndStepIds).toEqual(['stray']);
  });

  it('treats start and end as events and a wait step with no work as pure waiting', () => {
    const v = build(
      { start: event, w: { kind: 'wait', work: null, wait: 240, value: null }, a: { work: 10, value: 'value_adding' }, end: endEvent },
      ['start>w', 'w>a', 'a>end'],
    );
    const m = processMetrics(v);
    expect(m.leadTime.value).toBe(250);
    expect(m.waitTime.value).toBe(240);
    expect(m.cycleEfficiency.value).toBeCloseTo(10 / 250, 10);
    expect(m.missing).toEqual({ workMinutes: [], waitMinutes: [], valueClass: [] });
  });

  it('needs a wait time on a wait step', () => {
    const v = build({ start: event, w: { kind: 'wait', work: null, wait: null, value: null }, end: endEvent }, ['start>w', 'w>end']);
    const m = processMetrics(v);
    expect(m.leadTime.value).toBeNull();
    expect(said(m.waitTime.reason)).toContain('no wait time: “w”');
    expect(said(m.workTime.reason)).toContain('The longest path is not known yet');
  });

  it('gives no efficiency when a step on the main path has no value class, but keeps the lead time', () => {
    const v = build({ start: event, a: { work: 10, value: null }, b: { work: 10, value: 'value_adding' }, end: endEvent }, ['start>a', 'a>b', 'b>end']);
    const m = processMetrics(v);
    expect(m.leadTime.value).toBe(20);
    expect(m.valueAddingTime.value).toBeNull();
    expect(m.cycleEfficiency.value).toBeNull();
    expect(said(m.cycleEfficiency.reason)).toContain('1 step on the main path has no value class: “a”');
    expect(m.missing.valueClass).toEqual(['a']);
    expect(m.blocking).toEqual({ timings: [], valueClass: ['a'] });
  });

  it('does not divide by a zero lead time', () => {
    const v = build({ start: event, a: { work: 0, value: 'value_adding' }, end: endEvent }, ['start>a', 'a>end']);
    const m = processMetrics(v);
    expect(m.leadTime.value).toBe(0);
    expect(m.cycleEfficiency.value).toBeNull();
    expect(said(m.cycleEfficiency.reason)).toContain('zero');
  });

  it('names at most three steps and counts the rest', () => {
    const specs: Record<string, StepSpec> = { start: event, end: endEvent };
    const edges: string[] = [];
    let previous = 'start';
    for (const id of ['s1', 's2', 's3', 's4', 's5']) {
      specs[id] = { work: null };
      edges.push(`${previous}>${id}`);
      previous = id;
    }
    edges.push(`${previous}>end`);
    const m = processMetrics(build(specs, edges));
    expect(said(m.leadTime.reason)).toContain('5 steps between start and end have no work or wait time: “s1”, “s2”, “s3” and 2 more.');
  });
});

describe('shapes that are not finished yet', () => {
  it('says there are no steps yet', () => {
    const m = processMetrics(build({}, []));
    expect(m.stepCount).toBe(0);
    expect(m.mainPath).toBeNull();
    expect(m.leadTime).toEqual({ value: null, reason: msg('metric.noSteps') });
    expect(m.lanes.map((l) => l.name)).toEqual(['A', 'B', 'C']);
  });

  it('says when no path leads from a start to an end', () => {
    const m = processMetrics(build({ start: event, a: {}, end: endEvent }, ['start>a']));
    expect(m.mainPath).toBeNull();
    expect(said(m.leadTime.reason)).toBe('No path leads from a start to an end yet.');
    expect(m.deadEndStepIds).toEqual(['a']);
  });

  it('measures from where the drawing begins to where it stops when no start or end is marked', () => {
    const m = processMetrics(build({ a: { work: 3 }, b: { work: 4 } }, ['a>b']));
    expect(m.mainPath?.stepIds).toEqual(['a', 'b']);
    expect(m.leadTime.value).toBe(7);
    expect(m.deadEndStepIds).toEqual(['b']);
  });

  it('lists steps with no lane (or a deleted lane) and does not count their flows as handoffs', () => {
    const v = build({ start: event, a: { lane: null }, b: { lane: 'gone' }, c: { lane: 'B' }, end: endEvent }, ['start>a', 'a>b', 'b>c', 'c>end']);
    const m = processMetrics(v);
    expect(m.unassignedStepIds).toEqual(['a', 'b']);
    expect(m.handoffs).toBe(1);
    expect(m.handoffFlowIds).toEqual(['c>end']);
    expect(m.lanes.find((l) => l.laneId === null)).toEqual({ laneId: null, name: 'No lane', stepCount: 2, painPoints: 0, votes: 0 });
  });

  it('ignores flows that point at steps that are not in the view', () => {
    const v = build({ start: event, a: {}, end: endEvent }, ['start>a', 'a>end', 'a>ghost']);
    const m = processMetrics(v);
    expect(m.leadTime.value).toBe(10);
    expect(m.flowCount).toBe(3);
  });
});

describe('pain points and votes per lane', () => {
  const view = build(
    { start: event, a: {}, b: { lane: 'B' }, c: { lane: null }, end: { ...endEvent, lane: 'B' } },
    ['start>a', 'a>b', 'b>c', 'c>end'],
  );
  view.painPoints.push(
    pain('onStep', 'step', 'a'),
    pain('onFlow', 'flow', 'a>b'),
    pain('onLane', 'lane', 'C'),
    pain('onProcess', 'process', 'P'),
    pain('onUnassigned', 'step', 'c'),
    pain('onB', 'step', 'b'),
  );
  const votes = [vote('onStep', 2), vote('onFlow', 1, 'S1', 'p2'), vote('onB', 3, 'S2'), vote('onLane', 1), vote('elsewhere', 9), vote('onProcess', 4)];
  const m = processMetrics(view, votes);

  it('counts a flow against the lane that hands the work on, and process-wide ones against no lane', () => {
    const byLane = Object.fromEntries(m.lanes.map((l) => [l.name, [l.stepCount, l.painPoints, l.votes]]));
    expect(byLane).toEqual({ A: [2, 2, 3], B: [2, 1, 3], C: [0, 1, 1], 'No lane': [1, 1, 0] });
    expect(m.processPainPoints).toBe(1);
    expect(m.painPointCount).toBe(6);
  });

  it('counts only the votes for this process’s pain points', () => {
    expect(m.votes).toBe(2 + 1 + 3 + 1 + 4);
  });

  it('scales lane heat against the hottest lane', () => {
    const heat = laneHeat(m.lanes, 'painPoints');
    expect(heat.get('A')).toBe(1);
    expect(heat.get('B')).toBe(0.5);
    expect(heat.get(null)).toBe(0.5);
    expect(laneHeat(m.lanes, 'votes').get('C')).toBeCloseTo(1 / 3, 10);
    expect([...laneHeat([{ laneId: 'x', name: 'x', stepCount: 0, painPoints: 0, votes: 0 }], 'votes').values()]).toEqual([0]);
  });

  it('finds the lane of a pain point', () => {
    const steps = new Map(view.steps.map((s) => [s.id, s]));
    const flows = new Map(view.flows.map((f) => [f.id, f]));
    const lanes = new Set(['A', 'B', 'C']);
    expect(laneOfPainPoint(pain('x', 'flow', 'b>c'), steps, flows, lanes)).toEqual({ laneId: 'B' });
    expect(laneOfPainPoint(pain('x', 'step', 'missing'), steps, flows, lanes)).toBeNull();
    expect(laneOfPainPoint(pain('x', 'lane', 'nope'), steps, flows, lanes)).toBeNull();
  });
});

describe('votes and ranking', () => {
  const votes = [vote('x', 2), vote('y', 3, 'S1', 'p2'), vote('x', 1, 'S1', 'p3'), vote('z', 5, 'S2')];

  it('adds dots per pain point, for all sessions or one', () => {
    expect(Object.fromEntries(votesByPainPoint(votes))).toEqual({ x: 3, y: 3, z: 5 });
    expect(Object.fromEntries(votesByPainPoint(votes, 'S1'))).toEqual({ x: 3, y: 3 });
  });

  it('ranks by votes, ties sharing a rank and keeping their order', () => {
    const ranked = rankByVotes([{ id: 'w' }, { id: 'x' }, { id: 'y' }, { id: 'z' }], votesByPainPoint(votes, 'S1'));
    expect(ranked.map((r) => [r.painPoint.id, r.votes, r.rank])).toEqual([
      ['x', 3, 1],
      ['y', 3, 1],
      ['w', 0, 3],
      ['z', 0, 3],
    ]);
  });
});

describe('formatting', () => {
  it('writes minutes the way people say them', () => {
    expect(formatMinutes(0)).toBe('0 min');
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(60)).toBe('1 h');
    expect(formatMinutes(95)).toBe('1 h 35 min');
    expect(formatMinutes(1440)).toBe('1 d');
    expect(formatMinutes(20160)).toBe('14 d');
    expect(formatMinutes(4320 + 125)).toBe('3 d 2 h');
  });

  it('keeps a decimal for small percentages', () => {
    expect(formatPercent(0.0044)).toBe('0.4 %');
    expect(formatPercent(0.15)).toBe('15 %');
    expect(formatPercent(1)).toBe('100 %');
  });
});
