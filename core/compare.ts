import { backFlows, flowGraph, topologicalOrder, withoutFlows } from './graph';
import type { Flow, Lane, Step, StepMatch } from './records';

/**
 * Documented versus observed: pairs the steps of the client's documented procedure with the steps
 * people showed, by what the steps say and who does them, with the consultant's corrections
 * taking precedence, and names the differences without judging them.
 */

export interface CompareSide {
  lanes: readonly Lane[];
  steps: readonly Step[];
  flows: readonly Flow[];
}

export interface StepPair {
  documentedId: string;
  observedId: string;
  /** 0..1: how alike the two steps read (1 for a pair the consultant set). */
  score: number;
  corrected: boolean;
}

export interface Comparison {
  pairs: StepPair[];
  /** Observed steps with no documented counterpart: done but not documented. */
  notDocumented: string[];
  /** Documented steps nobody showed: documented but not done. */
  notDone: string[];
  /** Pairs done by a lane of another name than the documented one. */
  otherRole: { documentedId: string; observedId: string; documentedLane: string; observedLane: string }[];
  /** Pairs done out of the documented sequence. */
  otherOrder: { documentedId: string; observedId: string }[];
  /** Flows that pass work from one lane to another, on each side. */
  handoffs: { documented: number; observed: number };
  /** Rework loops, on each side. */
  loops: { documented: number; observed: number };
}

/** Lowest likeness at which two steps are paired without the consultant saying so. */
export const MATCH_THRESHOLD = 0.5;

function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 1 && !STOP.has(w))
    .map((w) => w.replace(/(ing|ed|es|s)$/, ''));
}

const STOP = new Set(['the', 'a', 'an', 'of', 'to', 'and', 'or', 'for', 'in', 'on', 'by', 'with', 'is', 'it', 'be', 'if']);

