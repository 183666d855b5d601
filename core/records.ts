import {
  FOUR_PS,
  FREQUENCIES,
  HORIZONS,
  LANE_KINDS,
  NEED_KINDS,
  PAIN_TARGETS,
  QUESTION_STATUSES,
  RESISTANCE_SOURCES,
  STEP_KINDS,
  VALUE_CLASSES,
  WASTE_TYPES,
  LANE_COLORS,
  type StepKind,
} from './vocabulary';

/**
 * One definition per record. Everything else about a record is derived from its entry here: the
 * TypeScript type (RecordOf), the zod schemas of the record and of its create and patch inputs
 * (core/schema.ts), the table's column map (db/tables.ts), the defaults new records start from,
 * and for steps what travels on the clipboard. Adding a field to a record is a migration, a line
 * here, and the views that show it.
 *
 * Plain data on purpose: the renderer needs defaults and field lists, and must not carry zod.
 */
export type FieldKind =
  | 'id'
  | 'text'
  | 'name'
  | 'enum'
  | 'int'
  | 'score'
  | 'minutes'
  | 'coord'
  | 'bool'
  | 'ids'
  | 'names'
  | 'color'
  | 'date'
  | 'timestamp';

/**
 * Who sets a field: 'edit' the user, when creating and later; 'create' the creator only (the
 * process a lane belongs to); 'app' Shoshin itself (ids, numbering, positions, links it keeps).
 */
export type SetBy = 'edit' | 'create' | 'app';

/** One field. The type parameters carry, for the compiler, its value type and flags. */
export interface Field<T, S extends SetBy = SetBy, D extends boolean = boolean, C extends boolean = boolean> {
  readonly kind: FieldKind;
  readonly nullable: boolean;
  /** What a new record gets when its creator says nothing; undefined means the creator must say. */
  readonly default: T | undefined;
  readonly set: S;
  /** Text that must not be empty or only spaces (such fields have no default). */
  readonly required: boolean;
  /** Travels with a copied step (steps only). */
  readonly clipboard: C;
  readonly values?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  /** Type carrier only; never set. */
  readonly __types?: { value: T; defaulted: D };
}

interface Spec<T> {
  kind: FieldKind;
  default?: T | undefined;
  set?: SetBy;
  required?: boolean;
  clipboard?: boolean;
  values?: readonly string[];
  min?: number;
  max?: number;
}

function make<T, S extends SetBy, D extends boolean, C extends boolean>(spec: Spec<T>): Field<T, S, D, C> {
  return {
    kind: spec.kind,
    nullable: false,
    default: spec.default,
    set: (spec.set ?? 'edit') as S,
    required: spec.required ?? false,
    clipboard: (spec.clipboard ?? false) as C,
    ...(spec.values ? { values: spec.values } : {}),
    ...(spec.min !== undefined ? { min: spec.min } : {}),
    ...(spec.max !== undefined ? { max: spec.max } : {}),
  };
}

/** The same field, also accepting null; null is its default. */
function nullable<T, S extends SetBy = 'edit', C extends boolean = false>(inner: Field<T, SetBy, boolean, C>, o: { set?: S } = {}): Field<T | null, S, true, C> {
  return { ...(inner as unknown as Field<T | null, S, true, C>), nullable: true, default: null, set: (o.set ?? inner.set) as S };
}

const id = () => make<string, 'app', false, false>({ kind: 'id', set: 'app' });
/** A reference given once, at creation (the process a lane belongs to, the steps a flow joins). */
const link = () => make<string, 'create', false, false>({ kind: 'id', set: 'create' });
const ref = () => make<string, 'edit', false, false>({ kind: 'id' });
const text = <C extends boolean = false>(o: { clipboard?: C } = {}) => make<string, 'edit', true, C>({ kind: 'text', default: '', ...o });
const name = <C extends boolean = false>(o: { clipboard?: C } = {}) => make<string, 'edit', true, C>({ kind: 'name', default: '', ...o });
/** Text the user must give, and may not blank out later. */
const requiredText = () => make<string, 'edit', false, false>({ kind: 'text', required: true });
const requiredName = () => make<string, 'edit', false, false>({ kind: 'name', required: true });
function oneOf<V extends string>(values: readonly V[]): Field<V, 'edit', false, false>;
function oneOf<V extends string>(values: readonly V[], o: { default: V; clipboard?: boolean }): Field<V, 'edit', true, boolean>;
function oneOf<V extends string>(values: readonly V[], o: { set: 'create' }): Field<V, 'create', false, false>;
function oneOf<V extends string>(values: readonly V[], o: { default?: V; clipboard?: boolean; set?: SetBy } = {}): Field<V> {
  return make<V, SetBy, boolean, boolean>({ kind: 'enum', values, ...o });
}
const score = () => nullable(make<number, 'edit', false, false>({ kind: 'score' }));
const bool = () => make<boolean, 'edit', true, false>({ kind: 'bool', default: false });
const position = () => make<number, 'app', true, false>({ kind: 'int', default: 0, set: 'app' });
const timestamp = () => make<string, 'app', false, false>({ kind: 'timestamp', set: 'app' });

