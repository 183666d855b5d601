import { randomUUID } from 'node:crypto';
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { laneBands, STEP_GAP_X, STEP_SIZE } from '../../core/geometry';
import {
  boxesOverlap,
  elkGraph,
  FIRST_STEP_X,
  freeSpot,
  fromElk,
  layeredLayout,
  placeAfter,
  placeBranch,
  placeChain,
  spliceRoom,
  type LayoutInput,
  type Placement,
} from '../../core/layout';
import type { Flow, Lane, Step, StepKind } from '../../core/model';
import { processMetrics } from '../../core/metrics';
import { navigator } from '../../core/navigation';
import { chooseLane, kindForText, laneCompletions, markAsLanes, parseMapLines, splitLanePrefix } from '../../core/typeToMap';

const processId = randomUUID();

function lane(name: string, position: number): Lane {
  return { id: randomUUID(), processId, name, kind: 'role', color: '#e8eef9', position };
}

function step(laneId: string | null, kind: StepKind = 'activity', x = 0, y = 0, text = ''): Step {
  return {
    id: randomUUID(),
    processId,
    laneId,
    kind,
    text,
    x,
    y,
    description: '',
    system: '',
    workMinutes: null,
    waitMinutes: null,
    volume: '',
    valueClass: null,
    sessionId: null,
    subprocessId: null,
  };
}

function flow(source: Step, target: Step, label = ''): Flow {
  return { id: randomUUID(), processId, sourceId: source.id, targetId: target.id, label };
}

/** A small deterministic random source, so a failing case can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

/**
 * A process like the ones drawn in workshops: a main line hopping between lanes, decisions whose
 * branches rejoin, rework loops back, some unassigned steps, and everything piled at (0, 0) so the
 * layout has to do all the work.
 */
function workshopProcess(size: number, seed: number): LayoutInput {
  const next = random(seed);
  const lanes = [lane('Employee', 0), lane('Service desk', 1), lane('Engineer', 2), lane('Supplier', 3)];
  const kinds: StepKind[] = ['activity', 'activity', 'activity', 'decision', 'wait', 'subprocess'];
  const steps: Step[] = [step(lanes[0]?.id ?? null, 'start')];
  const mainLine: Step[] = [...steps];
  const flows: Flow[] = [];
  while (steps.length < size) {
    const laneIndex = Math.floor(next() * (lanes.length + 0.3));
    const s = step(lanes[laneIndex]?.id ?? null, kinds[Math.floor(next() * kinds.length)] ?? 'activity');
    const previous = mainLine[mainLine.length - 1] as Step;
    flows.push(flow(previous, s));
    steps.push(s);
    mainLine.push(s);
    if (previous.kind === 'decision' && steps.length < size) {
      const branch = step(s.laneId, 'activity');
      flows.push(flow(previous, branch, 'No'));
      flows.push(flow(branch, s));
      steps.push(branch);
    }
    if (next() < 0.08 && mainLine.length > 4) flows.push(flow(s, mainLine[Math.floor(next() * (mainLine.length - 2))] as Step, 'rework'));
  }
  const end = step(lanes[0]?.id ?? null, 'end');
  flows.push(flow(steps[steps.length - 1] as Step, end));
  steps.push(end);
  return { lanes, steps, flows };
}

function apply(input: LayoutInput, placements: readonly Placement[]): Step[] {
  const byId = new Map(placements.map((p) => [p.id, p]));
  return input.steps.map((s) => {
    const p = byId.get(s.id);
    return p ? { ...s, x: p.x, y: p.y } : s;
  });
}

/** The two promises of any layout: each step inside its own lane band, and no two steps touching. */
function expectLaneBoundAndApart(input: LayoutInput, placed: readonly Step[]): void {
  expect(placed.map((s) => s.laneId)).toEqual(input.steps.map((s) => s.laneId));
  const bands = laneBands(input.lanes, placed);
  const bandOf = new Map(bands.map((b) => [b.laneId, b]));
  const absolute = placed.map((s) => {
    const band = bandOf.get(s.laneId);
    expect(band).toBeDefined();
    const top = band?.top ?? 0;
    const size = STEP_SIZE[s.kind];
    expect(s.y).toBeGreaterThanOrEqual(8);
    expect(s.x).toBeGreaterThanOrEqual(FIRST_STEP_X);
    expect(top + s.y + size.height).toBeLessThanOrEqual(top + (band?.height ?? 0));
    return { ...s, y: top + s.y };
  });
  for (let i = 0; i < absolute.length; i++) {
    for (let j = i + 1; j < absolute.length; j++) {
      const a = absolute[i] as Step;
      const b = absolute[j] as Step;
      if (boxesOverlap(a, b, 0)) throw new Error(`steps overlap: ${a.kind}@${a.x},${a.y} and ${b.kind}@${b.x},${b.y}`);
    }
  }
}