function bigrams(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const s = ` ${text} `;
  for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** How alike two step texts read, 0..1: the better of shared words and shared letter pairs. */
export function similarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.length === 0 || wb.length === 0) return 0;
  const setB = new Set(wb);
  const shared = new Set(wa.filter((w) => setB.has(w))).size;
  const byWords = (2 * shared) / (new Set(wa).size + setB.size);
  const ga = bigrams(wa.join(' '));
  const gb = bigrams(wb.join(' '));
  let common = 0;
  let total = 0;
  for (const [g, n] of ga) {
    common += Math.min(n, gb.get(g) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  const byLetters = total === 0 ? 0 : (2 * common) / total;
  return Math.max(byWords, byLetters);
}

function laneNames(side: CompareSide): Map<string, string> {
  const names = new Map(side.lanes.map((l) => [l.id, l.name.trim().replace(/\s+/g, ' ').toLocaleLowerCase()]));
  return new Map(side.steps.map((s) => [s.id, (s.laneId && names.get(s.laneId)) || '']));
}

/** Steps worth pairing: what people do, not the unnamed starts and ends around it. */
function comparable(side: CompareSide): Step[] {
  return side.steps.filter((s) => s.text.trim() !== '');
}

/** Each step's place in the flow from the start (loops left out), for showing both sides in one order. */
export function sequence(side: CompareSide): Map<string, number> {
  const graph = flowGraph(side.steps, side.flows);
  const order = topologicalOrder(withoutFlows(graph, backFlows(graph).backFlowIds));
  const rank = new Map(order.map((id, i) => [id, i]));
  // Steps the flow does not reach keep their drawing order (left to right).
  const rest = [...side.steps].filter((s) => !rank.has(s.id)).sort((a, b) => a.x - b.x);
  for (const s of rest) rank.set(s.id, rank.size);
  return rank;
}

function handoffsOf(side: CompareSide): number {
  const lanes = laneNames(side);
  return side.flows.filter((f) => lanes.has(f.sourceId) && lanes.has(f.targetId) && lanes.get(f.sourceId) !== lanes.get(f.targetId)).length;
}

/** Indices of a longest increasing run (not necessarily contiguous) in `values`. */
function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array<number>(values.length).fill(-1);
  values.forEach((v, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((values[tails[mid] as number] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1] as number;
    tails[lo] = i;
  });
  const keep = new Set<number>();
  for (let i = tails[tails.length - 1] ?? -1; i >= 0; i = previous[i] as number) keep.add(i);
  return keep;
}

export function compareProcesses(documented: CompareSide, observed: CompareSide, corrections: readonly Pick<StepMatch, 'documentedStepId' | 'observedStepId'>[] = []): Comparison {
  const docLanes = laneNames(documented);
  const obsLanes = laneNames(observed);
  const docIds = new Set(documented.steps.map((s) => s.id));
  const obsIds = new Set(observed.steps.map((s) => s.id));
  const pairs: StepPair[] = [];
  const takenDoc = new Set<string>();
  const takenObs = new Set<string>();
  for (const c of corrections) {
    const d = c.documentedStepId && docIds.has(c.documentedStepId) ? c.documentedStepId : null;
    const o = c.observedStepId && obsIds.has(c.observedStepId) ? c.observedStepId : null;
    if (d) takenDoc.add(d);
    if (o) takenObs.add(o);
    if (d && o) pairs.push({ documentedId: d, observedId: o, score: 1, corrected: true });
  }
  const candidates: StepPair[] = [];
  for (const d of comparable(documented)) {
    if (takenDoc.has(d.id)) continue;
    for (const o of comparable(observed)) {
      if (takenObs.has(o.id)) continue;
      const text = similarity(d.text, o.text);
      if (text < MATCH_THRESHOLD - 0.05) continue;
      // The same role tips a close call; the words decide.
      const sameLane = docLanes.get(d.id) !== '' && docLanes.get(d.id) === obsLanes.get(o.id);
      const score = Math.min(1, text * 0.85 + (sameLane ? 0.15 : 0) + (d.kind === o.kind ? 0.05 : 0));
      if (score >= MATCH_THRESHOLD) candidates.push({ documentedId: d.id, observedId: o.id, score, corrected: false });
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  for (const c of candidates) {
    if (takenDoc.has(c.documentedId) || takenObs.has(c.observedId)) continue;
    takenDoc.add(c.documentedId);
    takenObs.add(c.observedId);
    pairs.push(c);
  }
  const pairedDoc = new Set(pairs.map((p) => p.documentedId));
  const pairedObs = new Set(pairs.map((p) => p.observedId));

  const docRank = sequence(documented);
  const obsRank = sequence(observed);
  const inDocOrder = [...pairs].sort((a, b) => (docRank.get(a.documentedId) ?? 0) - (docRank.get(b.documentedId) ?? 0));
  const keep = longestIncreasing(inDocOrder.map((p) => obsRank.get(p.observedId) ?? 0));
  const laneLabel = (side: CompareSide, id: string) => side.lanes.find((l) => l.id === side.steps.find((s) => s.id === id)?.laneId)?.name ?? '';

  return {
    pairs: inDocOrder,
    notDocumented: comparable(observed)
      .filter((s) => !pairedObs.has(s.id))
      .map((s) => s.id),
    notDone: comparable(documented)
      .filter((s) => !pairedDoc.has(s.id))
      .map((s) => s.id),
    otherRole: inDocOrder
      .filter((p) => docLanes.get(p.documentedId) !== '' && obsLanes.get(p.observedId) !== '' && docLanes.get(p.documentedId) !== obsLanes.get(p.observedId))
      .map((p) => ({ documentedId: p.documentedId, observedId: p.observedId, documentedLane: laneLabel(documented, p.documentedId), observedLane: laneLabel(observed, p.observedId) })),
    otherOrder: inDocOrder.filter((_, i) => !keep.has(i)).map((p) => ({ documentedId: p.documentedId, observedId: p.observedId })),
    handoffs: { documented: handoffsOf(documented), observed: handoffsOf(observed) },
    loops: { documented: backFlows(flowGraph(documented.steps, documented.flows)).loops.length, observed: backFlows(flowGraph(observed.steps, observed.flows)).loops.length },
  };
}
