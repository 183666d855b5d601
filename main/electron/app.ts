import fs from 'node:fs';
import path from 'node:path';
import type * as ElectronNS from 'electron';
import { METHOD_NAMES } from '../../core/contract';
import { ShoshinError } from '../../core/errors';
import { format, msg } from '../../core/messages';
import { CONTENT_SECURITY_POLICY } from '../csp';
import { createDispatch, fail, type Dispatch } from '../dispatch';
import type { MenuCommand } from '../../core/ipc/shell';
import { createHandlers, Workspace } from '../services';
import { desktopPaths } from '../services/paths';
import { AppSettings } from '../settings';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, appPageUrl, isAppPage, serveRenderer } from './appProtocol';
import { menuTemplate } from './menu';
import { cascade, DEFAULT_WINDOW, filesFromArgv, WindowStateStore } from './windowState';

/** The subset of the `electron` module we use, so tests can hand in a fake. */
export type ElectronModule = Pick<typeof ElectronNS, 'app' | 'BrowserWindow' | 'ipcMain' | 'shell' | 'dialog' | 'session' | 'Menu' | 'protocol'>;

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
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

/** Only our own top-level page may call the services; not an iframe, not a page we navigated to. */
export function isTrustedSender(event: Pick<ElectronNS.IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppPage(frame.url);
}

export function registerIpc(
  electron: ElectronModule,
  dispatch: Dispatch,
  workspaceFor: (contents: ElectronNS.WebContents) => Workspace,
): void {
  for (const method of METHOD_NAMES) {
    electron.ipcMain.handle(`shoshin:${method}`, async (event, payload: unknown) => {
      if (!isTrustedSender(event)) {
        return fail('forbidden_sender', msg('error.sender.forbidden'));
      }
      return dispatch(workspaceFor(event.sender), method, payload);
    });
  }
}

export interface StartOptions {
  /** Folder holding out/main, out/preload, out/renderer. */
  outDir: string;
  /** The process's own command line, for documents passed on it. */
  argv?: readonly string[];
  cwd?: string;
}

interface OpenWindow {
  win: ElectronNS.BrowserWindow;
  workspace: Workspace;
  commands: MenuCommand[];
}

