import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, type Envelope } from '../../core/contract';
import { ELECTRON_CSP, startElectronApp, type ElectronModule } from '../../main/electron/app';
import { cleanTempDirs, tempDir } from '../helpers';

type Listener = (...args: unknown[]) => unknown;

class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(event) ?? []).map((l) => l(...args));
  }
}

/** Just enough of Electron to run the real startElectronApp and look at what it configured. */
function fakeElectron(userData: string) {
  const handlers = new Map<string, Listener>();
  const windows: FakeWindow[] = [];
  const openExternal = vi.fn(async () => undefined);
  let permissionHandler: Listener | undefined;
  let permissionCheck: Listener | undefined;
  let headersHandler: Listener | undefined;

  class FakeContents extends FakeEmitter {
    static next = 1;
    readonly id = FakeContents.next++;
    readonly mainFrame = { url: '', parent: null };
    openHandler: Listener | undefined;
    setWindowOpenHandler(handler: Listener): void {
      this.openHandler = handler;
    }
  }
  class FakeWindow extends FakeEmitter {
    readonly webContents = new FakeContents();
    loaded = '';
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
    }
    async loadFile(file: string): Promise<void> {
      this.loaded = file;
      this.webContents.mainFrame.url = `file://${file}`;
    }
    show(): void {}
  }
  const app = Object.assign(new FakeEmitter(), {
    isPackaged: false,
    whenReady: () => Promise.resolve(),
    getPath: (name: string) => path.join(userData, name),
    getAppPath: () => userData,
    quit: vi.fn(),
  });
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    ipcMain: { handle: (channel: string, handler: Listener) => handlers.set(channel, handler) },
    shell: { openExternal },
    dialog: { showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Listener) => (permissionHandler = h),
        setPermissionCheckHandler: (h: Listener) => (permissionCheck = h),
        webRequest: { onHeadersReceived: (h: Listener) => (headersHandler = h) },
      },
    },
  };
  return {
    electron: electron as unknown as ElectronModule,
    app,
    handlers,
    windows,
    openExternal,
    permission: () => permissionHandler,
    permissionCheck: () => permissionCheck,
    headers: () => headersHandler,
  };
}

async function started() {
  const fake = fakeElectron(tempDir());
  const outDir = path.join(tempDir(), 'out');
  startElectronApp(fake.electron, { outDir });
  await new Promise((resolve) => setTimeout(resolve, 0));
  const win = fake.windows[0];
  if (!win) throw new Error('no window was created');
  await new Promise((resolve) => setTimeout(resolve, 0));
  return { fake, win, outDir };
}

afterEach(cleanTempDirs);

describe('Electron main process wiring', () => {
  it('creates the window isolated, sandboxed and without Node', async () => {
    const { win, outDir } = await started();
    const prefs = win.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: path.join(outDir, 'preload', 'index.cjs'),
    });
    expect(win.loaded).toBe(path.join(outDir, 'renderer', 'index.html'));
  });

  it('blocks navigation and opens only allowlisted https links outside the app', async () => {
    const { fake, win } = await started();
    const event = { preventDefault: vi.fn() };
    win.webContents.emit('will-navigate', event, 'https://evil.example/');
    expect(event.preventDefault).toHaveBeenCalled();
    const attach = { preventDefault: vi.fn() };
    win.webContents.emit('will-attach-webview', attach);
    expect(attach.preventDefault).toHaveBeenCalled();

    const open = win.webContents.openHandler;
    expect(open).toBeDefined();
    expect(open?.({ url: 'https://evil.example/x' })).toEqual({ action: 'deny' });
    expect(open?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(fake.openExternal).not.toHaveBeenCalled();
    expect(open?.({ url: 'https://bpmn.io/' })).toEqual({ action: 'deny' });
    expect(fake.openExternal).toHaveBeenCalledWith('https://bpmn.io/');
  });

  it('hardens every web contents created later, too', async () => {
    const { fake } = await started();
    const contents = new (fake.windows[0]?.webContents.constructor as new () => FakeEmitter & { openHandler?: Listener })();
    fake.app.emit('web-contents-created', {}, contents);
    const event = { preventDefault: vi.fn() };
    contents.emit('will-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(contents.openHandler?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
  });

  it('denies every permission and sets a strict CSP', async () => {
    const { fake } = await started();
    const callback = vi.fn();
    fake.permission()?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(fake.permissionCheck()?.({}, 'notifications')).toBe(false);
    const reply = vi.fn();
    fake.headers()?.({ responseHeaders: {} }, reply);
    const csp = (reply.mock.calls[0]?.[0] as { responseHeaders: Record<string, string[]> }).responseHeaders['Content-Security-Policy']?.[0] ?? '';
    expect(csp).toBe(ELECTRON_CSP);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('registers every contract method and answers only our own top frame', async () => {
    const { fake, win } = await started();
    expect([...fake.handlers.keys()].sort()).toEqual(METHOD_NAMES.map((m) => `shoshin:${m}`).sort());
    const handle = fake.handlers.get('shoshin:app.home');
    const trusted = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    const ok = (await handle?.(trusted, {})) as Envelope<unknown>;
    expect(ok.ok).toBe(true);

    const subframe = { sender: win.webContents, senderFrame: { url: win.webContents.mainFrame.url, parent: win.webContents.mainFrame } };
    const foreign = { sender: win.webContents, senderFrame: { url: 'https://evil.example/', parent: null } };
    win.webContents.mainFrame.url = 'https://evil.example/';
    const navigated = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    for (const event of [subframe, foreign, navigated, { sender: win.webContents, senderFrame: null }]) {
      const result = (await handle?.(event, {})) as Envelope<unknown>;
      expect(result).toEqual({ ok: false, error: { code: 'forbidden_sender', message: expect.any(String) } });
    }
  });

  it('validates payloads behind the sender check', async () => {
    const { fake, win } = await started();
    const event = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    const result = (await fake.handlers.get('shoshin:engagement.open')?.(event, { path: 42 })) as Envelope<unknown>;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid_input');
  });
});
