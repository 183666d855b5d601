import type { Message } from './messages';
import { processMetrics, type ProcessMetrics } from './metrics';
import type { Engagement, Flow, Lane, Need, Observation, Opportunity, PainPoint, Person, Process, Question, Quote, RecordChange, RecordOf, Session, Step, TableName, Vote, VoteRound } from './records';
import { TABLE_NAMES } from './records';
import { buildRegister, type RegisterRow } from './register';

/**
 * The engagement as the renderer holds it: every record by id, plus per-process buckets so a
 * change to one process rebuilds that process's view and metrics only. Pure and immutable: a
 * change makes a new snapshot that shares everything it did not touch. The tests derive their
 * views with the same functions the renderer uses.
 */
export type Tables = { readonly [N in TableName]: ReadonlyMap<string, RecordOf<N>> };
export type WireRecords = { [N in TableName]: RecordOf<N>[] };

/** Everything drawn in one process; replaced (a new object) whenever any of it changes. */
export interface ProcessBucket {
  readonly lanes: readonly Lane[];
  readonly steps: readonly Step[];
  readonly flows: readonly Flow[];
  readonly painPoints: readonly PainPoint[];
  readonly questions: readonly Question[];
  readonly quotes: readonly Quote[];
}

export interface Snapshot {
  readonly tables: Tables;
  readonly buckets: ReadonlyMap<string, ProcessBucket>;
}

const BUCKETED = { lanes: 'lanes', steps: 'steps', flows: 'flows', pain_points: 'painPoints', questions: 'questions', quotes: 'quotes' } as const;
type BucketedTable = keyof typeof BUCKETED;

function isBucketed(table: TableName): table is BucketedTable {
  return table in BUCKETED;
}

const EMPTY_BUCKET: ProcessBucket = { lanes: [], steps: [], flows: [], painPoints: [], questions: [], quotes: [] };

function ordered(bucket: ProcessBucket): ProcessBucket {
  return {
    ...bucket,
    lanes: [...bucket.lanes].sort((a, b) => a.position - b.position),
    painPoints: [...bucket.painPoints].sort((a, b) => a.number - b.number),
  };
}

export function snapshotOf(records: WireRecords): Snapshot {
  const tables = Object.fromEntries(TABLE_NAMES.map((table) => [table, new Map(records[table].map((r) => [r.id, r]))])) as unknown as Tables;
  const buckets = new Map<string, { [K in keyof ProcessBucket]: ProcessBucket[K][number][] }>();
  for (const table of TABLE_NAMES) {
    if (!isBucketed(table)) continue;
    for (const record of records[table]) {
      const processId = (record as { processId: string | null }).processId;
      if (!processId) continue;
      let bucket = buckets.get(processId);
      if (!bucket) buckets.set(processId, (bucket = { lanes: [], steps: [], flows: [], painPoints: [], questions: [], quotes: [] }));
      (bucket[BUCKETED[table]] as unknown[]).push(record);
    }
  }
  return { tables, buckets: new Map([...buckets].map(([id, b]) => [id, ordered(b)])) };
}

