import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';

export type LayoutRequest = { id: number; graph: ElkNode };
export type LayoutReply = { id: number; ok: true; result: ElkNode } | { id: number; ok: false; message: string };

// Constructing ELK loads its bundled worker code, which (finding itself in a worker) claims
// `onmessage` for its own protocol; ours is assigned afterwards and wins.
const elk = new ELK();
const scope = self as unknown as { onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null; postMessage: (reply: LayoutReply) => void };

scope.onmessage = (event) => {
  const { id, graph } = event.data;
  elk.layout(graph).then(
    (result) => scope.postMessage({ id, ok: true, result }),
    (error: unknown) => scope.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
};
