import fs from 'node:fs';
import path from 'node:path';
import type * as ElectronNS from 'electron';
import { METHOD_NAMES } from '../../core/contract';
import { createDispatch, type Dispatch } from '../dispatch';
import { createHandlers, Workspace } from '../services';

/** The subset of the `electron` module we use, so tests can hand in a fake. */
export type ElectronModule = Pick<typeof ElectronNS, 'app' | 'BrowserWindow' | 'ipcMain' | 'shell' | 'dialog' | 'session'>;

export const ELECTRON_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** Links a report or help text may open in the system browser; everything else is refused. */
export const EXTERNAL_ALLOWLIST = ['https://bpmn.io/', 'https://www.electronjs.org/'];

export function isAllowedExternal(url: string): boolean {
  return EXTERNAL_ALLOWLIST.some((prefix) => url.startsWith(prefix));
}

/** No navigation away from the app, no new windows, no permissions: the renderer is a document, not a browser. */
export function hardenContents(electron: ElectronModule, contents: ElectronNS.WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void electron.shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function hardenSession(ses: ElectronNS.Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [ELECTRON_CSP] } });
  });
}

/** Only our own top-level page may call the services; not an iframe, not a page we navigated to. */
export function isTrustedSender(event: ElectronNS.IpcMainInvokeEvent, appUrl: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return frame.url.split(/[?#]/)[0] === appUrl;
}

export function registerIpc(
  electron: ElectronModule,
  dispatch: Dispatch,
  workspaceFor: (contents: ElectronNS.WebContents) => Workspace,
  appUrl: string,
): void {
  for (const method of METHOD_NAMES) {
    electron.ipcMain.handle(`shoshin:${method}`, async (event, payload: unknown) => {
      if (!isTrustedSender(event, appUrl)) {
        return { ok: false, error: { code: 'forbidden_sender', message: 'This page may not use Shoshin.' } };
      }
      return dispatch(workspaceFor(event.sender), method, payload);
    });
  }
}

export interface StartOptions {
  /** Folder holding out/main, out/preload, out/renderer. */
  outDir: string;
}

export function startElectronApp(electron: ElectronModule, options: StartOptions): void {
  const { app, BrowserWindow, dialog } = electron;
  const workspaces = new Map<number, Workspace>();
  const rendererIndex = path.join(options.outDir, 'renderer', 'index.html');
  const appUrl = `file://${rendererIndex.split(path.sep).join('/').replace(/^\/?/, '/')}`;

  void app.whenReady().then(() => {
    const devBinding = path.join(app.getAppPath(), 'build', 'electron-native', 'better_sqlite3.node');
    const handlers = createHandlers({
      userDataDir: app.getPath('userData'),
      dataDir: path.join(app.getPath('documents'), 'Shoshin'),
      ...(!app.isPackaged && fs.existsSync(devBinding) ? { nativeBinding: devBinding } : {}),
      pickOpenPath: async () => {
        const result = await dialog.showOpenDialog({
          title: 'Open engagement',
          filters: [{ name: 'Shoshin engagement', extensions: ['shoshin'] }],
          properties: ['openFile'],
        });
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      pickSavePath: async (suggestedName, extension) => {
        const result = await dialog.showSaveDialog({
          defaultPath: path.join(app.getPath('documents'), suggestedName),
          filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
        });
        return result.canceled ? null : (result.filePath ?? null);
      },
    });
    hardenSession(electron.session.defaultSession);
    registerIpc(electron, createDispatch(handlers), (contents) => {
      let workspace = workspaces.get(contents.id);
      if (!workspace) {
        workspace = new Workspace();
        workspaces.set(contents.id, workspace);
      }
      return workspace;
    }, appUrl);

    // Options written out in place (not built by a helper) so static checkers such as Electronegativity can read them.
    const win = new BrowserWindow({
      width: 1440,
      height: 900,
      minWidth: 960,
      minHeight: 600,
      show: false,
      backgroundColor: '#f6f7f9',
      title: 'Shoshin',
      webPreferences: {
        preload: path.join(options.outDir, 'preload', 'index.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        disableBlinkFeatures: 'Auxclick',
        spellcheck: true,
      },
    });
    const id = win.webContents.id;
    hardenContents(electron, win.webContents);
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => {
      workspaces.get(id)?.close();
      workspaces.delete(id);
    });
    void win.loadFile(rendererIndex);
  });

  app.on('web-contents-created', (_event, contents) => hardenContents(electron, contents));
  app.on('window-all-closed', () => app.quit());
}
