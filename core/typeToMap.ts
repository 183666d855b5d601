import type { StepKind } from './model';

/** Most lines one type-to-map may turn into steps; a workshop's whole story fits well within it. */
export const MAX_MAP_LINES = 500;
const MAX_LANE_PREFIX = 60;

export interface MapLine {
  /** Lane named at the start of the line ("Service desk: log the call"), or null to stay in the previous one. */
  lane: string | null;
  text: string;
  kind: StepKind;
}

/**
 * "Role: text" puts a step in lane "Role". The colon must be followed by a space, so times
 * ("9:30") and addresses ("http://") stay plain text.
 */
export function splitLanePrefix(input: string): { lane: string | null; text: string } {
  const text = input.trim();
  const match = /^([^:\n]{1,200}?):\s+(\S[\s\S]*)$/.exec(text);
  const lane = match?.[1]?.trim() ?? '';
  if (!match || !lane || lane.length > MAX_LANE_PREFIX) return { lane: null, text };
  return { lane, text: (match[2] ?? '').trim() };
}

/** A question is a decision: "Approved?" becomes a diamond. */
export function kindForText(text: string): StepKind {
  return text.trim().endsWith('?') ? 'decision' : 'activity';
}

/**
 * One step per non-empty line, in order. Pasted lists keep working: bullets and numbering
 * ("- ", "* ", "3. ", "2) ") are dropped. A line with no lane stays in the lane of the line before.
 */
export function parseMapLines(source: string): MapLine[] {
  const lines: MapLine[] = [];
  for (const raw of source.split(/\r?\n/)) {
    const cleaned = raw.replace(/^\s*(?:[-*•]|\d{1,3}[.)])\s+/, '').trim();
    if (!cleaned) continue;
    const { lane, text } = splitLanePrefix(cleaned);
    lines.push({ lane, text, kind: kindForText(text) });
  }
  return lines;
}
