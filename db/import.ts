import { randomUUID } from 'node:crypto';
import type { ImportAs, ImportPlan } from '../core/import/plan';
import { lanesInDrawnOrder } from '../core/import/positions';
import type { Placement } from '../core/layout';
import { defaultLaneY } from '../core/geometry';
import { FIRST_STEP_X } from '../core/layout';
import { newRecord, type Process } from '../core/records';
import { LANE_COLORS } from '../core/vocabulary';
import type { Tx } from './journal';

/**
 * Writes an import plan as new processes (after the existing ones), with their lanes, steps and
 * flows, in the caller's one transaction: one undo takes the whole import back. Sub-processes are
 * linked both ways, as drawing one does. Imported processes are marked documented when they are
 * the client's procedure.
 */
export function writeImport(tx: Tx, plan: ImportPlan, placements: ReadonlyMap<string, Placement>, as: ImportAs): Process[] {
  let position = (tx.db.prepare('SELECT COALESCE(MAX(position), -1) + 1 AS p FROM processes').get() as { p: number }).p;
  const processIds = new Map(plan.processes.map((p) => [p.key, randomUUID()]));
  const stepIds = new Map(plan.processes.flatMap((p) => p.steps.map((s) => [s.key, randomUUID()] as const)));
  const created: Process[] = [];
  // Every process first: a sub-process step's reference to its process is a foreign key.
  for (const planned of plan.processes) {
    const id = processIds.get(planned.key) as string;
    created.push(
      tx.insert(
        'processes',
        newRecord('processes', {
          id,
          name: planned.name,
          description: planned.description,
          parentStepId: planned.parentStepKey ? (stepIds.get(planned.parentStepKey) ?? null) : null,
          position: position++,
          documented: as === 'documented',
        }),
      ),
    );
  }
  for (const planned of plan.processes) {
    const id = processIds.get(planned.key) as string;
    const laneIds = new Map<string, string>();
    lanesInDrawnOrder(planned).forEach((lane, index) => {
      const laneId = randomUUID();
      laneIds.set(lane.key, laneId);
      tx.insert('lanes', newRecord('lanes', { id: laneId, processId: id, name: lane.name, kind: lane.kind, color: LANE_COLORS[index % LANE_COLORS.length], position: index }));
    });
    planned.steps.forEach((step, index) => {
      const place = placements.get(step.key);
      tx.insert(
        'steps',
        newRecord('steps', {
          id: stepIds.get(step.key) as string,
          processId: id,
          laneId: step.laneKey ? (laneIds.get(step.laneKey) ?? null) : null,
          kind: step.kind,
          text: step.text,
          x: place?.x ?? FIRST_STEP_X + index * 240,
          y: place?.y ?? defaultLaneY(step.kind),
          description: step.description,
          system: step.system,
          workMinutes: step.workMinutes,
          waitMinutes: step.waitMinutes,
          subprocessId: step.opensProcessKey ? (processIds.get(step.opensProcessKey) ?? null) : null,
        }),
      );
    });
    for (const flow of planned.flows) {
      const sourceId = stepIds.get(flow.sourceKey);
      const targetId = stepIds.get(flow.targetKey);
      if (sourceId && targetId) tx.insert('flows', newRecord('flows', { id: randomUUID(), processId: id, sourceId, targetId, label: flow.label }));
    }
  }
  return created;
}
