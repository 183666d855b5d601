import { formatDuration, parseDuration, type DurationBasis, type DurationError } from '../../../core/duration';
import { backFlows, flowGraph, topologicalOrder, withoutFlows } from '../../../core/graph';
import type { Lane, PatchOf, Step } from '../../../core/records';
import { MAX_NAME, MAX_TEXT, STEP_KINDS, VALUE_CLASSES, type StepKind } from '../../../core/vocabulary';
import type { WorkMode } from '../mode';
import { t, type StringKey } from '../i18n';

/**
 * What the table of steps shows and how it reads what is typed or pasted into it. Pure, so the
 * grid component stays about keys and focus, and this stays testable.
 */
export type ColumnKey = 'laneId' | 'text' | 'kind' | 'system' | 'workMinutes' | 'waitMinutes' | 'volume' | 'valueClass';

export interface Column {
  key: ColumnKey;
  label: string;
  editor: 'text' | 'choice' | 'duration';
  basis?: DurationBasis;
}

const COLUMNS: readonly Column[] = [
  { key: 'laneId', label: t('analysis.grid.column.lane'), editor: 'choice' },
  { key: 'text', label: t('analysis.grid.column.text'), editor: 'text' },
  { key: 'kind', label: t('analysis.grid.column.kind'), editor: 'choice' },
  { key: 'system', label: t('analysis.grid.column.system'), editor: 'text' },
  { key: 'workMinutes', label: t('analysis.grid.column.workTime'), editor: 'duration', basis: 'work' },
  { key: 'waitMinutes', label: t('analysis.grid.column.waitTime'), editor: 'duration', basis: 'wait' },
  { key: 'volume', label: t('analysis.grid.column.volume'), editor: 'text' },
  { key: 'valueClass', label: t('analysis.grid.column.valueClass'), editor: 'choice' },
];

/** The columns for this way of working: judgement (value class) only when analysing, as in the step panel. */
export function columnsFor(mode: WorkMode): readonly Column[] {
  return mode === 'analyse' ? COLUMNS : COLUMNS.filter((c) => c.key !== 'valueClass');
}

/**
 * Steps in the order the story is told: along the flows from the start (loops left out, ties in
 * drawing order), so a step inserted between two others sits between them here too. Steps joined
 * to nothing come last.
 */
export function rowOrder(steps: readonly Step[], flows: readonly { id: string; sourceId: string; targetId: string }[]): Step[] {
  const graph = flowGraph(steps, flows);
  const { backFlowIds } = backFlows(graph);
  const ordered = topologicalOrder(withoutFlows(graph, backFlowIds));
  const joined = (id: string) => (graph.out.get(id)?.length ?? 0) + (graph.incoming.get(id)?.length ?? 0) > 0 || graph.steps.get(id)?.kind === 'start';
  const ids = [...ordered.filter(joined), ...ordered.filter((id) => !joined(id))];
  const seen = new Set(ids);
  for (const step of steps) if (!seen.has(step.id)) ids.push(step.id);
  return ids.flatMap((id) => graph.steps.get(id) ?? []);
}

const KIND_LABEL: Record<StepKind, StringKey> = {
  activity: 'capture.stepDetails.kind.activity',
  decision: 'capture.stepDetails.kind.decision',
  start: 'capture.stepDetails.kind.start',
  end: 'capture.stepDetails.kind.end',
  wait: 'capture.stepDetails.kind.wait',
  subprocess: 'capture.stepDetails.kind.subprocess',
};
const VALUE_LABEL: Record<(typeof VALUE_CLASSES)[number], StringKey> = {
  value_adding: 'capture.stepDetails.value.value_adding',
  necessary: 'capture.stepDetails.value.necessary',
  waste: 'capture.stepDetails.value.waste',
};

/** One option of a choice cell; `also` are other words people type or paste for it. */
export interface Choice {
  value: string | null;
  label: string;
  also?: readonly string[];
}

const KIND_ALSO: Partial<Record<StepKind, readonly string[]>> = {
  activity: ['task', 'step'],
  decision: ['gateway', 'question'],
  start: ['start event'],
  end: ['end event', 'stop'],
  subprocess: ['sub process'],
};
const VALUE_ALSO: Record<(typeof VALUE_CLASSES)[number], readonly string[]> = {
  value_adding: ['va', 'value', 'value added', 'customer value'],
  necessary: ['bva', 'nnva', 'business value adding', 'required', 'necessary non value adding'],
  waste: ['nva', 'non value adding', 'muda'],
};

/** Words compared without case, spaces, hyphens or underscores: "Sub-process" is "subprocess". */
export function squash(text: string): string {
  return text.toLocaleLowerCase().replace(/[\s\-_.]+/g, '');
}

