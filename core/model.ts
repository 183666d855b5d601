import { z } from 'zod';
import {
  creatableKeys,
  editableKeys,
  fieldsOf,
  RECORDS,
  type CreateOf,
  type Field,
  type PatchOf,
  type RecordChange,
  type RecordOf,
  type TableName,
} from './records';
import { format, msg } from './messages';
import { MAX_MINUTES } from './duration';
import { LANE_KINDS, MAX_NAME, MAX_TEXT, STEP_KINDS } from './vocabulary';

export * from './vocabulary';
export type { AnyRecord, RecordChange, RecordOf, TableName } from './records';
export type { EngagementView, ProcessSummary, ProcessView } from './views';

/**
 * The zod side of the records in core/records.ts: the schemas the contract validates with, all
 * derived from the one definition there. Only main, db and tests import this module; the
 * renderer takes the types and plain helpers from core/records.ts.
 */
export const Id = z.string().uuid();
export const Name = z.string().max(MAX_NAME);
export const Text = z.string().max(MAX_TEXT);
export const Score = z.number().int().min(1).max(5);
export const Minutes = z.number().finite().min(0).max(MAX_MINUTES);
export const Coord = z.number().finite().min(-1_000_000).max(1_000_000);
export const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/);
export const LaneKind = z.enum(LANE_KINDS);
export type LaneKind = z.infer<typeof LaneKind>;
export const StepKind = z.enum(STEP_KINDS);
export type StepKind = z.infer<typeof StepKind>;

/** A name or text the user must give: not empty, not only spaces. */
function nonBlank(schema: z.ZodString): z.ZodType<string> {
  return schema.refine((value) => value.trim().length > 0, { message: format(msg('error.input.blank')) });
}

/** A name the user must give where one is asked for beyond the records (a lane typed as "Role: text"). */
export const NonBlankName = nonBlank(Name);
/** Text the user must give: not empty, not only spaces. */
export const NonBlankText = nonBlank(Text);

function valueSchema(f: Field<unknown>, asInput: boolean): z.ZodType {
  let schema: z.ZodType;
  switch (f.kind) {
    case 'id':
      schema = Id;
      break;
    case 'text':
      schema = asInput && f.required ? nonBlank(Text) : Text;
      break;
    case 'name':
      schema = asInput && f.required ? nonBlank(Name) : Name;
      break;
    case 'enum':
      schema = z.enum(f.values as [string, ...string[]]);
      break;
    case 'int': {
      let n = z.number().int();
      if (f.min !== undefined) n = n.min(f.min);
      if (f.max !== undefined) n = n.max(f.max);
      schema = n;
      break;
    }
    case 'score':
      schema = Score;
      break;
    case 'minutes':
      schema = Minutes;
      break;
    case 'coord':
      schema = Coord;
      break;
    case 'bool':
      schema = z.boolean();
      break;
    case 'ids':
      schema = z.array(Id).max(f.max ?? 1000);
      break;
    case 'names':
      schema = z.array(Name).max(f.max ?? 100);
      break;
    case 'color':
      schema = HexColor;
      break;
    case 'date':
      schema = z.string().max(40);
      break;
    case 'timestamp':
      schema = z.string().max(40);
      break;
  }
  return f.nullable ? schema.nullable() : schema;
}

/** Typed both ways: these schemas take and give exactly the record's values. */
type Exact<T> = z.ZodType<T, T>;
/** What a create command takes beyond the record; nothing when there is nothing. */
type Extra<E extends z.ZodRawShape> = keyof E extends never ? unknown : z.infer<z.ZodObject<E>>;
type Shape<N extends TableName> = { [K in keyof RecordOf<N>]: Exact<RecordOf<N>[K]> };

/** The record as stored and as every reply carries it. */
export function recordSchema<N extends TableName>(table: N): z.ZodObject<Shape<N>> {
  return z.object(Object.fromEntries(fieldsOf(table).map(([key, f]) => [key, valueSchema(f, false)]))) as unknown as z.ZodObject<Shape<N>>;
}

