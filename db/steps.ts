import { randomUUID } from 'node:crypto';
import { ShoshinError } from '../core/errors';
import { msg } from '../core/messages';
import { STEP_GAP_X, STEP_SIZE } from '../core/geometry';
import { freeSpot, keepCentre, placeChain, rightEdge, spliceRoom, type Placement } from '../core/layout';
import type { PainPointFate } from '../core/ipc/analysis';
import { newRecord, type CreateOf, type Flow, type Lane, type PatchOf, type Step } from '../core/records';
import { MAX_MAP_LINES, parseMapLines } from '../core/typeToMap';
import { addFlow, deleteFlow } from './flows';
import type { Tx } from './journal';
import { deletePainPoints, repinPainPoints } from './painPoints';
import { laneByName } from './lanes';
import { forgetStepMatches } from './matches';
import { createProcess } from './processes';

export type AddStepInput = CreateOf<'steps'> & {
  /** Chosen by the renderer so it can show and type into the step before the save returns. */
  id?: string | undefined;
  /** Connect the new step from this one in the same transaction (one undo). */
  after?: string | undefined;
  /** Label of that connecting flow (a decision's branch: "Yes", "No"). */
  label?: string | undefined;
  /** Splice the new step into this flow (A → new → B), making room after A (see `insertIntoFlow`). */
  insertOn?: string | undefined;
};

function requireLaneOf(tx: Tx, laneId: string, processId: string): Lane {
  const lane = tx.require('lanes', laneId, 'lane');
  if (lane.processId !== processId) throw new ShoshinError('conflict', msg('error.lane.otherProcess'));
  return lane;
}

function requireStepOf(tx: Tx, id: string, processId: string): Step {
  const step = tx.require('steps', id, 'step');
  if (step.processId !== processId) throw new ShoshinError('conflict', msg('error.step.otherProcess'));
  return step;
}

export function addStep(tx: Tx, input: AddStepInput): { step: Step; flow: Flow | null } {
  tx.require('processes', input.processId, 'process');
  if (input.laneId) requireLaneOf(tx, input.laneId, input.processId);
  if (input.sessionId) tx.require('sessions', input.sessionId, 'session');
  if (input.id && tx.get('steps', input.id)) throw new ShoshinError('conflict', msg('error.step.exists'));
  if (input.insertOn && input.after) throw new ShoshinError('invalid_input', msg('error.step.afterOrInsert'));
  const { after, label, id, insertOn, ...fields } = input;
  const record = newRecord('steps', { ...fields, id: id ?? randomUUID() });
  if (insertOn) return insertIntoFlow(tx, record, insertOn);
  const step = tx.insert('steps', record);
  const flow = after ? addFlow(tx, { processId: input.processId, sourceId: after, targetId: step.id, ...(label ? { label } : {}) }) : null;
  return { step, flow };
}

/**
 * Splices a step into a flow: A → B becomes A → step → B. The flow keeps its id, its label and
 * whatever is pinned to it, now as A → step: a decision's "Yes" still names the way out of the
 * decision, and the step is the first thing on that branch. step → B is a new, unlabelled flow.
 * The step goes one column after A in the lane (and row) it asks for, and the steps after A move
 * right as core/layout's spliceRoom says, all in the caller's transaction: one undo.
 */
function splice(
  tx: Tx,
  flowId: string,
  moving: { id: string; processId: string; kind: Step['kind'] },
  at: { laneId: string | null; y: number },
  place: (spot: { laneId: string | null; x: number; y: number }) => Step,
): { step: Step; flow: Flow } {
  const { processId, kind } = moving;
  const flow = tx.require('flows', flowId, 'flow');
  if (flow.processId !== processId) throw new ShoshinError('conflict', msg('error.flow.otherProcess'));
  const from = requireStepOf(tx, flow.sourceId, processId);
  const to = requireStepOf(tx, flow.targetId, processId);
  const lanes = tx.all('lanes', { processId }, 'position, rowid');
  const others = tx.all('steps', { processId }).filter((s) => s.id !== moving.id);
  const room = spliceRoom({ lanes, steps: others }, from, to, kind, at);
  for (const move of room.moves) tx.update('steps', move.id, { x: move.x });
  const step = place({ laneId: room.laneId, x: room.x, y: room.y });
  const into = tx.update('flows', flow.id, { targetId: step.id });
  addFlow(tx, { processId, sourceId: step.id, targetId: to.id });
  return { step, flow: into };
}