/** Flows that are not loops read left to right. */
function expectLeftToRight(input: LayoutInput, placed: readonly Step[], loops: ReadonlySet<string>): void {
  const byId = new Map(placed.map((s) => [s.id, s]));
  for (const f of input.flows) {
    if (loops.has(f.id)) continue;
    const source = byId.get(f.sourceId) as Step;
    const target = byId.get(f.targetId) as Step;
    expect(target.x).toBeGreaterThan(source.x);
  }
}

const runElk = async (input: LayoutInput): Promise<Placement[]> => fromElk(input, await new ELK().layout(elkGraph(input)));

describe('auto-layout', () => {
  it('ELK layout keeps every step inside its lane, apart from every other, flowing left to right', async () => {
    for (const seed of [1, 7, 42]) {
      const input = workshopProcess(40, seed);
      const placed = apply(input, await runElk(input));
      expectLaneBoundAndApart(input, placed);
      const loops = new Set(input.flows.filter((f) => f.label === 'rework').map((f) => f.id));
      expectLeftToRight(input, placed, loops);
    }
  });

  it('the built-in layered layout (used when ELK runs out of time) keeps the same promises', () => {
    for (const seed of [3, 11, 99]) {
      const input = workshopProcess(60, seed);
      const placed = apply(input, layeredLayout(input));
      expectLaneBoundAndApart(input, placed);
      const loops = new Set(input.flows.filter((f) => f.label === 'rework').map((f) => f.id));
      expectLeftToRight(input, placed, loops);
    }
  });

  it('lays out a 300-step process both ways without overlaps', async () => {
    const input = workshopProcess(300, 5);
    expectLaneBoundAndApart(input, apply(input, layeredLayout(input)));
    expectLaneBoundAndApart(input, apply(input, await runElk(input)));
  });

  it('puts branches of a decision that share a lane on different rows of that lane, main line on top', () => {
    const desk = lane('Service desk', 0);
    const start = step(desk.id, 'start');
    const decide = step(desk.id, 'decision');
    const yes = step(desk.id);
    const no = step(desk.id);
    const join = step(desk.id, 'end');
    const input = { lanes: [desk], steps: [start, decide, yes, no, join], flows: [flow(start, decide), flow(decide, yes, 'Yes'), flow(decide, no, 'No'), flow(yes, join), flow(no, join)] };
    const placed = apply(input, layeredLayout(input));
    const at = new Map(placed.map((s) => [s.id, s]));
    expect(at.get(yes.id)?.x).toBe(at.get(no.id)?.x);
    expect(at.get(yes.id)?.y).toBeLessThan(at.get(no.id)?.y ?? 0);
    expectLaneBoundAndApart(input, placed);
  });

  it('places a step ELK left out after the rest, not on top of anything', async () => {
    const input = workshopProcess(12, 9);
    const result = await new ELK().layout(elkGraph(input));
    const missing = input.steps[4] as Step;
    const partial = { ...result, children: (result.children ?? []).filter((c) => c.id !== missing.id) };
    const placed = apply(input, fromElk(input, partial));
    expectLaneBoundAndApart(input, placed);
    const right = Math.max(...placed.filter((s) => s.id !== missing.id).map((s) => s.x));
    expect(placed.find((s) => s.id === missing.id)?.x).toBeGreaterThan(right);
  });

  it('handles an empty process, a lone step, and a self-loop', async () => {
    expect(layeredLayout({ lanes: [], steps: [], flows: [] })).toEqual([]);
    const only = step(null);
    const input = { lanes: [], steps: [only], flows: [flow(only, only)] };
    expect(layeredLayout(input)).toEqual([{ id: only.id, x: FIRST_STEP_X, y: expect.any(Number) }]);
    expectLaneBoundAndApart(input, apply(input, await runElk(input)));
  });
});

