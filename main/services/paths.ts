import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ShoshinError } from '../../core/errors';
import { msg, type Message } from '../../core/messages';
import { AppSettings } from '../settings';
import type { Workspace } from './workspace';

/**
 * Which file paths the renderer may name. A renderer shows documents from other people (a hostile
 * .shoshin file, a pasted text), so it must not be able to read or write any path it likes (the lesson
 * of Camunda Modeler's CVE-2021-28154): paths come from main. Each shell passes the policy that fits it.
 */
export interface PathPolicy {
  /** The resolved engagement file the renderer asked to open, or a `forbidden_path` error. */
  openable(workspace: Workspace, file: string): string;
  /** The resolved report logo to read, or a `forbidden_path` error; the file is not touched when refused. */
  logo(file: string): string;
  /** The resolved Word template to read, or a `forbidden_path` error; the file is not touched when refused. */
  template(file: string): string;
  /** The resolved file to import (BPMN, CSV, .xlsx), or a `forbidden_path` error; the file is not read when refused. */
  importable(workspace: Workspace, file: string): string;
}

/** Where report logos chosen with the desktop's file picker are kept: main copies each one here. */
export function logosDir(userDataDir: string): string {
  return path.join(userDataDir, 'Logos');
}

/**
 * Keeps a copy of a logo the user picked in `logosDir`, in a folder named by its content, and returns
 * the copy's path: the report options then name a file main owns, and the report keeps its logo if the
 * original moves.
 */
export function keepLogo(userDataDir: string, picked: string, data: Buffer): string {
  const folder = path.join(logosDir(userDataDir), createHash('sha256').update(data).digest('hex').slice(0, 16));
  const target = path.join(folder, path.basename(picked));
  fs.mkdirSync(folder, { recursive: true });
  if (!fs.existsSync(target)) fs.writeFileSync(target, data);
  return target;
}

/** Where the Word templates chosen with the desktop's file picker are kept: main copies each one here. */
export function templatesDir(userDataDir: string): string {
  return path.join(userDataDir, 'Templates');
}

/** Keeps a copy of a template the user picked, as `keepLogo` keeps a logo: by content, under its own name. */
export function keepTemplate(userDataDir: string, picked: string, data: Buffer): string {
  const folder = path.join(templatesDir(userDataDir), createHash('sha256').update(data).digest('hex').slice(0, 16));
  const target = path.join(folder, path.basename(picked));
  fs.mkdirSync(folder, { recursive: true });
  if (!fs.existsSync(target)) fs.writeFileSync(target, data);
  return target;
}

/** Where the PNG copies of report diagrams are cached between reports. */
export function diagramCacheDir(userDataDir: string): string {
  return path.join(userDataDir, 'Cache', 'Diagrams');
}

/** The real path, following symlinks as far as the path exists (a file yet to be created has no real path). */
function realPath(file: string): string {
  const resolved = path.resolve(file);
  const missing: string[] = [];
  let existing = resolved;
  for (;;) {
    try {
      return path.join(fs.realpathSync(existing), ...missing);
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return resolved;
      missing.unshift(path.basename(existing));
      existing = parent;
    }
  }
}

export function isInsideFolder(folder: string, file: string): boolean {
  const relative = path.relative(realPath(folder), realPath(file));
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function refused(message: Message): ShoshinError {
  return new ShoshinError('forbidden_path', message);
}

/** The recent list main keeps in the user-data folder; only main writes it, after a successful open. */
function inRecent(userDataDir: string, file: string): boolean {
  return new AppSettings(userDataDir).recent().some((known) => path.resolve(known.path) === file);
}

/**
 * The desktop: the renderer opens only a file main handed to its window (a file dialog, the file the
 * window was opened for) or one from the recent list main keeps; a logo only from the picker's copies.
 */
export function desktopPaths(options: { userDataDir: string }): PathPolicy {
  return {
    openable: (workspace, file) => {
      const resolved = path.resolve(file);
      if (workspace.isGranted(resolved) || inRecent(options.userDataDir, resolved)) return resolved;
      throw refused(msg('error.path.desktopOpen'));
    },
    logo: (file) => {
      const resolved = path.resolve(file);
      if (isInsideFolder(logosDir(options.userDataDir), resolved)) return resolved;
      throw refused(msg('error.path.desktopLogo', { path: resolved }));
    },
    template: (file) => {
      const resolved = path.resolve(file);
      if (isInsideFolder(templatesDir(options.userDataDir), resolved)) return resolved;
      throw refused(msg('error.path.desktopTemplate', { path: resolved }));
    },
    importable: (workspace, file) => {
      const resolved = path.resolve(file);
      if (workspace.isGranted(resolved)) return resolved;
      throw refused(msg('paths.importChosenOnly'));
    },
  };
}

/**
 * The browser host has no native dialogs: besides what main handed over (--file, the recent list), a
 * path the user types must lie in the data folder, after resolving symlinks; logos too.
 */
export function dataFolderPaths(options: { dataDir: string; userDataDir: string }): PathPolicy {
  return {
    openable: (workspace, file) => {
      const resolved = path.resolve(file);
      if (workspace.isGranted(resolved) || inRecent(options.userDataDir, resolved) || isInsideFolder(options.dataDir, resolved)) return resolved;
      throw refused(msg('error.path.browserOpen', { folder: options.dataDir, path: resolved }));
    },
    logo: (file) => {
      const resolved = path.resolve(file);
      if (isInsideFolder(options.dataDir, resolved)) return resolved;
      throw refused(msg('error.path.browserLogo', { folder: options.dataDir, path: resolved }));
    },
    template: (file) => {
      const resolved = path.resolve(file);
      if (isInsideFolder(options.dataDir, resolved)) return resolved;
      throw refused(msg('error.path.browserTemplate', { folder: options.dataDir, path: resolved }));
    },
    importable: (workspace, file) => {
      const resolved = path.resolve(file);
      if (workspace.isGranted(resolved) || isInsideFolder(options.dataDir, resolved)) return resolved;
      throw refused(msg('paths.importOutsideData', { folder: options.dataDir, path: resolved }));
    },
  };
}

/** The user's own shell (the CLI) and tests acting as it: every path is the user's to name. */
export const anyPath: PathPolicy = {
  openable: (_workspace, file) => path.resolve(file),
  logo: (file) => path.resolve(file),
  template: (file) => path.resolve(file),
  importable: (_workspace, file) => path.resolve(file),
};