export const RECORDS = {
  engagement: {
    id: id(),
    name: requiredName(),
    client: name(),
    scope: text(),
    objectives: text(),
    consultant: name(),
    departments: make<string[], 'edit', true, false>({ kind: 'names', default: [], max: 100 }),
    createdAt: timestamp(),
  },
  sessions: {
    id: id(),
    name: requiredName(),
    date: make<string, 'edit', true, false>({ kind: 'date', default: '' }),
    facilitator: name(),
    notes: text(),
    participantIds: make<string[], 'edit', true, false>({ kind: 'ids', default: [], max: 500 }),
    position: position(),
  },
  people: {
    id: id(),
    name: requiredName(),
    role: name(),
    team: name(),
    influence: score(),
    sponsor: bool(),
    champion: bool(),
    awareness: score(),
    commitment: score(),
    readiness: score(),
    reinforcement: score(),
    resistance: nullable(oneOf(RESISTANCE_SOURCES)),
    notes: text(),
    anonymise: bool(),
  },
  processes: {
    id: id(),
    name: requiredName(),
    description: text(),
    department: name(),
    parentStepId: nullable(ref(), { set: 'app' }),
    position: position(),
  },
  lanes: {
    id: id(),
    processId: link(),
    name: requiredName(),
    kind: oneOf(LANE_KINDS, { default: 'role' }),
    color: make<string, 'edit', true, false>({ kind: 'color', default: LANE_COLORS[0] }),
    position: position(),
  },
  steps: {
    id: id(),
    processId: link(),
    laneId: nullable(ref()),
    kind: oneOf(STEP_KINDS, { default: 'activity', clipboard: true }) as Field<StepKind, 'edit', true, true>,
    text: text({ clipboard: true }),
    x: make<number, 'edit', false, true>({ kind: 'coord', clipboard: true }),
    y: make<number, 'edit', false, true>({ kind: 'coord', clipboard: true }),
    description: text({ clipboard: true }),
    system: name({ clipboard: true }),
    workMinutes: nullable(make<number, 'edit', false, true>({ kind: 'minutes', clipboard: true })),
    waitMinutes: nullable(make<number, 'edit', false, true>({ kind: 'minutes', clipboard: true })),
    volume: name({ clipboard: true }),
    valueClass: nullable(oneOf(VALUE_CLASSES)),
    sessionId: nullable(ref()),
    subprocessId: nullable(ref(), { set: 'app' }),
  },
  flows: {
    id: id(),
    processId: link(),
    sourceId: link(),
    targetId: link(),
    label: name(),
  },
  pain_points: {
    id: id(),
    processId: link(),
    targetKind: oneOf(PAIN_TARGETS, { set: 'create' }),
    targetId: link(),
    number: make<number, 'app', false, false>({ kind: 'int', set: 'app', min: 1 }),
    text: requiredText(),
    raisedBy: nullable(ref()),
    sessionId: nullable(ref()),
    waste: nullable(oneOf(WASTE_TYPES)),
    fourP: nullable(oneOf(FOUR_PS)),
    severity: score(),
    frequency: nullable(oneOf(FREQUENCIES)),
    notes: text(),
  },
  votes: {
    id: id(),
    sessionId: link(),
    personId: link(),
    painPointId: link(),
    dots: make<number, 'edit', false, false>({ kind: 'int', min: 0, max: 100 }),
  },
  vote_rounds: {
    id: id(),
    sessionId: link(),
    dotsPerPerson: make<number, 'edit', false, false>({ kind: 'int', min: 1, max: 20 }),
    revealed: bool(),
    startedAt: timestamp(),
  },
  quotes: {
    id: id(),
    processId: nullable(link()),
    stepId: nullable(ref()),
    text: requiredText(),
    personId: nullable(ref()),
    sessionId: nullable(ref()),
  },
  questions: {
    id: id(),
    processId: nullable(link()),
    stepId: nullable(ref()),
    text: requiredText(),
    status: oneOf(QUESTION_STATUSES, { default: 'open' }),
    answer: text(),
  },
  observations: {
    id: id(),
    text: requiredText(),
    fourP: nullable(oneOf(FOUR_PS)),
    personId: nullable(ref()),
    sessionId: nullable(ref()),
  },
  opportunities: {
    id: id(),
    title: requiredName(),
    description: text(),
    impact: score(),
    effort: score(),
    horizon: nullable(oneOf(HORIZONS)),
    owner: name(),
    painPointIds: make<string[], 'edit', true, false>({ kind: 'ids', default: [], max: 1000 }),
  },
  needs: {
    id: id(),
    kind: oneOf(NEED_KINDS),
    text: requiredText(),
    personId: nullable(ref()),
    laneId: nullable(ref()),
  },
};

export type TableName = keyof typeof RECORDS;
export const TABLE_NAMES = Object.keys(RECORDS) as TableName[];

