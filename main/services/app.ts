import fs from 'node:fs';
import path from 'node:path';
import type { appMethods } from '../../core/ipc/app';
import type { shellMethods } from '../../core/ipc/shell';
import { ShoshinError } from '../../core/errors';
import { msg, sentences, type Message } from '../../core/messages';
import type { LoadedEngagement } from '../../core/ipc/app';
import { getEngagement, updateEngagement } from '../../db/engagement';
import { FILE_EXTENSION, openFailure, pendingMigrations } from '../../db/file';
import { loadRecords } from '../../db/records';
import { recoverInto } from '../../db/recover';
import { EngagementStore } from '../../db/store';
import { writeSample } from '../sample';
import { AppSettings } from '../settings';
import { Snapshots, SnapshotSchedule } from '../snapshots';
import { recoveryNotice } from './recoveryNotice';
import { change, freshPath, type HandlersFor, type ServiceOptions, type Workspace } from './workspace';

/** The open engagement as the renderer's store starts from it: the file, every record, the history. */
export function loadedEngagement(store: EngagementStore, notice?: Message): LoadedEngagement {
  return {
    file: { path: store.path, readOnly: store.readOnly, ...(notice ? { notice } : {}) },
    records: loadRecords(store.db),
    history: store.history(),
  };
}

/** A file whose schema checked out but whose rows cannot be read (say, a list column holding broken JSON). */
function unreadableContent(error: unknown): ShoshinError {
  if (error instanceof ShoshinError) return error;
  return new ShoshinError('bad_file', msg('error.file.unreadableContent'), ['recoverCopy']);
}

function baseName(file: string): string {
  return path.basename(file, FILE_EXTENSION);
}

export function shellHandlers(options: ServiceOptions): HandlersFor<keyof typeof shellMethods> {
  return {
    'shell.setCommands': (workspace, input) => {
      options.setCommands?.(workspace, input.commands);
      return { ok: true as const };
    },
  };
}

