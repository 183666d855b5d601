import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserCommand, chooseShell, electronProgramPath, firstReason, webArguments } from '../../scripts/start.mjs';
import { cleanTempDirs, tempDir } from '../helpers';

afterEach(cleanTempDirs);

describe('npm start: desktop app or browser host', () => {
  it('starts Electron when its program and the native module are both ready', async () => {
    const nativeModule = vi.fn(() => ({ ok: true as const }));
    const choice = await chooseShell({ electronProgram: () => ({ ok: true, path: '/opt/electron/electron' }), nativeModule });
    expect(choice).toEqual({ shell: 'electron', electronPath: '/opt/electron/electron' });
    expect(nativeModule).toHaveBeenCalledOnce();
  });

  it('falls back to the browser with the reason when Electron’s program cannot be had, without building for it', async () => {
    const nativeModule = vi.fn(() => ({ ok: true as const }));
    const choice = await chooseShell({
      electronProgram: async () => ({ ok: false, reason: "Electron's program could not be downloaded: no network" }),
      nativeModule,
    });
    expect(choice).toEqual({ shell: 'web', reason: "Electron's program could not be downloaded: no network" });
    expect(nativeModule).not.toHaveBeenCalled();
  });

  it('falls back to the browser when better-sqlite3 cannot be built for Electron', async () => {
    const choice = await chooseShell({
      electronProgram: () => ({ ok: true, path: '/opt/electron/electron' }),
      nativeModule: () => ({ ok: false, reason: "could not build better-sqlite3 for Electron 45.4.1 (no network to download Electron's headers)" }),
    });
    expect(choice).toMatchObject({ shell: 'web', reason: expect.stringContaining('better-sqlite3') });
  });

  it('goes straight to the browser with --web, probing nothing and explaining nothing', async () => {
    const electronProgram = vi.fn(() => ({ ok: true as const, path: '/x' }));
    expect(await chooseShell({ forceWeb: true, electronProgram, nativeModule: () => ({ ok: true }) })).toEqual({ shell: 'web', reason: null });
    expect(electronProgram).not.toHaveBeenCalled();
  });

  it('finds Electron’s program the way the electron package does: dist/ plus path.txt', () => {
    const dir = tempDir();
    expect(electronProgramPath(dir, {})).toBeNull();
    fs.writeFileSync(path.join(dir, 'path.txt'), 'electron');
    expect(electronProgramPath(dir, {})).toBeNull();
    fs.mkdirSync(path.join(dir, 'dist'));
    fs.writeFileSync(path.join(dir, 'dist', 'electron'), '');
    expect(electronProgramPath(dir, {})).toBe(path.join(dir, 'dist', 'electron'));
    const override = tempDir();
    fs.writeFileSync(path.join(override, 'electron'), '');
    expect(electronProgramPath(dir, { ELECTRON_OVERRIDE_DIST_PATH: override })).toBe(path.join(override, 'electron'));
  });

  it('turns a failed child’s output into a few words', () => {
    const download = 'TypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13\n    at async FetchDownloader.download';
    expect(firstReason(download, 'x')).toBe('no network');
    expect(firstReason('Error: EACCES: permission denied, open /opt/x\n    at y', 'x')).toBe('EACCES: permission denied, open /opt/x');
    expect(firstReason('', 'the build failed')).toBe('the build failed');
    expect(firstReason('error while loading shared libraries: libnss3.so', 'x')).toBe('error while loading shared libraries: libnss3.so');
  });

  it('opens the default browser where there is a desktop, and never where there is none', () => {
    const url = 'http://127.0.0.1:4321/?token=abc_-123';
    expect(browserCommand(url, 'darwin', {})).toEqual({ command: 'open', args: [url] });
    expect(browserCommand(url, 'win32', {})).toMatchObject({ command: 'cmd.exe', args: ['/d', '/s', '/c', `start "" "${url}"`] });
    expect(browserCommand(url, 'linux', { DISPLAY: ':0' })).toEqual({ command: 'xdg-open', args: [url] });
    expect(browserCommand(url, 'linux', { WAYLAND_DISPLAY: 'wayland-0' })).toEqual({ command: 'xdg-open', args: [url] });
    expect(browserCommand(url, 'linux', {})).toBeNull();
    expect(browserCommand(url, 'darwin', { SHOSHIN_NO_BROWSER: '1' })).toBeNull();
  });

  it('hands a .shoshin file given to npm start to the browser host as --file', () => {
    expect(webArguments([])).toEqual([]);
    expect(webArguments(['--web'])).toEqual([]);
    expect(webArguments(['Workshop.shoshin', '--web'])).toEqual(['--file', 'Workshop.shoshin']);
    expect(webArguments(['--port', '8080'])).toEqual(['--port', '8080']);
  });
});
