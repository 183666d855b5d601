// `npm start`: builds the app, then starts the desktop app if Electron can be prepared on this machine
// (its own program, downloaded by the electron package, and better-sqlite3 built for it). Where it cannot
// (no network for the download or the headers, a locked-down laptop), it says why in one line and runs
// the same app in the browser host instead, opening the default browser where there is one.
// `npm start -- --web` goes straight to the browser; other arguments (a .shoshin file) are passed on.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');

const NO_NETWORK = /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo/i;

/** A failed child's output in a few words: "no network", or its first line that names an error. */
export function firstReason(output, fallback) {
  const text = String(output ?? '');
  if (NO_NETWORK.test(text)) return 'no network';
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.replace(/^electron-native:\s*/, '').trim())
    .filter((line) => line && !line.startsWith('at '));
  const error = lines.find((line) => /error|fail|denied|not found|cannot|could not|EACCES|EPERM/i.test(line));
  return (error ?? lines[0] ?? fallback).replace(/^(\w*Error):\s*/, '').slice(0, 200);
}

/**
 * Which shell to start. Probes are injected (see test/scripts/start.test.ts); each answers
 * { ok: true, ... } or { ok: false, reason }. The native module is only tried once Electron's own
 * program is there: without it there is nothing to build for.
 */
export async function chooseShell({ forceWeb = false, electronProgram, nativeModule }) {
  if (forceWeb) return { shell: 'web', reason: null };
  const program = await electronProgram();
  if (!program.ok) return { shell: 'web', reason: program.reason };
  const native = await nativeModule();
  if (!native.ok) return { shell: 'web', reason: native.reason };
  return { shell: 'electron', electronPath: program.path };
}

/** Where the electron package keeps its program: dist/ plus the name in path.txt (as its index.js does). */
export function electronProgramPath(dir = electronDir, env = process.env) {
  let name;
  try {
    name = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8');
  } catch {
    return null;
  }
  const full = env.ELECTRON_OVERRIDE_DIST_PATH ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, name || 'electron') : path.join(dir, 'dist', name);
  return fs.existsSync(full) ? full : null;
}

/** The real probe: the program is there (or can be downloaded now) and runs. */
function probeElectronProgram() {
  if (!fs.existsSync(path.join(electronDir, 'package.json'))) return { ok: false, reason: 'the electron package is not installed' };
  let program = electronProgramPath();
  if (!program) {
    const { version } = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8'));
    console.log(`Downloading Electron ${version} (once; about 100 MB)…`);
    const download = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { cwd: electronDir, encoding: 'utf8', timeout: 600_000 });
    program = electronProgramPath();
    if (!program) {
      const why = download.error?.message ?? firstReason(`${download.stderr}\n${download.stdout}`, 'the download failed');
      return { ok: false, reason: `Electron's program could not be downloaded: ${why}` };
    }
  }
  const runs = spawnSync(program, ['--version'], { encoding: 'utf8', timeout: 60_000 });
  if (runs.status !== 0) return { ok: false, reason: `Electron's program would not run: ${runs.error?.message ?? firstReason(runs.stderr, `exit code ${runs.status}`)}` };
  return { ok: true, path: program };
}

function probeNativeModule() {
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'electron-native.mjs'), '--ensure'], { cwd: root, encoding: 'utf8' });
  // electron-native.mjs says what went wrong on its first line.
  const first = `${built.stdout}`.split(/\r?\n/).find(Boolean)?.replace(/^electron-native:\s*/, '');
  return built.status === 0 ? { ok: true } : { ok: false, reason: first ?? firstReason(built.stderr, 'better-sqlite3 could not be built for Electron') };
}

/** How to open a URL in the default browser here, or null where there is none to open (no desktop session). */
export function browserCommand(url, platform = process.platform, env = process.env) {
  if (env.SHOSHIN_NO_BROWSER === '1') return null;
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` is a cmd built-in; its first quoted argument is the window title.
  if (platform === 'win32') return { command: 'cmd.exe', args: ['/d', '/s', '/c', `start "" "${url}"`], verbatim: true };
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return { command: 'xdg-open', args: [url] };
  return null;
}

/** Best effort: a missing opener or a failing one never stops Shoshin; the URL line is printed anyway. */
function openBrowser(url) {
  const opener = browserCommand(url);
  if (!opener) return;
  try {
    const child = spawn(opener.command, opener.args, { stdio: 'ignore', detached: true, windowsVerbatimArguments: opener.verbatim === true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No opener on this machine: the printed address is enough.
  }
}

/** The browser host's arguments: a .shoshin file given to `npm start` becomes its --file. */
export function webArguments(args) {
  const file = args.find((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith('.shoshin'));
  const rest = args.filter((arg) => arg !== '--web' && arg !== file);
  return file ? ['--file', file, ...rest] : rest;
}

function forwardSignals(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

function runElectron(electronPath, args) {
  const child = spawn(electronPath, ['.', ...args.filter((arg) => arg !== '--web')], { cwd: root, stdio: 'inherit' });
  forwardSignals(child);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function runWeb(args) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'main', 'web', 'cli.ts'), ...webArguments(args)], {
    cwd: root,
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  forwardSignals(child);
  let pending = '';
  let opened = false;
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    const address = lines.find((line) => line.startsWith('http://127.0.0.1:'));
    if (address && !opened) {
      opened = true;
      openBrowser(address.trim());
    }
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function main() {
  const args = process.argv.slice(2);
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const choice = await chooseShell({ forceWeb: args.includes('--web'), electronProgram: probeElectronProgram, nativeModule: probeNativeModule });
  if (choice.shell === 'electron') return runElectron(choice.electronPath, args);
  if (choice.reason) console.log(`Shoshin: the desktop app cannot start here (${choice.reason}); running it in your browser instead.`);
  runWeb(args);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
