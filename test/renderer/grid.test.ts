import { describe, expect, it } from 'vitest';
import { newRecord, type Lane, type Step } from '../../core/records';
import { cellText, columnsFor, matchingChoices, choicesFor, planPaste, readCell, rowOrder, type Column } from '../../renderer/src/grid/gridModel';

const PROCESS = '00000000-0000-4000-8000-000000000000';
const lane = (id: string, name: string, position: number): Lane => newRecord('lanes', { id, processId: PROCESS, name, position });
const step = (id: string, fields: Partial<Step> = {}): Step => newRecord('steps', { id, processId: PROCESS, x: 0, y: 0, text: id, ...fields });
const flow = (sourceId: string, targetId: string) => ({ id: `${sourceId}>${targetId}`, sourceId, targetId });

const lanes = [lane('desk', 'Service desk', 0), lane('emp', 'Employee', 1)];
const analyse = columnsFor('analyse');
const column = (key: Column['key']): Column => analyse.find((c) => c.key === key) as Column;

describe('the table of steps', () => {
  it('shows value class only when analysing, as the step panel does', () => {
    expect(columnsFor('capture').map((c) => c.key)).toEqual(['laneId', 'text', 'kind', 'system', 'workMinutes', 'waitMinutes', 'volume']);
    expect(analyse.map((c) => c.key)).toContain('valueClass');
  });

  it('lists steps in the order the story is told: along the flows, a step inserted between two sits between them, loose steps last', () => {
    const steps = [step('note'), step('end', { kind: 'end' }), step('b'), step('start', { kind: 'start' }), step('a'), step('new')];
    const flows = [flow('start', 'a'), flow('a', 'new'), flow('new', 'b'), flow('b', 'end'), flow('b', 'a')];
    expect(rowOrder(steps, flows).map((s) => s.id)).toEqual(['start', 'a', 'new', 'b', 'end', 'note']);
  });

  it('shows lanes by name, kinds and value classes by label, times as people say them', () => {
    const s = step('s', { laneId: 'emp', kind: 'decision', workMinutes: 960, waitMinutes: 2880 + 90, valueClass: 'waste' });
    const map = new Map(lanes.map((l) => [l.id, l]));
    expect(analyse.map((c) => cellText(s, c, map))).toEqual(['Employee', 's', 'Decision', '', '16 h', '2 d 1 h 30 min', '', 'Waste']);
  });

  it('reads typed or pasted cells, and says why it cannot', () => {
    expect(readCell(column('workMinutes'), '2 days', lanes)).toEqual({ ok: true, patch: { workMinutes: 960 } });
    expect(readCell(column('waitMinutes'), '2 days', lanes)).toEqual({ ok: true, patch: { waitMinutes: 2880 } });
    expect(readCell(column('waitMinutes'), '', lanes)).toEqual({ ok: true, patch: { waitMinutes: null } });
    expect(readCell(column('waitMinutes'), 'soon', lanes)).toEqual({ ok: false, message: '“soon” is not a time. Try 90, 1h 30m, 1.5h or 2 days.' });
    expect(readCell(column('laneId'), ' service  DESK ', lanes)).toEqual({ ok: true, patch: { laneId: 'desk' } });
    expect(readCell(column('laneId'), 'Manager', lanes)).toEqual({ ok: true, patch: {}, laneName: 'Manager' });
    expect(readCell(column('laneId'), '', lanes)).toEqual({ ok: true, patch: { laneId: null } });
    expect(readCell(column('kind'), 'sub-process', lanes)).toEqual({ ok: true, patch: { kind: 'subprocess' } });
    expect(readCell(column('kind'), 'Gateway', lanes)).toEqual({ ok: true, patch: { kind: 'decision' } });
    expect(readCell(column('kind'), '', lanes)).toEqual({ ok: true, patch: {} });
    expect(readCell(column('kind'), 'Meeting', lanes).ok).toBe(false);
    expect(readCell(column('valueClass'), 'NVA', lanes)).toEqual({ ok: true, patch: { valueClass: 'waste' } });
    expect(readCell(column('valueClass'), 'value-adding', lanes)).toEqual({ ok: true, patch: { valueClass: 'value_adding' } });
    expect(readCell(column('text'), ' Waits\r\nfor a call ', lanes)).toEqual({ ok: true, patch: { text: 'Waits\nfor a call' } });
    expect(readCell(column('volume'), 'About 70\r\n a week', lanes)).toEqual({ ok: true, patch: { volume: 'About 70 a week' } });
  });

  it('narrows a choice as letters are typed, first letters first', () => {
    expect(matchingChoices(choicesFor('kind', lanes), 'd').map((c) => c.value)).toEqual(['decision', 'end']);
    expect(matchingChoices(choicesFor('kind', lanes), 'su').map((c) => c.value)).toEqual(['subprocess']);
    expect(matchingChoices(choicesFor('laneId', lanes), 'emp').map((c) => c.value)).toEqual(['emp']);
  });
});

