import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, type Envelope } from '../../core/contract';
import { CONTENT_SECURITY_POLICY } from '../../main/csp';
import { isTrustedSender, startElectronApp, type ElectronModule } from '../../main/electron/app';
import { appPageUrl, isAppPage, serveRenderer } from '../../main/electron/appProtocol';
import { cascade } from '../../main/electron/windowState';
import { DEFAULT_REPORT_OPTIONS } from '../../core/ipc/report';
import { EngagementStore } from '../../db/store';
import { cleanTempDirs, tempDir } from '../helpers';
import { buildTemplate, LETTERHEAD } from '../templateFixtures';

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
    readonly sent: unknown[][] = [];
    openHandler: Listener | undefined;
    setWindowOpenHandler(handler: Listener): void {
      this.openHandler = handler;
    }
    send(...args: unknown[]): void {
      this.sent.push(args);
    }
    getURL(): string {
      return this.mainFrame.url;
    }
  }
  class FakeWindow extends FakeEmitter {
    static focusedWindow: FakeWindow | null = null;
    static getFocusedWindow(): FakeWindow | null {
      return FakeWindow.focusedWindow;
    }
    readonly webContents = new FakeContents();
    loaded = '';
    query: Record<string, string> | undefined;
    focused = 0;
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
    }
    async loadURL(url: string): Promise<void> {
      this.loaded = url;
      const params = new URL(url).searchParams;
      this.query = params.size > 0 ? Object.fromEntries(params) : undefined;
      this.webContents.mainFrame.url = url;
    }
    show(): void {}
    maximize(): void {}
    isMaximized(): boolean {
      return false;
    }
    isMinimized(): boolean {
      return false;
    }
    restore(): void {}
    focus(): void {
      this.focused++;
      FakeWindow.focusedWindow = this;
    }
    getNormalBounds() {
      return { x: 10, y: 20, width: 1200, height: 800 };
    }
  }
  const menus: unknown[] = [];
  const schemes = vi.fn();
  const protocols = new Map<string, (request: { url: string; method: string }) => Promise<Response>>();
  const app = Object.assign(new FakeEmitter(), {
    isPackaged: false,
    whenReady: () => Promise.resolve(),
    getPath: (name: string) => path.join(userData, name),
    getAppPath: () => userData,
    getName: () => 'Shoshin',
    requestSingleInstanceLock: vi.fn(() => true),
    addRecentDocument: vi.fn(),
    quit: vi.fn(),
  });
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    ipcMain: { handle: (channel: string, handler: Listener) => handlers.set(channel, handler) },
    shell: { openExternal },
    dialog: { showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })), showSaveDialog: vi.fn(async () => ({ canceled: true })) },
    protocol: {
      registerSchemesAsPrivileged: schemes,
      handle: (scheme: string, handler: (request: { url: string; method: string }) => Promise<Response>) => protocols.set(scheme, handler),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: { template: unknown }) => menus.push(menu.template),
    },
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
    menus,
    schemes,
    protocols,
    app,
    handlers,
    windows,
    openExternal,
    permission: () => permissionHandler,
    permissionCheck: () => permissionCheck,
    headers: () => headersHandler,
  };
}

/** A built renderer (index.html, a script, the layout worker) in `outDir`/renderer. */
function buildRenderer(outDir: string): string {
  const rendererDir = path.join(outDir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><script type="module" src="./assets/index.js"></script>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'index.js'), 'new Worker(new URL("./layout.worker.js", import.meta.url), { type: "module" });');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'layout.worker.js'), 'self.onmessage = () => undefined;');
  fs.writeFileSync(path.join(outDir, 'secret.txt'), SECRET);
  return rendererDir;
}

const SECRET = 'TOP-SECRET-DO-NOT-SERVE';