/** The snapshot after a command's (or an undo's) changes, applied in order. */
export function applyChanges(snapshot: Snapshot, changes: readonly RecordChange[]): Snapshot {
  if (changes.length === 0) return snapshot;
  const tables: Record<string, Map<string, unknown>> = { ...(snapshot.tables as unknown as Record<string, Map<string, unknown>>) };
  const copied = new Set<string>();
  const buckets = new Map(snapshot.buckets);
  const touched = new Map<string, { [K in keyof ProcessBucket]: ProcessBucket[K][number][] }>();
  const bucketFor = (processId: string) => {
    let bucket = touched.get(processId);
    if (!bucket) {
      const current = buckets.get(processId) ?? EMPTY_BUCKET;
      bucket = { lanes: [...current.lanes], steps: [...current.steps], flows: [...current.flows], painPoints: [...current.painPoints], questions: [...current.questions], quotes: [...current.quotes] };
      touched.set(processId, bucket);
    }
    return bucket;
  };
  for (const change of changes) {
    if (!copied.has(change.table)) {
      tables[change.table] = new Map(tables[change.table]);
      copied.add(change.table);
    }
    const table = tables[change.table] as Map<string, unknown>;
    if (change.after) table.set(change.id, change.after);
    else table.delete(change.id);
    if (!isBucketed(change.table)) continue;
    const key = BUCKETED[change.table];
    const beforeProcess = (change.before as { processId?: string | null } | null)?.processId ?? null;
    const afterProcess = (change.after as { processId?: string | null } | null)?.processId ?? null;
    if (beforeProcess && beforeProcess !== afterProcess) {
      const list = bucketFor(beforeProcess)[key] as { id: string }[];
      const at = list.findIndex((r) => r.id === change.id);
      if (at >= 0) list.splice(at, 1);
    }
    if (afterProcess && change.after) {
      const list = bucketFor(afterProcess)[key] as unknown[];
      const at = (list as { id: string }[]).findIndex((r) => r.id === change.id);
      if (at >= 0) list[at] = change.after;
      else list.push(change.after);
    }
  }
  for (const [processId, bucket] of touched) {
    if (!tables['processes']?.has(processId)) buckets.delete(processId);
    else buckets.set(processId, ordered(bucket));
  }
  return { tables: tables as unknown as Tables, buckets };
}

export function all<N extends TableName>(snapshot: Snapshot, table: N): RecordOf<N>[] {
  return [...snapshot.tables[table].values()];
}

export function engagementOf(snapshot: Snapshot): Engagement | null {
  return snapshot.tables.engagement.values().next().value ?? null;
}

/** Everything the canvas needs to draw one process. */
export interface ProcessView {
  process: Process;
  breadcrumbs: { id: string; name: string }[];
  lanes: Lane[];
  steps: Step[];
  flows: Flow[];
  painPoints: PainPoint[];
  questions: Question[];
  quotes: Quote[];
}

export interface ProcessSummary extends Process {
  stepCount: number;
  laneCount: number;
  painPointCount: number;
}

/** The open file and what is in it, as the shell's header and side bar show it. */
export interface EngagementView {
  path: string;
  readOnly: boolean;
  /** Something the user should know about how the file was opened (e.g. what recovery saved). */
  notice?: Message;
  engagement: Engagement;
  processes: ProcessSummary[];
  sessions: Session[];
  people: Person[];
}

function breadcrumbs(snapshot: Snapshot, process: Process): { id: string; name: string }[] {
  const trail: { id: string; name: string }[] = [];
  const seen = new Set([process.id]);
  let parentStepId = process.parentStepId;
  while (parentStepId) {
    const step = snapshot.tables.steps.get(parentStepId);
    const parent = step ? snapshot.tables.processes.get(step.processId) : undefined;
    if (!parent || seen.has(parent.id)) break;
    seen.add(parent.id);
    trail.unshift({ id: parent.id, name: parent.name });
    parentStepId = parent.parentStepId;
  }
  return trail;
}

const views = new WeakMap<ProcessBucket, { process: Process; view: ProcessView }>();

/** One process's view; the same object until something in that process (or its name) changes. */
export function processView(snapshot: Snapshot, id: string): ProcessView | null {
  const process = snapshot.tables.processes.get(id);
  if (!process) return null;
  const bucket = snapshot.buckets.get(id) ?? EMPTY_BUCKET;
  const cached = bucket === EMPTY_BUCKET ? undefined : views.get(bucket);
  const trail = breadcrumbs(snapshot, process);
  if (cached && cached.process === process && sameTrail(cached.view.breadcrumbs, trail)) return cached.view;
  const view: ProcessView = {
    process,
    breadcrumbs: trail,
    lanes: [...bucket.lanes],
    steps: [...bucket.steps],
    flows: [...bucket.flows],
    painPoints: [...bucket.painPoints],
    questions: [...bucket.questions],
    quotes: [...bucket.quotes],
  };
  if (bucket !== EMPTY_BUCKET) views.set(bucket, { process, view });
  return view;
}

