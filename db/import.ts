import { randomUUID } from 'node:crypto';
import type { ImportAs, ImportPlan } from '../core/import/plan';
import { lanesInDrawnOrder } from '../core/import/positions';
import type { Placement } from '../core/layout';
import { defaultLaneY } from '../core/geometry';
import { FIRST_STEP_X } from '../core/layout';
import { newRecord, type Process } from '../core/records';
import type { Tx } from './journal';
import { createLane } from './lanes';
import { createProcess } from './processes';

/**
 * Writes an import plan as new processes (after the existing ones), with their lanes, steps and
 * flows, in the caller's one transaction: one undo takes the whole import back. Sub-processes are
 * linked both ways, as drawing one does. Imported processes are marked documented when they are
 * the client's procedure.
 */
export function writeImport(tx: Tx, plan: ImportPlan, placements: ReadonlyMap<string, Placement>, as: ImportAs): Process[] {
  const stepIds = new Map(plan.processes.flatMap((p) => p.steps.map((s) => [s.key, randomUUID()] as const)));
  // Every process first: a sub-process step's reference to its process is a foreign key.
  const created = plan.processes.map((planned) =>
    createProcess(tx, {
      name: planned.name,
      description: planned.description,
      parentStepId: planned.parentStepKey ? (stepIds.get(planned.parentStepKey) ?? null) : null,
      documented: as === 'documented',
    }),
  );
  const processIds = new Map(plan.processes.map((p, i) => [p.key, created[i]?.id as string]));
  for (const planned of plan.processes) {
    const id = processIds.get(planned.key) as string;
    const laneIds = new Map(lanesInDrawnOrder(planned).map((lane) => [lane.key, createLane(tx, { processId: id, name: lane.name, kind: lane.kind }).id]));
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
