import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../../core/contract';
import { ShoshinError } from '../../core/errors';
import { msg, type Message } from '../../core/messages';
import type { ExportFormat } from '../../core/ipc/report';
import type { ExportTask } from './exports';
import { keepDrawingMemory } from './images';
import type { WorkerMessage } from './worker';

/**
 * Where the worker's code is: next to the bundled main process in the Electron build, or the
 * TypeScript sources (through tsx) when the app runs from source: the CLI, the browser host, tests.
 */
export function workerEntry(): string {
  const here = fileURLToPath(import.meta.url);
  const dir = path.dirname(here);
  if (here.endsWith('.ts')) return path.join(dir, 'worker-tsx.mjs');
  // The bundler may put this code in a shared chunk one folder down from the entries.
  const candidates = [path.join(dir, 'reportWorker.js'), path.join(dir, '..', 'reportWorker.js')];
  return candidates.find((file) => fs.existsSync(file)) ?? (candidates[0] as string);
}

export interface ExportOutcome {
  file: string;
}

export interface RunOptions {
  onProgress?: (phase: Message, percent: number) => void;
}

/** Runs one export in a worker thread, so the main thread (and the UI it serves) stays responsive. */
export function runExportInWorker(task: ExportTask, options: RunOptions = {}): Promise<ExportOutcome> {
  const entry = workerEntry();
  if (!fs.existsSync(entry)) return Promise.reject(new ShoshinError('internal', msg('error.export.workerMissing', { path: entry })));
  return new Promise((resolve, reject) => {
    keepDrawingMemory();
    // No inherited flags: the worker loads what it needs itself (tsx for sources, nothing for the build).
    const worker = new Worker(entry, { workerData: task, execArgv: [] });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') options.onProgress?.(message.phase, message.percent);
      else if (message.type === 'done') finish(() => resolve({ file: message.file }));
      else finish(() => reject(new ShoshinError(message.code as ErrorCode, message.message)));
    });
    worker.on('error', (error) => finish(() => reject(new ShoshinError('internal', msg('error.export.stopped', { reason: error.message })))));
    worker.on('exit', (code) => finish(() => reject(new ShoshinError('internal', msg('error.export.exited', { code })))));
  });
}

export interface JobState {
  id: string;
  format: ExportFormat;
  phase: Message;
  percent: number;
  done: boolean;
  error: Message | null;
  file: string | null;
  target: string;
}

const KEEP_JOBS = 50;

/** Export jobs the UI polls for progress; finished ones are kept (a few) so their files can be fetched. */
export class ExportJobs {
  private readonly jobs = new Map<string, JobState>();

  start(task: ExportTask): JobState {
    const job: JobState = { id: randomUUID(), format: task.format, phase: msg('export.starting'), percent: 0, done: false, error: null, file: null, target: task.out };
    this.jobs.set(job.id, job);
    for (const id of this.jobs.keys()) {
      if (this.jobs.size <= KEEP_JOBS) break;
      if (this.jobs.get(id)?.done) this.jobs.delete(id);
    }
    runExportInWorker(task, {
      onProgress: (phase, percent) => {
        job.phase = phase;
        job.percent = Math.max(job.percent, Math.min(99, percent));
      },
    }).then(
      (outcome) => {
        Object.assign(job, { done: true, percent: 100, phase: msg('export.done'), file: outcome.file });
      },
      (error: unknown) => {
        const said = error instanceof ShoshinError ? error.text : msg('error.export.failed', { reason: error instanceof Error ? error.message : String(error) });
        Object.assign(job, { done: true, phase: msg('export.failed'), error: said });
      },
    );
    return job;
  }

  get(id: string): JobState {
    const job = this.jobs.get(id);
    if (!job) throw new ShoshinError('not_found', msg('error.gone.exportJob'));
    return job;
  }
}
