import { create } from 'zustand';
import type { HistoryState, HomeView, LoadedEngagement, MethodInput, MethodName, MethodOutput, OpenOffer } from '../../core/contract';
import type { SnapshotFailure } from '../../core/ipc/app';
import type { EngagementView, ProcessView, RecordChange } from '../../core/model';
import { applyChanges, engagementOf, peopleOf, processSummaries, processView, sessionsOf, snapshotOf, type Snapshot } from '../../core/views';
import { ApiError, call } from './api';
import { t } from './i18n';

/** `diskFull` stays until an edit is saved again, so the consultant knows nothing new is being kept. */
export type SaveStatus = 'idle' | 'saving' | 'saved' | 'error' | 'diskFull';
type Screen = 'loading' | 'home' | 'engagement';
export type Send = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M> | null>;
type OpenMethod = 'engagement.create' | 'engagement.open' | 'engagement.openSample' | 'snapshot.restore';

interface ShoshinState {
  screen: Screen;
  home: HomeView | null;
  /** Every record of the open engagement; each command's reply is applied to it, nothing is read again. */
  snapshot: Snapshot | null;
  file: LoadedEngagement['file'] | null;
  /** Derived from the snapshot: the engagement as the header and side bar show it. */
  engagement: EngagementView | null;
  processId: string | null;
  /** Derived from the snapshot: the process on the canvas; the same object until that process changes. */
  process: ProcessView | null;
  history: HistoryState;
  save: { status: SaveStatus; message: string };
  /** Why the last automatic snapshot failed, as last heard from the main process. */
  snapshotFailure: SnapshotFailure | null;
  notice: string | null;
  /** An error stays until dismissed; anything else goes by itself after a while. */
  noticeError: boolean;
  /** Counts notices, so the same words said again start their time afresh. */
  noticeSeq: number;
  /**
   * A button beside the notice (say, Undo beside "New lane “Engineer”"), shown while that notice is;
   * one tied to a journal entry goes when a later edit is saved, since Undo would no longer reach it.
   */
  noticeAction: NoticeAction | null;
  /** A file that could not be opened normally, with what the user may do instead. */
  openProblem: { path: string; message: string; offers: readonly OpenOffer[] } | null;
  boot: () => Promise<void>;
  goHome: () => Promise<void>;
  openWith: <M extends OpenMethod>(method: M, input: MethodInput<M>) => Promise<boolean>;
  selectProcess: (id: string | null) => Promise<void>;
  /** Sends a command after every write already queued, applies its change, and says "Saved". */
  mutate: <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M> | null>;
  /**
   * Queues work that must see every earlier write applied first (say, a new step placed after the
   * lane it goes into exists); the task sends its own commands with `send`, which does not queue
   * again. The one write queue: everything that changes the file goes through it.
   */
  later: (task: (send: Send) => Promise<unknown> | void) => Promise<void>;
  dismissNotice: () => void;
  dismissOpenProblem: () => void;
  checkSnapshots: () => Promise<void>;
}

export interface NoticeAction {
  notice: string;
  label: string;
  run: () => void;
  journalId?: number;
}

const NO_HISTORY: HistoryState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };

function message(error: unknown): string {
  return error instanceof ApiError ? error.message : t('shell.store.genericError');
}

let sessionsCache: { table: unknown; list: EngagementView['sessions'] } | null = null;
let peopleCache: { table: unknown; list: EngagementView['people'] } | null = null;

/** The engagement view, reusing the people and session lists while their tables are unchanged. */
function engagementView(snapshot: Snapshot, file: LoadedEngagement['file']): EngagementView | null {
  const engagement = engagementOf(snapshot);
  if (!engagement) return null;
  if (sessionsCache?.table !== snapshot.tables.sessions) sessionsCache = { table: snapshot.tables.sessions, list: sessionsOf(snapshot) };
  if (peopleCache?.table !== snapshot.tables.people) peopleCache = { table: snapshot.tables.people, list: peopleOf(snapshot) };
  return { ...file, engagement, processes: processSummaries(snapshot), sessions: sessionsCache.list, people: peopleCache.list };
}

/** The process to show: the one asked for while it exists, else the first top-level one. */
function shownProcess(snapshot: Snapshot, wanted: string | null): string | null {
  if (wanted && snapshot.tables.processes.has(wanted)) return wanted;
  return processSummaries(snapshot).find((p) => p.parentStepId === null)?.id ?? null;
}

type Derived = Pick<ShoshinState, 'snapshot' | 'engagement' | 'processId' | 'process'>;

function derive(snapshot: Snapshot, file: LoadedEngagement['file'], wanted: string | null): Derived {
  const processId = shownProcess(snapshot, wanted);
  return { snapshot, engagement: engagementView(snapshot, file), processId, process: processId ? processView(snapshot, processId) : null };
}

