import { create } from 'zustand';
import type { HistoryState, HomeView, MethodInput, MethodName, MethodOutput, OpenOffer } from '../../core/contract';
import type { SnapshotFailure } from '../../core/ipc/app';
import type { EngagementView, ProcessView } from '../../core/model';
import { ApiError, call } from './api';
import { t } from './i18n';

/** `diskFull` stays until an edit is saved again, so the consultant knows nothing new is being kept. */
export type SaveStatus = 'idle' | 'saving' | 'saved' | 'error' | 'diskFull';
type Screen = 'loading' | 'home' | 'engagement';

interface ShoshinState {
  screen: Screen;
  home: HomeView | null;
  engagement: EngagementView | null;
  processId: string | null;
  process: ProcessView | null;
  history: HistoryState;
  save: { status: SaveStatus; message: string };
  /** Why the last automatic snapshot failed, as last heard from the main process. */
  snapshotFailure: SnapshotFailure | null;
  notice: string | null;
  /** A file that could not be opened normally, with what the user may do instead. */
  openProblem: { path: string; message: string; offers: readonly OpenOffer[] } | null;
  boot: () => Promise<void>;
  goHome: () => Promise<void>;
  openWith: <M extends 'engagement.create' | 'engagement.open' | 'engagement.openSample' | 'snapshot.restore'>(
    method: M,
    input: MethodInput<M>,
  ) => Promise<boolean>;
  selectProcess: (id: string | null) => Promise<void>;
  mutate: <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M> | null>;
  dismissNotice: () => void;
  dismissOpenProblem: () => void;
  checkSnapshots: () => Promise<void>;
}

const NO_HISTORY: HistoryState = { canUndo: false, canRedo: false, undoLabel: '', redoLabel: '' };

function message(error: unknown): string {
  return error instanceof ApiError ? error.message : t('shell.store.genericError');
}

/** Mutations leave the renderer one at a time, in the order the user made them. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Snapshots are taken in the background (on open, then every ten minutes of editing), so their
 * outcome is asked for now and then after an edit, and after every edit while one is failing.
 */
const SNAPSHOT_CHECK_MS = 30_000;
let snapshotsCheckedAt = 0;

export const useShoshin = create<ShoshinState>((set, get) => {
  const refresh = async (processIds: readonly string[]): Promise<void> => {
    const [engagement, history] = await Promise.all([call('engagement.get', {}), call('history.state', {})]);
    const { processId } = get();
    const stillThere = processId && engagement.processes.some((p) => p.id === processId);
    const nextId = stillThere ? processId : (engagement.processes.find((p) => p.parentStepId === null)?.id ?? null);
    const needsProcess = nextId !== null && (nextId !== processId || processIds.includes(nextId));
    const process = needsProcess ? await call('process.get', { id: nextId }) : nextId ? get().process : null;
    set({ engagement, history, processId: nextId, process });
  };

  const enter = async (engagement: EngagementView): Promise<void> => {
    const first = engagement.processes.find((p) => p.parentStepId === null) ?? null;
    const [process, history] = await Promise.all([
      first ? call('process.get', { id: first.id }) : Promise.resolve(null),
      call('history.state', {}),
    ]);
    set({ screen: 'engagement', engagement, processId: first?.id ?? null, process, history, save: { status: 'idle', message: '' }, snapshotFailure: null });
    void get().checkSnapshots();
  };

  return {
    screen: 'loading',
    home: null,
    engagement: null,
    processId: null,
    process: null,
    history: NO_HISTORY,
    save: { status: 'idle', message: '' },
    snapshotFailure: null,
    notice: null,
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
        await enter(await call('engagement.get', {}));
      } catch {
        set({ screen: 'home', home: await call('app.home', {}) });
      }
    },

    goHome: async () => {
      await call('engagement.close', {});
      set({ screen: 'home', engagement: null, process: null, processId: null, home: await call('app.home', {}) });
    },

    openWith: async (method, input) => {
      try {
        const view = await call(method, input);
        if (!view) return false;
        await enter(view);
        if (view.notice) set({ notice: view.notice });
        return true;
      } catch (error) {
        const path = (input as { path?: string }).path;
        if (error instanceof ApiError && error.offers.length > 0 && path) {
          set({ openProblem: { path, message: error.message, offers: error.offers } });
        } else set({ notice: message(error) });
        return false;
      }
    },

    selectProcess: async (id) => {
      if (!id) {
        set({ processId: null, process: null });
        return;
      }
      try {
        const process = await call('process.get', { id });
        set({ processId: id, process });
      } catch (error) {
        set({ notice: message(error) });
      }
    },

    mutate: (method, input) => {
      const run = async (): Promise<MethodOutput<typeof method> | null> => {
        set({ save: { status: 'saving', message: '' } });
        try {
          const result = await call(method, input);
          const touched = (result as { processIds?: string[] }).processIds ?? [];
          await refresh(touched);
          // Only now has the main process answered after its commit: the edit is on disk.
          set({ save: { status: 'saved', message: '' } });
          if (get().snapshotFailure || Date.now() - snapshotsCheckedAt > SNAPSHOT_CHECK_MS) void get().checkSnapshots();
          return result;
        } catch (error) {
          const status = error instanceof ApiError && error.code === 'disk_full' ? 'diskFull' : 'error';
          set({ save: { status, message: message(error) }, notice: message(error) });
          await refresh(get().processId ? [get().processId ?? ''] : []).catch(() => undefined);
          return null;
        }
      };
      const next = queue.then(run);
      queue = next.catch(() => undefined);
      return next;
    },

    dismissNotice: () => set({ notice: null }),
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
