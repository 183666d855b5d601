import { AvoidLib } from 'libavoid-js';
import { routeProcess, type AvoidApi, type FlowRoute, type RoutingInput } from '../../../core/routing';

export type RouteRequest = { id: number; input: RoutingInput };
export type RouteReply = { id: number; ok: true; routes: Record<string, FlowRoute> } | { id: number; ok: false; message: string };

// The WebAssembly ships with the package; Vite copies it into the build and gives its URL.
const WASM_URL = new URL('../../../node_modules/libavoid-js/dist/libavoid.wasm', import.meta.url).href;

let loading: Promise<AvoidApi> | null = null;

function avoid(): Promise<AvoidApi> {
  // libavoid-js's browser build refuses to start unless it sees a page or a classic worker
  // (`importScripts`). A module worker runs it just the same; the function is only looked for, never called.
  const scope = self as unknown as { importScripts?: () => never };
  scope.importScripts ??= () => {
    throw new Error('importScripts is not available in a module worker.');
  };
  loading ??= AvoidLib.load(WASM_URL).then(() => AvoidLib.getInstance() as unknown as AvoidApi);
  return loading;
}

const worker = self as unknown as { onmessage: ((event: MessageEvent<RouteRequest>) => void) | null; postMessage: (reply: RouteReply) => void };

worker.onmessage = (event) => {
  const { id, input } = event.data;
  avoid().then(
    (api) => {
      try {
        worker.postMessage({ id, ok: true, routes: routeProcess(api, input) });
      } catch (error) {
        worker.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) });
      }
    },
    (error: unknown) => worker.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
};
