import { z } from 'zod';
import {
  FourP,
  Frequency,
  Id,
  Lane,
  Name,
  Need,
  Observation,
  Opportunity,
  PainPoint,
  PainTarget,
  Person,
  Score,
  Session,
  Text,
  Vote,
  WasteType,
} from '../model';
import { Change, Empty, method } from './base';

/** What happens to a deleted step's pain points: they stay on the process, move to the step before, or go too. */
export const PAIN_POINT_FATES = ['keep', 'predecessor', 'delete'] as const;
export const PainPointFate = z.enum(PAIN_POINT_FATES);
export type PainPointFate = z.infer<typeof PainPointFate>;

/** The most dots one participant may hold in one vote: a wall of stickers, not a budget. */
export const MAX_DOTS = 20;

export const VoteRound = z.object({
  id: Id,
  sessionId: Id,
  dotsPerPerson: z.number().int().min(1).max(MAX_DOTS),
  revealed: z.boolean(),
  startedAt: z.string(),
});
export type VoteRound = z.infer<typeof VoteRound>;

export const RegisterRow = PainPoint.extend({
  processName: z.string(),
  laneId: Id.nullable(),
  laneName: z.string(),
  targetLabel: z.string(),
  raisedByName: z.string(),
  votes: z.number().int(),
});

const Measure = z.union([z.object({ value: z.number(), reason: z.null() }), z.object({ value: z.null(), reason: z.string() })]);
const Ids = z.array(z.string());

export const ProcessMetricsSchema = z.object({
  processId: Id,
  processName: z.string(),
  stepCount: z.number().int(),
  flowCount: z.number().int(),
  handoffs: z.number().int(),
  handoffFlowIds: Ids,
  mainPath: z.object({ stepIds: Ids, flowIds: Ids, knownMinutes: z.number(), certain: z.boolean() }).nullable(),
  workTime: Measure,
  waitTime: Measure,
  leadTime: Measure,
  valueAddingTime: Measure,
  cycleEfficiency: Measure,
  reworkLoops: z.array(z.object({ flowId: z.string(), stepIds: Ids })),
  lanes: z.array(z.object({ laneId: z.string().nullable(), name: z.string(), stepCount: z.number(), painPoints: z.number(), votes: z.number() })),
  painPointCount: z.number().int(),
  processPainPoints: z.number().int(),
  votes: z.number().int(),
  unassignedStepIds: Ids,
  deadEndStepIds: Ids,
  missing: z.object({ workMinutes: Ids, waitMinutes: Ids, valueClass: Ids }),
  blocking: z.object({ timings: Ids, valueClass: Ids }),
});

/** A step's name and place, so lists of steps (loops, missing timings) can be read without the canvas. */
export const StepRef = z.object({ id: Id, processId: Id, text: z.string(), kind: z.string() });
export type StepRef = z.infer<typeof StepRef>;

/** Everything the analysis views show, for the whole engagement, in one read. */
export const AnalysisView = z.object({
  register: z.array(RegisterRow),
  votes: z.array(Vote),
  voteRounds: z.array(VoteRound),
  opportunities: z.array(Opportunity),
  observations: z.array(Observation),
  needs: z.array(Need),
  lanes: z.array(Lane),
  steps: z.array(StepRef),
  metrics: z.array(ProcessMetricsSchema),
});
export type AnalysisView = z.infer<typeof AnalysisView>;

const PainPointPatch = z
  .object({
    text: Text.min(1),
    raisedBy: Id.nullable(),
    sessionId: Id.nullable(),
    waste: WasteType.nullable(),
    fourP: FourP.nullable(),
    severity: Score.nullable(),
    frequency: Frequency.nullable(),
    notes: Text,
  })
  .partial()
  .strict();

const OpportunityFields = Opportunity.omit({ id: true }).extend({ title: Name.min(1) }).strict();

// What a user may set on each record: the model's own fields without the id, names and texts required non-empty.
const PersonFields = Person.omit({ id: true }).extend({ name: Name.min(1) }).strict();
const SessionFields = Session.omit({ id: true, position: true }).extend({ name: Name.min(1) }).strict();
const ObservationFields = Observation.omit({ id: true }).extend({ text: Text.min(1) }).strict();
const NeedFields = Need.omit({ id: true }).extend({ text: Text.min(1) }).strict();

export const CSV_REGISTERS = ['painPoints', 'stakeholders'] as const;
export const CsvFile = z.object({ fileName: z.string(), csv: z.string() });
export type CsvFile = z.infer<typeof CsvFile>;

const ById = z.object({ id: Id }).strict();
const patchOf = <T extends z.ZodObject>(fields: T) => z.object({ id: Id, patch: fields.partial().strict() }).strict();

/** The analysis side: pain points, dot votes, opportunities, and the people side of change. */
export const analysisMethods = {
  'analysis.get': method('query', Empty, AnalysisView),

  'painPoint.add': method(
    'command',
    z
      .object({
        processId: Id,
        targetKind: PainTarget,
        targetId: Id,
        text: Text.min(1),
        raisedBy: Id.nullable().optional(),
        sessionId: Id.nullable().optional(),
      })
      .strict(),
    Change.extend({ painPoint: PainPoint }),
  ),
  'painPoint.update': method('command', z.object({ id: Id, patch: PainPointPatch }).strict(), Change),
  'painPoint.delete': method('command', ById, Change),

  'vote.start': method('command', z.object({ sessionId: Id, dotsPerPerson: z.number().int().min(1).max(MAX_DOTS) }).strict(), Change),
  'vote.setDots': method(
    'command',
    z.object({ sessionId: Id, personId: Id, painPointId: Id, dots: z.number().int().min(0).max(MAX_DOTS) }).strict(),
    Change,
  ),
  'vote.reveal': method('command', z.object({ sessionId: Id, revealed: z.boolean() }).strict(), Change),
  'vote.clear': method('command', z.object({ sessionId: Id }).strict(), Change),

  'opportunity.create': method('command', OpportunityFields.partial().required({ title: true }).strict(), Change.extend({ opportunity: Opportunity })),
  'opportunity.update': method('command', patchOf(OpportunityFields), Change),
  'opportunity.delete': method('command', ById, Change),

  'person.create': method('command', PersonFields.partial().required({ name: true }).strict(), Change.extend({ person: Person })),
  'person.update': method('command', patchOf(PersonFields), Change),
  'person.delete': method('command', ById, Change),

  'session.create': method('command', SessionFields.partial().required({ name: true }).strict(), Change.extend({ session: Session })),
  'session.update': method('command', patchOf(SessionFields), Change),
  'session.delete': method('command', ById, Change),

  'observation.create': method('command', ObservationFields.partial().required({ text: true }).strict(), Change.extend({ observation: Observation })),
  'observation.update': method('command', patchOf(ObservationFields), Change),
  'observation.delete': method('command', ById, Change),

  'need.create': method('command', NeedFields.partial().required({ kind: true, text: true }).strict(), Change.extend({ need: Need })),
  'need.update': method('command', patchOf(NeedFields), Change),
  'need.delete': method('command', ById, Change),

  'export.csv': method('query', z.object({ register: z.enum(CSV_REGISTERS), anonymise: z.boolean() }).strict(), CsvFile),
};
