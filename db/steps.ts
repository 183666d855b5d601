import { randomUUID } from 'node:crypto';
import { ShoshinError } from '../core/errors';
import type { Flow, Lane, Step, StepKind } from '../core/model';
import { addFlow } from './flows';
import type { Tx } from './journal';

export interface AddStepInput {
  processId: string;
  laneId?: string | null;
  kind?: StepKind;
  text?: string;
  x: number;
  y: number;
  after?: string;
}

export function addStep(tx: Tx, input: AddStepInput): { step: Step; flow: Flow | null } {
  tx.require('processes', input.processId, 'process');
  if (input.laneId) {
    const lane = tx.require<Lane>('lanes', input.laneId, 'lane');
    if (lane.processId !== input.processId) throw new ShoshinError('conflict', 'That lane belongs to another process.');
  }
  const step = tx.insert<Step>('steps', {
    id: randomUUID(),
    processId: input.processId,
    laneId: input.laneId ?? null,
    kind: input.kind ?? 'activity',
    text: input.text ?? '',
    x: input.x,
    y: input.y,
    description: '',
    system: '',
    workMinutes: null,
    waitMinutes: null,
    volume: '',
    valueClass: null,
    sessionId: null,
    subprocessId: null,
  });
  tx.touch(input.processId);
  const flow = input.after ? addFlow(tx, { processId: input.processId, sourceId: input.after, targetId: step.id }) : null;
  return { step, flow };
}

export function updateStep(tx: Tx, id: string, patch: Partial<Step>): Step {
  const current = tx.require<Step>('steps', id, 'step');
  if (patch.laneId) {
    const lane = tx.require<Lane>('lanes', patch.laneId, 'lane');
    if (lane.processId !== current.processId) throw new ShoshinError('conflict', 'That lane belongs to another process.');
  }
  const step = tx.update<Step>('steps', id, patch);
  tx.touch(step.processId);
  return step;
}

/**
 * Deleting a step keeps the flow going: each predecessor is joined to each successor.
 * Whatever was pinned to the step moves to its process rather than vanishing.
 */
export function deleteStep(tx: Tx, id: string): void {
  const step = tx.require<Step>('steps', id, 'step');
  const incoming = tx.all<Flow>('flows', { targetId: id });
  const outgoing = tx.all<Flow>('flows', { sourceId: id });
  for (const flow of [...incoming, ...outgoing]) {
    for (const pain of tx.all<{ id: string }>('pain_points', { targetKind: 'flow', targetId: flow.id })) {
      tx.update('pain_points', pain.id, { targetKind: 'process', targetId: step.processId });
    }
    tx.remove('flows', flow.id);
  }
  for (const inFlow of incoming) {
    for (const outFlow of outgoing) {
      if (inFlow.sourceId === id || outFlow.targetId === id) continue;
      const exists = tx.all<Flow>('flows', { sourceId: inFlow.sourceId, targetId: outFlow.targetId }).length > 0;
      if (!exists) addFlow(tx, { processId: step.processId, sourceId: inFlow.sourceId, targetId: outFlow.targetId, label: inFlow.label });
    }
  }
  for (const pain of tx.all<{ id: string }>('pain_points', { targetKind: 'step', targetId: id })) {
    tx.update('pain_points', pain.id, { targetKind: 'process', targetId: step.processId });
  }
  for (const table of ['quotes', 'questions'] as const) {
    for (const record of tx.all<{ id: string }>(table, { stepId: id })) tx.update(table, record.id, { stepId: null });
  }
  for (const child of tx.all<{ id: string }>('processes', { parentStepId: id })) tx.update('processes', child.id, { parentStepId: null });
  tx.remove('steps', id);
  tx.touch(step.processId);
}
