import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../core/contract';
import { csvField, csvSafe, painPointRegisterCsv, stakeholderRegisterCsv, toCsv } from '../../core/csv';
import { peopleOf, registerOf, snapshotOf } from '../../core/views';
import { loadRecords } from '../../db/records';
import { cleanTempDirs, harness, type Harness } from '../helpers';
import { format, msg } from '../../core/messages';
import { HOSTILE, hostileStore } from '../reportFixtures';

/** The analysis commands through the real dispatcher, on real engagement files. */
let h: Harness;

beforeEach(() => {
  h = harness();
});

afterEach(() => {
  h.workspace.close();
  cleanTempDirs();
});

async function expectError(method: string, payload: unknown, code: ErrorCode): Promise<string> {
  const result = await h.dispatch(h.workspace, method, payload);
  expect(result).toMatchObject({ ok: false, error: { code } });
  return result.ok ? '' : result.error.message;
}

const journalSize = (): unknown => h.workspace.requireStore().db.prepare('SELECT COUNT(*) AS n FROM journal').get();

async function setup() {
  await h.call('engagement.create', { name: 'Northwind, "phase 1"', client: 'Northwind' });
  const processId = (await h.call('process.create', { name: 'Password reset' })).process.id;
  const laneId = (await h.call('lane.create', { processId, name: 'Service desk' })).lane.id;
  const stepId = (await h.call('step.add', { processId, laneId, text: 'Log the call', x: 200, y: 40 })).step.id;
  const people = [];
  for (const name of ['Raj Patel', 'Sue Barker', 'Mark Holloway']) people.push((await h.call('person.create', { name, role: 'Analyst' })).person);
  const session = (await h.call('session.create', { name: 'Playback', date: '2026-11-04', participantIds: people.map((p) => p.id) })).session;
  return { processId, laneId, stepId, people, session };
}

describe('pain points', () => {
  it('adds, classifies and numbers them per process, never renumbering after a delete', async () => {
    const { processId, stepId, people } = await setup();
    const add = (text: string) => h.call('painPoint.add', { processId, targetKind: 'step', targetId: stepId, text, raisedBy: people[0]?.id ?? null });
    const one = (await add('Queue is forty minutes')).painPoint;
    const two = (await add('Security questions nobody remembers')).painPoint;
    const three = (await add('Manager never rings back')).painPoint;
    expect([one.number, two.number, three.number]).toEqual([1, 2, 3]);
    await h.call('painPoint.delete', { id: two.id });
    expect((await h.view(processId)).painPoints.map((p) => p.number)).toEqual([1, 3]);
    expect((await add('Nobody owns it')).painPoint.number).toBe(4);

    await h.call('painPoint.update', { id: one.id, patch: { waste: 'queue', fourP: 'process', severity: 4, frequency: 'daily', notes: 'Mondays worst' } });
    expect(await h.history()).toMatchObject({ undoLabel: msg('undo.painPoint.classify') });
    const row = (await h.analysis()).register.find((r) => r.id === one.id);
    expect(row).toMatchObject({ waste: 'queue', fourP: 'process', severity: 4, frequency: 'daily', notes: 'Mondays worst', raisedByName: 'Raj Patel', laneName: 'Service desk' });
  });

  it('refuses bad input with a clear error and changes nothing', async () => {
    const { processId, stepId } = await setup();
    const other = (await h.call('process.create', { name: 'Onboarding' })).process.id;
    const before = journalSize();
    await expectError('painPoint.add', { processId, targetKind: 'step', targetId: stepId, text: '' }, 'invalid_input');
    await expectError('painPoint.add', { processId, targetKind: 'step', targetId: stepId, text: 'x'.repeat(100_001) }, 'invalid_input');
    await expectError('painPoint.add', { processId, targetKind: 'comment', targetId: stepId, text: 'x' }, 'invalid_input');
    await expectError('painPoint.add', { processId, targetKind: 'step', targetId: stepId, text: 'x', extra: 1 }, 'invalid_input');
    expect(await expectError('painPoint.add', { processId: other, targetKind: 'step', targetId: stepId, text: 'x' }, 'conflict')).toMatch(/another process/);
    await expectError('painPoint.add', { processId, targetKind: 'process', targetId: other, text: 'x' }, 'conflict');
    await expectError('painPoint.add', { processId, targetKind: 'lane', targetId: stepId, text: 'x' }, 'not_found');
    await expectError('painPoint.add', { processId, targetKind: 'step', targetId: stepId, text: 'x', raisedBy: stepId }, 'not_found');
    const { painPoint } = await h.call('painPoint.add', { processId, targetKind: 'step', targetId: stepId, text: 'ok' });
    const after = journalSize();
    await expectError('painPoint.update', { id: painPoint.id, patch: { severity: 6 } }, 'invalid_input');
    await expectError('painPoint.update', { id: painPoint.id, patch: { waste: 'laziness' } }, 'invalid_input');
    await expectError('painPoint.update', { id: painPoint.id, patch: { frequency: 'hourly' } }, 'invalid_input');
    await expectError('painPoint.update', { id: painPoint.id, patch: { processId: other } }, 'invalid_input');
    expect(journalSize()).toEqual(after);
    expect(before).not.toEqual(after);
  });
});

