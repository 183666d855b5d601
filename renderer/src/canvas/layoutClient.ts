import type { ElkNode } from 'elkjs/lib/elk-api';
import { elkGraph, fromElk, layeredLayout, type LayoutInput, type Placement } from '../../../core/layout';
import type { LayoutReply, LayoutRequest } from '../workers/layout.worker';

/** Longest a layout may take before the simple built-in layout is used instead. */
export const LAYOUT_TIME_LIMIT_MS = 5000;

let worker: Worker | null = null;
let nextId = 0;

function layoutWorker(): Worker {
  worker ??= new Worker(new URL('../workers/layout.worker.ts', import.meta.url), { type: 'module' });
  return worker;
}

/** A worker that ran out of time or failed is thrown away, so a runaway layout never keeps a core busy. */
function discard(): void {
  worker?.terminate();
  worker = null;
}

type ElkOutcome = { result: ElkNode } | { result: null; reason: 'timeout' | 'failed' };

function runElk(graph: ElkNode, limitMs: number): Promise<ElkOutcome> {
  return new Promise((resolve) => {
    let w: Worker;
    try {
      w = layoutWorker();
    } catch {
      resolve({ result: null, reason: 'failed' });
      return;
    }
    const id = ++nextId;
    const finish = (outcome: ElkOutcome) => {
      clearTimeout(timer);
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      if (!outcome.result) discard();
      resolve(outcome);
    };
    const onMessage = (event: MessageEvent<LayoutReply>) => {
      if (event.data.id === id) finish(event.data.ok ? { result: event.data.result } : { result: null, reason: 'failed' });
    };
    const onError = () => finish({ result: null, reason: 'failed' });
    const timer = setTimeout(() => finish({ result: null, reason: 'timeout' }), limitMs);
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    const request: LayoutRequest = { id, graph };
    w.postMessage(request);
  });
}

/**
 * Lays a process out left to right with every step inside its lane. ELK runs in a Web Worker so
 * the canvas never freezes; if it fails or takes too long, the built-in layered layout answers.
 */
export async function layoutProcess(
  input: LayoutInput,
  limitMs = LAYOUT_TIME_LIMIT_MS,
): Promise<{ places: Placement[]; fallback: 'timeout' | 'failed' | null }> {
  if (input.steps.length === 0) return { places: [], fallback: null };
  const outcome = await runElk(elkGraph(input), limitMs);
  return outcome.result ? { places: fromElk(input, outcome.result), fallback: null } : { places: layeredLayout(input), fallback: outcome.reason };
}
