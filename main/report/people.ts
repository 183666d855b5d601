import type { Person } from '../../core/model';

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
    return this.anonymiseAll || person.anonymise;
  }

  /** The role-based stand-in for a person's name. */
  static roleOf(person: Pick<Person, 'role' | 'team'>): string {
    return person.role.trim() || (person.team.trim() ? `Member of ${person.team.trim()}` : 'Participant');
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
