import ELK from 'elkjs/lib/elk.bundled.js';
import { elkGraph, fromElk, layeredLayout, type Placement } from '../../core/layout';
import type { ImportPlan } from '../../core/import/plan';
import { layoutInputOf, positionsFromDiagram } from '../../core/import/positions';

/**
 * Where each imported step goes, by plan key: the source diagram's positions where it drew every
 * step of a process, else ELK's layered layout (as Tidy does), else the plain layered layout
 * should ELK fail.
 */
export async function placementsOf(plan: ImportPlan): Promise<Map<string, Placement>> {
  const placed = new Map<string, Placement>();
  let elk: InstanceType<typeof ELK> | null = null;
  for (const process of plan.processes) {
    if (process.steps.length === 0) continue;
    let placements = positionsFromDiagram(process);
    if (!placements) {
      const input = layoutInputOf(process);
      try {
        elk ??= new ELK();
        placements = fromElk(input, await elk.layout(elkGraph(input)));
      } catch {
        placements = layeredLayout(input);
      }
    }
    for (const p of placements) placed.set(p.id, p);
  }
  return placed;
}
