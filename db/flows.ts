import { randomUUID } from 'node:crypto';
import { ShoshinError } from '../core/errors';
import type { Flow, Step } from '../core/model';
import type { Tx } from './journal';

export function addFlow(tx: Tx, input: { processId: string; sourceId: string; targetId: string; label?: string }): Flow {
  const source = tx.require<Step>('steps', input.sourceId, 'step');
  const target = tx.require<Step>('steps', input.targetId, 'step');
  if (source.processId !== input.processId || target.processId !== input.processId) {
    throw new ShoshinError('conflict', 'A flow can only join steps of the same process.');
  }
  const flow = tx.insert<Flow>('flows', {
    id: randomUUID(),
    processId: input.processId,
    sourceId: input.sourceId,
    targetId: input.targetId,
    label: input.label ?? '',
  });
  tx.touch(input.processId);
  return flow;
}

export function deleteFlow(tx: Tx, id: string): void {
  const flow = tx.require<Flow>('flows', id, 'flow');
  for (const pain of tx.all<{ id: string }>('pain_points', { targetKind: 'flow', targetId: id })) {
    tx.update('pain_points', pain.id, { targetKind: 'process', targetId: flow.processId });
  }
  tx.remove('flows', id);
  tx.touch(flow.processId);
}
