import { backFlows, flowGraph, topologicalOrder, withoutFlows, type FlowGraph, type ReworkLoop } from './graph';
import { format, msg, quotedList, type Message, type MessageKey } from './messages';
import type { Flow, Lane, PainPoint, Step, Vote } from './model';

/**
 * Process metrics computed from the drawn flow. Pure functions: the canvas, the metrics panel,
 * the comparison table and the Word report all read the same numbers.
 *
 * Honesty rule: a number that depends on timings or classifications the consultant has not
 * entered yet is `null` with a sentence saying what is missing, never a silently wrong value.
 */

/** A measured value, or why it cannot be measured yet. */
export type Measure = { value: number; reason: null } | { value: null; reason: Message };

/** The parts of a process view the metrics read; a full ProcessView fits. */
export interface MetricsInput {
  process: { id: string; name: string };
  lanes: readonly Lane[];
  steps: readonly Step[];
  flows: readonly Flow[];
  painPoints: readonly PainPoint[];
}

export interface LaneLoad {
  /** null for the "No lane" row: steps whose lane is unset or was deleted. */
  laneId: string | null;
  /** The lane's name; for the "No lane" row, English for the documents (the UI says it with t('lane.none')). */
  name: string;
  stepCount: number;
  painPoints: number;
  votes: number;
}

export interface MainPath {
  stepIds: string[];
  flowIds: string[];
  /** Work + wait of the path's steps that have timings: a lower bound on the real lead time. */
  knownMinutes: number;
  /** True when every step that could lie on the longest path has its timings, so the path is the real one. */
  certain: boolean;
}

/** Which steps lack what; start and end steps are events and never need timings. */
export interface MissingData {
  workMinutes: string[];
  waitMinutes: string[];
  valueClass: string[];
}

export interface ProcessMetrics {
  processId: string;
  processName: string;
  stepCount: number;
  flowCount: number;
  /** Flows whose two steps sit in different lanes. */
  handoffs: number;
  handoffFlowIds: string[];
  /** The longest start-to-end path by work + wait, with flows that loop back ignored; null when no start reaches an end. */
  mainPath: MainPath | null;
  workTime: Measure;
  waitTime: Measure;
  leadTime: Measure;
  valueAddingTime: Measure;
  /** Value-adding work time / lead time, between 0 and 1. */
  cycleEfficiency: Measure;
  reworkLoops: ReworkLoop[];
  lanes: LaneLoad[];
  painPointCount: number;
  /** Pain points pinned to the process as a whole, which belong to no lane. */
  processPainPoints: number;
  votes: number;
  /** Steps with no owner lane. */
  unassignedStepIds: string[];
  /** Steps other than an end that lead nowhere. */
  deadEndStepIds: string[];
  missing: MissingData;
  /** What keeps the time measures unknown: steps between start and end without timings, main-path steps without a value class. */
  blocking: { timings: string[]; valueClass: string[] };
}

const isEvent = (step: Step): boolean => step.kind === 'start' || step.kind === 'end';

/** A wait step is waiting by definition: no work time entered means none was done. */
function workOf(step: Step): number | null {
  if (isEvent(step)) return 0;
  if (step.workMinutes === null && step.kind === 'wait') return 0;
  return step.workMinutes;
}

function waitOf(step: Step): number | null {
  return isEvent(step) ? 0 : step.waitMinutes;
}

function needsValueClass(step: Step): boolean {
  return !isEvent(step) && step.kind !== 'wait';
}

function isValueAdding(step: Step): boolean {
  return step.valueClass === 'value_adding';
}

/** Dots per pain point, optionally for one session only. */
export function votesByPainPoint(votes: readonly Vote[], sessionId?: string): Map<string, number> {
  const totals = new Map<string, number>();
  for (const vote of votes) {
    if (sessionId !== undefined && vote.sessionId !== sessionId) continue;
    totals.set(vote.painPointId, (totals.get(vote.painPointId) ?? 0) + vote.dots);
  }
  return totals;
}

export interface RankedPainPoint<P extends { id: string }> {
  painPoint: P;
  votes: number;
  /** 1 for the most votes; pain points with equal votes share a rank. */
  rank: number;
}

/** Pain points by votes, most first; ties keep their given order and share a rank. */
export function rankByVotes<P extends { id: string }>(painPoints: readonly P[], votes: ReadonlyMap<string, number>): RankedPainPoint<P>[] {
  const sorted = painPoints
    .map((painPoint, index) => ({ painPoint, votes: votes.get(painPoint.id) ?? 0, index }))
    .sort((a, b) => b.votes - a.votes || a.index - b.index);
  const ranked: RankedPainPoint<P>[] = [];
  sorted.forEach((entry, i) => {
    const previous = ranked[i - 1];
    const rank = previous && previous.votes === entry.votes ? previous.rank : i + 1;
    ranked.push({ painPoint: entry.painPoint, votes: entry.votes, rank });
  });
  return ranked;
}

