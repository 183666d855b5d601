import { MAX_NAME, MAX_TEXT, type StepKind } from '../vocabulary';
import { format as inWords, msg } from '../messages';
import { kindForText } from '../typeToMap';
import { parseDuration, type DurationBasis } from '../duration';
import { addNote, countSkipped, type ImportFormat, type ImportPlan, type PlannedLane, type PlannedProcess, type PlannedStep } from './plan';

/**
 * Step tables: a procedure as rows, the way clients keep them in Excel or export them as CSV. One
 * row per step; columns for the lane (role), the step, the next step or branches with their
 * labels, the system, work and wait time. Which column is which is guessed from the headings and
 * can be set by the consultant (the column-mapping dialog, `--columns` on the command line).
 */

export const TABLE_FIELDS = ['process', 'id', 'lane', 'step', 'kind', 'next', 'condition', 'system', 'work', 'wait', 'description'] as const;
export type TableField = (typeof TABLE_FIELDS)[number];
/** Field to column index; a field left out is not in the table. */
export type ColumnMapping = Partial<Record<TableField, number>>;

export interface SheetTable {
  /** The sheet's name (a workbook) or the file's name (CSV): the process's name when no column names one. */
  name: string;
  headers: string[];
  rows: string[][];
}

/** Most rows one table may hold. */
export const MAX_TABLE_ROWS = 20_000;
export const MAX_TABLE_COLUMNS = 200;

/** Headings clients use for each field, normalised (lower case, letters and digits only); the first field to claim a column keeps it. */
const HEADINGS: Record<TableField, string[]> = {
  step: ['step', 'stepname', 'activity', 'activityname', 'task', 'taskname', 'action', 'whathappens', 'what', 'stepdescription', 'processstep', 'name'],
  lane: ['lane', 'role', 'swimlane', 'actor', 'who', 'responsible', 'performer', 'owner', 'team', 'department', 'function', 'raci'],
  next: ['next', 'nextstep', 'nextsteps', 'successor', 'successors', 'goesto', 'then', 'followedby', 'nextactivity'],
  id: ['id', 'no', 'nr', 'num', 'number', 'stepno', 'stepnr', 'stepnumber', 'stepid', 'ref', 'seq', 'sequence', '#'],
  system: ['system', 'systems', 'tool', 'tools', 'application', 'app', 'itsystem', 'software'],
  work: ['work', 'worktime', 'effort', 'duration', 'processingtime', 'touchtime', 'handlingtime', 'time', 'worktimemin', 'workmin', 'effortmin'],
  wait: ['wait', 'waittime', 'waiting', 'waitingtime', 'delay', 'queuetime', 'idletime', 'waittimemin', 'waitmin'],
  kind: ['type', 'kind', 'steptype', 'element', 'elementtype', 'shape'],
  condition: ['condition', 'label', 'branch', 'when', 'if', 'branchlabel', 'flowlabel'],
  description: ['description', 'details', 'notes', 'note', 'comment', 'comments', 'remarks', 'instructions'],
  process: ['process', 'processname', 'procedure', 'flow', 'workflow'],
};

const ORDER: TableField[] = ['step', 'lane', 'next', 'id', 'system', 'work', 'wait', 'kind', 'condition', 'description', 'process'];

function norm(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/\(.*?\)/g, '')
    .replace(/[^\p{L}\p{N}#]+/gu, '');
}

/** The mapping the headings suggest; a field no heading names is left out. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  const keys = headers.map(norm);
  const claim = (matches: (key: string, wanted: readonly string[]) => boolean) => {
    for (const field of ORDER) {
      if (mapping[field] !== undefined) continue;
      const found = keys.findIndex((k, i) => !taken.has(i) && k !== '' && matches(k, HEADINGS[field]));
      if (found < 0) continue;
      mapping[field] = found;
      taken.add(found);
    }
  };
  claim((key, wanted) => wanted.includes(key));
  // Then headings that start with a known one: "Work time in hours", "Activity performed".
  claim((key, wanted) => wanted.some((w) => w.length >= 4 && key.startsWith(w)));
  if (mapping.step === undefined && mapping.description !== undefined) {
    mapping.step = mapping.description;
    delete mapping.description;
  }
  return mapping;
}

/**
 * RFC 4180 text into rows: quoted fields with doubled quotes and line breaks, CRLF or LF, the
 * delimiter (comma, semicolon or tab) chosen by what the first line uses most outside quotes.
 */
export function parseCsv(input: string): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (ch === delimiter) endField();
    else if (ch === '\r') {
      endRow();
      if (text[i + 1] === '\n') i++;
    } else if (ch === '\n') endRow();
    else field += ch;
    i++;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of text.slice(0, 20_000)) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > (counts.get(best) ?? 0)) best = d;
  return best;
}

