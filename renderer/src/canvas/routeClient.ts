import { useEffect, useMemo, useRef, useState } from 'react';
import type { ProcessView } from '../../../core/model';
import { routingInput, type Box, type FlowRoute, type Routes, type RoutingInput } from '../../../core/routing';
import type { RouteReply, RouteRequest } from '../workers/route.worker';

/**
 * The canvas's flow routes, computed in a Web Worker with the same function as every export
 * (core/routing.ts), so typing and dragging never wait for them. Until the answer for the
 * current positions arrives, flows keep their last routes, or a plain provisional one where a
 * step they join has moved.
 */

/** Routes and the input they were computed for (so the canvas can tell which are still current). */
export interface RoutedFlows {
  input: RoutingInput;
  routes: Routes;
}

let worker: Worker | null = null;
let nextId = 0;

function routeWorker(): Worker {
  worker ??= new Worker(new URL('../workers/route.worker.ts', import.meta.url), { type: 'module' });
  return worker;
}

/** Routes one input; null when the worker failed (the canvas then keeps its provisional lines). */
export function routeInWorker(input: RoutingInput): Promise<Routes | null> {
  return new Promise((resolve) => {
    let w: Worker;
    try {
      w = routeWorker();
    } catch {
      resolve(null);
      return;
    }
    const id = ++nextId;
    const finish = (routes: Routes | null) => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      if (!routes) {
        // A worker that failed once (say, its WebAssembly could not load) is started afresh next time.
        w.terminate();
        if (worker === w) worker = null;
      }
      resolve(routes);
    };
    const onMessage = (event: MessageEvent<RouteReply>) => {
      if (event.data.id === id) finish(event.data.ok ? event.data.routes : null);
    };
    const onError = () => finish(null);
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    const request: RouteRequest = { id, input };
    w.postMessage(request);
  });
}

const sameBox = (a: Box, b: Box) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

function sameRoute(a: FlowRoute, b: FlowRoute): boolean {
  if (a.points.length !== b.points.length || a.middle.x !== b.middle.x || a.middle.y !== b.middle.y) return false;
  if (!a.points.every((p, i) => p.x === b.points[i]?.x && p.y === b.points[i]?.y)) return false;
  if (!a.label || !b.label) return a.label === b.label;
  return a.label.text === b.label.text && sameBox(a.label, b.label);
}

/** Keeps the previous route objects where nothing changed, so React Flow re-renders only the flows that moved. */
function keepUnchanged(previous: Routes | undefined, next: Routes): Routes {
  if (!previous) return next;
  const out: Record<string, FlowRoute> = {};
  for (const [id, route] of Object.entries(next)) {
    const old = previous[id];
    out[id] = old && sameRoute(old, route) ? old : route;
  }
  return out;
}

/**
 * The routes still right for the steps as they are now: a flow keeps its route while the two steps
 * it joins are where they were when it was routed, and is left out (drawn provisionally) otherwise.
 */
export function currentRoutes(current: RoutingInput, routed: RoutedFlows | null): Map<string, { route: FlowRoute; source: Box; target: Box }> {
  const out = new Map<string, { route: FlowRoute; source: Box; target: Box }>();
  if (!routed) return out;
  const then = new Map(routed.input.steps.map((s) => [s.id, s.box]));
  const thenFlows = new Map(routed.input.flows.map((f) => [f.id, f]));
  const now = new Map(current.steps.map((s) => [s.id, s.box]));
  const same = (a: Box | undefined, b: Box | undefined) => !!a && !!b && sameBox(a, b);
  for (const flow of current.flows) {
    const before = thenFlows.get(flow.id);
    const route = routed.routes[flow.id];
    if (!before || !route || before.sourceId !== flow.sourceId || before.targetId !== flow.targetId || before.label !== flow.label) continue;
    const source = now.get(flow.sourceId);
    const target = now.get(flow.targetId);
    if (!source || !target || !same(source, then.get(flow.sourceId)) || !same(target, then.get(flow.targetId))) continue;
    out.set(flow.id, { route, source, target });
  }
  return out;
}

/** Whether routing would read the same from both: compared field by field, as this runs on every edit of a long process. */
export function sameRoutingInput(a: RoutingInput, b: RoutingInput): boolean {
  if (a.steps.length !== b.steps.length || a.flows.length !== b.flows.length || a.backFlowIds.length !== b.backFlowIds.length) return false;
  for (let i = 0; i < a.steps.length; i++) {
    const x = a.steps[i];
    const y = b.steps[i];
    if (!x || !y || x.id !== y.id || x.kind !== y.kind || !sameBox(x.box, y.box) || !sameBox(x.area, y.area)) return false;
  }
  for (let i = 0; i < a.flows.length; i++) {
    const x = a.flows[i];
    const y = b.flows[i];
    if (!x || !y || x.id !== y.id || x.sourceId !== y.sourceId || x.targetId !== y.targetId || x.label !== y.label) return false;
  }
  return a.backFlowIds.every((id, i) => id === b.backFlowIds[i]);
}

/**
 * The latest routes for the process on the canvas. One request is in the worker at a time; edits
 * that arrive meanwhile are routed together once it answers, so a burst of edits costs one routing.
 * Text edits that change nothing routing reads cost none: the input stays the same object.
 */
export function useFlowRoutes(view: ProcessView): { input: RoutingInput; routed: RoutedFlows | null } {
  const last = useRef<RoutingInput | null>(null);
  const input = useMemo(() => {
    const next = routingInput(view);
    return last.current && sameRoutingInput(last.current, next) ? last.current : next;
  }, [view]);
  useEffect(() => {
    last.current = input;
  }, [input]);
  const [routed, setRouted] = useState<RoutedFlows | null>(null);
  const state = useRef({ busy: false, wanted: null as RoutingInput | null, alive: true });

  useEffect(() => {
    const current = state.current;
    current.alive = true;
    return () => {
      current.alive = false;
    };
  }, []);

  useEffect(() => {
    const current = state.current;
    current.wanted = input;
    if (current.busy) return;
    const run = () => {
      const job = current.wanted;
      current.wanted = null;
      if (!job) {
        current.busy = false;
        return;
      }
      current.busy = true;
      void routeInWorker(job).then((routes) => {
        // An answer already overtaken by an edit is still shown: each flow's route is checked against the steps it joins.
        if (current.alive && routes) setRouted((previous) => ({ input: job, routes: keepUnchanged(previous?.routes, routes) }));
        run();
      });
    };
    run();
  }, [input]);

  return { input, routed };
}