function sameTrail(a: readonly { id: string; name: string }[], b: readonly { id: string; name: string }[]): boolean {
  return a.length === b.length && a.every((crumb, i) => crumb.id === b[i]?.id && crumb.name === b[i]?.name);
}

/** Processes in the side bar's order, with their counts. */
export function processSummaries(snapshot: Snapshot): ProcessSummary[] {
  return all(snapshot, 'processes')
    .sort((a, b) => a.position - b.position)
    .map((p) => {
      const bucket = snapshot.buckets.get(p.id) ?? EMPTY_BUCKET;
      return { ...p, stepCount: bucket.steps.length, laneCount: bucket.lanes.length, painPointCount: bucket.painPoints.length };
    });
}

export function sessionsOf(snapshot: Snapshot): Session[] {
  return all(snapshot, 'sessions').sort((a, b) => a.position - b.position || a.date.localeCompare(b.date));
}

export function peopleOf(snapshot: Snapshot): Person[] {
  return all(snapshot, 'people').sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
}

/** A step's name and place, so lists of steps (loops, missing timings) can be read without the canvas. */
export interface StepRef {
  id: string;
  processId: string;
  text: string;
  kind: Step['kind'];
}

/** Everything the analysis views show, for the whole engagement. */
export interface AnalysisView {
  register: RegisterRow[];
  votes: Vote[];
  voteRounds: VoteRound[];
  opportunities: Opportunity[];
  observations: Observation[];
  needs: Need[];
  lanes: Lane[];
  steps: StepRef[];
  metrics: ProcessMetrics[];
}

const metricsCache = new WeakMap<ProcessView, { votes: ReadonlyMap<string, Vote>; metrics: ProcessMetrics }>();

/** A process's metrics, recomputed only when the process or the votes changed. */
export function metricsOf(snapshot: Snapshot, view: ProcessView): ProcessMetrics {
  const votes = snapshot.tables.votes;
  const cached = metricsCache.get(view);
  if (cached && cached.votes === votes) return cached.metrics;
  const metrics = processMetrics(view, [...votes.values()]);
  metricsCache.set(view, { votes, metrics });
  return metrics;
}

export function processViews(snapshot: Snapshot): ProcessView[] {
  return processSummaries(snapshot).flatMap((p) => processView(snapshot, p.id) ?? []);
}

export function registerOf(snapshot: Snapshot, views: readonly ProcessView[] = processViews(snapshot)): RegisterRow[] {
  return buildRegister({
    processes: views.map((v) => v.process),
    lanes: views.flatMap((v) => v.lanes),
    steps: views.flatMap((v) => v.steps),
    flows: views.flatMap((v) => v.flows),
    painPoints: views.flatMap((v) => v.painPoints),
    votes: all(snapshot, 'votes'),
    people: all(snapshot, 'people'),
  });
}

export function analysisOf(snapshot: Snapshot): AnalysisView {
  const views = processViews(snapshot);
  return {
    register: registerOf(snapshot, views),
    votes: all(snapshot, 'votes'),
    voteRounds: all(snapshot, 'vote_rounds').sort((a, b) => a.startedAt.localeCompare(b.startedAt)),
    opportunities: all(snapshot, 'opportunities'),
    observations: all(snapshot, 'observations'),
    needs: all(snapshot, 'needs'),
    lanes: views.flatMap((v) => v.lanes),
    steps: views.flatMap((v) => v.steps.map((s) => ({ id: s.id, processId: s.processId, text: s.text, kind: s.kind }))),
    metrics: views.map((v) => metricsOf(snapshot, v)),
  };
}
