import { randomUUID } from 'node:crypto';
import { ShoshinError } from '../core/errors';
import { msg } from '../core/messages';
import { newRecord, type CreateOf, type Flow } from '../core/records';
import type { Tx } from './journal';

export function addFlow(tx: Tx, input: CreateOf<'flows'>): Flow {
  const source = tx.require('steps', input.sourceId, 'step');
  const target = tx.require('steps', input.targetId, 'step');
  if (source.processId !== input.processId || target.processId !== input.processId) {
    throw new ShoshinError('conflict', msg('error.flow.crossProcess'));
  }
  // A second flow between the same two steps says nothing new, and BPMN tools reject it.
  if (tx.all('flows', { sourceId: input.sourceId, targetId: input.targetId }).length > 0) {
    throw new ShoshinError('conflict', msg('error.flow.duplicate'));
  }
  return tx.insert('flows', newRecord('flows', { ...input, id: randomUUID() }));
}

export function deleteFlow(tx: Tx, id: string): void {
  const flow = tx.require('flows', id, 'flow');
  for (const pain of tx.all('pain_points', { targetKind: 'flow', targetId: id })) {
    tx.update('pain_points', pain.id, { targetKind: 'process', targetId: flow.processId });
  }
  tx.remove('flows', id);
}