describe('dot voting', () => {
  it('stores dots per participant and session, within each participant’s allowance', async () => {
    const { processId, stepId, people, session } = await setup();
    const [raj, sue, mark] = people.map((p) => p.id) as [string, string, string];
    const pains = [];
    for (const text of ['Queue', 'Questions', 'Manager']) pains.push((await h.call('painPoint.add', { processId, targetKind: 'step', targetId: stepId, text })).painPoint.id);
    const [queue, questions, manager] = pains as [string, string, string];

    expect(await expectError('vote.setDots', { sessionId: session.id, personId: raj, painPointId: queue, dots: 1 }, 'conflict')).toMatch(/Start the vote/);
    await h.call('vote.start', { sessionId: session.id, dotsPerPerson: 3 });
    const set = (personId: string, painPointId: string, dots: number) => h.call('vote.setDots', { sessionId: session.id, personId, painPointId, dots });
    await set(raj, queue, 2);
    await set(raj, questions, 1);
    expect(await expectError('vote.setDots', { sessionId: session.id, personId: raj, painPointId: manager, dots: 1 }, 'conflict')).toMatch(/Raj Patel has no dots left/);
    await set(raj, queue, 1);
    await set(raj, manager, 1);
    await set(sue, questions, 3);
    await set(mark, manager, 2);
    await set(mark, questions, 1);
    await set(mark, questions, 0);

    const outsider = (await h.call('person.create', { name: 'Helen Okafor' })).person.id;
    expect(await expectError('vote.setDots', { sessionId: session.id, personId: outsider, painPointId: queue, dots: 1 }, 'conflict')).toMatch(/not a participant/);
    await expectError('vote.setDots', { sessionId: session.id, personId: raj, painPointId: queue, dots: -1 }, 'invalid_input');
    await expectError('vote.start', { sessionId: session.id, dotsPerPerson: 0 }, 'invalid_input');
    expect(await expectError('vote.start', { sessionId: session.id, dotsPerPerson: 2 }, 'conflict')).toMatch(/already placed 3 dots/);

    const view = await h.analysis();
    const votesOf = (id: string) => view.register.find((r) => r.id === id)?.votes;
    expect([votesOf(queue), votesOf(questions), votesOf(manager)]).toEqual([1, 4, 3]);
    expect(view.votes.map((v) => [v.personId, v.painPointId, v.dots]).sort()).toEqual(
      [
        [raj, queue, 1],
        [raj, questions, 1],
        [raj, manager, 1],
        [sue, questions, 3],
        [mark, manager, 2],
      ].sort(),
    );
    expect(view.voteRounds).toMatchObject([{ sessionId: session.id, dotsPerPerson: 3, revealed: false }]);

    await h.call('vote.reveal', { sessionId: session.id, revealed: true });
    expect(await expectError('vote.setDots', { sessionId: session.id, personId: raj, painPointId: queue, dots: 0 }, 'conflict')).toMatch(/hide it/);
    await h.call('vote.reveal', { sessionId: session.id, revealed: false });
    await set(raj, queue, 0);

    // A participant who voted cannot be dropped from the session until their dots are back.
    await expectError('session.update', { id: session.id, patch: { participantIds: [raj, mark] } }, 'conflict');
    await h.call('vote.clear', { sessionId: session.id });
    expect((await h.analysis()).votes).toEqual([]);
    await h.call('history.undo');
    expect((await h.analysis()).votes).toHaveLength(4);
  });
});

