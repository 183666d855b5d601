import { FOUR_P_LABELS, FREQUENCY_LABELS, RESISTANCE_LABELS, WASTE_LABELS } from './labels';
import { format, say, type MessageKey } from './messages';
import type { Person } from './model';
import type { RegisterRow } from './register';

/**
 * CSV exports of the registers, for the app and the CLI alike. RFC 4180: comma-separated,
 * CRLF line ends, fields quoted when they hold a comma, quote, tab or line break. A UTF-8
 * byte-order mark goes first so Excel reads accents and curly quotes correctly.
 */
export const BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined;

/**
 * What a spreadsheet cannot show or a parser may trip on goes, as in the other exports: C0
 * controls other than tab, line feed and carriage return (which a quoted field may hold), DEL and
 * the C1 controls, lone surrogate halves, and the non-characters U+FFFE and U+FFFF.
 */
export function csvSafe(text: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = csvSafe(typeof value === 'boolean' ? say(value ? 'csv.yes' : 'csv.no') : String(value));
  // A cell starting like a formula would run as one in a spreadsheet; an apostrophe keeps it text.
  // A dash starts a formula only when a term follows it directly, so "- a note" and "-5" stay as typed.
  const formula = /^[=+@\t\r]/.test(text) || (/^-\S/.test(text) && !/^-\d+(\.\d+)?$/.test(text));
  const safe = formula ? `'${text}` : text;
  return /[",\t\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole CSV document, BOM included, from a header row and data rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The stand-in for a person's name wherever they are not named: their role, else their team, else "Participant". */
export function roleLabel(person: Pick<Person, 'role' | 'team'>): string {
  const role = person.role.replace(/\s+/g, ' ').trim();
  const team = person.team.replace(/\s+/g, ' ').trim();
  return role || (team ? say('person.memberOf', { team }) : say('person.participant'));
}

/** Whether an export names this person: never when anonymising, and never someone who asked not to be named. */
export function isHidden(person: Pick<Person, 'anonymise'>, anonymise: boolean): boolean {
  return anonymise || person.anonymise;
}

export interface PainPointCsvOptions {
  /** Name everyone by role; people marked "anonymise" are named by role either way. */
  anonymise: boolean;
  people: readonly Pick<Person, 'id' | 'name' | 'role' | 'team' | 'anonymise'>[];
}

const PAIN_POINT_COLUMNS: readonly MessageKey[] = [
  'csv.painPoints.processHeader',
  'csv.painPoints.numberHeader',
  'csv.painPoints.painPointHeader',
  'csv.painPoints.pinnedToHeader',
  'csv.painPoints.laneHeader',
  'csv.painPoints.raisedByHeader',
  'csv.painPoints.wasteHeader',
  'csv.painPoints.fourPsHeader',
  'csv.painPoints.severityHeader',
  'csv.painPoints.frequencyHeader',
  'csv.painPoints.votesHeader',
  'csv.painPoints.notesHeader',
];

export function painPointRegisterCsv(rows: readonly RegisterRow[], options: PainPointCsvOptions): string {
  const byId = new Map(options.people.map((p) => [p.id, p]));
  const raisedBy = (row: RegisterRow) => {
    const person = row.raisedBy ? byId.get(row.raisedBy) : undefined;
    if (!person) return options.anonymise ? '' : row.raisedByName;
    return isHidden(person, options.anonymise) ? roleLabel(person) : person.name;
  };
  return toCsv(
    PAIN_POINT_COLUMNS.map((key) => say(key)),
    rows.map((r) => [
      r.processName,
      r.number,
      r.text,
      format(r.targetLabel),
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

const STAKEHOLDER_COLUMNS: readonly MessageKey[] = [
  'csv.stakeholders.nameHeader',
  'csv.stakeholders.roleHeader',
  'csv.stakeholders.teamHeader',
  'csv.stakeholders.influenceHeader',
  'csv.stakeholders.sponsorHeader',
  'csv.stakeholders.championHeader',
  'csv.stakeholders.awarenessHeader',
  'csv.stakeholders.commitmentHeader',
  'csv.stakeholders.readinessHeader',
  'csv.stakeholders.reinforcementHeader',
  'csv.stakeholders.resistanceHeader',
  'csv.stakeholders.anonymiseHeader',
  'csv.stakeholders.notesHeader',
];

/**
 * The stakeholder register. Someone not named becomes "Stakeholder 1", "Stakeholder 2", … (their
 * role stays in its own column: the analysis needs it) and loses their notes, which often name them.
 */
export function stakeholderRegisterCsv(people: readonly Person[], options: { anonymise: boolean }): string {
  let n = 0;
  // Anonymised rows in name order would let a reader who knows the names match them up.
  const ordered = options.anonymise ? [...people].sort((a, b) => a.team.localeCompare(b.team) || a.role.localeCompare(b.role)) : people;
  return toCsv(
    STAKEHOLDER_COLUMNS.map((key) => say(key)),
    ordered.map((p) => {
      const hidden = isHidden(p, options.anonymise);
      return [
        hidden ? say('csv.stakeholder', { number: ++n }) : p.name,
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