/** A lane name as the database compares it: trimmed, single spaces, any case. */
function laneKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

export function choicesFor(key: ColumnKey, lanes: readonly Lane[]): Choice[] {
  if (key === 'laneId') return [...lanes.map((l) => ({ value: l.id, label: l.name })), { value: null, label: t('analysis.grid.noLane') }];
  if (key === 'kind') return STEP_KINDS.map((k) => ({ value: k, label: t(KIND_LABEL[k]), also: [k, ...(KIND_ALSO[k] ?? [])] }));
  if (key === 'valueClass') return [{ value: null, label: t('analysis.grid.notClassified') }, ...VALUE_CLASSES.map((v) => ({ value: v, label: t(VALUE_LABEL[v]), also: [v, ...VALUE_ALSO[v]] }))];
  return [];
}

/** The options that match what was typed: those starting with it first, then those containing it. */
export function matchingChoices(choices: readonly Choice[], typed: string): Choice[] {
  const wanted = squash(typed);
  if (!wanted) return [...choices];
  const words = (c: Choice) => [c.label, ...(c.also ?? [])].map(squash);
  const starts = choices.filter((c) => words(c).some((w) => w.startsWith(wanted)));
  const contains = choices.filter((c) => !starts.includes(c) && words(c).some((w) => w.includes(wanted)));
  return [...starts, ...contains];
}

/** The text a cell shows. */
export function cellText(step: Step, column: Column, lanes: ReadonlyMap<string, Lane>): string {
  switch (column.key) {
    case 'laneId':
      return step.laneId ? (lanes.get(step.laneId)?.name ?? '') : '';
    case 'kind':
      return t(KIND_LABEL[step.kind]);
    case 'valueClass':
      return step.valueClass ? t(VALUE_LABEL[step.valueClass]) : '';
    case 'workMinutes':
    case 'waitMinutes':
      return formatDuration(step[column.key], column.basis ?? 'work');
    default:
      return step[column.key];
  }
}

/** What a cell's text means for its step: a patch (and for a lane nobody has yet, its name), or why it cannot be read. */
export type CellReading = { ok: true; patch: PatchOf<'steps'>; laneName?: string } | { ok: false; message: string };

const DURATION_MESSAGES: Record<DurationError, StringKey> = {
  format: 'analysis.grid.invalid.duration',
  unit: 'analysis.grid.invalid.unit',
  negative: 'analysis.grid.invalid.negative',
  tooLong: 'analysis.grid.invalid.tooLong',
  repeated: 'analysis.grid.invalid.repeated',
};

/** Why a time cannot be read, in a sentence that says what would work. */
export function durationMessage(error: DurationError, text: string, unit?: string): string {
  return t(DURATION_MESSAGES[error], { text: text.trim(), unit: unit ?? '' });
}

/**
 * Reads text typed or pasted into a column. Empty text clears the cell (no lane, no time, not
 * classified), except for a step's kind, which always has one: empty leaves it as it is.
 */
export function readCell(column: Column, text: string, lanes: readonly Lane[]): CellReading {
  const trimmed = text.trim();
  switch (column.key) {
    case 'text':
      if (text.length > MAX_TEXT) return { ok: false, message: t('analysis.grid.invalid.tooMuchText', { max: MAX_TEXT }) };
      return { ok: true, patch: { text: trimmed.replace(/\r\n?/g, '\n') } };
    case 'system':
    case 'volume': {
      // One line, as the step panel edits it: a pasted line break becomes a space.
      const line = trimmed.replace(/\s*[\r\n]+\s*/g, ' ');
      if (line.length > MAX_NAME) return { ok: false, message: t('analysis.grid.invalid.tooMuchText', { max: MAX_NAME }) };
      return { ok: true, patch: { [column.key]: line } };
    }
    case 'workMinutes':
    case 'waitMinutes': {
      const parsed = parseDuration(text, column.basis ?? 'work');
      if (!parsed.ok) return { ok: false, message: durationMessage(parsed.error, text, parsed.unit) };
      return { ok: true, patch: { [column.key]: parsed.minutes } };
    }
    case 'laneId': {
      if (!trimmed) return { ok: true, patch: { laneId: null } };
      const lane = lanes.find((l) => laneKey(l.name) === laneKey(trimmed));
      if (lane) return { ok: true, patch: { laneId: lane.id } };
      if (squash(trimmed) === squash(t('analysis.grid.noLane'))) return { ok: true, patch: { laneId: null } };
      if (trimmed.length > MAX_NAME) return { ok: false, message: t('analysis.grid.invalid.tooMuchText', { max: MAX_NAME }) };
      return { ok: true, patch: {}, laneName: trimmed.replace(/\s+/g, ' ') };
    }
    case 'kind': {
      if (!trimmed) return { ok: true, patch: {} };
      const choice = exactChoice(choicesFor('kind', lanes), trimmed);
      if (!choice) return { ok: false, message: t('analysis.grid.invalid.kind', { text: trimmed }) };
      return { ok: true, patch: { kind: choice.value as StepKind } };
    }
    case 'valueClass': {
      if (!trimmed) return { ok: true, patch: { valueClass: null } };
      const choice = exactChoice(choicesFor('valueClass', lanes), trimmed);
      if (!choice) return { ok: false, message: t('analysis.grid.invalid.valueClass', { text: trimmed }) };
      return { ok: true, patch: { valueClass: choice.value as Step['valueClass'] } };
    }
  }
}

