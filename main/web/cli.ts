import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AppSettings } from '../settings';
import { freshPath } from '../services';
import { EngagementStore } from '../../db/store';
import { format, msg } from '../../core/messages';
import { startWebHost } from './host';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    file: { type: 'string' },
    port: { type: 'string' },
    'data-dir': { type: 'string' },
  },
});

const dataDir = path.resolve(values['data-dir'] ?? process.env['SHOSHIN_DATA_DIR'] ?? path.join(os.homedir(), 'Shoshin'));
const userDataDir = path.join(dataDir, '.shoshin-app');
// SHOSHIN_RENDERER_DIR points at another build of the renderer (tests use a stub page).
const rendererDir = path.resolve(process.env['SHOSHIN_RENDERER_DIR'] ?? path.join(here, '../../out/renderer'));
if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
  console.error('The renderer is not built yet: run `npm run build` (npm run web does this for you).');
  process.exit(1);
}
const port = values.port ? Number(values.port) : 0;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Not a port number: ${values.port}`);
  process.exit(1);
}

/** Missing means nothing at all is there: a dangling link or a loop of links is reported by the open, not replaced. */
function missing(file: string): boolean {
  try {
    fs.lstatSync(file);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

let host: Awaited<ReturnType<typeof startWebHost>>;
try {
  host = await startWebHost({
    rendererDir,
    dataDir,
    userDataDir,
    port,
    initialFile: async (_workspace, open) => {
      if (values.file) {
        const file = path.resolve(values.file);
        if (missing(file)) EngagementStore.create(file, { name: path.basename(file, '.shoshin'), client: '' }).close();
        return open(file);
      }
      // No file named: carry on with the last engagement, or start one in the data folder.
      const last = new AppSettings(userDataDir).recent()[0];
      if (last) return open(last.path);
      const file = freshPath(dataDir, 'Untitled engagement');
      EngagementStore.create(file, { name: 'Untitled engagement', client: '' }).close();
      return open(file);
    },
  });
} catch (error) {
  // One line, no stack trace: the refusal is the whole message (a bad --file, a port in use, a full disk).
  console.error(`shoshin: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}

console.log(format(msg('web.running')));
console.log(host.url);
const stop = (): void => {
  void host.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
