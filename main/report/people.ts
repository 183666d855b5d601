import { isHidden, roleLabel } from '../../core/csv';
import type { Person } from '../../core/model';
import { format, msg } from '../../core/messages';

/**
 * How people appear in what leaves the consultant's laptop. With anonymising on, everyone is
 * named by role (or team); someone who asked to be anonymised is named by role even when it is
 * off. Free text is never rewritten: names typed inside a quote stay as typed.
 */
export class PeopleNames {
  private readonly byId: Map<string, Person>;

  constructor(
    people: readonly Person[],
    private readonly anonymiseAll: boolean,
  ) {
    this.byId = new Map(people.map((p) => [p.id, p]));
  }

  hidden(person: Person): boolean {
    return isHidden(person, this.anonymiseAll);
  }

  /** The role-based stand-in for a person's name, the same as in the CSV exports. */
  static roleOf(person: Pick<Person, 'role' | 'team'>): string {
    return roleLabel(person);
  }

  /** What a person is called in the report. */
  label(person: Person): string {
    if (this.hidden(person)) return PeopleNames.roleOf(person);
    return person.name.trim() || PeopleNames.roleOf(person);
  }

  /** "Name, Role" where the name may be shown, otherwise the role alone. */
  attribution(id: string | null): string {
    const person = id ? this.byId.get(id) : undefined;
    if (!person) return '';
    if (this.hidden(person) || !person.name.trim()) return PeopleNames.roleOf(person);
    return person.role.trim() ? `${person.name.trim()}, ${person.role.trim()}` : person.name.trim();
  }

  /**
   * A name typed as free text (an opportunity's owner): when it is exactly a stakeholder's name,
   * it follows that person's anonymising like a linked name does.
   */
  free(text: string): string {
    const typed = text.replace(/\s+/g, ' ').trim();
    const person = typed ? [...this.byId.values()].find((p) => p.name.trim().toLowerCase() === typed.toLowerCase()) : undefined;
    return person ? this.label(person) : typed;
  }

  name(id: string | null): string {
    const person = id ? this.byId.get(id) : undefined;
    return person ? this.label(person) : '';
  }
}

/** "A", "B", … "Z", "AA", "AB", …: a spreadsheet's column names. */
function letters(n: number): string {
  let out = '';
  for (let i = n; i >= 0; i = Math.floor(i / 26) - 1) out = String.fromCharCode(65 + (i % 26)) + out;
  return out;
}

/**
 * How the people chapter speaks of individuals without naming them: by team where a team has at
 * least two people recorded, otherwise as "Stakeholder A", "Stakeholder B", … given in the order
 * people are first mentioned, so one letter is one person throughout the chapter.
 */
export class PeopleGroups {
  /** By the team's name in lower case: its spelling as first met, and how many people it has. */
  private readonly teams = new Map<string, { name: string; size: number }>();
  private readonly letterOf = new Map<string, string>();

  constructor(people: readonly Person[]) {
    for (const p of people) {
      const team = PeopleGroups.teamName(p);
      if (!team) continue;
      const known = this.teams.get(team.toLowerCase());
      this.teams.set(team.toLowerCase(), { name: known?.name ?? team, size: (known?.size ?? 0) + 1 });
    }
  }

  static teamName(person: Pick<Person, 'team'>): string {
    return person.team.replace(/\s+/g, ' ').trim();
  }

  /** The team a person can be counted in without being singled out; null when they are its only member (or have none). */
  team(person: Person): string | null {
    const team = this.teams.get(PeopleGroups.teamName(person).toLowerCase());
    return team && team.size >= 2 ? team.name : null;
  }

  stakeholder(person: Person): string {
    let letter = this.letterOf.get(person.id);
    if (!letter) {
      letter = format(msg('report.people.stakeholderLetter', { letter: letters(this.letterOf.size) }));
      this.letterOf.set(person.id, letter);
    }
    return letter;
  }

  /** The team, or the person's letter where the team would give them away. */
  groupOf(person: Person): string {
    return this.team(person) ?? this.stakeholder(person);
  }
}