function insertIntoFlow(tx: Tx, record: Step, flowId: string): { step: Step; flow: Flow } {
  return splice(tx, flowId, record, { laneId: record.laneId, y: record.y }, (spot) => tx.insert('steps', { ...record, ...spot }));
}

/**
 * A step dropped onto a flow goes into it. It leaves its old place as a delete would leave it (the
 * step before it joined to the step after it), so only a step with at most one flow in and one
 * out can be dropped: rewiring a decision's branches behind the consultant's back would surprise.
 */
export function spliceStep(tx: Tx, id: string, flowId: string, at: { laneId: string | null; y: number }): Step {
  const step = tx.require('steps', id, 'step');
  const flow = tx.require('flows', flowId, 'flow');
  if (flow.processId !== step.processId) throw new ShoshinError('conflict', msg('error.flow.otherProcess'));
  if (flow.sourceId === id || flow.targetId === id) throw new ShoshinError('conflict', msg('error.splice.ownFlow'));
  if (at.laneId) requireLaneOf(tx, at.laneId, step.processId);
  const incoming = tx.all('flows', { targetId: id }).filter((f) => f.sourceId !== id);
  const outgoing = tx.all('flows', { sourceId: id }).filter((f) => f.targetId !== id);
  if (incoming.length > 1 || outgoing.length > 1) {
    throw new ShoshinError('conflict', msg('error.splice.tooManyFlows'));
  }
  for (const old of [...incoming, ...outgoing]) deleteFlow(tx, old.id);
  const [before] = incoming;
  const [after] = outgoing;
  if (before && after && before.sourceId !== after.targetId && tx.all('flows', { sourceId: before.sourceId, targetId: after.targetId }).length === 0) {
    addFlow(tx, { processId: step.processId, sourceId: before.sourceId, targetId: after.targetId, label: before.label });
  }
  return splice(tx, flowId, step, at, (spot) => tx.update('steps', id, spot)).step;
}

/**
 * Edits a step. Moving it to another lane (by id, or by name with `laneName`, creating that lane)
 * keeps its x and finds the nearest free row there; a new shape keeps its centre; becoming a
 * sub-process opens a child process for it. All in the caller's one transaction.
 */
export function updateStep(tx: Tx, id: string, patch: PatchOf<'steps'>, laneName?: string): Step {
  const current = tx.require('steps', id, 'step');
  const next: Partial<Step> = { ...patch };
  if (laneName) next.laneId = laneByName(tx, current.processId, laneName).id;
  if (next.laneId) requireLaneOf(tx, next.laneId, current.processId);
  if (next.sessionId) tx.require('sessions', next.sessionId, 'session');
  const kind = next.kind ?? current.kind;
  const kindChanged = kind !== current.kind;
  const laneChanged = next.laneId !== undefined && next.laneId !== current.laneId;
  if (kindChanged && next.x === undefined && next.y === undefined) Object.assign(next, keepCentre(current, kind));
  if ((kindChanged || laneChanged) && patch.y === undefined) {
    const laneId = next.laneId !== undefined ? next.laneId : current.laneId;
    const others = tx.all('steps', { processId: current.processId, laneId }).filter((s) => s.id !== id);
    const spot = freeSpot(others, kind, next.x ?? current.x, next.y ?? current.y);
    next.x = spot.x;
    next.y = spot.y;
  }
  if (patch.kind === 'subprocess' && !current.subprocessId) {
    const child = createProcess(tx, { name: (next.text ?? current.text) || 'Sub-process', parentStepId: id });
    next.subprocessId = child.id;
  }
  const step = tx.update('steps', id, next);
  return step;
}

/** Writes many positions at once (a tidy-up): one transaction, so one undo puts them all back. */
export function placeSteps(tx: Tx, processId: string, places: readonly Placement[]): number {
  tx.require('processes', processId, 'process');
  let moved = 0;
  for (const place of places) {
    const step = requireStepOf(tx, place.id, processId);
    if (step.x === place.x && step.y === place.y) continue;
    tx.update('steps', step.id, { x: place.x, y: place.y });
    moved++;
  }
  return moved;
}

export interface MapTextInput {
  processId: string;
  text: string;
  /** Continue the flow from this step; otherwise the new steps start right of everything. */
  after?: string;
  /** Lane for lines that name none, before any line does; defaults to `after`'s lane, then the first lane. */
  laneId?: string | null;
  sessionId?: string | null;
}

/**
 * Type-to-map: one step per line, connected as core/typeToMap reads them (in order, or as a
 * decision's labelled branches), each in the lane its line names ("Lane:" for one that exists,
 * "@Lane" creating one), laid out left to right without covering anything already drawn.
 */
