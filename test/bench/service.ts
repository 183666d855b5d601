import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Envelope } from '../../core/contract';
import { EngagementStore } from '../../db/store';
import type { LoadedEngagement } from '../../core/contract';
import { processView, snapshotOf } from '../../core/views';
import { createDispatch } from '../../main/dispatch';
import { createHandlers, Workspace } from '../../main/services';
import { anyPath } from '../../main/services/paths';
import { generateEngagement } from './generate';
import { elapsedMs, figure, median, percentile, type Figure } from './stats';

async function ok<T>(promise: Promise<Envelope<unknown>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(result.error.message);
  return result.data as T;
}

/** Figure 1: one step edit through the whole service layer versus a bare insert with the same pragmas. */
export async function durability(dir: string, rounds = 8, perRound = 50): Promise<Figure[]> {
  const dispatch = createDispatch(createHandlers({ dataDir: dir, userDataDir: path.join(dir, 'app'), paths: anyPath }));
  const workspace = new Workspace();
  await ok(dispatch(workspace, 'engagement.create', { name: 'Bench', client: '' }));
  const processId = (await ok<{ process: { id: string } }>(dispatch(workspace, 'process.create', { name: 'P' }))).process.id;
  const stepId = (await ok<{ step: { id: string } }>(dispatch(workspace, 'step.add', { processId, x: 0, y: 0, text: 'a' }))).step.id;

  const raw = new Database(path.join(dir, 'raw.sqlite'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.exec('CREATE TABLE rows (id TEXT PRIMARY KEY, value TEXT NOT NULL)');
  const insert = raw.prepare('INSERT INTO rows (id, value) VALUES (?, ?)');

  const service: number[] = [];
  const bare: number[] = [];
  // Interleaved rounds, so drift on a shared machine hits both sides alike.
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < perRound; i++) {
      const start = process.hrtime.bigint();
      await ok(dispatch(workspace, 'step.update', { id: stepId, patch: { text: `edit ${round}-${i}` } }));
      service.push(elapsedMs(start));
    }
    for (let i = 0; i < perRound; i++) {
      const start = process.hrtime.bigint();
      insert.run(randomUUID(), `edit ${round}-${i}`);
      bare.push(elapsedMs(start));
    }
  }
  await workspace.schedule?.pending;
  workspace.close();
  raw.close();
  return [
    figure('1 durability', 'service edit p50', median(service), 'ms'),
    figure('1 durability', 'service edit p99', percentile(service, 99), 'ms'),
    figure('1 durability', 'raw insert p50', median(bare), 'ms'),
    figure('1 durability', 'raw insert p99', percentile(bare, 99), 'ms'),
    figure('1 durability', 'ratio p50 (service / raw)', median(service) / median(bare), '×', 1.3),
  ];
}

/** A generated 5,000-step engagement with one 300-step process among its twenty. */
export function bigEngagementFile(dir: string): { file: string; bigProcessId: string } {
  const file = path.join(dir, 'five-thousand.shoshin');
  if (fs.existsSync(file)) fs.rmSync(file);
  const store = EngagementStore.create(file, { name: 'Bench', client: 'Bench' });
  const sizes = [300, ...Array.from({ length: 19 }, (_, i) => (i < 15 ? 247 : 246))];
  const { processIds } = generateEngagement(store, { processes: 20, stepsPerProcess: sizes, lanes: 6, painPoints: 600, people: 60, seed: 7 });
  store.close();
  return { file, bigProcessId: processIds[0] ?? '' };
}

/** Figure 2: open the file, receive every record, and derive the 300-step process as the renderer does. */
export async function openEngagement(dir: string, runs = 7): Promise<Figure[]> {
  const { file, bigProcessId } = bigEngagementFile(dir);
  const dispatch = createDispatch(createHandlers({ dataDir: dir, userDataDir: path.join(dir, 'app-open'), paths: anyPath }));
  const times: number[] = [];
  let steps = 0;
  for (let i = 0; i < runs; i++) {
    const workspace = new Workspace();
    const start = process.hrtime.bigint();
    const loaded = await ok<LoadedEngagement>(dispatch(workspace, 'engagement.open', { path: file }));
    // The renderer receives JSON: count its parse too.
    const snapshot = snapshotOf((JSON.parse(JSON.stringify(loaded)) as LoadedEngagement).records);
    const view = processView(snapshot, bigProcessId);
    times.push(elapsedMs(start));
    steps = loaded.records.steps.length;
    if (view?.steps.length !== 300) throw new Error(`expected 300 steps, got ${view?.steps.length}`);
    await workspace.schedule?.pending;
    workspace.close();
  }
  return [figure('2 open', `open ${steps}-step engagement + load 300-step process (median)`, median(times), 'ms', 300)];
}
