import path from 'node:path';
import { fileURLToPath } from 'node:url';
import electron from 'electron';
import { startElectronApp } from './electron/app';

startElectronApp(electron, {
  outDir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'),
  argv: process.argv,
  cwd: process.cwd(),
});
