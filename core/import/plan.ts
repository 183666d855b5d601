import type { LaneKind, StepKind } from '../vocabulary';
import { msg, type Message } from '../messages';

/**
 * What an import will add, before anything is written: processes with their lanes, steps and flows
 * under keys local to the plan. Readers (BPMN, step tables) make a plan; the preview shows it; one
 * command writes it. Zod-free, so the renderer can name its types.
 */

export const IMPORT_FORMATS = ['bpmn', 'csv', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** What the imported processes become: the client's documented procedure, or a process as observed. */
export const IMPORT_AS = ['documented', 'observed'] as const;
export type ImportAs = (typeof IMPORT_AS)[number];

/** Largest file an import reads. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Most steps one import may add; a procedure manual, not a data dump. */
export const MAX_IMPORT_STEPS = 10_000;

/** A rectangle in the source diagram's own units (BPMN DI). */
export interface SourceBounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlannedLane {
  key: string;
  name: string;
  kind: LaneKind;
  /** Where the source diagram drew the lane, if it did. */
  bounds: SourceBounds | null;
}

export interface PlannedStep {
  key: string;
  laneKey: string | null;
  kind: StepKind;
  text: string;
  description: string;
  system: string;
  workMinutes: number | null;
  waitMinutes: number | null;
  /** The planned process this step opens (a sub-process), if any. */
  opensProcessKey: string | null;
  /** Where the source diagram drew the step, if it did. */
  bounds: SourceBounds | null;
}

export interface PlannedFlow {
  sourceKey: string;
  targetKey: string;
  label: string;
}

export interface PlannedProcess {
  key: string;
  name: string;
  description: string;
  lanes: PlannedLane[];
  steps: PlannedStep[];
  flows: PlannedFlow[];
  /** A sub-process: the step (in another planned process) that opens it. */
  parentStepKey: string | null;
}

export interface ImportPlan {
  format: ImportFormat;
  processes: PlannedProcess[];
  /** Elements or rows with no counterpart in Shoshin, by what they were: never fatal, always counted. */
  skipped: Record<string, number>;
  /** Sentences about what was read differently from how it was written (an unknown next step, a time that is not a time). */
  notes: Message[];
}

export interface ImportSummary {
  processes: { name: string; steps: number; lanes: number; flows: number }[];
  skipped: Record<string, number>;
}

/** The CLI's and the preview's account of a plan. */
export function summaryOf(plan: ImportPlan): ImportSummary {
  return {
    processes: plan.processes.map((p) => ({ name: p.name, steps: p.steps.length, lanes: p.lanes.length, flows: p.flows.length })),
    skipped: { ...plan.skipped },
  };
}

export function countSkipped(skipped: Record<string, number>, what: string, n = 1): void {
  skipped[what] = (skipped[what] ?? 0) + n;
}

/** Most notes a plan keeps; the rest are counted in the last one. */
export const MAX_NOTES = 50;

export function addNote(plan: Pick<ImportPlan, 'notes'>, note: Message): void {
  if (plan.notes.length < MAX_NOTES) plan.notes.push(note);
  else if (plan.notes.length === MAX_NOTES) plan.notes.push(msg('import.note.more'));
}
