import { randomUUID } from 'node:crypto';
import { LANE_COLORS, type Lane, type LaneKind, type Step } from '../core/model';
import type { Tx } from './journal';

export function createLane(tx: Tx, input: { processId: string; name: string; kind?: LaneKind }): Lane {
  tx.require('processes', input.processId, 'process');
  const existing = tx.all<Lane>('lanes', { processId: input.processId });
  const position = existing.reduce((max, l) => Math.max(max, l.position), -1) + 1;
  const lane = tx.insert<Lane>('lanes', {
    id: randomUUID(),
    processId: input.processId,
    name: input.name,
    kind: input.kind ?? 'role',
    color: LANE_COLORS[existing.length % LANE_COLORS.length] ?? LANE_COLORS[0],
    position,
  });
  tx.touch(input.processId);
  return lane;
}

export function renameLane(tx: Tx, id: string, name: string): void {
  const lane = tx.update<Lane>('lanes', id, { name });
  tx.touch(lane.processId);
}

/** Steps in a deleted lane are kept and shown as unassigned, never dropped. */
export function deleteLane(tx: Tx, id: string): void {
  const lane = tx.require<Lane>('lanes', id, 'lane');
  for (const step of tx.all<Step>('steps', { laneId: id })) tx.update<Step>('steps', step.id, { laneId: null });
  for (const need of tx.all<{ id: string }>('needs', { laneId: id })) tx.update('needs', need.id, { laneId: null });
  for (const pain of tx.all<{ id: string }>('pain_points', { targetKind: 'lane', targetId: id })) {
    tx.update('pain_points', pain.id, { targetKind: 'process', targetId: lane.processId });
  }
  tx.remove('lanes', id);
  tx.touch(lane.processId);
}