type StepGraph = FlowGraph<Step, Flow>;

/** Steps a path starts from and ends at: start and end steps, or where the drawing begins and stops if none are marked. */
function terminals(forward: StepGraph): { sources: string[]; sinks: string[] } {
  const starts = forward.order.filter((id) => forward.steps.get(id)?.kind === 'start');
  const ends = forward.order.filter((id) => forward.steps.get(id)?.kind === 'end');
  return {
    sources: starts.length > 0 ? starts : forward.order.filter((id) => (forward.incoming.get(id) ?? []).length === 0),
    sinks: ends.length > 0 ? ends : forward.order.filter((id) => (forward.out.get(id) ?? []).length === 0),
  };
}

function reachable(from: readonly string[], next: (id: string) => readonly string[]): Set<string> {
  const seen = new Set(from);
  const queue = [...from];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    for (const n of next(id)) {
      if (seen.has(n)) continue;
      seen.add(n);
      queue.push(n);
    }
  }
  return seen;
}

function names(steps: readonly Step[]): Message {
  return quotedList(steps.map((s) => s.text || msg('metric.untitledStep')), 3);
}

/** One sentence per thing missing and per number: "1 step … has", "3 steps … have". */
const LACKING = {
  workTime: { one: 'metric.missing.workTime.one', other: 'metric.missing.workTime.other' },
  waitTime: { one: 'metric.missing.waitTime.one', other: 'metric.missing.waitTime.other' },
  timings: { one: 'metric.missing.timings.one', other: 'metric.missing.timings.other' },
} as const satisfies Record<string, { one: MessageKey; other: MessageKey }>;

function counted(keys: { one: MessageKey; other: MessageKey }, steps: readonly Step[]): Message {
  return msg(steps.length === 1 ? keys.one : keys.other, { count: steps.length, steps: names(steps) });
}

interface PathResult {
  path: MainPath | null;
  /** Steps on some start-to-end path; their timings decide which path is longest. */
  relevant: Step[];
}

/** The longest start-to-end path by known work + wait over `forward`, the graph without its back flows. */
function longestPath(forward: StepGraph): PathResult {
  const { sources, sinks } = terminals(forward);
  const fromSource = reachable(sources, (id) => (forward.out.get(id) ?? []).map((f) => f.targetId));
  const toSink = reachable(sinks, (id) => (forward.incoming.get(id) ?? []).map((f) => f.sourceId));
  const relevant = forward.order.filter((id) => fromSource.has(id) && toSink.has(id));
  const relevantSet = new Set(relevant);
  const sourceSet = new Set(sources);

  const known = (step: Step): number => (workOf(step) ?? 0) + (waitOf(step) ?? 0);
  const best = new Map<string, { minutes: number; via: Flow | null }>();
  for (const id of topologicalOrder(forward)) {
    if (!relevantSet.has(id)) continue;
    const step = forward.steps.get(id) as Step;
    let entry: { minutes: number; via: Flow | null } | null = sourceSet.has(id) ? { minutes: known(step), via: null } : null;
    for (const f of forward.incoming.get(id) ?? []) {
      const before = best.get(f.sourceId);
      if (!before) continue;
      const minutes = before.minutes + known(step);
      if (!entry || minutes > entry.minutes) entry = { minutes, via: f };
    }
    if (entry) best.set(id, entry);
  }
  let end: string | null = null;
  for (const id of sinks) {
    const entry = best.get(id);
    if (entry && (end === null || entry.minutes > (best.get(end)?.minutes ?? -1))) end = id;
  }
  const relevantSteps = relevant.map((id) => forward.steps.get(id) as Step);
  if (end === null) return { path: null, relevant: relevantSteps };
  const stepIds: string[] = [];
  const flowIds: string[] = [];
  let cursor: string | null = end;
  while (cursor !== null) {
    stepIds.unshift(cursor);
    const via: Flow | null = best.get(cursor)?.via ?? null;
    if (via) flowIds.unshift(via.id);
    cursor = via ? via.sourceId : null;
  }
  const certain = relevantSteps.every((s) => workOf(s) !== null && waitOf(s) !== null);
  return { path: { stepIds, flowIds, knownMinutes: best.get(end)?.minutes ?? 0, certain }, relevant: relevantSteps };
}