describe('placing new steps', () => {
  const desk = lane('Service desk', 0);
  const engineer = lane('Engineer', 1);

  it('places the next step right of the one before, skipping past anything in the way', () => {
    const a = step(desk.id, 'activity', FIRST_STEP_X, 37);
    const blocker = step(desk.id, 'activity', FIRST_STEP_X + 176 + STEP_GAP_X, 37);
    const place = placeAfter({ lanes: [desk], steps: [a, blocker] }, a, 'activity');
    expect(place.laneId).toBe(desk.id);
    const placed = { ...step(desk.id), ...place };
    expect([a, blocker].some((s) => boxesOverlap(s, placed))).toBe(false);
    expect(place.x).toBeGreaterThan(blocker.x);
  });

  it('places a new branch one column right of the decision, below the branches it has', () => {
    const decide = step(desk.id, 'decision', FIRST_STEP_X, 19);
    const yes = step(desk.id, 'activity', FIRST_STEP_X + 112 + STEP_GAP_X, 37);
    const place = placeBranch({ lanes: [desk], steps: [decide, yes], flows: [flow(decide, yes)] }, decide, 'activity');
    expect(place.x).toBe(yes.x);
    expect(place.y).toBeGreaterThan(yes.y + STEP_SIZE.activity.height);
  });

  it('chains typed lines left to right, each in its lane, around existing steps', () => {
    const existing = [step(engineer.id, 'activity', FIRST_STEP_X + 240, 37)];
    const spots = placeChain(
      { lanes: [desk, engineer], steps: existing },
      [
        { laneId: desk.id, kind: 'activity' },
        { laneId: engineer.id, kind: 'activity' },
        { laneId: engineer.id, kind: 'decision' },
      ],
      FIRST_STEP_X,
    );
    const placed = [
      { ...step(desk.id), ...spots[0] },
      { ...step(engineer.id), ...spots[1] },
      { ...step(engineer.id, 'decision'), ...spots[2] },
    ];
    expect(placed[1]?.x).toBeGreaterThan(placed[0]?.x ?? 0);
    expect(placed[2]?.x).toBeGreaterThan(placed[1]?.x ?? 0);
    expectLaneBoundAndApart({ lanes: [desk, engineer], steps: [...existing, ...placed], flows: [] }, [...existing, ...placed]);
  });

  it('places a decision’s typed branches in the column after it, one row each', () => {
    const spots = placeChain(
      { lanes: [desk], steps: [] },
      [
        { laneId: desk.id, kind: 'decision', from: null },
        { laneId: desk.id, kind: 'activity', from: 0 },
        { laneId: desk.id, kind: 'activity', from: 0 },
        { laneId: desk.id, kind: 'activity', from: 1 },
      ],
      FIRST_STEP_X,
    );
    expect(spots[1]?.x).toBe(FIRST_STEP_X + STEP_SIZE.decision.width + STEP_GAP_X);
    expect(spots[2]?.x).toBe(spots[1]?.x);
    expect(spots[2]?.y).toBeGreaterThan((spots[1]?.y ?? 0) + STEP_SIZE.activity.height);
    expect(spots[3]?.x).toBe((spots[1]?.x ?? 0) + STEP_SIZE.activity.width + STEP_GAP_X);
  });

  it('finds a free row when the wanted spot is taken', () => {
    const taken = step(desk.id, 'activity', 400, 37);
    const spot = freeSpot([taken], 'decision', 420, 30);
    expect(spot.x).toBe(420);
    expect(boxesOverlap({ ...spot, kind: 'decision' }, taken)).toBe(false);
  });
});