export function startElectronApp(electron: ElectronModule, options: StartOptions): void {
  const { app, BrowserWindow, dialog, Menu, protocol } = electron;
  // Only possible before `ready`, and needed even by a second instance that is about to quit.
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  // One running Shoshin: a second launch (double-clicking a file) hands its files to this one.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const windows = new Map<number, OpenWindow>();
  const rendererDir = path.join(options.outDir, 'renderer');
  const pending: string[] = filesFromArgv(options.argv ?? [], options.cwd ?? process.cwd());
  let ready = false;
  let settings: AppSettings | undefined;
  let windowState: WindowStateStore | undefined;

  const focused = (): OpenWindow | undefined => {
    const win = BrowserWindow.getFocusedWindow();
    return win ? windows.get(win.webContents.id) : [...windows.values()][0];
  };

  const rebuildMenu = () => {
    const current = focused();
    const template = menuTemplate({
      commands: current?.commands ?? [],
      recent: settings?.recent() ?? [],
      run: (id) => focused()?.win.webContents.send('shoshin:command', id),
      openRecent: (file) => openFiles([file]),
      isMac: process.platform === 'darwin',
      appName: app.getName(),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };

  const createWindow = (file?: string): OpenWindow => {
    const state = cascade(windowState?.load() ?? DEFAULT_WINDOW, windows.size);
    // Options written out in place (not built by a helper) so static checkers such as Electronegativity can read them.
    const win = new BrowserWindow({
      ...state.bounds,
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
    const entry: OpenWindow = { win, workspace: new Workspace(), commands: [] };
    // The page asks to open the document named in its address; main grants exactly that one.
    if (file !== undefined) entry.workspace.grant(file);
    const id = win.webContents.id;
    windows.set(id, entry);
    hardenContents(electron, win.webContents);
    if (state.maximized) win.maximize();
    win.once('ready-to-show', () => win.show());
    win.on('focus', rebuildMenu);
    win.on('close', () => windowState?.save({ bounds: win.getNormalBounds(), maximized: win.isMaximized() }));
    win.on('closed', () => {
      entry.workspace.close();
      windows.delete(id);
      rebuildMenu();
    });
    void win.loadURL(appPageUrl(file));
    return entry;
  };

  /** Each engagement in its own window; a file that is already open just comes to the front. */
  function openFiles(files: readonly string[]): void {
    if (!ready) {
      pending.push(...files);
      return;
    }
    for (const file of files) {
      const open = [...windows.values()].find((w) => w.workspace.store?.path === path.resolve(file));
      if (open) {
        if (open.win.isMinimized()) open.win.restore();
        open.win.focus();
        continue;
      }
      const blank = [...windows.values()].find((w) => !w.workspace.store && isAppPage(w.win.webContents.getURL()));
      if (blank) {
        blank.workspace.grant(file);
        void blank.win.loadURL(appPageUrl(file));
      } else createWindow(file);
    }
  }

  app.on('second-instance', (_event, argv, cwd) => {
    const files = filesFromArgv(argv, cwd);
    if (files.length > 0) openFiles(files);
    else focused()?.win.focus();
  });
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openFiles([file]);
  });

  void app.whenReady().then(() => {
    const devBinding = path.join(app.getAppPath(), 'build', 'electron-native', 'better_sqlite3.node');
    settings = new AppSettings(app.getPath('userData'));
    windowState = WindowStateStore.in(app.getPath('userData'));
    const handlers = createHandlers({
      userDataDir: app.getPath('userData'),
      paths: desktopPaths({ userDataDir: app.getPath('userData') }),
      dataDir: path.join(app.getPath('documents'), 'Shoshin'),
      ...(!app.isPackaged && fs.existsSync(devBinding) ? { nativeBinding: devBinding } : {}),
      pickOpenPath: async () => {
        const result = await dialog.showOpenDialog({
          title: format(msg('dialog.open.title')),
          filters: [{ name: format(msg('dialog.open.filter')), extensions: ['shoshin'] }],
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
      pickImagePath: async () => {
        const result = await dialog.showOpenDialog({
          title: format(msg('dialog.logo.title')),
          filters: [{ name: format(msg('dialog.logo.filter')), extensions: ['png', 'jpg', 'jpeg', 'svg'] }],
          properties: ['openFile'],
        });
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      pickTemplatePath: async () => {
        const result = await dialog.showOpenDialog({
          title: format(msg('dialog.template.title')),
          filters: [{ name: format(msg('dialog.template.filter')), extensions: ['dotx', 'docx'] }],
          properties: ['openFile'],
        });
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      pickImportPath: async () => {
        const result = await dialog.showOpenDialog({
          title: format(msg('dialog.import.title')),
          filters: [{ name: format(msg('dialog.import.filter')), extensions: ['bpmn', 'xml', 'csv', 'xlsx'] }],
          properties: ['openFile'],
        });
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      openPath: async (file) => {
        const failure = await electron.shell.openPath(file);
        if (failure) throw new ShoshinError('conflict', msg('error.export.openFailed', { reason: failure }));
      },
      onOpened: (file) => {
        app.addRecentDocument(file);
        rebuildMenu();
      },
      setCommands: (workspace, commands) => {
        const entry = [...windows.values()].find((w) => w.workspace === workspace);
        if (!entry) return;
        entry.commands = commands;
        if (focused() === entry) rebuildMenu();
      },
    });
    hardenSession(electron.session.defaultSession);
    protocol.handle(APP_SCHEME, (request) => serveRenderer(rendererDir, request));
    registerIpc(
      electron,
      createDispatch(handlers),
      (contents) => {
        const entry = windows.get(contents.id);
        if (!entry) throw new Error('IPC from a window Shoshin did not open');
        return entry.workspace;
      },
    );
    ready = true;
    const files = pending.splice(0);
    if (files.length > 0) openFiles(files);
    else createWindow();
    rebuildMenu();
  });

  app.on('web-contents-created', (_event, contents) => hardenContents(electron, contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (ready && windows.size === 0) createWindow();
  });
}