describe('opportunities', () => {
  it('are created from pain points and edited with impact, effort, horizon and owner', async () => {
    const { processId, stepId } = await setup();
    const a = (await h.call('painPoint.add', { processId, targetKind: 'step', targetId: stepId, text: 'A' })).painPoint.id;
    const b = (await h.call('painPoint.add', { processId, targetKind: 'process', targetId: processId, text: 'B' })).painPoint.id;
    const { opportunity } = await h.call('opportunity.create', { title: 'Self-service reset', painPointIds: [a, b, a] });
    expect(opportunity).toMatchObject({ painPointIds: [a, b], impact: null, effort: null, horizon: null, owner: '' });
    await h.call('opportunity.update', { id: opportunity.id, patch: { impact: 5, effort: 2, horizon: 'quick_win', owner: 'Raj Patel' } });
    expect((await h.analysis()).opportunities[0]).toMatchObject({ impact: 5, effort: 2, horizon: 'quick_win', owner: 'Raj Patel' });
    await expectError('opportunity.create', { title: 'Ghost', painPointIds: [stepId] }, 'not_found');
    await expectError('opportunity.create', { title: '', painPointIds: [] }, 'invalid_input');
    await expectError('opportunity.update', { id: opportunity.id, patch: { horizon: 'someday' } }, 'invalid_input');
    await expectError('opportunity.update', { id: opportunity.id, patch: { impact: 0 } }, 'invalid_input');
    await h.call('opportunity.delete', { id: opportunity.id });
    expect((await h.analysis()).opportunities).toEqual([]);
  });

  it('lose the pain points of a deleted process, and get them back with undo', async () => {
    const { processId, stepId } = await setup();
    const other = (await h.call('process.create', { name: 'Onboarding' })).process.id;
    const here = (await h.call('painPoint.add', { processId, targetKind: 'step', targetId: stepId, text: 'Queue' })).painPoint.id;
    const there = (await h.call('painPoint.add', { processId: other, targetKind: 'process', targetId: other, text: 'No owner' })).painPoint.id;
    const { opportunity } = await h.call('opportunity.create', { title: 'Portal', painPointIds: [here, there] });
    await h.call('process.delete', { id: processId });
    expect((await h.analysis()).opportunities.find((o) => o.id === opportunity.id)?.painPointIds).toEqual([there]);
    await h.call('history.undo');
    expect((await h.analysis()).opportunities.find((o) => o.id === opportunity.id)?.painPointIds).toEqual([here, there]);
  });
});

describe('the people side', () => {
  it('keeps every stakeholder field and unlinks, never drops, what a removed person said', async () => {
    const { processId, stepId, people, session, laneId } = await setup();
    const raj = people[0]?.id ?? '';
    await h.call('person.update', {
      id: raj,
      patch: {
        team: 'IT Service Desk',
        influence: 3,
        sponsor: false,
        champion: true,
        awareness: 5,
        commitment: 4,
        readiness: 4,
        reinforcement: 2,
        resistance: 'fears_blame',
        notes: 'Keen to share call stats',
        anonymise: true,
      },
    });
    const engagement = await h.engagement();
    expect(engagement.people.find((p) => p.id === raj)).toMatchObject({ champion: true, resistance: 'fears_blame', anonymise: true, readiness: 4 });
    await expectError('person.update', { id: raj, patch: { resistance: 'grumpy' } }, 'invalid_input');
    await expectError('person.update', { id: raj, patch: { influence: 9 } }, 'invalid_input');
    await expectError('person.create', { name: '' }, 'invalid_input');

    const pain = (await h.call('painPoint.add', { processId, targetKind: 'step', targetId: stepId, text: 'Queue', raisedBy: raj })).painPoint;
    const observation = (await h.call('observation.create', { text: 'Apologised for the process', fourP: 'people', personId: raj, sessionId: session.id })).observation;
    const training = (await h.call('need.create', { kind: 'training', text: 'HR lookup', personId: raj, laneId })).need;
    await h.call('need.create', { kind: 'communication', text: 'What is different this time', personId: null, laneId: null });
    await expectError('need.create', { kind: 'coaching', text: 'x' }, 'invalid_input');
    await expectError('observation.create', { text: 'x', fourP: 'profit' }, 'invalid_input');
    await h.call('vote.start', { sessionId: session.id, dotsPerPerson: 2 });
    await h.call('vote.setDots', { sessionId: session.id, personId: raj, painPointId: pain.id, dots: 2 });

    await h.call('person.delete', { id: raj });
    const view = await h.analysis();
    expect(view.register[0]).toMatchObject({ id: pain.id, raisedBy: null, text: 'Queue' });
    expect(view.observations).toEqual([{ ...observation, personId: null }]);
    expect(view.needs.find((n) => n.id === training.id)).toMatchObject({ personId: null, laneId });
    expect(view.votes).toEqual([]);
    expect((await h.engagement()).sessions[0]?.participantIds).toEqual(people.slice(1).map((p) => p.id));
    await h.call('history.undo');
    expect((await h.analysis()).register[0]?.raisedBy).toBe(raj);
    expect((await h.engagement()).sessions[0]?.participantIds).toEqual(people.map((p) => p.id));
  });

  it('picks session participants from the stakeholder register only', async () => {
    const { session, people } = await setup();
    await expectError('session.update', { id: session.id, patch: { participantIds: [session.id] } }, 'not_found');
    await h.call('session.update', { id: session.id, patch: { participantIds: [people[1]?.id ?? ''], facilitator: 'Alex Morgan' } });
    expect((await h.engagement()).sessions[0]).toMatchObject({ facilitator: 'Alex Morgan', participantIds: [people[1]?.id] });
    await h.call('session.delete', { id: session.id });
    expect((await h.engagement()).sessions).toEqual([]);
  });
});

