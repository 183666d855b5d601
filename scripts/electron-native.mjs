// Prepares a copy of better-sqlite3 compiled for Electron's ABI in build/electron-native/, leaving the
// Node build in node_modules for tests, the CLI and the web host. Electron loads it via `nativeBinding`.
// After `npm install` it is best effort (offline machines cannot fetch Electron headers);
// `npm start` runs it with --ensure and stops with a clear message if it still cannot be built.
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
  } catch {
    // Try the next way; report once below.
  }
}
fs.rmSync(work, { recursive: true, force: true });
done(
  `could not prepare better-sqlite3 for Electron ${electronVersion} (no network for Electron's headers?). ` +
    'Tests, the CLI and `npm run web` work as they are; `npm start` needs this step to succeed once.',
  false,
);