/** The option named exactly (any case, spacing or hyphens), by its label or one of its other words. */
export function exactChoice(choices: readonly Choice[], text: string): Choice | undefined {
  const wanted = squash(text);
  return choices.find((c) => [c.label, ...(c.also ?? [])].some((w) => squash(w) === wanted));
}

/** The part of a reading that changes the step: nothing when the step already holds it. */
export function changesOf(step: Step, reading: { patch: PatchOf<'steps'>; laneName?: string }): { patch: PatchOf<'steps'>; laneName?: string } | null {
  const patch: PatchOf<'steps'> = {};
  for (const [key, value] of Object.entries(reading.patch) as [keyof PatchOf<'steps'>, unknown][]) {
    if (!Object.is(step[key], value)) (patch as Record<string, unknown>)[key] = value;
  }
  if (reading.laneName) return { patch, laneName: reading.laneName };
  return Object.keys(patch).length > 0 ? { patch } : null;
}

export interface CellAt {
  row: number;
  col: number;
}

export interface PastePlan {
  patches: { id: string; patch: PatchOf<'steps'>; laneName?: string }[];
  append: { patch: PatchOf<'steps'>; laneName?: string }[];
  /** The first cells that could not be read, as sentences naming row and column. */
  errors: string[];
  /** Cells right of the table's last column, left out. */
  ignoredColumns: number;
  /** Where the pasted block ends, to select it. */
  end: CellAt;
}

/**
 * What pasting a block of cells at `start` does: each row of the block patches the step in that
 * row, rows beyond the last step become new steps (only when the block covers the Text column,
 * so no step is made without words), one cell pasted onto a larger selection fills it. Nothing is
 * applied when any cell cannot be read.
 */
export function planPaste(input: {
  rows: readonly Step[];
  columns: readonly Column[];
  lanes: readonly Lane[];
  start: CellAt;
  cells: readonly (readonly string[])[];
  /** The selected range's size; a single pasted cell fills it. */
  fill?: { rows: number; cols: number };
}): PastePlan {
  const { rows, columns, lanes, start } = input;
  const single = input.cells.length === 1 && input.cells[0]?.length === 1;
  const cells = single && input.fill ? Array.from({ length: input.fill.rows }, () => Array.from({ length: input.fill?.cols ?? 1 }, () => input.cells[0]?.[0] ?? '')) : input.cells;
  const width = Math.max(...cells.map((r) => r.length));
  const usable = Math.min(width, columns.length - start.col);
  const plan: PastePlan = { patches: [], append: [], errors: [], ignoredColumns: Math.max(0, width - usable), end: { row: start.row + cells.length - 1, col: start.col + usable - 1 } };
  const textCol = columns.findIndex((c) => c.key === 'text');
  const coversText = textCol >= start.col && textCol < start.col + usable;
  cells.forEach((cellRow, r) => {
    const step = rows[start.row + r];
    const isNew = !step;
    if (isNew && cellRow.every((c) => !c.trim())) return;
    if (isNew && !coversText) {
      const message = t('analysis.grid.paste.needsText');
      if (!plan.errors.includes(message)) plan.errors.push(message);
      return;
    }
    const patch: PatchOf<'steps'> = {};
    let laneName: string | undefined;
    for (let c = 0; c < usable; c++) {
      const column = columns[start.col + c] as Column;
      const text = cellRow[c] ?? '';
      const reading = readCell(column, text, lanes);
      if (!reading.ok) {
        plan.errors.push(t('analysis.grid.paste.cellError', { row: start.row + r + 1, column: column.label, message: reading.message }));
        continue;
      }
      Object.assign(patch, reading.patch);
      if (reading.laneName) laneName = reading.laneName;
    }
    if (step) {
      const change = changesOf(step, laneName ? { patch, laneName } : { patch });
      if (change) plan.patches.push({ id: step.id, ...change });
    } else {
      // A new step takes the fields it was given; empty cells say nothing about it.
      const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== '' && v !== null)) as PatchOf<'steps'>;
      plan.append.push(laneName ? { patch: given, laneName } : { patch: given });
    }
  });
  return plan;
}