/** Everything that changes the file leaves the renderer one at a time, in the order the user made it. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Snapshots are taken in the background (on open, then every ten minutes of editing), so their
 * outcome is asked for now and then after an edit, and after every edit while one is failing.
 */
const SNAPSHOT_CHECK_MS = 30_000;
let snapshotsCheckedAt = 0;

export const useShoshin = create<ShoshinState>((set, get) => {
  const enter = (loaded: LoadedEngagement): void => {
    const snapshot = snapshotOf(loaded.records);
    set({ screen: 'engagement', file: loaded.file, history: loaded.history, save: { status: 'idle', message: '' }, snapshotFailure: null, ...derive(snapshot, loaded.file, null) });
    void get().checkSnapshots();
  };

  const apply = (changes: readonly RecordChange[], history: HistoryState): void => {
    const { snapshot, file, processId } = get();
    if (!snapshot || !file) return;
    set({ history, ...derive(applyChanges(snapshot, changes), file, processId) });
  };

  const send: Send = async (method, input) => {
    set({ save: { status: 'saving', message: '' } });
    try {
      const result = await call(method, input);
      const reply = result as { changes?: RecordChange[]; history?: HistoryState; journalId?: number | null };
      if (reply.changes && reply.history) apply(reply.changes, reply.history);
      const action = get().noticeAction;
      if (action?.journalId !== undefined && reply.journalId != null && reply.journalId !== action.journalId) set({ noticeAction: null });
      // Only now has the main process answered after its commit: the edit is on disk.
      set({ save: { status: 'saved', message: '' } });
      if (get().snapshotFailure || Date.now() - snapshotsCheckedAt > SNAPSHOT_CHECK_MS) void get().checkSnapshots();
      return result;
    } catch (error) {
      // The command changed nothing, so the store is still what is on disk.
      const status = error instanceof ApiError && error.code === 'disk_full' ? 'diskFull' : 'error';
      set({ save: { status, message: message(error) } });
      showNotice(message(error), { error: true });
      return null;
    }
  };

  const enqueue = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    screen: 'loading',
    home: null,
    snapshot: null,
    file: null,
    engagement: null,
    processId: null,
    process: null,
    history: NO_HISTORY,
    save: { status: 'idle', message: '' },
    snapshotFailure: null,
    notice: null,
    noticeError: false,
    noticeSeq: 0,
    noticeAction: null,
    openProblem: null,

    boot: async () => {
      // The desktop shell opens a document in a new window by naming it in the page's address.
      const requested = new URLSearchParams(window.location.search).get('open');
      if (requested) {
        set({ screen: 'home', home: await call('app.home', {}) });
        await get().openWith('engagement.open', { path: requested });
        return;
      }
      try {
        enter(await call('engagement.load', {}));
      } catch {
        set({ screen: 'home', home: await call('app.home', {}) });
      }
    },

    goHome: async () => {
      await enqueue(() => call('engagement.close', {}));
      set({ screen: 'home', snapshot: null, file: null, engagement: null, process: null, processId: null, history: NO_HISTORY, home: await call('app.home', {}) });
    },

    openWith: async (method, input) => {
      try {
        const loaded = await enqueue(() => call(method, input));
        if (!loaded) return false;
        enter(loaded);
        if (loaded.file.notice) showNotice(t(loaded.file.notice));
        return true;
      } catch (error) {
        const path = (input as { path?: string }).path;
        if (error instanceof ApiError && error.offers.length > 0 && path) {
          set({ openProblem: { path, message: error.message, offers: error.offers } });
        } else showNotice(message(error), { error: true });
        return false;
      }
    },

    selectProcess: async (id) => {
      const { snapshot, file } = get();
      if (!snapshot || !file) return;
      if (id && !snapshot.tables.processes.has(id)) {
        showNotice(t('shell.store.processGone'), { error: true });
        return;
      }
      set(id ? derive(snapshot, file, id) : { processId: null, process: null });
    },

    mutate: (method, input) => enqueue(() => send(method, input)),

    later: (task) => enqueue(async () => void (await task(send))),

    dismissNotice: () => set({ notice: null, noticeError: false, noticeAction: null }),
    checkSnapshots: async () => {
      snapshotsCheckedAt = Date.now();
      try {
        set({ snapshotFailure: (await call('snapshot.list', {})).lastFailure });
      } catch {
        // The next edit asks again; a failed question about snapshots is not worth a notice.
      }
    },
    dismissOpenProblem: () => set({ openProblem: null }),
  };
});

/**
 * Says something in the notice bar, replacing what it said before. An error stays until the
 * consultant dismisses it; anything else goes by itself. `action` adds a button (say, Undo).
 */
export function showNotice(text: string, options: { error?: boolean; action?: Omit<NoticeAction, 'notice'> } = {}): void {
  useShoshin.setState((s) => ({
    notice: text,
    noticeError: options.error ?? false,
    noticeSeq: s.noticeSeq + 1,
    noticeAction: options.action ? { ...options.action, notice: text } : null,
  }));
}
