import { describe, expect, it } from 'vitest';
import { painPointRegisterCsv, roleLabel, stakeholderRegisterCsv } from '../../core/csv';
import { FOUR_P_LABELS, FREQUENCY_LABELS, HORIZON_LABELS, LANE_KIND_LABELS, RESISTANCE_LABELS, STEP_KIND_LABELS, WASTE_LABELS } from '../../core/labels';
import { messages, say } from '../../core/messages';
import { newRecord } from '../../core/records';
import { FOUR_PS, FREQUENCIES, HORIZONS, LANE_KINDS, RESISTANCE_SOURCES, STEP_KINDS, WASTE_TYPES } from '../../core/vocabulary';

/** The registers' words come from the catalogue: column headings, stand-in names and the names of choices. */

const person = (given: { name: string; role?: string; team?: string; anonymise?: boolean; resistance?: 'fears_blame' | null }) =>
  newRecord('people', { id: given.name, role: '', team: '', ...given });

describe('the CSV registers', () => {
  it('head their columns with the catalogue’s labels, in order', () => {
    const painHeader = painPointRegisterCsv([], { anonymise: true, people: [] }).slice(1).split('\r\n')[0];
    expect(painHeader).toBe('Process,Number,Pain point,Pinned to,Lane,Raised by,Waste,Four Ps,Severity,Frequency,Votes,Notes');
    const painKeys = Object.keys(messages).filter((key) => key.startsWith('csv.painPoints.'));
    expect(painHeader?.split(',')).toEqual(painKeys.map((key) => messages[key as keyof typeof messages]));

    const peopleHeader = stakeholderRegisterCsv([], { anonymise: true }).slice(1).split('\r\n')[0];
    expect(peopleHeader).toBe('Name,Role,Team,Influence,Sponsor,Champion,Awareness,Commitment,Readiness,Reinforcement,Source of resistance,Anonymise in reports,Notes');
    const peopleKeys = Object.keys(messages).filter((key) => key.startsWith('csv.stakeholders.'));
    expect(peopleHeader?.split(',')).toEqual(peopleKeys.map((key) => messages[key as keyof typeof messages]));
  });

  it('names people it does not name by the catalogue’s stand-ins, and says yes and no in words', () => {
    expect(roleLabel({ role: '  Service desk   analyst ', team: 'IT' })).toBe('Service desk analyst');
    expect(roleLabel({ role: '', team: 'IT  Ops' })).toBe(say('person.memberOf', { team: 'IT Ops' }));
    expect(roleLabel({ role: '', team: 'IT  Ops' })).toBe('Member of IT Ops');
    expect(roleLabel({ role: ' ', team: '' })).toBe('Participant');
    // A team called like a placeholder stays as typed.
    expect(roleLabel({ role: '', team: '{team}' })).toBe('Member of {team}');

    const csv = stakeholderRegisterCsv(
      [person({ name: 'Ana Silva', role: 'Analyst', team: 'IT', resistance: 'fears_blame' }), person({ name: 'Bo Chen', team: 'HR', anonymise: true })],
      { anonymise: false },
    );
    const [, first, second] = csv.slice(1).split('\r\n');
    expect(first).toBe('Ana Silva,Analyst,IT,,No,No,,,,,Fears blame,No,');
    expect(second).toBe(`${say('csv.stakeholder', { number: 1 })},,HR,,No,No,,,,,,Yes,`);
    expect(second?.startsWith('Stakeholder 1,')).toBe(true);
  });
});

describe('the names of choices in documents', () => {
  it('has a catalogue label for every choice in the vocabulary', () => {
    const sets: [readonly string[], Readonly<Record<string, string>>][] = [
      [STEP_KINDS, STEP_KIND_LABELS],
      [LANE_KINDS, LANE_KIND_LABELS],
      [WASTE_TYPES, WASTE_LABELS],
      [FOUR_PS, FOUR_P_LABELS],
      [FREQUENCIES, FREQUENCY_LABELS],
      [RESISTANCE_SOURCES, RESISTANCE_LABELS],
      [HORIZONS, HORIZON_LABELS],
    ];
    const catalogued = new Set(Object.entries(messages).filter(([key]) => key.startsWith('label.')).map(([, text]) => text));
    for (const [choices, labels] of sets) {
      expect(Object.keys(labels).sort()).toEqual([...choices].sort());
      for (const label of Object.values(labels)) expect(catalogued.has(label), label).toBe(true);
    }
    expect(STEP_KIND_LABELS.subprocess).toBe('Sub-process');
    expect(WASTE_LABELS.unused_skills).toBe('Unused skills');
    expect(LANE_KIND_LABELS.system).toBe('System');
  });
});
