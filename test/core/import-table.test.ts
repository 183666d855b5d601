import { describe, expect, it } from 'vitest';
import { guessMapping, parseCsv, tableOf, tableToPlan } from '../../core/import/table';

describe('step tables', () => {
  it('reads CSV as Excel writes it: quoted fields with delimiters, doubled quotes and line breaks; semicolons or tabs chosen by the first line', () => {
    expect(parseCsv('\ufeffStep,Role\r\n"Check, then sign","Clerk ""A"""\r\n"Two\nlines",Desk\r\n')).toEqual([
      ['Step', 'Role'],
      ['Check, then sign', 'Clerk "A"'],
      ['Two\nlines', 'Desk'],
    ]);
    expect(parseCsv('Step;Role\nA, B;C')).toEqual([['Step', 'Role'], ['A, B', 'C']]);
    expect(parseCsv('Step\tRole\nA;B\tC')).toEqual([['Step', 'Role'], ['A;B', 'C']]);
  });

  it('guesses the columns from the headings clients use', () => {
    expect(guessMapping(['No.', 'Role', 'Activity', 'Next step', 'System', 'Work time (min)', 'Wait time', 'Notes'])).toEqual({
      id: 0,
      lane: 1,
      step: 2,
      next: 3,
      system: 4,
      work: 5,
      wait: 6,
      description: 7,
    });
    expect(guessMapping(['Who', 'What happens', 'Tool'])).toEqual({ lane: 0, step: 1, system: 2 });
    expect(guessMapping(['Description', 'Owner'])).toEqual({ step: 0, lane: 1 });
    expect(guessMapping(['Colour', 'Size']).step).toBeUndefined();
  });

  it('reads times the way procedure tables write them (work days of 8 hours, waiting days of 24), a dash as no time, and never guesses at one it cannot read', () => {
    const table = tableOf('Times', [
      ['Step', 'Work', 'Wait'],
      ['A', '1,5 h', '2 days'],
      ['B', '2 days', '-'],
      ['C', 'n/a', 'a while'],
    ]);
    const plan = tableToPlan(table, guessMapping(table.headers), 'csv');
    expect(plan.processes[0]?.steps.map((s) => [s.workMinutes, s.waitMinutes])).toEqual([
      [90, 2880],
      [960, null],
      [null, null],
    ]);
    expect(plan.skipped).toEqual({ unreadableTimes: 1 });
  });

  it('turns rows into one process: lanes in order of first use, branches with labels from the next-step column, unknown targets noted', () => {
    const table = tableOf('Requests', [
      ['ID', 'Lane', 'Step', 'Next', 'Work'],
      ['A', 'Desk', 'Log call', 'B', '5'],
      ['B', 'Desk', 'Known error?', 'Yes → C; No: D', ''],
      ['C', 'Desk', 'Apply workaround', 'end', 'soon'],
      ['D', 'Engineer', 'Investigate', 'Z', '2h'],
      ['', 'Desk', '', '', ''],
    ]);
    const plan = tableToPlan(table, guessMapping(table.headers), 'csv');
    const [process] = plan.processes;
    expect(process?.name).toBe('Requests');
    expect(process?.lanes.map((l) => l.name)).toEqual(['Desk', 'Engineer']);
    expect(process?.steps.map((s) => [s.kind, s.text, s.workMinutes])).toEqual([
      ['activity', 'Log call', 5],
      ['decision', 'Known error?', null],
      ['activity', 'Apply workaround', null],
      ['activity', 'Investigate', 120],
    ]);
    const text = (key: string) => process?.steps.find((s) => s.key === key)?.text;
    expect(process?.flows.map((f) => [text(f.sourceKey), text(f.targetKey), f.label])).toEqual([
      ['Log call', 'Known error?', ''],
      ['Known error?', 'Apply workaround', 'Yes'],
      ['Known error?', 'Investigate', 'No'],
    ]);
    expect(plan.skipped).toEqual({ rowsWithoutStep: 1, unreadableTimes: 1, unknownNextSteps: 1 });
    expect(plan.notes).toHaveLength(2);
  });

  it('without a next-step column, connects the rows in order; a process column splits the table into processes', () => {
    const table = tableOf('Sheet1', [
      ['Process', 'Step'],
      ['Joiners', 'Start'],
      ['Joiners', 'Order laptop'],
      ['Leavers', 'Collect laptop'],
      ['Joiners', 'End'],
    ]);
    const plan = tableToPlan(table, guessMapping(table.headers), 'xlsx');
    expect(plan.processes.map((p) => [p.name, p.steps.map((s) => s.kind), p.flows.length])).toEqual([
      ['Joiners', ['start', 'activity', 'end'], 2],
      ['Leavers', ['activity'], 0],
    ]);
  });
});