export function appHandlers(options: ServiceOptions): HandlersFor<keyof typeof appMethods> {
  const settings = new AppSettings(options.userDataDir);
  const snapshots = new Snapshots(path.join(options.userDataDir, 'Snapshots'));
  const storeOptions = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};

  /**
   * Everything the reply needs is read from the new file before the current engagement is let go; if
   * any of it fails, the new file is closed and the current engagement stays open.
   */
  const opened = (workspace: Workspace, store: EngagementStore, notice?: Message): LoadedEngagement => {
    let result: LoadedEngagement;
    let name: string;
    try {
      result = loadedEngagement(store, notice);
      name = getEngagement(store.db).name;
    } catch (error) {
      store.close();
      throw unreadableContent(error);
    }
    const schedule = store.readOnly ? null : new SnapshotSchedule(snapshots, store);
    workspace.replace(store, schedule);
    if (schedule) {
      store.onCommit = () => void schedule.onEdit();
      void schedule.onOpen();
    }
    if (store.readOnly) return result;
    // The recent list is a convenience: failing to write it is said, and never undoes the open.
    const unsaved = settings.remember(store.path, name);
    options.onOpened?.(store.path);
    return unsaved ? { ...result, file: { ...result.file, notice: notice ? sentences(notice, unsaved) : unsaved } } : result;
  };

  /** Runs one way of opening; a refusal leaves the current engagement as it was and says so. */
  const attempt = async (workspace: Workspace, file: string, open: () => LoadedEngagement | Promise<LoadedEngagement>): Promise<LoadedEngagement> => {
    const current = workspace.store;
    try {
      return await open();
    } catch (error) {
      // Programming errors stay unexpected (logged, "internal"); file, disk and SQLite errors get words.
      if (!(error instanceof ShoshinError) && typeof (error as { code?: unknown }).code !== 'string') throw error;
      const failure = openFailure(error, file);
      if (!current || workspace.store !== current) throw failure;
      return Promise.reject(new ShoshinError(failure.code, sentences(failure.text, msg('error.file.stillOpen')), failure.offers));
    }
  };

  const openForEditing = (workspace: Workspace, file: string): Promise<LoadedEngagement> =>
    attempt(workspace, file, async () => {
      // A migration rewrites the file: keep a snapshot of it as it was, first.
      if (pendingMigrations(file) > 0) await snapshots.takeOfFile(file);
      return opened(workspace, EngagementStore.open(file, storeOptions));
    });

  const recoverCopy = (workspace: Workspace, file: string): LoadedEngagement => {
    const target = freshPath(options.dataDir, `${baseName(file)} (recovered)`);
    const store = EngagementStore.create(target, { name: `${baseName(file)} (recovered)`, client: '' }, storeOptions);
    try {
      const report = recoverInto(file, store);
      return opened(workspace, store, recoveryNotice(report, target));
    } catch (error) {
      store.close();
      fs.rmSync(target, { force: true });
      throw error;
    }
  };

  const copyTarget = async (workspace: Workspace): Promise<string | null> => {
    const name = `${baseName(workspace.requireStore().path)} (copy)`;
    if (options.pickSavePath) return options.pickSavePath(`${name}${FILE_EXTENSION}`, FILE_EXTENSION.slice(1));
    return freshPath(options.dataDir, name);
  };

  return {
    'app.home': () => ({ recent: settings.recent(), dataDir: options.dataDir, canPickFiles: !!options.pickOpenPath, preferences: settings.preferences() }),
    'settings.update': (_workspace, input) => {
      // A default logo is read for every new engagement's report: only one the path policy allows.
      const logo = input.reportDefaults?.logoPath.trim();
      if (logo && logo !== settings.preferences().reportDefaults.logoPath.trim()) options.paths.logo(logo);
      const template = input.reportDefaults?.templatePath.trim();
      if (template && template !== settings.preferences().reportDefaults.templatePath.trim()) options.paths.template(template);
      return settings.updatePreferences(input);
    },
    'engagement.create': (workspace, input) => {
      const target = freshPath(options.dataDir, input.name);
      if (fs.existsSync(target)) throw new ShoshinError('conflict', msg('error.file.existsChooseAnother'));
      const consultant = settings.preferences().consultantName;
      return opened(workspace, EngagementStore.create(target, { name: input.name, client: input.client, consultant }, storeOptions));
    },
    'engagement.open': (workspace, input) => {
      const file = options.paths.openable(workspace, input.path);
      if (input.mode === 'readOnly') return attempt(workspace, file, () => opened(workspace, EngagementStore.open(file, { ...storeOptions, readOnly: true })));
      if (input.mode === 'recoverCopy') return attempt(workspace, file, () => recoverCopy(workspace, file));
      return openForEditing(workspace, file);
    },
    'engagement.openSample': (workspace) => {
      const store = EngagementStore.create(freshPath(options.dataDir, 'Sample engagement'), { name: 'Sample', client: '' }, storeOptions);
      writeSample(store);
      return opened(workspace, store);
    },
    'engagement.pickFile': async (workspace) => {
      const picked = await options.pickOpenPath?.();
      if (!picked) return { path: null };
      // Granted before it is opened, so a file that fails can still be opened read-only or recovered.
      workspace.grant(picked);
      return { path: path.resolve(picked) };
    },
    'engagement.close': (workspace) => {
      workspace.close();
      return { ok: true as const };
    },
    'engagement.load': (workspace) => loadedEngagement(workspace.requireStore()),
    'engagement.update': (workspace, input) =>
      change(workspace.requireStore().command('engagement.update', msg('undo.engagement.edit'), (tx) => updateEngagement(tx, input.id, input.patch))),
    'engagement.saveCopy': async (workspace) => {
      const store = workspace.requireStore();
      const target = await copyTarget(workspace);
      if (!target) return null;
      if (fs.existsSync(target)) throw new ShoshinError('conflict', msg('error.file.existsChooseAnother'));
      // VACUUM INTO writes a compact, consistent copy without touching the open file.
      try {
        store.db.prepare('VACUUM INTO ?').run(target);
      } catch (error) {
        // A copy cut short (a full disk) is not a copy: leave nothing behind.
        fs.rmSync(target, { force: true });
        throw error;
      }
      return { path: target };
    },
    'snapshot.list': async (workspace) => {
      // Answer after any snapshot under way, and give a failed one another go: the disk may have room now.
      await workspace.schedule?.retry();
      const store = workspace.requireStore();
      return { snapshots: snapshots.list(getEngagement(store.db).id), lastFailure: workspace.schedule?.lastFailure ?? null };
    },
    'snapshot.restore': (workspace, input) => {
      const store = workspace.requireStore();
      const source = snapshots.fileOf(getEngagement(store.db).id, input.id);
      if (!source) throw new ShoshinError('not_found', msg('error.gone.snapshot'));
      const target = freshPath(options.dataDir, `${baseName(store.path)} (restored ${input.id.slice(0, 10)})`);
      fs.copyFileSync(source, target);
      return openForEditing(workspace, target);
    },
  };
}