describe('CSV export', () => {
  it('quotes fields the RFC 4180 way and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(true)).toBe('Yes');
    expect(csvField(4)).toBe('4');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-5')).toBe('-5');
    expect(csvField('- a note')).toBe('- a note');
    expect(csvField('-cmd')).toBe("'-cmd");
    expect(toCsv(['a', 'b'], [[1, 'x,y']])).toBe('\uFEFFa,b\r\n1,"x,y"\r\n');
  });

  it('exports the pain-point and stakeholder registers with a BOM; anonymising names everyone by role', async () => {
    const { processId, stepId, people } = await setup();
    const [raj, sue] = people.map((p) => p.id) as [string, string];
    await h.call('person.update', { id: raj, patch: { anonymise: true, notes: 'Private note' } });
    await h.call('person.update', { id: sue, patch: { role: 'Service Desk Analyst', notes: 'Eleven years on the desk' } });
    await h.call('painPoint.add', { processId, targetKind: 'step', targetId: stepId, text: 'Queue, every "Monday"', raisedBy: raj });
    const second = (await h.call('painPoint.add', { processId, targetKind: 'process', targetId: processId, text: 'Café closes early', raisedBy: sue })).painPoint;
    await h.call('painPoint.update', { id: second.id, patch: { waste: 'defect', fourP: 'products', severity: 2, frequency: 'weekly' } });

    // Not anonymising: names, except for whoever asked not to be named.
    const named = await h.call('export.csv', { register: 'painPoints', anonymise: false });
    expect(named.fileName).toBe('Northwind-phase-1-pain-points.csv');
    expect(named.csv.startsWith('\uFEFFProcess,Number,Pain point,Pinned to,Lane,Raised by,Waste,Four Ps,Severity,Frequency,Votes,Notes\r\n')).toBe(true);
    const lines = named.csv.slice(1).split('\r\n');
    expect(lines[1]).toBe('Password reset,1,"Queue, every ""Monday""",Step: Log the call,Service desk,Analyst,,,,,0,');
    expect(lines[2]).toBe('Password reset,2,Café closes early,Whole process,,Sue Barker,Defect / rework,Products,2,Weekly,0,');
    expect(lines[3]).toBe('');

    // Anonymising: nobody's name, each by role.
    const anonymous = await h.call('export.csv', { register: 'painPoints', anonymise: true });
    for (const p of people) expect(anonymous.csv).not.toContain(p.name);
    expect(anonymous.csv).toContain(',Café closes early,Whole process,,Service Desk Analyst,');

    const stakeholders = await h.call('export.csv', { register: 'stakeholders', anonymise: true });
    expect(stakeholders.fileName).toBe('Northwind-phase-1-stakeholders.csv');
    for (const p of people) expect(stakeholders.csv).not.toContain(p.name);
    expect(stakeholders.csv).not.toContain('Private note');
    expect(stakeholders.csv).not.toContain('Eleven years');
    const rows = stakeholders.csv.split('\r\n');
    expect(rows[0]).toBe('\uFEFFName,Role,Team,Influence,Sponsor,Champion,Awareness,Commitment,Readiness,Reinforcement,Source of resistance,Anonymise in reports,Notes');
    // Numbered in role order, not in the order of the names they replace.
    expect(rows.slice(1, 4).map((row) => row.split(',').slice(0, 2).join(','))).toEqual(['Stakeholder 1,Analyst', 'Stakeholder 2,Analyst', 'Stakeholder 3,Service Desk Analyst']);
    const internal = (await h.call('export.csv', { register: 'stakeholders', anonymise: false })).csv;
    expect(internal).toContain('Sue Barker');
    expect(internal).toContain('Eleven years on the desk');
    expect(internal).not.toContain('Raj Patel');
    expect(internal).not.toContain('Private note');
    await expectError('export.csv', { register: 'quotes', anonymise: false }, 'invalid_input');
  });

  it('strips control characters as the other exports do, keeping tabs and line breaks inside quoted cells', async () => {
    expect(csvSafe(HOSTILE.control)).toBe('bell null escape vertical form lone half end');
    expect(csvField('a\tb')).toBe('"a\tb"');
    expect(csvField('two\r\nlines\u0085')).toBe('"two\r\nlines"');
    expect(csvField('\u0000=cmd|"/c calc"')).toBe(`"'=cmd|""/c calc"""`);
    expect(csvField('del\u007f and c1\u0080\u009f')).toBe('del and c1');
    expect(csvField('👩🏽‍💻 שלום')).toBe('👩🏽‍💻 שלום');

    // The hostile file holds what no command accepts (overlong names), so it is read as the export reads it.
    const store = hostileStore();
    const snapshot = snapshotOf(loadRecords(store.db));
    store.close();
    const people = peopleOf(snapshot);
    const register = registerOf(snapshot);
    for (const anonymise of [false, true]) {
      for (const [csv, records] of [
        [painPointRegisterCsv(register, { anonymise, people }), register.length],
        [stakeholderRegisterCsv(people, { anonymise }), people.length],
      ] as const) {
        expect(csv).not.toMatch(CSV_ILLEGAL);
        expect(csv).toContain(HOSTILE.rtl);
        expect(csv).toContain('bell null escape');
        // Every record still ends where it should: quoted cells keep their line breaks, nothing else breaks a row.
        const rows = parseCsv(csv.slice(1));
        expect(rows.length).toBe(records + 1);
        expect(new Set(rows.map((r) => r.length)).size).toBe(1);
      }
    }
  });
});