export function mapText(tx: Tx, input: MapTextInput): Step[] {
  tx.require('processes', input.processId, 'process');
  const lanes = () => tx.all('lanes', { processId: input.processId }, 'position, rowid');
  const lines = parseMapLines(input.text, lanes().map((l) => l.name));
  if (lines.length === 0) throw new ShoshinError('invalid_input', msg('error.typeToMap.empty'));
  if (lines.length > MAX_MAP_LINES) throw new ShoshinError('invalid_input', msg('error.typeToMap.tooMany', { count: lines.length, max: MAX_MAP_LINES }));
  const from = input.after ? requireStepOf(tx, input.after, input.processId) : null;
  if (input.laneId) requireLaneOf(tx, input.laneId, input.processId);
  const firstLane: string | null = from ? from.laneId : input.laneId !== undefined ? input.laneId : (lanes()[0]?.id ?? null);
  // A line that names no lane stays in the lane of the step it follows.
  const items: { laneId: string | null; kind: Step['kind']; from: number | null }[] = [];
  for (const line of lines) {
    const laneId = line.lane ? laneByName(tx, input.processId, line.lane).id : line.from === null ? firstLane : (items[line.from]?.laneId ?? firstLane);
    items.push({ laneId, kind: line.kind, from: line.from });
  }
  const existing = tx.all('steps', { processId: input.processId });
  const startX = from ? from.x + STEP_SIZE[from.kind].width + STEP_GAP_X : rightEdge(existing) + STEP_GAP_X;
  const spots = placeChain({ lanes: lanes(), steps: existing }, items, startX);
  const steps: Step[] = [];
  lines.forEach((line, index) => {
    const spot = spots[index] ?? { x: startX, y: 8 };
    const previous = line.from === null ? from?.id : steps[line.from]?.id;
    const { step } = addStep(tx, {
      processId: input.processId,
      laneId: items[index]?.laneId ?? null,
      kind: line.kind,
      text: line.text,
      x: spot.x,
      y: spot.y,
      ...(previous ? { after: previous } : {}),
      ...(line.label ? { label: line.label } : {}),
      ...(input.sessionId ? { sessionId: input.sessionId } : {}),
    });
    steps.push(step);
  });
  return steps;
}

/**
 * Deleting a step keeps the flow going: each predecessor is joined to each successor.
 * Whatever was pinned to the step moves to its process rather than vanishing, unless the user
 * chose to move its pain points to the step before it or to delete them with it.
 */
export function deleteStep(tx: Tx, id: string, painPoints: PainPointFate = 'keep'): void {
  const step = tx.require('steps', id, 'step');
  const incoming = tx.all('flows', { targetId: id });
  const predecessor = incoming.find((f) => f.sourceId !== id)?.sourceId;
  if (painPoints === 'delete') deletePainPoints(tx, tx.all('pain_points', { targetKind: 'step', targetId: id }).map((p) => p.id));
  else if (painPoints === 'predecessor' && predecessor) repinPainPoints(tx, { kind: 'step', id }, { kind: 'step', id: predecessor });
  const outgoing = tx.all('flows', { sourceId: id });
  for (const flow of [...incoming, ...outgoing]) {
    for (const pain of tx.all('pain_points', { targetKind: 'flow', targetId: flow.id })) {
      tx.update('pain_points', pain.id, { targetKind: 'process', targetId: step.processId });
    }
    tx.remove('flows', flow.id);
  }
  for (const inFlow of incoming) {
    for (const outFlow of outgoing) {
      if (inFlow.sourceId === id || outFlow.targetId === id) continue;
      const exists = tx.all('flows', { sourceId: inFlow.sourceId, targetId: outFlow.targetId }).length > 0;
      if (!exists) addFlow(tx, { processId: step.processId, sourceId: inFlow.sourceId, targetId: outFlow.targetId, label: inFlow.label });
    }
  }
  for (const pain of tx.all('pain_points', { targetKind: 'step', targetId: id })) {
    tx.update('pain_points', pain.id, { targetKind: 'process', targetId: step.processId });
  }
  for (const table of ['quotes', 'questions'] as const) {
    for (const record of tx.all(table, { stepId: id })) tx.update(table, record.id, { stepId: null });
  }
  for (const child of tx.all('processes', { parentStepId: id })) tx.update('processes', child.id, { parentStepId: null });
  forgetStepMatches(tx, id);
  tx.remove('steps', id);
}
