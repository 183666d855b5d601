import { ShoshinError } from '../core/errors';
import { msg } from '../core/messages';
import { STEP_GAP_X, STEP_SIZE } from '../core/geometry';
import { freeSpot, placeChain, rightEdge } from '../core/layout';
import type { PatchOf, Step } from '../core/records';
import { kindForText } from '../core/typeToMap';
import { addFlow } from './flows';
import type { Tx } from './journal';
import { laneByName } from './lanes';
import { createProcess } from './processes';
import { addStep, updateStep } from './steps';

/** One row of the table: the fields to change, and optionally a lane by name (created if there is none). */
export interface StepRowPatch {
  patch: PatchOf<'steps'>;
  laneName?: string | undefined;
}

export interface StepsPatchInput {
  processId: string;
  patches: readonly (StepRowPatch & { id: string })[];
  /** Rows beyond the table's last: new steps, connected in order from `after`. */
  append?: readonly StepRowPatch[] | undefined;
  after?: string | undefined;
}

function requireStepOf(tx: Tx, id: string, processId: string): Step {
  const step = tx.require('steps', id, 'step');
  if (step.processId !== processId) throw new ShoshinError('conflict', msg('error.step.otherProcess'));
  return step;
}

function laneOf(tx: Tx, processId: string, laneId: string): string {
  const lane = tx.require('lanes', laneId, 'lane');
  if (lane.processId !== processId) throw new ShoshinError('conflict', msg('error.lane.otherProcess'));
  return lane.id;
}

/**
 * The table's edit: many steps' fields at once (a block pasted from a spreadsheet), and new steps
 * for rows beyond the last, all in the caller's one transaction, so one undo takes it all back.
 * Each step changes exactly as one `step.update` would change it (a new lane finds a free row, a
 * new shape keeps its centre, a sub-process gets its child process). Returns the new steps.
 */
export function patchSteps(tx: Tx, input: StepsPatchInput): Step[] {
  tx.require('processes', input.processId, 'process');
  for (const { id, patch, laneName } of input.patches) {
    requireStepOf(tx, id, input.processId);
    if (Object.keys(patch).length === 0 && !laneName) continue;
    updateStep(tx, id, patch, laneName);
  }
  return appendSteps(tx, input.processId, input.append ?? [], input.after);
}

/**
 * New steps in a chain, like type-to-map: each row in the lane it names, else in the lane of the
 * row before; each connected from the one before, the first from `after`. An end stays the end:
 * when `after` is an end step, the chain goes in before it (the flows into the end lead to the
 * first new step, the last new step leads to the end, and the end moves right of the chain).
 */
function appendSteps(tx: Tx, processId: string, rows: readonly StepRowPatch[], after: string | undefined): Step[] {
  if (rows.length === 0) return [];
  const from = after ? requireStepOf(tx, after, processId) : null;
  const end = from?.kind === 'end' ? from : null;
  const lanes = tx.all('lanes', { processId }, 'position, rowid');
  let laneId: string | null = from ? from.laneId : (lanes[0]?.id ?? null);
  const items = rows.map((row) => {
    if (row.laneName) laneId = laneByName(tx, processId, row.laneName).id;
    else if (row.patch.laneId !== undefined) laneId = row.patch.laneId === null ? null : laneOf(tx, processId, row.patch.laneId);
    return { row, laneId, kind: row.patch.kind ?? kindForText(row.patch.text ?? '') };
  });
  const existing = tx.all('steps', { processId }).filter((s) => s.id !== end?.id);
  const startX = end ? end.x : from ? from.x + STEP_SIZE[from.kind].width + STEP_GAP_X : rightEdge(existing) + STEP_GAP_X;
  const spots = placeChain({ lanes: tx.all('lanes', { processId }, 'position, rowid'), steps: existing }, items, startX);
  const into = end ? tx.all('flows', { targetId: end.id }) : [];
  const added: Step[] = [];
  let previous = end ? undefined : from?.id;
  items.forEach((item, index) => {
    const spot = spots[index] ?? { x: startX, y: 8 };
    const { patch } = item.row;
    let { step } = addStep(tx, {
      ...patch,
      processId,
      laneId: item.laneId,
      kind: item.kind,
      x: patch.x ?? spot.x,
      y: patch.y ?? spot.y,
      ...(previous ? { after: previous } : {}),
    });
    if (step.kind === 'subprocess') {
      const child = createProcess(tx, { name: step.text || 'Sub-process', parentStepId: step.id });
      step = tx.update('steps', step.id, { subprocessId: child.id });
    }
    added.push(step);
    previous = step.id;
  });
  const first = added[0];
  const last = added[added.length - 1];
  if (end && first && last) {
    // The same flows, now into the first new step: their labels and pinned pain points stay.
    for (const flow of into) tx.update('flows', flow.id, { targetId: first.id });
    addFlow(tx, { processId, sourceId: last.id, targetId: end.id });
    const others = tx.all('steps', { processId, laneId: end.laneId }).filter((s) => s.id !== end.id);
    const spot = freeSpot(others, end.kind, last.x + STEP_SIZE[last.kind].width + STEP_GAP_X, end.y);
    tx.update('steps', end.id, spot);
  }
  return added;
}