function timeMeasures(
  path: MainPath | null,
  relevant: readonly Step[],
  steps: Map<string, Step>,
): Pick<ProcessMetrics, 'workTime' | 'waitTime' | 'leadTime' | 'valueAddingTime' | 'cycleEfficiency' | 'blocking'> {
  const none = (reason: Message): Measure => ({ value: null, reason });
  if (!path) {
    const reason = msg(steps.size === 0 ? 'metric.noSteps' : 'metric.noPath');
    const blocking = { timings: [], valueClass: [] };
    return { workTime: none(reason), waitTime: none(reason), leadTime: none(reason), valueAddingTime: none(reason), cycleEfficiency: none(reason), blocking };
  }
  const onPath = path.stepIds.map((id) => steps.get(id) as Step);
  const noWork = relevant.filter((s) => workOf(s) === null);
  const noWait = relevant.filter((s) => waitOf(s) === null);
  const untimed = relevant.filter((s) => workOf(s) === null || waitOf(s) === null);
  const sum = (f: (s: Step) => number | null) => onPath.reduce((total, s) => total + (f(s) ?? 0), 0);
  // Which path is longest depends on every step between start and end, so each of them needs both timings.
  const alongPath = (own: readonly Step[], what: keyof typeof LACKING, value: () => number): Measure => {
    if (own.length > 0) return none(counted(LACKING[what], own));
    if (untimed.length > 0) return none(msg('metric.longestPathUnknown', { reason: counted(LACKING.timings, untimed) }));
    return { value: value(), reason: null };
  };
  const workTime = alongPath(noWork, 'workTime', () => sum(workOf));
  const waitTime = alongPath(noWait, 'waitTime', () => sum(waitOf));
  const leadTime = alongPath(untimed, 'timings', () => sum(workOf) + sum(waitOf));

  const unclassified = onPath.filter((s) => needsValueClass(s) && s.valueClass === null);
  let valueAddingTime: Measure;
  if (leadTime.value === null) valueAddingTime = none(leadTime.reason);
  else if (unclassified.length > 0) {
    valueAddingTime = none(counted({ one: 'metric.unclassified.one', other: 'metric.unclassified.other' }, unclassified));
  } else valueAddingTime = { value: onPath.filter(isValueAdding).reduce((t, s) => t + (workOf(s) ?? 0), 0), reason: null };

  let cycleEfficiency: Measure;
  if (valueAddingTime.value === null) cycleEfficiency = none(valueAddingTime.reason);
  else if (!leadTime.value) cycleEfficiency = none(msg('metric.zeroLeadTime'));
  else cycleEfficiency = { value: valueAddingTime.value / leadTime.value, reason: null };

  const blocking = { timings: untimed.map((s) => s.id), valueClass: unclassified.map((s) => s.id) };
  return { workTime, waitTime, leadTime, valueAddingTime, cycleEfficiency, blocking };
}

/** The lane a pain point counts against: its step's or flow source's lane, or the lane itself; process-wide ones count against none. */
export function laneOfPainPoint(
  pain: Pick<PainPoint, 'targetKind' | 'targetId'>,
  steps: ReadonlyMap<string, Pick<Step, 'laneId'>>,
  flows: ReadonlyMap<string, Pick<Flow, 'sourceId'>>,
  laneIds: ReadonlySet<string>,
): { laneId: string | null } | null {
  const known = (laneId: string | null | undefined) => ({ laneId: laneId && laneIds.has(laneId) ? laneId : null });
  switch (pain.targetKind) {
    case 'process':
      return null;
    case 'lane':
      return laneIds.has(pain.targetId) ? { laneId: pain.targetId } : null;
    case 'step': {
      const step = steps.get(pain.targetId);
      return step ? known(step.laneId) : null;
    }
    case 'flow': {
      // A flow is a hand-over; it weighs on the lane that hands the work on.
      const flow = flows.get(pain.targetId);
      const source = flow ? steps.get(flow.sourceId) : undefined;
      return source ? known(source.laneId) : null;
    }
  }
}