type Def<N extends TableName> = (typeof RECORDS)[N];
type ValueOf<F> = F extends Field<infer T, SetBy, boolean, boolean> ? T : never;

/** The TypeScript type of one table's records. */
export type RecordOf<N extends TableName> = { -readonly [K in keyof Def<N>]: ValueOf<Def<N>[K]> };

type KeysWhere<N extends TableName, Shape> = Extract<{ [K in keyof Def<N>]: Def<N>[K] extends Shape ? K : never }[keyof Def<N>], string>;

/** The fields an update command may change. */
export type EditableKey<N extends TableName> = KeysWhere<N, { readonly set: 'edit' }>;
/** The fields a creator may give (Shoshin sets the rest). */
export type CreatableKey<N extends TableName> = KeysWhere<N, { readonly set: 'edit' | 'create' }>;
/** The fields a new record gets a value for without being told. */
export type DefaultedKey<N extends TableName> = KeysWhere<N, { readonly __types?: { defaulted: true } }>;
export type ClipboardKey = KeysWhere<'steps', { readonly clipboard: true }>;

export type PatchOf<N extends TableName> = Partial<Pick<RecordOf<N>, EditableKey<N>>>;
/** What a creator gives: what has no default is required, the rest optional. */
export type CreateOf<N extends TableName> = Pick<RecordOf<N>, Exclude<CreatableKey<N>, DefaultedKey<N>>> &
  Partial<Pick<RecordOf<N>, Extract<CreatableKey<N>, DefaultedKey<N>>>>;

export type Engagement = RecordOf<'engagement'>;
export type Session = RecordOf<'sessions'>;
export type Person = RecordOf<'people'>;
export type Process = RecordOf<'processes'>;
export type Lane = RecordOf<'lanes'>;
export type Step = RecordOf<'steps'>;
export type Flow = RecordOf<'flows'>;
export type PainPoint = RecordOf<'pain_points'>;
export type Vote = RecordOf<'votes'>;
export type VoteRound = RecordOf<'vote_rounds'>;
export type Quote = RecordOf<'quotes'>;
export type Question = RecordOf<'questions'>;
export type Observation = RecordOf<'observations'>;
export type Opportunity = RecordOf<'opportunities'>;
export type Need = RecordOf<'needs'>;
export type AnyRecord = RecordOf<TableName>;

export function fieldsOf(table: TableName): [string, Field<unknown>][] {
  return Object.entries(RECORDS[table]) as [string, Field<unknown>][];
}

export function editableKeys<N extends TableName>(table: N): EditableKey<N>[] {
  return fieldsOf(table)
    .filter(([, f]) => f.set === 'edit')
    .map(([key]) => key as EditableKey<N>);
}

export function creatableKeys<N extends TableName>(table: N): CreatableKey<N>[] {
  return fieldsOf(table)
    .filter(([, f]) => f.set !== 'app')
    .map(([key]) => key as CreatableKey<N>);
}

/** Copies of the defaults, so no two records share an array. */
function fresh<T>(value: T): T {
  return Array.isArray(value) ? ([...value] as T) : value;
}

/** Every field that has a default, with it. */
export function defaultsOf<N extends TableName>(table: N): Pick<RecordOf<N>, DefaultedKey<N>> {
  const out: Record<string, unknown> = {};
  for (const [key, f] of fieldsOf(table)) if (f.default !== undefined) out[key] = fresh(f.default);
  return out as Pick<RecordOf<N>, DefaultedKey<N>>;
}

/** The defaults of what a creator may give: where a form for a new record starts. */
export function creatableDefaults<N extends TableName>(table: N): Pick<RecordOf<N>, Extract<CreatableKey<N>, DefaultedKey<N>>> {
  const out: Record<string, unknown> = {};
  for (const [key, f] of fieldsOf(table)) if (f.set !== 'app' && f.default !== undefined) out[key] = fresh(f.default);
  return out as Pick<RecordOf<N>, Extract<CreatableKey<N>, DefaultedKey<N>>>;
}

/**
 * A whole record: what the caller gives (the creator's fields plus what Shoshin sets) over the
 * defaults. Keys the record does not have are dropped, so nothing unknown reaches a table.
 */
export function newRecord<N extends TableName>(table: N, given: Omit<RecordOf<N>, DefaultedKey<N>> & Partial<RecordOf<N>>): RecordOf<N> {
  const record: Record<string, unknown> = { ...defaultsOf(table) };
  const fields = RECORDS[table] as Record<string, Field<unknown>>;
  for (const [key, value] of Object.entries(given)) if (value !== undefined && key in fields) record[key] = value;
  return record as RecordOf<N>;
}

export const CLIPBOARD_STEP_KEYS = fieldsOf('steps')
  .filter(([, f]) => f.clipboard)
  .map(([key]) => key as ClipboardKey);

/** What the change of one record looked like: before and after as records (null where it did not exist). */
export type RecordChange = {
  [N in TableName]: { table: N; id: string; before: RecordOf<N> | null; after: RecordOf<N> | null };
}[TableName];