describe('pasting a block', () => {
  const rows = [step('a', { laneId: 'desk', workMinutes: 5 }), step('b', { laneId: 'desk' }), step('c', { laneId: 'emp' })];
  const columns = columnsFor('capture');

  it('patches the rows under the block, only what differs, one patch per step', () => {
    const plan = planPaste({ rows, columns, lanes, start: { row: 0, col: 4 }, cells: [['5', '1h'], ['1:30', '2 days']] });
    expect(plan.errors).toEqual([]);
    expect(plan.patches).toEqual([
      { id: 'a', patch: { waitMinutes: 60 } },
      { id: 'b', patch: { workMinutes: 90, waitMinutes: 2880 } },
    ]);
    expect(plan.end).toEqual({ row: 1, col: 5 });
  });

  it('adds rows beyond the last step as new steps when the block covers the Step column', () => {
    const plan = planPaste({ rows, columns, lanes, start: { row: 2, col: 0 }, cells: [['Employee', 'c'], ['Manager', 'Approve'], ['', 'Tell them'], ['', '']] });
    expect(plan.patches).toEqual([]);
    expect(plan.append).toEqual([{ patch: { text: 'Approve' }, laneName: 'Manager' }, { patch: { text: 'Tell them' } }]);
    const refused = planPaste({ rows, columns, lanes, start: { row: 2, col: 4 }, cells: [['5'], ['6']] });
    expect(refused.errors).toEqual(['The block has more rows than the table. To add steps, paste rows that include the Step column.']);
  });

  it('refuses the whole block when a cell cannot be read, naming row and column', () => {
    const plan = planPaste({ rows, columns, lanes, start: { row: 0, col: 4 }, cells: [['5'], ['soon'], ['3 months']] });
    expect(plan.errors).toEqual([
      'Row 2, Work time: “soon” is not a time. Try 90, 1h 30m, 1.5h or 2 days.',
      'Row 3, Work time: “months” is not a unit Shoshin knows. Use minutes, hours, days or weeks (months differ in length).',
    ]);
  });

  it('leaves out columns beyond the table and fills a selection with one pasted cell', () => {
    const wide = planPaste({ rows, columns, lanes, start: { row: 0, col: 6 }, cells: [['weekly', 'extra', 'more']] });
    expect(wide.ignoredColumns).toBe(2);
    expect(wide.patches).toEqual([{ id: 'a', patch: { volume: 'weekly' } }]);
    const filled = planPaste({ rows, columns, lanes, start: { row: 0, col: 5 }, cells: [['30']], fill: { rows: 3, cols: 1 } });
    expect(filled.patches.map((p) => p.patch)).toEqual([{ waitMinutes: 30 }, { waitMinutes: 30 }, { waitMinutes: 30 }]);
  });
});