/** What an update command may send: any of the editable fields, nothing else. */
export function patchSchema<N extends TableName>(table: N): Exact<PatchOf<N>> {
  const fields = RECORDS[table] as Record<string, Field<unknown>>;
  const shape = Object.fromEntries(editableKeys(table).map((key) => [key, valueSchema(fields[key] as Field<unknown>, true).optional()]));
  return z.object(shape).strict() as unknown as Exact<PatchOf<N>>;
}

/**
 * What a create command may send: the fields a creator gives, required where there is no
 * default. `extra` adds what a command needs beyond the record (where to connect a new step).
 */
export function createSchema<N extends TableName, E extends z.ZodRawShape = Record<never, never>>(
  table: N,
  extra: E = {} as E,
): Exact<CreateOf<N> & Extra<E>> {
  const fields = RECORDS[table] as Record<string, Field<unknown>>;
  const shape = Object.fromEntries(
    creatableKeys(table).map((key) => {
      const f = fields[key] as Field<unknown>;
      const schema = valueSchema(f, true);
      return [key, f.default === undefined ? schema : schema.optional()];
    }),
  );
  return z.object({ ...shape, ...extra }).strict() as unknown as Exact<CreateOf<N> & Extra<E>>;
}

export const Engagement = recordSchema('engagement');
export type Engagement = RecordOf<'engagement'>;
export const Session = recordSchema('sessions');
export type Session = RecordOf<'sessions'>;
export const Person = recordSchema('people');
export type Person = RecordOf<'people'>;
export const Process = recordSchema('processes');
export type Process = RecordOf<'processes'>;
export const Lane = recordSchema('lanes');
export type Lane = RecordOf<'lanes'>;
export const Step = recordSchema('steps');
export type Step = RecordOf<'steps'>;
export const Flow = recordSchema('flows');
export type Flow = RecordOf<'flows'>;
export const PainPoint = recordSchema('pain_points');
export type PainPoint = RecordOf<'pain_points'>;
export const Vote = recordSchema('votes');
export type Vote = RecordOf<'votes'>;
export const VoteRound = recordSchema('vote_rounds');
export type VoteRound = RecordOf<'vote_rounds'>;
export const Quote = recordSchema('quotes');
export type Quote = RecordOf<'quotes'>;
export const Question = recordSchema('questions');
export type Question = RecordOf<'questions'>;
export const Observation = recordSchema('observations');
export type Observation = RecordOf<'observations'>;
export const Opportunity = recordSchema('opportunities');
export type Opportunity = RecordOf<'opportunities'>;
export const Need = recordSchema('needs');
export type Need = RecordOf<'needs'>;
export const StepMatch = recordSchema('step_matches');
export type StepMatch = RecordOf<'step_matches'>;

/** Every table's record schema, by table name. */
export const TABLE_SCHEMAS: { [N in TableName]: Exact<RecordOf<N>> } = {
  engagement: Engagement,
  sessions: Session,
  people: Person,
  processes: Process,
  lanes: Lane,
  steps: Step,
  flows: Flow,
  pain_points: PainPoint,
  votes: Vote,
  vote_rounds: VoteRound,
  quotes: Quote,
  questions: Question,
  observations: Observation,
  opportunities: Opportunity,
  needs: Need,
  step_matches: StepMatch,
};

/** One record's change, checked against its own table's schema. */
export const RecordChangeSchema = z.discriminatedUnion(
  'table',
  Object.entries(TABLE_SCHEMAS).map(([table, schema]) =>
    z.object({ table: z.literal(table), id: z.string(), before: (schema as z.ZodType).nullable(), after: (schema as z.ZodType).nullable() }),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
) as unknown as Exact<RecordChange>;

/** Every record of an open engagement, table by table: what the renderer's store starts from. */
export const RecordsSchema = z.object(
  Object.fromEntries(Object.entries(TABLE_SCHEMAS).map(([table, schema]) => [table, z.array(schema as z.ZodType)])),
) as unknown as Exact<{ [N in TableName]: RecordOf<N>[] }>;