/** Rows as a table: the first row with any text holds the headings; empty rows are dropped. */
export function tableOf(name: string, rows: readonly (readonly string[])[]): SheetTable {
  const filled = rows.filter((r) => r.some((c) => c.trim() !== ''));
  const width = Math.min(MAX_TABLE_COLUMNS, filled.reduce((w, r) => Math.max(w, r.length), 0));
  const pad = (r: readonly string[]) => Array.from({ length: width }, (_, i) => (r[i] ?? '').trim());
  const [head, ...body] = filled;
  return { name, headers: head ? pad(head).map((h, i) => h || `Column ${i + 1}`) : [], rows: body.map(pad) };
}

const KIND_WORDS: [RegExp, StepKind][] = [
  [/^(start|begin|trigger|start ?event)$/, 'start'],
  [/^(end|stop|finish|end ?event|done)$/, 'end'],
  [/^(decision|gateway|question|choice|xor|branch|exclusive ?gateway)$/, 'decision'],
  [/^(wait|waiting|delay|timer|queue|intermediate ?event|event)$/, 'wait'],
  [/^(sub-?process|call|call ?activity|process)$/, 'subprocess'],
  [/^(activity|task|step|action|user ?task|manual ?task|service ?task)$/, 'activity'],
];

function kindOf(cell: string, text: string): StepKind | null {
  const word = cell.trim().toLowerCase();
  if (word) {
    for (const [pattern, kind] of KIND_WORDS) if (pattern.test(word)) return kind;
    return null;
  }
  if (/^(start|begin)$/i.test(text.trim())) return 'start';
  if (/^(end|stop|finish|done)$/i.test(text.trim())) return 'end';
  return kindForText(text);
}

/** How procedure tables write "no time": an empty cell, a dash, n/a. */
const NO_TIME = /^(-+|–|—|n\/a)$/i;

/** Minutes, null for no time, or undefined for text that is not a time (never a guess). */
function timeOf(cell: string, basis: DurationBasis): number | null | undefined {
  if (NO_TIME.test(cell.trim())) return null;
  const parsed = parseDuration(cell, basis);
  return parsed.ok ? parsed.minutes : undefined;
}

const NOWHERE = /^(end|none|stop|finish|done|-+|–|—|n\/a|x)$/i;

interface Row {
  index: number;
  key: string;
  id: string;
  text: string;
  step: PlannedStep;
  next: string;
  condition: string;
}

function cellOf(row: readonly string[], mapping: ColumnMapping, field: TableField): string {
  const column = mapping[field];
  return column === undefined ? '' : (row[column] ?? '').trim();
}

