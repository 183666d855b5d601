import { parentPort, workerData } from 'node:worker_threads';
import { ShoshinError } from '../../core/errors';
import { msg, type Message } from '../../core/messages';
import { runExport, type ExportTask } from './exports';

/** Messages from the export worker to the thread that started it. */
export type WorkerMessage =
  | { type: 'progress'; phase: Message; percent: number }
  | { type: 'done'; file: string }
  | { type: 'error'; message: Message; code: string };

const port = parentPort;
if (!port) throw new Error('The export worker must run in a worker thread.');

runExport(workerData as ExportTask, (phase, percent) => port.postMessage({ type: 'progress', phase, percent } satisfies WorkerMessage))
  .then((file) => port.postMessage({ type: 'done', file } satisfies WorkerMessage))
  .catch((error: unknown) => {
    const known = error instanceof ShoshinError;
    if (!known) console.error(error);
    port.postMessage({
      type: 'error',
      code: known ? error.code : 'internal',
      message: known ? error.text : msg('error.export.failed', { reason: (error as Error).message ?? String(error) }),
    } satisfies WorkerMessage);
  });
