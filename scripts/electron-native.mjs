// Prepares a copy of better-sqlite3 compiled for Electron's ABI in build/electron-native/, leaving the
// Node build in node_modules for tests, the CLI and the web host. Electron loads it via `nativeBinding`.
// After `npm install` it is best effort (offline machines cannot fetch Electron headers);
// `npm start` (scripts/start.mjs) runs it with --ensure and, if it still cannot be built, says why in
// one line (the first line printed here) and runs the browser host instead.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ensure = process.argv.includes('--ensure');
const outDir = path.join(root, 'build', 'electron-native');
const target = path.join(outDir, 'better_sqlite3.node');
const stamp = path.join(outDir, 'electron-version.txt');

function version(pkg) {
  return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

function done(message, ok) {
  console.log(`electron-native: ${message}`);
  process.exit(ok || !ensure ? 0 : 1);
}

if (process.env.SHOSHIN_SKIP_ELECTRON_NATIVE === '1') done('skipped (SHOSHIN_SKIP_ELECTRON_NATIVE=1).', true);

let electronVersion;
try {
  electronVersion = version('electron');
} catch {
  done('electron is not installed; nothing to prepare.', true);
}
if (fs.existsSync(target) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === electronVersion) {
  done(`ready for Electron ${electronVersion}.`, true);
}

const work = path.join(outDir, 'better-sqlite3');
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
fs.cpSync(path.join(root, 'node_modules', 'better-sqlite3'), work, {
  recursive: true,
  filter: (src) => !src.includes(`${path.sep}build${path.sep}`),
});

// The machine-wide nodedir points at Node's headers; Electron needs its own.
const env = { ...process.env };
for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key];
const npmNodeGyp =
  env.npm_config_node_gyp ?? path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
const attempts = [
  [process.execPath, [path.join(root, 'node_modules', 'prebuild-install', 'bin.js'), '--runtime', 'electron', '--target', electronVersion]],
  [process.execPath, [npmNodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers']],
];

/** A binary that plain Node can load was built against Node's headers, not Electron's: reject it. */
function loadsInNode(file) {
  try {
    process.dlopen({ exports: {} }, file);
    return true;
  } catch {
    return false;
  }
}
/** What stopped an attempt, in a few words, for the one-line reason. */
function cause(error) {
  const text = `${error?.stderr ?? ''}\n${error?.stdout ?? ''}`;
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|network connectivity|fetch failed/i.test(text)) return "no network to download Electron's headers";
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const line = lines.find((l) => /ERR!|error|not found/i.test(l) && !/WARN/.test(l)) ?? lines[0] ?? error?.message ?? 'unknown failure';
  return line.replace(/^(gyp ERR!|prebuild-install (warn|err!?))\s*/i, '').slice(0, 160);
}
let lastCause = 'no way to build it worked';
for (const [command, args] of attempts) {
  try {
    execFileSync(command, args, { cwd: work, env, stdio: 'pipe', timeout: 300_000 });
    const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
    if (fs.existsSync(built) && !loadsInNode(built)) {
      fs.copyFileSync(built, target);
      fs.writeFileSync(stamp, electronVersion);
      fs.rmSync(work, { recursive: true, force: true });
      done(`built better-sqlite3 for Electron ${electronVersion}.`, true);
    }
  } catch (error) {
    // Try the next way; report once below.
    lastCause = cause(error);
  }
}
fs.rmSync(work, { recursive: true, force: true });
done(
  `could not build better-sqlite3 for Electron ${electronVersion} (${lastCause})\n` +
    'Tests, the CLI and `npm run web` work as they are; `npm start` runs the browser host until this step succeeds.',
  false,
);