describe('type-to-map parsing', () => {
  it('reads "Lane: text" lines for lanes that exist, "@Lane" for new ones, and keeps other colons as text', () => {
    const lines = parseMapLines(
      `Service desk: log the call
  - @Engineer: reset password

Approved?
2) employee: try the new password
Note: call back
Pings #it_help: any update?
engineer: closes it
http://intranet/help at 9:30`,
      ['Service desk', 'Employee'],
    );
    expect(lines.map(({ lane, newLane, text, kind }) => ({ lane, newLane, text, kind }))).toEqual([
      { lane: 'Service desk', newLane: false, text: 'log the call', kind: 'activity' },
      { lane: 'Engineer', newLane: true, text: 'reset password', kind: 'activity' },
      { lane: null, newLane: false, text: 'Approved?', kind: 'decision' },
      { lane: 'Employee', newLane: false, text: 'try the new password', kind: 'activity' },
      { lane: null, newLane: false, text: 'Note: call back', kind: 'activity' },
      { lane: null, newLane: false, text: 'Pings #it_help: any update?', kind: 'decision' },
      { lane: 'Engineer', newLane: false, text: 'closes it', kind: 'activity' },
      { lane: null, newLane: false, text: 'http://intranet/help at 9:30', kind: 'activity' },
    ]);
    expect(lines.map((l) => [l.from, l.label])).toEqual([[null, ''], [0, ''], [1, ''], [2, ''], [3, ''], [4, ''], [5, ''], [6, '']]);
  });

  it('splits a lane prefix only when it looks like one', () => {
    expect(splitLanePrefix('Engineer: reset password')).toEqual({ lane: 'Engineer', text: 'reset password' });
    expect(splitLanePrefix('Call back at 9:30')).toEqual({ lane: null, text: 'Call back at 9:30' });
    expect(splitLanePrefix('Engineer:')).toEqual({ lane: null, text: 'Engineer:' });
    expect(splitLanePrefix(`${'x'.repeat(80)}: too long to be a lane`).lane).toBeNull();
    expect(kindForText('Identity verified?')).toBe('decision');
  });

  it('moves a step into a lane only when it exists, or when "@" asks for one', () => {
    const lanes = ['Service desk', 'Employee'];
    expect(chooseLane('SERVICE   desk: logs it', lanes)).toEqual({ lane: 'Service desk', isNew: false, text: 'logs it' });
    expect(chooseLane('Note: call back', lanes)).toEqual({ lane: null, isNew: false, text: 'Note: call back' });
    expect(chooseLane('Pings #it_help: any update?', lanes)).toEqual({ lane: null, isNew: false, text: 'Pings #it_help: any update?' });
    expect(chooseLane('@Engineer resets the password', lanes)).toEqual({ lane: 'Engineer', isNew: true, text: 'resets the password' });
    expect(chooseLane('@Identity team: checks', lanes)).toEqual({ lane: 'Identity team', isNew: true, text: 'checks' });
    expect(chooseLane('@service desk answers the call', lanes)).toEqual({ lane: 'Service desk', isNew: false, text: 'answers the call' });
    expect(chooseLane('@employee: Note: call back', lanes)).toEqual({ lane: 'Employee', isNew: false, text: 'Note: call back' });
    // "@" alone, or a lane with nothing to do, stays as typed.
    expect(chooseLane('@Engineer', lanes)).toEqual({ lane: null, isNew: false, text: '@Engineer' });
    expect(chooseLane('@Engineer:', lanes)).toEqual({ lane: null, isNew: false, text: '@Engineer:' });
  });

  it('says which prefixes stayed text, and marks them as lanes on request', () => {
    const source = 'Note: call back\n\n  - HR: checks the contract\nApproved?\n  Yes: IT: grants access\nService desk: closes it';
    expect(parseMapLines(source, ['Service desk']).map((l) => [l.row, l.unknownLane])).toEqual([
      [0, 'Note'],
      [2, 'HR'],
      [3, null],
      [4, 'IT'],
      [5, null],
    ]);
    expect(markAsLanes(source, ['Service desk'])).toBe('@Note: call back\n\n  - @HR: checks the contract\nApproved?\n  Yes: @IT: grants access\nService desk: closes it');
  });

  it('completes "@" and the start of a lane name to that lane, in lane order', () => {
    const lanes = ['Service desk', 'Employee', 'Security team'];
    expect(laneCompletions('@se', lanes)).toEqual(['@Service desk: ', '@Security team: ']);
    expect(laneCompletions('@', lanes)).toEqual(['@Service desk: ', '@Employee: ', '@Security team: ']);
    expect(laneCompletions('@Service desk: logs', lanes)).toEqual([]);
    expect(laneCompletions('Service', lanes)).toEqual([]);
  });

  it('reads lines indented under a question as its labelled branches, carrying on from the first', () => {
    const lines = parseMapLines(
      `Logs the request
Approved?
  Yes: Grants access
    Sends the login details
  No: Employee: Gets a rejection e-mail
  Escalated: asks the CISO
Closes the ticket`,
      ['Employee'],
    );
    expect(lines.map((l) => [l.text, l.from, l.label, l.lane])).toEqual([
      ['Logs the request', null, '', null],
      ['Approved?', 0, '', null],
      ['Grants access', 1, 'Yes', null],
      ['Sends the login details', 2, '', null],
      ['Gets a rejection e-mail', 1, 'No', 'Employee'],
      ['asks the CISO', 1, 'Escalated', null],
      ['Closes the ticket', 3, '', null],
    ]);
  });

  it('nests a question inside a branch, and ignores indentation under a step that is no question', () => {
    const lines = parseMapLines(`Checked?
	Yes: Complete?
		Yes: Files it
		No: Chases it
	No: Returns it
Done
Writes up
    - indented bullet
Ends`);
    expect(lines.map((l) => [l.text, l.from, l.label])).toEqual([
      ['Checked?', null, ''],
      ['Complete?', 0, 'Yes'],
      ['Files it', 1, 'Yes'],
      ['Chases it', 1, 'No'],
      ['Returns it', 0, 'No'],
      ['Done', 2, ''],
      ['Writes up', 5, ''],
      ['indented bullet', 6, ''],
      ['Ends', 7, ''],
    ]);
  });
});

