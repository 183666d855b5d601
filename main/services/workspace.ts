import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { Contract, MethodName, MethodOutput } from '../../core/contract';
import { ShoshinError } from '../../core/errors';
import { msg } from '../../core/messages';
import { FILE_EXTENSION } from '../../db/file';
import type { CommandResult, EngagementStore } from '../../db/store';
import type { MenuCommand } from '../../core/ipc/shell';
import type { SnapshotSchedule } from '../snapshots';
import type { PathPolicy } from './paths';

export interface ServiceOptions {
  userDataDir: string;
  /** Which paths the renderer may name (main/services/paths.ts): each shell passes its own. */
  paths: PathPolicy;
  /** Where new engagements are created when the user gives no path. */
  dataDir: string;
  /** Electron's copy of better-sqlite3 built for its ABI; absent under plain Node. */
  nativeBinding?: string;
  /** A native file picker, where the shell has one. */
  pickOpenPath?: () => Promise<string | null>;
  /** A native save dialog, where the shell has one; without it files go to the data folder. */
  pickSavePath?: (suggestedName: string, extension: string) => Promise<string | null>;
  /** A native picker for an image (the report's logo), where the shell has one. */
  pickImagePath?: () => Promise<string | null>;
  /** A native picker for a Word template (.dotx or .docx), where the shell has one. */
  pickTemplatePath?: () => Promise<string | null>;
  /** A native picker for a file to import (BPMN, CSV, .xlsx), where the shell has one. */
  pickImportPath?: () => Promise<string | null>;
  /** Opens an exported file in its program (Word, a browser), where the shell can. */
  openPath?: (file: string) => Promise<void>;
  /** A link the browser can download an exported file from, where the shell serves one. */
  exportUrl?: (file: string) => string | null;
  /** Told whenever an engagement is opened for editing (the OS recent-documents list). */
  onOpened?: (path: string) => void;
  /** The renderer's command registry, for native menus; shells without menus leave it out. */
  setCommands?: (workspace: Workspace, commands: MenuCommand[]) => void;
}

/** What one window (or one browser tab) has open. */
export class Workspace {
  store: EngagementStore | null = null;
  schedule: SnapshotSchedule | null = null;
  /** Paths main handed to this window (a file dialog, the document it was opened for): it may open them. */
  private readonly granted = new Set<string>();

  grant(file: string): void {
    this.granted.add(path.resolve(file));
  }

  isGranted(file: string): boolean {
    return this.granted.has(path.resolve(file));
  }

  requireStore(): EngagementStore {
    if (!this.store) throw new ShoshinError('no_engagement', msg('error.noEngagement'));
    return this.store;
  }

  /** Called only once `store` is fully open and read: the current engagement is let go last. */
  replace(store: EngagementStore, schedule: SnapshotSchedule | null = null): void {
    const previous = this.store;
    this.store = store;
    this.schedule = schedule;
    if (previous && previous !== store) {
      try {
        previous.close();
      } catch (error) {
        // The new engagement is open either way; a failure to let go of the old one is only worth a log line.
        console.error('closing the previous engagement failed', error);
      }
    }
  }

  close(): void {
    this.store?.close();
    this.store = null;
    this.schedule = null;
  }
}

export type Handler<M extends MethodName> = (
  workspace: Workspace,
  input: z.output<Contract[M]['input']>,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

/** Handlers for a subset of the contract; each area of services/ provides one such map. */
export type HandlersFor<K extends MethodName> = { [M in K]: Handler<M> };
export type Handlers = HandlersFor<MethodName>;

/** A command's reply: its change and the history after it (the value, where a method returns one, goes beside). */
export function change<T>(result: CommandResult<T>): Pick<CommandResult<T>, 'changes' | 'journalId' | 'history'> {
  return { changes: result.changes, journalId: result.journalId, history: result.history };
}

function slug(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase()
    .slice(0, 60);
  return base || 'engagement';
}

/** A path in the data folder that does not exist yet: never overwrite an engagement. */
export function freshPath(dir: string, name: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const base = slug(name);
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, `${base}${n === 1 ? '' : `-${n}`}${FILE_EXTENSION}`);
    if (!fs.existsSync(candidate)) return candidate;
  }
}
