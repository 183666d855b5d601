import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { figure, type Figure } from './stats';

/** Figure 6a: what the renderer ships, gzipped; the layout worker (ELK) is loaded only when Tidy runs. */
export function bundleSize(rendererDir: string): Figure[] {
  const assets = path.join(rendererDir, 'assets');
  if (!fs.existsSync(assets)) throw new Error('Build first: npm run build');
  let app = 0;
  let worker = 0;
  let css = 0;
  for (const name of fs.readdirSync(assets)) {
    const gz = gzipSync(fs.readFileSync(path.join(assets, name))).length;
    if (name.endsWith('.css')) css += gz;
    else if (name.includes('worker')) worker += gz;
    else if (name.endsWith('.js')) app += gz;
  }
  return [
    figure('6 size', 'renderer JavaScript loaded at start (gzip)', app / 1024, 'KB'),
    figure('6 size', 'layout worker with ELK, loaded on Tidy (gzip)', worker / 1024, 'KB'),
    figure('6 size', 'renderer CSS (gzip)', css / 1024, 'KB'),
  ];
}
