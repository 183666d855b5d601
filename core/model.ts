import { z } from 'zod';

/** Longest text a user may type into one field; generous enough for pasted transcripts. */
export const MAX_TEXT = 100_000;
export const MAX_NAME = 500;

export const Id = z.string().uuid();
export const Name = z.string().max(MAX_NAME);
export const Text = z.string().max(MAX_TEXT);
export const Score = z.number().int().min(1).max(5);
export const Minutes = z.number().finite().min(0).max(10_000_000);
export const Coord = z.number().finite().min(-1_000_000).max(1_000_000);

export const LANE_KINDS = ['role', 'team', 'system', 'partner'] as const;
export const STEP_KINDS = ['start', 'activity', 'decision', 'wait', 'end', 'subprocess'] as const;
export const VALUE_CLASSES = ['value_adding', 'necessary', 'waste'] as const;
export const WASTE_TYPES = [
  'handoff',
  'queue',
  'motion',
  'waiting',
  'overproduction',
  'overprocessing',
  'defect',
  'unused_skills',
] as const;
export const FOUR_PS = ['people', 'process', 'partners', 'products'] as const;
export const FREQUENCIES = ['rare', 'monthly', 'weekly', 'daily', 'constant'] as const;
export const RESISTANCE_SOURCES = ['failed_before', 'prefers_current', 'fears_blame', 'other'] as const;
export const HORIZONS = ['quick_win', 'next', 'later'] as const;
export const PAIN_TARGETS = ['step', 'flow', 'lane', 'process'] as const;
export const QUESTION_STATUSES = ['open', 'answered'] as const;
export const NEED_KINDS = ['training', 'communication'] as const;

export const LaneKind = z.enum(LANE_KINDS);
export const StepKind = z.enum(STEP_KINDS);
export const ValueClass = z.enum(VALUE_CLASSES);
export const WasteType = z.enum(WASTE_TYPES);
export const FourP = z.enum(FOUR_PS);
export const Frequency = z.enum(FREQUENCIES);
export const ResistanceSource = z.enum(RESISTANCE_SOURCES);
export const Horizon = z.enum(HORIZONS);
export const PainTarget = z.enum(PAIN_TARGETS);
export const QuestionStatus = z.enum(QUESTION_STATUSES);
export const NeedKind = z.enum(NEED_KINDS);

export const Engagement = z.object({
  id: Id,
  name: Name,
  client: Name,
  scope: Text,
  consultant: Name,
  departments: z.array(Name).max(100),
  createdAt: z.string(),
});

export const Session = z.object({
  id: Id,
  name: Name,
  date: z.string().max(40),
  facilitator: Name,
  notes: Text,
  participantIds: z.array(Id).max(500),
  position: z.number().int(),
});

export const Person = z.object({
  id: Id,
  name: Name,
  role: Name,
  team: Name,
  influence: Score.nullable(),
  sponsor: z.boolean(),
  champion: z.boolean(),
  awareness: Score.nullable(),
  commitment: Score.nullable(),
  readiness: Score.nullable(),
  reinforcement: Score.nullable(),
  resistance: ResistanceSource.nullable(),
  notes: Text,
  anonymise: z.boolean(),
});

export const Process = z.object({
  id: Id,
  name: Name,
  description: Text,
  department: Name,
  parentStepId: Id.nullable(),
  position: z.number().int(),
});

export const Lane = z.object({
  id: Id,
  processId: Id,
  name: Name,
  kind: LaneKind,
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  position: z.number().int(),
});

export const Step = z.object({
  id: Id,
  processId: Id,
  laneId: Id.nullable(),
  kind: StepKind,
  text: Text,
  x: Coord,
  y: Coord,
  description: Text,
  system: Name,
  workMinutes: Minutes.nullable(),
  waitMinutes: Minutes.nullable(),
  volume: Name,
  valueClass: ValueClass.nullable(),
  sessionId: Id.nullable(),
  subprocessId: Id.nullable(),
});