describe('splicing a step into a flow', () => {
  const desk = lane('Service desk', 0);
  const engineer = lane('Engineer', 1);
  const column = STEP_SIZE.activity.width + STEP_GAP_X;

  function movedView(steps: readonly Step[], room: { moves: readonly Placement[] }): Step[] {
    const moved = new Map(room.moves.map((m) => [m.id, m]));
    return steps.map((s) => ({ ...s, ...(moved.get(s.id) ?? {}) }));
  }

  it('puts the new step one column after the first and moves every later column right by the same amount', () => {
    const a = step(desk.id, 'activity', FIRST_STEP_X, 37);
    const b = step(desk.id, 'activity', FIRST_STEP_X + column, 37);
    const c = step(engineer.id, 'activity', FIRST_STEP_X + 2 * column, 37);
    const below = step(engineer.id, 'activity', FIRST_STEP_X, 37);
    const room = spliceRoom({ lanes: [desk, engineer], steps: [a, b, c, below] }, a, b, 'activity');
    expect(room).toMatchObject({ laneId: desk.id, x: FIRST_STEP_X + column, y: 37 });
    expect(room.moves).toEqual([
      { id: b.id, x: b.x + column, y: 37 },
      { id: c.id, x: c.x + column, y: 37 },
    ]);
    const after = movedView([a, b, c, below], room);
    const placed = { ...step(desk.id), x: room.x, y: room.y };
    expectLaneBoundAndApart({ lanes: [desk, engineer], steps: [...after, placed], flows: [] }, [...after, placed]);
    // Still in reading order: a, the new step, b, c.
    const xs = [a.x, room.x, ...after.slice(1, 3).map((s) => s.x)];
    expect([...xs].sort((p, q) => p - q)).toEqual(xs);
  });

  it('moves nothing when there is room already', () => {
    const a = step(desk.id, 'activity', FIRST_STEP_X, 37);
    const b = step(desk.id, 'activity', FIRST_STEP_X + 3 * column, 37);
    expect(spliceRoom({ lanes: [desk], steps: [a, b] }, a, b, 'activity').moves).toEqual([]);
  });

  it('keeps the next step after the new one when it is in another lane, and leaves a loop back where it is', () => {
    const a = step(desk.id, 'activity', FIRST_STEP_X + column, 37);
    const down = step(engineer.id, 'activity', FIRST_STEP_X + column, 37);
    const next = step(engineer.id, 'activity', FIRST_STEP_X + 2 * column, 37);
    const room = spliceRoom({ lanes: [desk, engineer], steps: [a, down, next] }, a, down, 'activity');
    expect(room.moves).toEqual([
      { id: down.id, x: room.x + column, y: 37 },
      { id: next.id, x: room.x + 2 * column, y: 37 },
    ]);
    const back = step(engineer.id, 'activity', FIRST_STEP_X, 37);
    expect(spliceRoom({ lanes: [desk, engineer], steps: [a, back] }, a, back, 'activity').moves).toEqual([]);
  });

  it('goes in the lane and row it was dropped in, below a step that stays put there', () => {
    const a = step(desk.id, 'activity', FIRST_STEP_X, 37);
    const b = step(desk.id, 'decision', FIRST_STEP_X + column, 19);
    const staying = step(engineer.id, 'activity', FIRST_STEP_X + 100, 37);
    const room = spliceRoom({ lanes: [desk, engineer], steps: [a, b, staying] }, a, b, 'activity', { laneId: engineer.id, y: 40 });
    expect(room.laneId).toBe(engineer.id);
    expect(room.x).toBe(FIRST_STEP_X + column);
    expect(boxesOverlap({ kind: 'activity', x: room.x, y: room.y }, staying)).toBe(false);
    expect(room.moves.map((m) => m.id)).toEqual([b.id]);
  });
});