async function started(argv: string[] = ['shoshin'], installDir = tempDir()) {
  const fake = fakeElectron(tempDir());
  const outDir = path.join(installDir, 'out');
  buildRenderer(outDir);
  startElectronApp(fake.electron, { outDir, argv, cwd: '/' });
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
    expect(win.loaded).toBe('app://shoshin/index.html');
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
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    // Scripts from our own origin only; WebAssembly may be compiled (the routing worker's libavoid), eval() never.
    expect(csp.split('; ')).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain("'unsafe-eval'");
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
      expect(result).toEqual({ ok: false, error: { code: 'forbidden_sender', key: 'error.sender.forbidden', message: expect.any(String) } });
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

describe('the app:// scheme', () => {
  const top = (url: string) => ({ senderFrame: { url, parent: null } }) as unknown as Parameters<typeof isTrustedSender>[0];

  it('is registered as privileged before ready, and the window loads app://shoshin/index.html', async () => {
    const fake = fakeElectron(tempDir());
    const outDir = path.join(tempDir(), 'out');
    buildRenderer(outDir);
    startElectronApp(fake.electron, { outDir, argv: ['shoshin'], cwd: '/' });
    // Synchronously, before whenReady() resolved: afterwards Electron refuses to register schemes.
    expect(fake.schemes).toHaveBeenCalledWith([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
    expect(fake.protocols.size).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fake.protocols.has('app')).toBe(true);
    expect(fake.windows[0]?.loaded).toBe('app://shoshin/index.html');
  });

  it('works wherever Shoshin is installed: spaces, accents, CJK, % and # in the install path', async () => {
    for (const name of ['Program Files', 'Jane Doe', 'josé', 'Über Café', '中文 フォルダ', '사용자', '100% #1 & more']) {
      const installDir = path.join(tempDir(), name, 'Shoshin', 'resources');
      const { fake, win, outDir } = await started(['shoshin'], installDir);
      expect(win.loaded, name).toBe('app://shoshin/index.html');
      const page = await fake.protocols.get('app')?.({ url: win.loaded, method: 'GET' });
      expect(page?.status, name).toBe(200);
      expect(page?.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page?.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      const worker = await fake.protocols.get('app')?.({ url: 'app://shoshin/assets/layout.worker.js', method: 'GET' });
      expect(worker?.headers.get('content-type'), name).toBe('text/javascript; charset=utf-8');

      const home = fake.handlers.get('shoshin:app.home');
      const trusted = (await home?.({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, {})) as Envelope<unknown>;
      expect(trusted.ok, name).toBe(true);
      // The same file over file://, as Chromium writes that URL (percent-encoded UTF-8), is not our page.
      const fileUrl = pathToFileURL(path.join(outDir, 'renderer', 'index.html')).href;
      expect(fileUrl).not.toContain(' ');
      const refused = (await home?.({ sender: win.webContents, senderFrame: { url: fileUrl, parent: null } }, {})) as Envelope<unknown>;
      expect(refused, name).toEqual({ ok: false, error: { code: 'forbidden_sender', key: 'error.sender.forbidden', message: expect.any(String) } });
    }
  });

  it('accepts our top frame with any query, including documents named as Chromium encodes them', () => {
    const documents = ['/Users/josé/Workshop 1.shoshin', 'C:\\Users\\Jane Doe\\中文 & co #2 100%.shoshin', '/home/사용자/a+b=c?.shoshin'];
    for (const file of documents) {
      const url = appPageUrl(file);
      expect(new URL(url).searchParams.get('open')).toBe(file);
      expect(isTrustedSender(top(url)), url).toBe(true);
    }
    for (const url of [
      'app://shoshin/index.html',
      'app://shoshin/index.html?open=%2FUsers%2Fjos%C3%A9%2FWorkshop+1.shoshin',
      'app://shoshin/index.html?open=C%3A%5CUsers%5CJane%20Doe%5C%E4%B8%AD%E6%96%87.shoshin',
      'app://shoshin/index.html#canvas',
      'APP://shoshin/index.html',
    ]) {
      expect(isTrustedSender(top(url)), url).toBe(true);
    }
  });

  it('refuses every other sender: other scheme, host or path, iframes, file:// of the same page', () => {
    const refused = [
      'file:///C:/Program%20Files/Shoshin/resources/app.asar/out/renderer/index.html',
      'file:///Users/jos%C3%A9/Shoshin/out/renderer/index.html',
      'https://shoshin/index.html',
      'http://127.0.0.1:5173/index.html',
      'app://evil/index.html',
      'app://shoshin.evil/index.html',
      'app://shoshin:8080/index.html',
      'app://user@shoshin/index.html',
      'app://shoshin/',
      'app://shoshin/other.html',
      'app://shoshin/assets/index.html',
      'app://shoshin/index.html/',
      'app://shoshin/index.htm',
      'app://shoshin/Index.html',
      'app://shoshin/%69ndex.html',
      'about:blank',
      'data:text/html,<p>app://shoshin/index.html</p>',
      'not a url',
      '',
    ];
    for (const url of refused) expect(isTrustedSender(top(url)), url).toBe(false);
    const page = { url: 'app://shoshin/index.html', parent: null };
    expect(isTrustedSender({ senderFrame: { url: 'app://shoshin/index.html', parent: page } } as unknown as Parameters<typeof isTrustedSender>[0])).toBe(false);
    expect(isTrustedSender({ senderFrame: null } as unknown as Parameters<typeof isTrustedSender>[0])).toBe(false);
    expect(isAppPage('app://shoshin/index.html?x=1')).toBe(true);
  });

  it('serves only regular files inside the renderer folder, however the path is disguised', async () => {
    const outDir = path.join(tempDir(), 'Program Files', 'out');
    const rendererDir = buildRenderer(outDir);
    fs.symlinkSync(path.join(outDir, 'secret.txt'), path.join(rendererDir, 'assets', 'linked.js'));
    fs.symlinkSync(outDir, path.join(rendererDir, 'up'));
    const get = (url: string, method = 'GET') => serveRenderer(rendererDir, { url, method });

    const served = await get('app://shoshin/assets/index.js');
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await get('app://shoshin/index.html', 'HEAD')).status).toBe(200);

    const attempts = [
      'app://shoshin/../secret.txt',
      'app://shoshin/%2e%2e/secret.txt',
      'app://shoshin/%2E%2E/%2E%2E/secret.txt',
      'app://shoshin/assets/..%2f..%2fsecret.txt',
      'app://shoshin/assets/..%5c..%5csecret.txt',
      'app://shoshin/assets\\..\\..\\secret.txt',
      'app://shoshin/..%252fsecret.txt',
      'app://shoshin//etc/passwd',
      'app://shoshin/%2Fetc%2Fpasswd',
      `app://shoshin/${encodeURIComponent(path.join(outDir, 'secret.txt'))}`,
      'app://shoshin/C:/Windows/win.ini',
      'app://shoshin/index.html%00.js',
      'app://shoshin/assets/linked.js',
      'app://shoshin/up/secret.txt',
      'app://shoshin/',
      'app://shoshin/assets',
      'app://shoshin/%E0%A4%A',
      'app://other/secret.txt',
      `file://${path.join(outDir, 'secret.txt')}`,
      'not a url',
    ];
    for (const url of attempts) {
      const reply = await get(url);
      expect(reply.status, url).toBe(404);
      expect(await reply.text(), url).not.toContain(SECRET);
    }
    expect((await get('app://shoshin/index.html', 'POST')).status).toBe(405);
  });
});

describe('paths belong to the main process', () => {
  type Call = (win: { webContents: unknown }, method: string, payload?: unknown) => Promise<Envelope<Record<string, unknown>>>;
  const caller = (fake: ReturnType<typeof fakeElectron>): Call => async (win, method, payload = {}) => {
    const contents = win.webContents as { mainFrame: unknown };
    return (await fake.handlers.get(`shoshin:${method}`)?.({ sender: contents, senderFrame: contents.mainFrame }, payload)) as Envelope<Record<string, unknown>>;
  };
  const engagementFile = (name: string): string => {
    const file = path.join(tempDir(), 'Jane Doe', `${name}.shoshin`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    EngagementStore.create(file, { name, client: '' }).close();
    return file;
  };

  it('a window opens only the document main handed it, a file picked in main’s dialog, or one from the recent list', async () => {
    const handed = engagementFile('Handed over');
    const picked = engagementFile('Picked');
    const other = engagementFile('Never offered');
    const { fake, win } = await started(['shoshin', handed]);
    const call = caller(fake);
    expect(win.query).toEqual({ open: handed });
    expect((await call(win, 'engagement.open', { path: handed })).ok).toBe(true);

    const before = fs.readFileSync(other);
    const refused = await call(win, 'engagement.open', { path: other });
    expect(refused).toEqual({ ok: false, error: { code: 'forbidden_path', key: 'error.path.desktopOpen', message: expect.stringMatching(/Open file|recent/) } });
    for (const mode of ['readOnly', 'recoverCopy']) {
      expect(await call(win, 'engagement.open', { path: other, mode })).toMatchObject({ ok: false, error: { code: 'forbidden_path' } });
    }
    expect(fs.readFileSync(other).equals(before)).toBe(true);
    expect(await call(win, 'engagement.load')).toMatchObject({ ok: true, data: { file: { path: handed } } });

    const dialog = fake.electron.dialog.showOpenDialog as unknown as ReturnType<typeof vi.fn>;
    dialog.mockResolvedValueOnce({ canceled: false, filePaths: [picked] });
    expect(await call(win, 'engagement.pickFile')).toEqual({ ok: true, data: { path: picked } });
    expect(await call(win, 'engagement.open', { path: picked })).toMatchObject({ ok: true, data: { file: { path: picked } } });

    // Grants belong to one window; the recent list (files opened before) is open to every window.
    const unopened = engagementFile('Picked elsewhere');
    dialog.mockResolvedValueOnce({ canceled: false, filePaths: [unopened] });
    await call(win, 'engagement.pickFile');
    fake.app.emit('second-instance', {}, ['shoshin', engagementFile('Second window')], '/');
    const second = fake.windows[1];
    if (!second) throw new Error('no second window');
    expect(await call(second, 'engagement.open', { path: unopened })).toMatchObject({ ok: false, error: { code: 'forbidden_path' } });
    await call(win, 'engagement.close');
    expect(await call(second, 'engagement.open', { path: picked })).toMatchObject({ ok: true, data: { file: { path: picked } } });
    expect(await call(second, 'engagement.create', { name: 'Mine', client: '', path: other })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call(second, 'engagement.saveCopy', { path: other })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('keeps a copy of a logo picked in main’s dialog, and reads no other logo path', async () => {
    const { fake, win } = await started();
    const call = caller(fake);
    expect((await call(win, 'engagement.openSample')).ok).toBe(true);
    const logo = path.join(tempDir(), 'José’s logo.svg');
    fs.writeFileSync(logo, '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#123456"/></svg>');
    const dialog = fake.electron.dialog.showOpenDialog as unknown as ReturnType<typeof vi.fn>;
    dialog.mockResolvedValueOnce({ canceled: false, filePaths: [logo] });
    const chosen = await call(win, 'report.pickLogo');
    if (!chosen.ok) throw new Error(chosen.error.message);
    const kept = String(chosen.data['path']);
    expect(kept.startsWith(path.join(fake.app.getPath('userData'), 'Logos') + path.sep)).toBe(true);
    expect(path.basename(kept)).toBe('José’s logo.svg');
    expect(fs.readFileSync(kept)).toEqual(fs.readFileSync(logo));

    // Accepted: the save dialog (cancelled in the fake) is only reached past every check.
    const options = { ...DEFAULT_REPORT_OPTIONS, logoPath: kept };
    expect(await call(win, 'report.start', { format: 'docx', options })).toEqual({ ok: true, data: { jobId: null } });
    expect(await call(win, 'report.options')).toMatchObject({ ok: true, data: { logoPath: kept } });
    for (const logoPath of [logo, '/etc/passwd', path.join(fake.app.getPath('userData'), 'Logos', '..', 'settings.json')]) {
      expect(await call(win, 'report.start', { format: 'docx', options: { ...options, logoPath } }), logoPath).toMatchObject({ ok: false, error: { code: 'forbidden_path' } });
    }
    expect(await call(win, 'settings.update', { reportDefaults: { ...options, logoPath: '/etc/passwd' } })).toMatchObject({ ok: false, error: { code: 'forbidden_path' } });
    expect(await call(win, 'settings.update', { reportDefaults: options })).toMatchObject({ ok: true });
  });

  it('keeps a copy of a Word template picked in main’s dialog, refuses a file that is not one, and reads no other template path', async () => {
    const { fake, win } = await started();
    const call = caller(fake);
    expect((await call(win, 'engagement.openSample')).ok).toBe(true);
    const template = await buildTemplate(LETTERHEAD);
    const dialog = fake.electron.dialog.showOpenDialog as unknown as ReturnType<typeof vi.fn>;
    dialog.mockResolvedValueOnce({ canceled: false, filePaths: [template] });
    const chosen = await call(win, 'report.pickTemplate');
    if (!chosen.ok) throw new Error(chosen.error.message);
    const kept = String(chosen.data['path']);
    expect(kept.startsWith(path.join(fake.app.getPath('userData'), 'Templates') + path.sep)).toBe(true);
    expect(fs.readFileSync(kept)).toEqual(fs.readFileSync(template));

    const fake2 = path.join(tempDir(), 'not a template.dotx');
    fs.writeFileSync(fake2, 'plain text');
    dialog.mockResolvedValueOnce({ canceled: false, filePaths: [fake2] });
    expect(await call(win, 'report.pickTemplate')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const options = { ...DEFAULT_REPORT_OPTIONS, templatePath: kept };
    expect(await call(win, 'report.start', { format: 'docx', options })).toEqual({ ok: true, data: { jobId: null } });
    expect(await call(win, 'report.options')).toMatchObject({ ok: true, data: { templatePath: kept } });
    expect(await call(win, 'report.start', { format: 'docx', options: { ...options, templatePath: template } })).toMatchObject({ ok: false, error: { code: 'forbidden_path' } });
    expect(await call(win, 'settings.update', { reportDefaults: { ...options, templatePath: template } })).toMatchObject({ ok: false, error: { code: 'forbidden_path' } });
    expect(await call(win, 'settings.update', { reportDefaults: options })).toMatchObject({ ok: true, data: { reportDefaults: { templatePath: kept } } });
  });
});

type MenuItem = { label?: string; accelerator?: string; registerAccelerator?: boolean; enabled?: boolean; submenu?: MenuItem[]; click?: () => void };

describe('desktop integration', () => {
  it('quits at once when another Shoshin already runs, leaving it the files', async () => {
    const fake = fakeElectron(tempDir());
    fake.app.requestSingleInstanceLock.mockReturnValue(false);
    startElectronApp(fake.electron, { outDir: tempDir(), argv: ['shoshin', '/work/a.shoshin'], cwd: '/' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.windows).toHaveLength(0);
  });

  it('opens a file from the command line in its own window', async () => {
    const { fake } = await started(['shoshin', '--flag', 'workshop.shoshin']);
    expect(fake.windows).toHaveLength(1);
    expect(fake.windows[0]?.query).toEqual({ open: '/workshop.shoshin' });
  });

  it('takes files from a second launch, and brings an already open one to the front', async () => {
    const { fake, win } = await started();
    const event = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    const created = (await fake.handlers.get('shoshin:engagement.create')?.(event, { name: 'Open', client: '' })) as Envelope<{ file: { path: string } }>;
    if (!created.ok) throw new Error(created.error.message);
    const file = created.data.file.path;
    expect(fake.app.addRecentDocument).toHaveBeenCalledWith(file);

    fake.app.emit('second-instance', {}, ['shoshin', file], '/');
    expect(fake.windows).toHaveLength(1);
    expect(win.focused).toBe(1);

    fake.app.emit('second-instance', {}, ['shoshin', '/elsewhere/other.shoshin'], '/');
    expect(fake.windows).toHaveLength(2);
    expect(fake.windows[1]?.query).toEqual({ open: '/elsewhere/other.shoshin' });
  });

  it('handles macOS open-file, even before the app is ready', async () => {
    const fake = fakeElectron(tempDir());
    startElectronApp(fake.electron, { outDir: tempDir(), argv: ['shoshin'], cwd: '/' });
    const event = { preventDefault: vi.fn() };
    fake.app.emit('open-file', event, '/docs/early.shoshin');
    expect(event.preventDefault).toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fake.windows.map((w) => w.query)).toEqual([{ open: '/docs/early.shoshin' }]);
  });

  it('remembers the window size and place for the next window', async () => {
    const { fake, win } = await started();
    win.emit('close');
    win.emit('closed');
    fake.app.emit('second-instance', {}, ['shoshin', '/x/next.shoshin'], '/');
    expect(fake.windows[1]?.options).toMatchObject({ x: 10, y: 20, width: 1200, height: 800 });
    expect(cascade({ bounds: { x: 10, y: 20, width: 1200, height: 800 }, maximized: false }, 2).bounds).toMatchObject({ x: 66, y: 76 });
  });

  it('builds native menus from the renderer command registry and sends choices back', async () => {
    const { fake, win } = await started();
    win.focus();
    const event = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    const result = (await fake.handlers.get('shoshin:shell.setCommands')?.(event, {
      commands: [
        { id: 'history.undo', title: 'Undo add step', group: 'Edit', shortcut: 'Mod+Z', enabled: true },
        { id: 'clipboard.paste', title: 'Paste', group: 'Edit', shortcut: 'Mod+V', enabled: true },
        { id: 'view.presenter', title: 'Presenter view', group: 'View', shortcut: 'F5', enabled: true },
        { id: 'selection.delete', title: 'Delete', group: 'Edit', shortcut: 'Delete', enabled: true },
      ],
    })) as Envelope<unknown>;
    expect(result.ok).toBe(true);
    const menu = fake.menus.at(-1) as MenuItem[];
    const labels = menu.map((m) => m.label);
    expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Help']));
    const edit = menu.find((m) => m.label === 'Edit')?.submenu ?? [];
    const undo = edit.find((i) => i.label === 'Undo add step');
    expect(undo).toMatchObject({ accelerator: 'CmdOrCtrl+Z', registerAccelerator: true, enabled: true });
    expect(edit.find((i) => i.label === 'Redo')?.enabled).toBe(false);
    const presenter = (menu.find((m) => m.label === 'View')?.submenu ?? []).find((i) => i.label === 'Presenter view');
    expect(presenter).toMatchObject({ accelerator: 'F5', registerAccelerator: true });
    undo?.click?.();
    expect(win.webContents.sent).toContainEqual(['shoshin:command', 'history.undo']);
    const file = menu.find((m) => m.label === 'File')?.submenu ?? [];
    expect(file.map((i) => i.label)).toEqual(expect.arrayContaining(['New engagement', 'Open…', 'Open recent', 'Save a copy as…', 'Import a procedure…', 'Export report…', 'Export diagram…', 'Close engagement']));
    const help = menu.find((m) => m.label === 'Help')?.submenu ?? [];
    expect(help.map((i) => i.label)).toEqual(expect.arrayContaining(['Keyboard shortcuts', 'About Shoshin']));
  });
});