/** RFC 4180 read back: quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CSV_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('the sample engagement', () => {
  it('has every analysis feature filled in, with honest metrics', async () => {
    await h.call('engagement.openSample');
    const view = await h.analysis();
    const engagement = await h.engagement();
    expect(view.register.length).toBeGreaterThanOrEqual(10);
    expect(view.register.filter((r) => r.waste !== null).length).toBeGreaterThan(5);
    expect(new Set(view.register.map((r) => r.targetKind))).toEqual(new Set(['step', 'flow', 'lane', 'process']));
    expect(view.votes.length).toBeGreaterThan(0);
    expect(view.voteRounds.length).toBeGreaterThan(0);
    expect(view.opportunities.length).toBeGreaterThan(0);
    expect(view.observations.length).toBeGreaterThan(0);
    expect(new Set(view.needs.map((n) => n.kind))).toEqual(new Set(['training', 'communication']));
    expect(engagement.people.some((p) => p.sponsor) && engagement.people.some((p) => p.champion)).toBe(true);
    expect(engagement.sessions.every((s) => s.participantIds.length > 0)).toBe(true);

    const byName = new Map(view.metrics.map((m) => [m.processName, m]));
    const laptop = byName.get('Order laptop');
    // start, stock check 10, approval wait 2880, PO 20, delivery wait 7200, imaging 45 + 120, assign 10.
    expect(laptop?.leadTime).toEqual({ value: 10285, reason: null });
    expect(laptop?.cycleEfficiency.value).toBeCloseTo(45 / 10285, 10);
    const password = byName.get('Password reset');
    expect(password?.leadTime.value).toBeNull();
    expect(password?.leadTime.reason && format(password.leadTime.reason)).toMatch(/Find the account in AD/);
    expect(password?.reworkLoops).toHaveLength(2);
    expect(byName.get('New starter onboarding')?.reworkLoops).toHaveLength(3);
    expect(password?.handoffs).toBeGreaterThan(3);
  });
});
