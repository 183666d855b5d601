import type { StepKind } from './model';

/** Most lines one type-to-map may turn into steps; a workshop's whole story fits well within it. */
export const MAX_MAP_LINES = 500;
const MAX_LANE_PREFIX = 60;
const MAX_BRANCH_LABEL = 40;

/** How lane names compare: case, outer spaces and runs of spaces do not count ("service  Desk" is "Service desk"). */
export function laneKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

function tidyName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/**
 * "Role: text" split at its first colon. The colon must be followed by a space, so times
 * ("9:30") and addresses ("http://") stay plain text. Whether "Role" is a lane is for
 * `chooseLane` to say: this only splits.
 */
export function splitLanePrefix(input: string): { lane: string | null; text: string } {
  const text = input.trim();
  const match = /^([^:\n]{1,200}?):\s+(\S[\s\S]*)$/.exec(text);
  const lane = match?.[1]?.trim() ?? '';
  if (!match || !lane || lane.length > MAX_LANE_PREFIX) return { lane: null, text };
  return { lane, text: (match[2] ?? '').trim() };
}

export interface LaneChoice {
  /** The lane the step goes in: an existing lane as it is spelt, or the name of the lane to create; null to stay put. */
  lane: string | null;
  /** The lane does not exist yet: "@" asked for it, so it is created. */
  isNew: boolean;
  /** The step's text, without the lane. */
  text: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Which lane a typed step goes in. Real notes are full of colons ("Note: call back", "Pings
 * #it_help: any update?"), so "Role: text" moves a step only into a lane that already exists
 * (ignoring case and spacing) and otherwise stays text. A new lane is asked for on purpose with
 * "@": "@Role: text", or "@Role text" where Role is one word or the name of an existing lane.
 */
export function chooseLane(input: string, lanes: readonly string[]): LaneChoice {
  const text = input.trim();
  const byKey = new Map(lanes.map((name) => [laneKey(name), name]));
  if (text.startsWith('@')) {
    const body = text.slice(1).trim();
    let { lane: name, text: rest } = splitLanePrefix(body);
    if (!name) {
      // "@Service desk answers the call": the longest existing lane the words start with, else the first word.
      const longest = [...lanes]
        .sort((a, b) => tidyName(b).length - tidyName(a).length)
        .map((lane) => ({ lane, match: new RegExp(`^${tidyName(lane).split(' ').map(escapeRegExp).join('\\s+')}\\s+(\\S[\\s\\S]*)$`, 'iu').exec(body) }))
        .find((candidate) => candidate.match);
      const word = /^(\S{1,60})\s+(\S[\s\S]*)$/u.exec(body);
      if (longest?.match) [name, rest] = [longest.lane, longest.match[1] ?? ''];
      else if (word) [name, rest] = [word[1] ?? '', word[2] ?? ''];
    }
    if (!name || !rest.trim()) return { lane: null, isNew: false, text };
    const existing = byKey.get(laneKey(name));
    return { lane: existing ?? tidyName(name), isNew: existing === undefined, text: rest.trim() };
  }
  const split = splitLanePrefix(text);
  const existing = split.lane ? byKey.get(laneKey(split.lane)) : undefined;
  return existing ? { lane: existing, isNew: false, text: split.text } : { lane: null, isNew: false, text };
}

/**
 * Tab completion of "@Ro" in a step being typed: the lanes whose name starts with what follows
 * the "@", in the order given, each as the draft it completes to ("@Role: ").
 */
export function laneCompletions(draft: string, lanes: readonly string[]): string[] {
  const match = /^\s*@([^:\n]*)$/.exec(draft);
  if (!match) return [];
  const typed = laneKey(match[1] ?? '');
  return lanes.filter((name) => laneKey(name).startsWith(typed)).map((name) => `@${tidyName(name)}: `);
}

/** A question is a decision: "Approved?" becomes a diamond. */
export function kindForText(text: string): StepKind {
  return text.trim().endsWith('?') ? 'decision' : 'activity';
}

export interface MapLine {
  /** The lane the line names (see `chooseLane`), or null to stay in the lane of the step it follows. */
  lane: string | null;
  /** This line asks for a lane that does not exist yet; it is created here, and later lines may name it without "@". */
  newLane: boolean;
  text: string;
  kind: StepKind;
  /** The line whose step this one follows, by index; null for the first, which follows the step the map continues from (if any). */
  from: number | null;
  /** The label of the flow into this step: a decision's branch ("Yes"). */
  label: string;
  /** The line of the source it came from (counting empty ones). */
  row: number;
  /** "Word: text" where Word names no lane, so it stayed text: what "@" would make a lane of. */
  unknownLane: string | null;
}

/** An open decision: the lines indented under it are its branches. */
interface Branching {
  indent: number;
  decision: number;
  /** How far its first branch line is indented; deeper lines continue a branch. */
  branchIndent: number | null;
  branches: number;
  /** Where its first branch has got to: the flow carries on from there once the branches end. */
  firstEnd: number | null;
}

function indentOf(line: string): number {
  const lead = /^[ \t]*/.exec(line)?.[0] ?? '';
  return [...lead].reduce((width, c) => width + (c === '\t' ? 4 : 1), 0);
}

/**
 * One step per non-empty line, each following the line before. Pasted lists keep working:
 * bullets and numbering ("- ", "* ", "3. ", "2) ") are dropped. A line's lane follows
 * `chooseLane` against the lanes that exist (`lanes`) and those earlier lines created.
 *
 * Branches: lines indented under a question are its branches, each from the decision, and
 * "Label: text" labels one ("  Yes: Grant access"). A line indented deeper carries on its
 * branch. The next line back at the question's own indent carries on from the end of the first
 * branch; the other branches are left open, for J (join) to connect where they lead.
 */
export function parseMapLines(source: string, lanes: readonly string[] = []): MapLine[] {
  const lines: MapLine[] = [];
  const known = [...lanes];
  const open: Branching[] = [];
  let previous = null as number | null;
  const advance = (index: number) => {
    previous = index;
    const top = open[open.length - 1];
    if (top && top.branches === 1) top.firstEnd = index;
  };
  for (const [row, raw] of source.split(/\r?\n/).entries()) {
    const indent = indentOf(raw);
    const cleaned = raw.replace(/^\s*(?:[-*•]|\d{1,3}[.)])\s+/, '').trim();
    if (!cleaned) continue;
    for (let top = open[open.length - 1]; top && top.indent >= indent; top = open[open.length - 1]) {
      open.pop();
      if (top.firstEnd !== null) advance(top.firstEnd);
    }
    const parent = open[open.length - 1];
    let from = previous;
    let label = '';
    let body = cleaned;
    if (parent && (parent.branchIndent === null || indent <= parent.branchIndent)) {
      parent.branchIndent ??= indent;
      parent.branches++;
      from = parent.decision;
      const labelled = /^([^:\n]{1,200}?):\s+(\S[\s\S]*)$/.exec(cleaned);
      const name = labelled?.[1]?.trim() ?? '';
      if (labelled && name && name.length <= MAX_BRANCH_LABEL) {
        label = name;
        body = (labelled[2] ?? '').trim();
      }
    }
    const choice = chooseLane(body, known);
    if (choice.isNew && choice.lane) known.push(choice.lane);
    const index = lines.length;
    const unknownLane = choice.lane === null ? splitLanePrefix(body).lane : null;
    lines.push({ lane: choice.lane, newLane: choice.isNew, text: choice.text, kind: kindForText(choice.text), from, label, row, unknownLane });
    advance(index);
    if (lines[index]?.kind === 'decision') open.push({ indent, decision: index, branchIndent: null, branches: 0, firstEnd: null });
  }
  return lines;
}

/**
 * Turns the "Word:" prefixes that stayed text into lanes on request, by writing "@" before them
 * in the source (the type-to-map preview's button): the consultant sees exactly what changed.
 */
export function markAsLanes(source: string, lanes: readonly string[] = []): string {
  const rows = source.split(/\r?\n/);
  for (const line of parseMapLines(source, lanes)) {
    const raw = rows[line.row];
    if (!line.unknownLane || raw === undefined) continue;
    const at = raw.indexOf(`${line.unknownLane}:`);
    if (at >= 0) rows[line.row] = `${raw.slice(0, at)}@${raw.slice(at)}`;
  }
  return rows.join('\n');
}
