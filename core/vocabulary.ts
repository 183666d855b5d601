/**
 * The brief's vocabulary as plain constants: what kinds of lane, step and classification exist.
 * Zod-free, so the renderer can use them without carrying the schema library.
 */

/** Longest text a user may type into one field; generous enough for pasted transcripts. */
export const MAX_TEXT = 100_000;
export const MAX_NAME = 500;

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

export type LaneKind = (typeof LANE_KINDS)[number];
export type StepKind = (typeof STEP_KINDS)[number];

/** The most dots one participant may hold in one vote: a wall of stickers, not a budget. */
export const MAX_DOTS = 20;

export { LANE_COLORS } from './palette';
