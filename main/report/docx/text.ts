import { HeadingLevel, Paragraph, TextRun, type AlignmentType, type ParagraphChild } from 'docx';
import { STEP_KIND_LABELS } from '../../../core/labels';
import { msg, say, type Message, type MessageKey } from '../../../core/messages';
import { formatMinutes, type Measure } from '../../../core/metrics';
import type { Step } from '../../../core/model';
import { clip, oneLine, xmlSafe } from '../../../core/xml';
import { MUTED } from './styles';

/** User text into runs and paragraphs, safely (characters Word cannot store removed, right-to-left kept), and the small formats the chapters share. */

export function firstStrong(text: string): 'rtl' | 'ltr' | null {
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if ((code >= 0x0590 && code <= 0x08ff) || (code >= 0xfb1d && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfeff)) return 'rtl';
    if (/\p{L}/u.test(ch)) return 'ltr';
  }
  return null;
}

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  color?: string;
  size?: number;
  allCaps?: boolean;
}

/** Text as runs, with line breaks kept and characters Word cannot store removed. */
export function runs(text: string, style: RunStyle = {}): TextRun[] {
  const lines = xmlSafe(text).replace(/\r\n?/g, '\n').split('\n');
  return lines.map((line, i) => new TextRun({ text: line.replace(/\t/g, ' '), break: i > 0 ? 1 : undefined, ...style }));
}

/** One run of user text on one line: the only way user text becomes a run besides `runs`. */
export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({ text: xmlSafe(text).replace(/[\r\n\t]+/g, ' '), ...style });
}

interface ParaOptions extends RunStyle {
  style?: string;
  keepNext?: boolean;
  after?: number;
  before?: number;
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  bullet?: boolean;
  pageBreakBefore?: boolean;
}

export function para(content: string | ParagraphChild[], options: ParaOptions = {}): Paragraph {
  // Only the run's own formatting goes to the runs: the style is the paragraph's (a paragraph style given to a run is invalid there).
  const { bold, italics, color, size, allCaps } = options;
  const children = typeof content === 'string' ? runs(content, { bold, italics, color, size, allCaps }) : content;
  const plain = typeof content === 'string' ? content : '';
  return new Paragraph({
    children,
    style: options.style,
    keepNext: options.keepNext,
    alignment: options.align,
    bidirectional: firstStrong(plain) === 'rtl' ? true : undefined,
    bullet: options.bullet ? { level: 0 } : undefined,
    pageBreakBefore: options.pageBreakBefore,
    spacing: options.after !== undefined || options.before !== undefined ? { after: options.after, before: options.before } : undefined,
  });
}

export function heading(text: string, level: 1 | 2 | 3, pageBreakBefore = false, before?: number): Paragraph {
  const value = oneLine(text) || say('report.untitled');
  return new Paragraph({
    children: [run(clip(value, 300))],
    spacing: before === undefined ? undefined : { before },
    heading: level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
    pageBreakBefore: pageBreakBefore || undefined,
    bidirectional: firstStrong(value) === 'rtl' ? true : undefined,
  });
}

export function muted(text: string): Paragraph {
  return para(text, { color: MUTED, italics: true });
}

export function measure(m: Measure, format: (value: number) => string): string {
  return m.value === null ? say('report.notKnownYet') : format(m.value);
}

export function minutes(value: number | null): string {
  return value === null ? '–' : formatMinutes(value);
}

export function stepName(step: Step | undefined): string {
  if (!step) return '';
  return oneLine(step.text) || STEP_KIND_LABELS[step.kind];
}

/** "1 process", "3 processes": one phrase per thing counted and per number, shared by the chapters. */
const COUNTED = {
  processes: { one: 'report.count.processes.one', other: 'report.count.processes.other' },
  lanes: { one: 'report.count.lanes.one', other: 'report.count.lanes.other' },
  steps: { one: 'report.count.steps.one', other: 'report.count.steps.other' },
  flows: { one: 'report.count.flows.one', other: 'report.count.flows.other' },
  workshops: { one: 'report.count.workshops.one', other: 'report.count.workshops.other' },
  people: { one: 'report.count.people.one', other: 'report.count.people.other' },
  painPoints: { one: 'report.count.painPoints.one', other: 'report.count.painPoints.other' },
  votes: { one: 'report.count.votes.one', other: 'report.count.votes.other' },
  opportunities: { one: 'report.count.opportunities.one', other: 'report.count.opportunities.other' },
  // Documented versus observed: a count with what happened to those steps, the verb agreeing with the number.
  documentedSteps: { one: 'report.documented.documentedSteps.one', other: 'report.documented.documentedSteps.other' },
  notDocumented: { one: 'report.documented.notDocumented.one', other: 'report.documented.notDocumented.other' },
  notDone: { one: 'report.documented.notDone.one', other: 'report.documented.notDone.other' },
  byOtherRole: { one: 'report.documented.byOtherRole.one', other: 'report.documented.byOtherRole.other' },
} as const satisfies Record<string, { one: MessageKey; other: MessageKey }>;

export function counted(what: keyof typeof COUNTED, count: number): Message {
  return msg(count === 1 ? COUNTED[what].one : COUNTED[what].other, { count });
}

export function score(value: number | null): string {
  return value === null ? '–' : String(value);
}