export const Flow = z.object({
  id: Id,
  processId: Id,
  sourceId: Id,
  targetId: Id,
  label: Name,
});

export const PainPoint = z.object({
  id: Id,
  processId: Id,
  targetKind: PainTarget,
  targetId: Id,
  number: z.number().int().min(1),
  text: Text,
  raisedBy: Id.nullable(),
  sessionId: Id.nullable(),
  waste: WasteType.nullable(),
  fourP: FourP.nullable(),
  severity: Score.nullable(),
  frequency: Frequency.nullable(),
  notes: Text,
});

export const Quote = z.object({
  id: Id,
  processId: Id.nullable(),
  stepId: Id.nullable(),
  text: Text,
  personId: Id.nullable(),
  sessionId: Id.nullable(),
});

export const Question = z.object({
  id: Id,
  processId: Id.nullable(),
  stepId: Id.nullable(),
  text: Text,
  status: QuestionStatus,
  answer: Text,
});

export const Observation = z.object({
  id: Id,
  text: Text,
  fourP: FourP.nullable(),
  personId: Id.nullable(),
  sessionId: Id.nullable(),
});

export const Opportunity = z.object({
  id: Id,
  title: Name,
  description: Text,
  impact: Score.nullable(),
  effort: Score.nullable(),
  horizon: Horizon.nullable(),
  owner: Name,
  painPointIds: z.array(Id).max(1000),
});

export const Vote = z.object({
  id: Id,
  sessionId: Id,
  personId: Id,
  painPointId: Id,
  dots: z.number().int().min(0).max(100),
});

export const Need = z.object({
  id: Id,
  kind: NeedKind,
  text: Text,
  personId: Id.nullable(),
  laneId: Id.nullable(),
});

export type Engagement = z.infer<typeof Engagement>;
export type Session = z.infer<typeof Session>;
export type Person = z.infer<typeof Person>;
export type Process = z.infer<typeof Process>;
export type Lane = z.infer<typeof Lane>;
export type Step = z.infer<typeof Step>;
export type Flow = z.infer<typeof Flow>;
export type PainPoint = z.infer<typeof PainPoint>;
export type Quote = z.infer<typeof Quote>;
export type Question = z.infer<typeof Question>;
export type Observation = z.infer<typeof Observation>;
export type Opportunity = z.infer<typeof Opportunity>;
export type Vote = z.infer<typeof Vote>;
export type Need = z.infer<typeof Need>;
export type LaneKind = z.infer<typeof LaneKind>;
export type StepKind = z.infer<typeof StepKind>;

/** Everything the canvas needs to draw one process, in one read. */
export const ProcessView = z.object({
  process: Process,
  breadcrumbs: z.array(z.object({ id: Id, name: Name })),
  lanes: z.array(Lane),
  steps: z.array(Step),
  flows: z.array(Flow),
  painPoints: z.array(PainPoint),
  questions: z.array(Question),
  quotes: z.array(Quote),
});
export type ProcessView = z.infer<typeof ProcessView>;

export const ProcessSummary = Process.extend({
  stepCount: z.number().int(),
  laneCount: z.number().int(),
  painPointCount: z.number().int(),
});
export type ProcessSummary = z.infer<typeof ProcessSummary>;

export const EngagementView = z.object({
  path: z.string(),
  readOnly: z.boolean(),
  /** Something the user should know about how the file was opened (e.g. what recovery saved). */
  notice: z.string().optional(),
  engagement: Engagement,
  processes: z.array(ProcessSummary),
  sessions: z.array(Session),
  people: z.array(Person),
});
export type EngagementView = z.infer<typeof EngagementView>;

export const EngagementCounts = z.object({
  processes: z.number().int(),
  steps: z.number().int(),
  painPoints: z.number().int(),
  people: z.number().int(),
});
export type EngagementCounts = z.infer<typeof EngagementCounts>;

export { LANE_COLORS } from './palette';
