import fs from 'node:fs';
import path from 'node:path';
import type { appMethods } from '../../core/ipc/app';
import { ShoshinError } from '../../core/errors';
import type { EngagementView } from '../../core/model';
import { engagementCounts, getEngagement, listPeople, listSessions, updateEngagement } from '../../db/engagement';
import { listProcessSummaries } from '../../db/processes';
import { EngagementStore } from '../../db/store';
import { writeSample } from '../sample';
import { AppSettings } from '../settings';
import { change, freshPath, type HandlersFor, type ServiceOptions, type Workspace } from './workspace';

export function engagementView(store: EngagementStore): EngagementView {
  return {
    path: store.path,
    readOnly: store.readOnly,
    engagement: getEngagement(store.db),
    processes: listProcessSummaries(store.db),
    sessions: listSessions(store.db),
    people: listPeople(store.db),
  };
}

export function appHandlers(options: ServiceOptions): HandlersFor<keyof typeof appMethods> {
  const settings = new AppSettings(options.userDataDir);
  const storeOptions = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};

  const opened = (workspace: Workspace, store: EngagementStore): EngagementView => {
    workspace.replace(store);
    const result = engagementView(store);
    settings.remember(store.path, result.engagement.name);
    return result;
  };

  const open = (workspace: Workspace, filePath: string): EngagementView =>
    opened(workspace, EngagementStore.open(path.resolve(filePath), storeOptions));

  return {
    'app.home': () => ({ recent: settings.recent(), dataDir: options.dataDir, canPickFiles: !!options.pickOpenPath }),
    'engagement.create': (workspace, input) => {
      const target = input.path ? path.resolve(input.path) : freshPath(options.dataDir, input.name);
      if (fs.existsSync(target)) throw new ShoshinError('conflict', 'A file already exists there; choose another name.');
      return opened(workspace, EngagementStore.create(target, { name: input.name, client: input.client }, storeOptions));
    },
    'engagement.open': (workspace, input) => open(workspace, input.path),
    'engagement.openSample': (workspace) => {
      const store = EngagementStore.create(freshPath(options.dataDir, 'Sample engagement'), { name: 'Sample', client: '' }, storeOptions);
      writeSample(store);
      return opened(workspace, store);
    },
    'engagement.pickAndOpen': async (workspace) => {
      const picked = await options.pickOpenPath?.();
      return picked ? open(workspace, picked) : null;
    },
    'engagement.close': (workspace) => {
      workspace.close();
      return { ok: true as const };
    },
    'engagement.get': (workspace) => engagementView(workspace.requireStore()),
    'engagement.counts': (workspace) => engagementCounts(workspace.requireStore().db),
    'engagement.update': (workspace, input) =>
      change(workspace.requireStore().command('engagement.update', 'Edit engagement', (tx) => updateEngagement(tx, input))),
  };
}