function clipText(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

/**
 * A step table as a plan: one process per value of the process column (or one named after the
 * sheet), lanes in order of first appearance, flows from the next-step column, or row to row when
 * there is none. Rows without a step are skipped and counted; unreadable times and unknown next
 * steps are left out with a note, never guessed.
 */
export function tableToPlan(table: SheetTable, mapping: ColumnMapping, format: Extract<ImportFormat, 'csv' | 'xlsx'>, prefix = ''): ImportPlan {
  const plan: ImportPlan = { format, processes: [], skipped: {}, notes: [] };
  if (mapping.step === undefined) {
    addNote(plan, msg('import.note.noStepColumn'));
    return plan;
  }
  const groups = new Map<string, { name: string; rows: { row: readonly string[]; index: number }[] }>();
  table.rows.forEach((row, i) => {
    const name = cellOf(row, mapping, 'process') || table.name || inWords(msg('import.defaultProcess'));
    const key = name.toLocaleLowerCase();
    const group = groups.get(key) ?? { name, rows: [] };
    group.rows.push({ row, index: i + 2 });
    groups.set(key, group);
  });
  let p = 0;
  for (const group of groups.values()) {
    const process = processOf(plan, `${prefix}process-${p++}`, group.name, group.rows, mapping);
    if (process.steps.length > 0) plan.processes.push(process);
  }
  return plan;
}

function processOf(plan: ImportPlan, key: string, name: string, source: { row: readonly string[]; index: number }[], mapping: ColumnMapping): PlannedProcess {
  const lanes = new Map<string, PlannedLane>();
  const rows: Row[] = [];
  for (const { row, index } of source) {
    const text = clipText(cellOf(row, mapping, 'step'), MAX_TEXT);
    if (!text) {
      countSkipped(plan.skipped, 'rowsWithoutStep');
      continue;
    }
    const laneName = clipText(cellOf(row, mapping, 'lane'), MAX_NAME);
    let laneKey: string | null = null;
    if (laneName) {
      const id = laneName.replace(/\s+/g, ' ').toLocaleLowerCase();
      let lane = lanes.get(id);
      if (!lane) {
        lane = { key: `${key}-lane-${lanes.size}`, name: laneName.replace(/\s+/g, ' '), kind: 'role', bounds: null };
        lanes.set(id, lane);
      }
      laneKey = lane.key;
    }
    const kindCell = cellOf(row, mapping, 'kind');
    let kind = kindOf(kindCell, text);
    if (!kind) {
      addNote(plan, msg('import.note.unknownType', { row: index, type: clipText(kindCell, 60) }));
      kind = 'activity';
    }
    const time = (field: 'work' | 'wait'): number | null => {
      const cell = cellOf(row, mapping, field);
      const minutes = timeOf(cell, field);
      if (minutes !== undefined) return minutes;
      addNote(plan, msg(field === 'work' ? 'import.note.badWorkTime' : 'import.note.badWaitTime', { row: index, time: clipText(cell, 60) }));
      countSkipped(plan.skipped, 'unreadableTimes');
      return null;
    };
    const stepKey = `${key}-step-${rows.length}`;
    rows.push({
      index,
      key: stepKey,
      id: cellOf(row, mapping, 'id'),
      text,
      next: cellOf(row, mapping, 'next'),
      condition: clipText(cellOf(row, mapping, 'condition'), MAX_NAME),
      step: {
        key: stepKey,
        laneKey,
        kind,
        text,
        description: clipText(mapping.description === mapping.step ? '' : cellOf(row, mapping, 'description'), MAX_TEXT),
        system: clipText(cellOf(row, mapping, 'system'), MAX_NAME),
        workMinutes: kind === 'start' || kind === 'end' ? null : time('work'),
        waitMinutes: kind === 'start' || kind === 'end' ? null : time('wait'),
        opensProcessKey: null,
        bounds: null,
      },
    });
  }
  return { key, name: clipText(name, MAX_NAME), description: '', lanes: [...lanes.values()], steps: rows.map((r) => r.step), flows: flowsOf(plan, rows, mapping), parentStepKey: null };
}

function flowsOf(plan: ImportPlan, rows: Row[], mapping: ColumnMapping): PlannedProcess['flows'] {
  const flows: PlannedProcess['flows'] = [];
  const seen = new Set<string>();
  const add = (from: Row, to: Row, label: string) => {
    const id = `${from.key}\u0000${to.key}`;
    if (seen.has(id)) return;
    seen.add(id);
    flows.push({ sourceKey: from.key, targetKey: to.key, label: clipText(label, MAX_NAME) });
  };
  const byId = new Map<string, Row>();
  const byText = new Map<string, Row | null>();
  for (const r of rows) {
    if (r.id) byId.set(r.id.toLocaleLowerCase(), r);
    const t = r.text.replace(/\s+/g, ' ').toLocaleLowerCase();
    // Two steps with the same words cannot be told apart by name.
    byText.set(t, byText.has(t) ? null : r);
  }
  const resolve = (ref: string): Row | null => {
    const key = ref.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
    if (!key) return null;
    // Without an id column, a number is the step's place in the table (1 for the first step).
    const hit = mapping.id !== undefined ? byId.get(key) : /^\d+$/.test(key) ? rows[Number(key) - 1] : undefined;
    return hit ?? byText.get(key) ?? null;
  };
  rows.forEach((row, i) => {
    const following = rows[i + 1];
    if (mapping.next === undefined || !row.next) {
      if (following && row.step.kind !== 'end') add(row, following, following.condition);
      return;
    }
    for (const target of targetsOf(row.next, resolve)) {
      if (target === 'nowhere') continue;
      if ('unknown' in target) {
        addNote(plan, msg('import.note.unknownNext', { row: row.index, step: clipText(target.unknown, 80) }));
        countSkipped(plan.skipped, 'unknownNextSteps');
        continue;
      }
      add(row, target.row, target.label || target.row.condition);
    }
  });
  return flows;
}

type Target = 'nowhere' | { row: Row; label: string } | { unknown: string };

/**
 * One next-step cell into its targets: "5", "Approve invoice", "Yes: 5; No: 7", "5 (Yes)",
 * "Yes → 5", "If rejected go to 3". Semicolons and line breaks always separate targets; commas
 * only when every part reads as a target (a step's name may hold a comma).
 */
export function targetsOf(cell: string, resolve: (ref: string) => Row | null): Target[] {
  const read = (part: string): Target => {
    const text = part.trim();
    if (NOWHERE.test(text)) return 'nowhere';
    const whole = resolve(text);
    if (whole) return { row: whole, label: '' };
    const patterns: [RegExp, number, number][] = [
      [/^(?:if\s+)?(.+?)\s*,?\s*(?:go\s*to|goto|then|continue\s+(?:at|with))\s+(.+)$/i, 1, 2],
      [/^(.+?)\s*(?:→|->|=>|:)\s*(.+)$/, 1, 2],
      [/^(.+?)\s*\((.+)\)$/, 2, 1],
    ];
    for (const [pattern, labelAt, refAt] of patterns) {
      const match = pattern.exec(text);
      if (!match) continue;
      const ref = (match[refAt] ?? '').trim();
      if (NOWHERE.test(ref)) return 'nowhere';
      const row = resolve(ref);
      if (row) return { row, label: (match[labelAt] ?? '').trim() };
    }
    return { unknown: text };
  };
  const parts = cell.split(/[;\n|]+/).filter((p) => p.trim() !== '');
  const out: Target[] = [];
  for (const part of parts) {
    const whole = read(part);
    if (typeof whole === 'object' && 'unknown' in whole && part.includes(',')) {
      const pieces = part.split(',').map(read);
      if (pieces.every((t) => !(typeof t === 'object' && 'unknown' in t))) {
        out.push(...pieces);
        continue;
      }
    }
    out.push(whole);
  }
  return out;
}
