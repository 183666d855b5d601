import type { Person } from './model';
import type { RegisterRow } from './register';

/**
 * CSV exports of the registers, for the app and the CLI alike. RFC 4180: comma-separated,
 * CRLF line ends, fields quoted when they hold a comma, quote or line break. A UTF-8 byte-order
 * mark goes first so Excel reads accents and curly quotes correctly.
 */
export const BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'boolean' ? (value ? 'Yes' : 'No') : String(value);
  // A cell starting like a formula would run as one in a spreadsheet; an apostrophe keeps it text.
  // A dash starts a formula only when a term follows it directly, so "- a note" and "-5" stay as typed.
  const formula = /^[=+@\t\r]/.test(text) || (/^-\S/.test(text) && !/^-\d+(\.\d+)?$/.test(text));
  const safe = formula ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole CSV document, BOM included, from a header row and data rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export const WASTE_LABELS = {
  handoff: 'Handoff',
  queue: 'Queue',
  motion: 'Motion / searching',
  waiting: 'Waiting',
  overproduction: 'Overproduction',
  overprocessing: 'Over-processing',
  defect: 'Defect / rework',
  unused_skills: 'Unused skills',
} as const;
export const FOUR_P_LABELS = { people: 'People', process: 'Process', partners: 'Partners', products: 'Products' } as const;
export const FREQUENCY_LABELS = { rare: 'Rare', monthly: 'Monthly', weekly: 'Weekly', daily: 'Daily', constant: 'Constant' } as const;
export const RESISTANCE_LABELS = {
  failed_before: 'It failed before',
  prefers_current: 'Prefers the current way',
  fears_blame: 'Fears blame',
  other: 'Other',
} as const;
export const HORIZON_LABELS = { quick_win: 'Quick win', next: 'Next', later: 'Later' } as const;

/**
 * How people are named in anything that leaves the consultant's laptop: someone who asked to be
 * anonymised becomes a numbered stakeholder, the same number everywhere in one export.
 */
export function anonymousNames(people: readonly Pick<Person, 'id' | 'name' | 'anonymise'>[]): Map<string, string> {
  const names = new Map<string, string>();
  let n = 0;
  for (const person of people) names.set(person.id, person.anonymise ? `Stakeholder ${++n}` : person.name);
  return names;
}

export interface PainPointCsvOptions {
  /** Replace the names of people who asked to be anonymised. */
  anonymise: boolean;
  people: readonly Pick<Person, 'id' | 'name' | 'anonymise'>[];
}

export function painPointRegisterCsv(rows: readonly RegisterRow[], options: PainPointCsvOptions): string {
  const names = options.anonymise ? anonymousNames(options.people) : null;
  const raisedBy = (row: RegisterRow) => (row.raisedBy ? (names?.get(row.raisedBy) ?? row.raisedByName) : '');
  return toCsv(
    ['Process', 'Number', 'Pain point', 'Pinned to', 'Lane', 'Raised by', 'Waste', 'Four Ps', 'Severity', 'Frequency', 'Votes', 'Notes'],
    rows.map((r) => [
      r.processName,
      r.number,
      r.text,
      r.targetLabel,
      r.laneName,
      raisedBy(r),
      r.waste ? WASTE_LABELS[r.waste] : '',
      r.fourP ? FOUR_P_LABELS[r.fourP] : '',
      r.severity,
      r.frequency ? FREQUENCY_LABELS[r.frequency] : '',
      r.votes,
      r.notes,
    ]),
  );
}

/** The stakeholder register; an anonymised person keeps role and team (the analysis needs them) but loses name and notes. */
export function stakeholderRegisterCsv(people: readonly Person[], options: { anonymise: boolean }): string {
  const names = options.anonymise ? anonymousNames(people) : null;
  return toCsv(
    ['Name', 'Role', 'Team', 'Influence', 'Sponsor', 'Champion', 'Awareness', 'Commitment', 'Readiness', 'Reinforcement', 'Source of resistance', 'Anonymise in reports', 'Notes'],
    people.map((p) => {
      const hidden = !!names && p.anonymise;
      return [
        names?.get(p.id) ?? p.name,
        p.role,
        p.team,
        p.influence,
        p.sponsor,
        p.champion,
        p.awareness,
        p.commitment,
        p.readiness,
        p.reinforcement,
        p.resistance ? RESISTANCE_LABELS[p.resistance] : '',
        p.anonymise,
        hidden ? '' : p.notes,
      ];
    }),
  );
}
