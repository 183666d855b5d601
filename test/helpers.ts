import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contract, isMethodName, type Envelope, type HistoryState, type MethodName, type MethodOutput } from '../core/contract';
import type { EngagementView, ProcessView } from '../core/model';
import type Database from 'better-sqlite3';
import { analysisOf, engagementOf, peopleOf, processSummaries, processView, processViews, sessionsOf, snapshotOf, type AnalysisView } from '../core/views';
import { loadRecords } from '../db/records';
import { EngagementStore } from '../db/store';
import { createDispatch, type Dispatch } from '../main/dispatch';
import { createHandlers, Workspace } from '../main/services';
import { anyPath } from '../main/services/paths';

const made: string[] = [];

/** A fresh folder under the OS temp dir; removed by `cleanTempDirs` (call it in afterEach/afterAll). */
export function tempDir(prefix = 'shoshin-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function cleanTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** The item at `index`, for fixtures that build lists and refer back into them. */
export function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`No item ${index} in a list of ${list.length}`);
  return item;
}

/** The processes of an engagement file as the renderer derives them, straight from its records. */
export function processViewsOf(db: Database.Database): ProcessView[] {
  return processViews(snapshotOf(loadRecords(db)));
}

export function processViewOf(db: Database.Database, id: string): ProcessView {
  const found = processView(snapshotOf(loadRecords(db)), id);
  if (!found) throw new Error(`No process ${id}`);
  return found;
}

/** A new engagement file in its own temp folder, open for writing. */
export function newStore(name = 'Test engagement'): EngagementStore {
  return EngagementStore.create(path.join(tempDir(), 'test.shoshin'), { name, client: 'Acme' });
}

export interface Harness {
  dispatch: Dispatch;
  workspace: Workspace;
  dataDir: string;
  userDataDir: string;
  /** Unexpected (non-Shoshin) errors the dispatcher logged. */
  logged: unknown[];
  /** Dispatches and returns the data, failing the test with the error message when the envelope is not ok. */
  call: <M extends MethodName>(method: M, payload?: unknown) => Promise<MethodOutput<M>>;
  /** What the renderer sees, derived from `engagement.load` with the renderer's own functions. */
  view: (processId: string) => Promise<ProcessView>;
  analysis: () => Promise<AnalysisView>;
  engagement: () => Promise<EngagementView>;
  history: () => Promise<HistoryState>;
}

/**
 * Every answer a test gets from a handler must match the contract's output schema, so a handler
 * cannot drift from what the renderer is promised.
 */
export function checkedDispatch(dispatch: Dispatch): Dispatch {
  return async (workspace, method, payload) => {
    const result = await dispatch(workspace, method, payload);
    if (result.ok && isMethodName(method)) {
      const parsed = contract[method].output.safeParse(result.data);
      if (!parsed.success) throw new Error(`${method} answered outside its contract: ${parsed.error.message}`);
    }
    return result;
  };
}

/** The real handlers and dispatch over a temp user-data and data folder, with no engagement open yet. */
export function harness(): Harness {
  const root = tempDir();
  const dataDir = path.join(root, 'data');
  const userDataDir = path.join(root, 'userData');
  const logged: unknown[] = [];
  const dispatch = checkedDispatch(createDispatch(createHandlers({ dataDir, userDataDir, paths: anyPath }), (error) => logged.push(error)));
  const workspace = new Workspace();
  const call = async <M extends MethodName>(method: M, payload: unknown = {}): Promise<MethodOutput<M>> => {
    const result = (await dispatch(workspace, method, payload)) as Envelope<MethodOutput<M>>;
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
    return result.data;
  };
  const snapshot = async () => {
    const loaded = await call('engagement.load');
    return { loaded, snapshot: snapshotOf(loaded.records) };
  };
  const view = async (processId: string): Promise<ProcessView> => {
    const found = processView((await snapshot()).snapshot, processId);
    if (!found) throw new Error(`No process ${processId}`);
    return found;
  };
  const analysis = async (): Promise<AnalysisView> => analysisOf((await snapshot()).snapshot);
  const engagement = async (): Promise<EngagementView> => {
    const { loaded, snapshot: s } = await snapshot();
    const record = engagementOf(s);
    if (!record) throw new Error('No engagement record');
    return { ...loaded.file, engagement: record, processes: processSummaries(s), sessions: sessionsOf(s), people: peopleOf(s) };
  };
  const history = async (): Promise<HistoryState> => (await call('engagement.load')).history;
  return { dispatch, workspace, dataDir, userDataDir, logged, call, view, analysis, engagement, history };
}
