import { routeProcess, routingInput, type AvoidApi, type Routes } from '../../core/routing';
import type { Flow, Lane, Step } from '../../core/model';

/**
 * The flow routes on the Node side (exports, the report, the CLI, tests): libavoid's Node build,
 * which reads its WebAssembly from beside itself. Loaded once per thread, on first use.
 */

let loading: Promise<AvoidApi> | null = null;

export function loadAvoid(): Promise<AvoidApi> {
  loading ??= import('libavoid-js').then(async ({ AvoidLib }) => {
    await AvoidLib.load();
    return AvoidLib.getInstance() as unknown as AvoidApi;
  });
  return loading;
}

/** The routes of one process, as the canvas computes them for the same steps and flows. */
export async function processRoutes(view: { lanes: readonly Lane[]; steps: readonly Step[]; flows: readonly Flow[] }): Promise<Routes> {
  return routeProcess(await loadAvoid(), routingInput(view));
}