/** Every metric for one process. `votes` may hold the whole engagement's votes; only this process's pain points count. */
export function processMetrics(view: MetricsInput, votes: readonly Vote[] = []): ProcessMetrics {
  const graph = flowGraph(view.steps, view.flows);
  const laneIds = new Set(view.lanes.map((l) => l.id));
  const laneOf = (step: Step | undefined): string | null => (step?.laneId && laneIds.has(step.laneId) ? step.laneId : null);

  const handoffFlowIds: string[] = [];
  for (const flows of graph.out.values()) {
    for (const f of flows) {
      const a = laneOf(graph.steps.get(f.sourceId));
      const b = laneOf(graph.steps.get(f.targetId));
      if (a !== null && b !== null && a !== b) handoffFlowIds.push(f.id);
    }
  }
  const handoffOrder = new Map(view.flows.map((f, i) => [f.id, i]));
  handoffFlowIds.sort((x, y) => (handoffOrder.get(x) ?? 0) - (handoffOrder.get(y) ?? 0));

  const { backFlowIds, loops } = backFlows(graph);
  const { path, relevant } = longestPath(withoutFlows(graph, backFlowIds));

  const painIds = new Set(view.painPoints.map((p) => p.id));
  const dots = votesByPainPoint(votes.filter((v) => painIds.has(v.painPointId)));
  const flowsById = new Map(view.flows.map((f) => [f.id, f]));
  const ordered = [...view.lanes].sort((a, b) => a.position - b.position);
  const loads = new Map<string | null, LaneLoad>(ordered.map((l) => [l.id, { laneId: l.id, name: l.name, stepCount: 0, painPoints: 0, votes: 0 }]));
  const noLane = (): LaneLoad => {
    let load = loads.get(null);
    if (!load) {
      load = { laneId: null, name: format(msg('lane.none')), stepCount: 0, painPoints: 0, votes: 0 };
      loads.set(null, load);
    }
    return load;
  };
  for (const step of view.steps) {
    const id = laneOf(step);
    (id === null ? noLane() : (loads.get(id) as LaneLoad)).stepCount++;
  }
  let processPainPoints = 0;
  for (const pain of view.painPoints) {
    const lane = laneOfPainPoint(pain, graph.steps, flowsById, laneIds);
    if (!lane) {
      processPainPoints++;
      continue;
    }
    const load = lane.laneId === null ? noLane() : (loads.get(lane.laneId) as LaneLoad);
    load.painPoints++;
    load.votes += dots.get(pain.id) ?? 0;
  }

  return {
    processId: view.process.id,
    processName: view.process.name,
    stepCount: view.steps.length,
    flowCount: view.flows.length,
    handoffs: handoffFlowIds.length,
    handoffFlowIds,
    mainPath: path,
    ...timeMeasures(path, relevant, graph.steps),
    reworkLoops: loops,
    lanes: [...loads.values()],
    painPointCount: view.painPoints.length,
    processPainPoints,
    votes: [...dots.values()].reduce((a, b) => a + b, 0),
    unassignedStepIds: view.steps.filter((s) => laneOf(s) === null).map((s) => s.id),
    deadEndStepIds: view.steps.filter((s) => s.kind !== 'end' && (graph.out.get(s.id) ?? []).length === 0).map((s) => s.id),
    missing: {
      workMinutes: view.steps.filter((s) => workOf(s) === null).map((s) => s.id),
      waitMinutes: view.steps.filter((s) => waitOf(s) === null).map((s) => s.id),
      valueClass: view.steps.filter((s) => needsValueClass(s) && s.valueClass === null).map((s) => s.id),
    },
  };
}

export type HeatBasis = 'painPoints' | 'votes';

/** Each lane's share of the hottest lane's load, 0..1, for the heat overlay; all zero when nothing is pinned. */
export function laneHeat(lanes: readonly LaneLoad[], basis: HeatBasis): Map<string | null, number> {
  const max = lanes.reduce((m, l) => Math.max(m, l[basis]), 0);
  return new Map(lanes.map((l) => [l.laneId, max === 0 ? 0 : l[basis] / max]));
}

/** Minutes as people say them: "45 min", "1 h 35 min", "3 d 2 h". A day is 24 hours, as on a calendar. */
export function duration(minutes: number): Message {
  const total = Math.round(minutes);
  if (total < 60) return msg('unit.minutes', { minutes: total });
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  if (days > 0) return hours > 0 ? msg('unit.daysHours', { days, hours }) : msg('unit.days', { days });
  return mins > 0 ? msg('unit.hoursMinutes', { hours, minutes: mins }) : msg('unit.hours', { hours });
}

/** A ratio as a percentage with one decimal below 10 %, so a 0.4 % efficiency does not read as 0 %. */
export function percentage(ratio: number): Message {
  const pct = ratio * 100;
  return msg('unit.percent', { percent: pct < 10 ? pct.toFixed(1) : Math.round(pct) });
}

/** A duration in English, for the documents Shoshin writes (the report stays English). */
export function formatMinutes(minutes: number): string {
  return format(duration(minutes));
}

/** A percentage in English, for the documents Shoshin writes. */
export function formatPercent(ratio: number): string {
  return format(percentage(ratio));
}