describe('arrow-key navigation', () => {
  it('follows flows first, then moves between sibling branches, then falls back to position', () => {
    const desk = lane('Service desk', 0);
    const eng = lane('Engineer', 1);
    const start = step(desk.id, 'start', 216, 47);
    const decide = step(desk.id, 'decision', 400, 19);
    const yes = step(desk.id, 'activity', 600, 37);
    const no = step(eng.id, 'activity', 600, 37);
    const alone = step(eng.id, 'activity', 1000, 37);
    const go = navigator({ lanes: [desk, eng], steps: [start, decide, yes, no, alone], flows: [flow(start, decide), flow(decide, yes), flow(decide, no)] });
    expect(go(null, 'right')).toBe(start.id);
    expect(go(start.id, 'right')).toBe(decide.id);
    expect(go(decide.id, 'right')).toBe(yes.id);
    expect(go(yes.id, 'down')).toBe(no.id);
    expect(go(no.id, 'up')).toBe(yes.id);
    expect(go(no.id, 'left')).toBe(decide.id);
    expect(go(no.id, 'right')).toBe(alone.id);
    expect(go(start.id, 'left')).toBeNull();
  });
});

describe('Tidy and the metrics agree on which flow is the loop', () => {
  /**
   * Two ways in: the start, and an e-mailed request drawn before it that nothing leads to. The
   * rework ("details wrong") goes from the identity check back to logging the ticket. A walk
   * that began at the e-mail would meet the loop from the other side and take the forward flow
   * for the one going back.
   */
  function twoWaysIn() {
    const desk = lane('Service desk', 0);
    const email = step(desk.id, 'activity', 0, 0, 'E-mail to the desk');
    const start = step(desk.id, 'start', 0, 0, 'Caller rings');
    const log = step(desk.id, 'activity', 0, 0, 'Log the ticket');
    const check = step(desk.id, 'activity', 0, 0, 'Check identity');
    const end = step(desk.id, 'end');
    const rework = flow(check, log, 'details wrong');
    const flows = [flow(start, log), flow(email, check), flow(log, check), flow(check, end), rework];
    return { input: { lanes: [desk], steps: [email, start, log, check, end], flows }, rework };
  }

  /** Every forward flow reads left to right and the loop runs right to left. */
  function expectLoopGoesBack(input: LayoutInput, placed: readonly Step[], loopId: string): void {
    const x = new Map(placed.map((s) => [s.id, s.x]));
    for (const f of input.flows) {
      const from = x.get(f.sourceId) ?? 0;
      const to = x.get(f.targetId) ?? 0;
      if (f.id === loopId) expect(to).toBeLessThan(from);
      else expect(to).toBeGreaterThan(from);
    }
  }

  it('names the rework flow as the loop in the metrics', () => {
    const { input, rework } = twoWaysIn();
    const metrics = processMetrics({ ...input, process: { id: processId, name: 'Password reset' }, painPoints: [] });
    expect(metrics.reworkLoops.map((l) => l.flowId)).toEqual([rework.id]);
  });

  it('draws that same flow going back with the built-in layout', () => {
    const { input, rework } = twoWaysIn();
    expectLoopGoesBack(input, apply(input, layeredLayout(input)), rework.id);
  });

  it('draws that same flow going back with ELK', async () => {
    const { input, rework } = twoWaysIn();
    expectLoopGoesBack(input, apply(input, await runElk(input)), rework.id);
  });
});
