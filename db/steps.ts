import { randomUUID } from 'node:crypto';
import { ShoshinError } from '../core/errors';
import { msg } from '../core/messages';
import { STEP_GAP_X, STEP_SIZE } from '../core/geometry';
import { freeSpot, keepCentre, placeChain, rightEdge, type Placement } from '../core/layout';
import type { PainPointFate } from '../core/ipc/analysis';
import { newRecord, type CreateOf, type Flow, type Lane, type PatchOf, type Step } from '../core/records';
import { MAX_MAP_LINES, parseMapLines } from '../core/typeToMap';
import { addFlow } from './flows';
import type { Tx } from './journal';
import { deletePainPoints, repinPainPoints } from './painPoints';
import { laneByName } from './lanes';
import { createProcess } from './processes';

export type AddStepInput = CreateOf<'steps'> & {
  /** Chosen by the renderer so it can show and type into the step before the save returns. */
  id?: string | undefined;
  /** Connect the new step from this one in the same transaction (one undo). */
  after?: string | undefined;
  /** Label of that connecting flow (a decision's branch: "Yes", "No"). */
  label?: string | undefined;
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
  const { after, label, id, ...fields } = input;
  const step = tx.insert('steps', newRecord('steps', { ...fields, id: id ?? randomUUID() }));
  const flow = after ? addFlow(tx, { processId: input.processId, sourceId: after, targetId: step.id, ...(label ? { label } : {}) }) : null;
  return { step, flow };
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
 * Type-to-map: one step per line, connected in order, each in the lane its line names
 * (created if needed), laid out left to right without covering anything already drawn.
 */
export function mapText(tx: Tx, input: MapTextInput): Step[] {
  tx.require('processes', input.processId, 'process');
  const lines = parseMapLines(input.text);
  if (lines.length === 0) throw new ShoshinError('invalid_input', msg('error.typeToMap.empty'));
  if (lines.length > MAX_MAP_LINES) throw new ShoshinError('invalid_input', msg('error.typeToMap.tooMany', { count: lines.length, max: MAX_MAP_LINES }));
  const from = input.after ? requireStepOf(tx, input.after, input.processId) : null;
  if (input.laneId) requireLaneOf(tx, input.laneId, input.processId);
  const lanes = () => tx.all('lanes', { processId: input.processId }, 'position, rowid');
  let laneId: string | null = from ? from.laneId : input.laneId !== undefined ? input.laneId : (lanes()[0]?.id ?? null);
  const items = lines.map((line) => {
    if (line.lane) laneId = laneByName(tx, input.processId, line.lane).id;
    return { ...line, laneId };
  });
  const existing = tx.all('steps', { processId: input.processId });
  const startX = from ? from.x + STEP_SIZE[from.kind].width + STEP_GAP_X : rightEdge(existing) + STEP_GAP_X;
  const spots = placeChain({ lanes: lanes(), steps: existing }, items, startX);
  const steps: Step[] = [];
  let previous = from?.id;
  items.forEach((item, index) => {
    const spot = spots[index] ?? { x: startX, y: 8 };
    const { step } = addStep(tx, {
      processId: input.processId,
      laneId: item.laneId,
      kind: item.kind,
      text: item.text,
      x: spot.x,
      y: spot.y,
      ...(previous ? { after: previous } : {}),
      ...(input.sessionId ? { sessionId: input.sessionId } : {}),
    });
    steps.push(step);
    previous = step.id;
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
  tx.remove('steps', id);
}
