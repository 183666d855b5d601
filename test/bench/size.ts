import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { figure, type Figure } from './stats';

/** Figure 6a: what the renderer ships, gzipped, as a user's app loads it. */
export function bundleSize(rendererDir: string): Figure[] {
  const assets = path.join(rendererDir, 'assets');
  if (!fs.existsSync(assets)) throw new Error('Build first: npm run build');
  let js = 0;
  let css = 0;
  for (const name of fs.readdirSync(assets)) {
    const gz = gzipSync(fs.readFileSync(path.join(assets, name))).length;
    if (name.endsWith('.js')) js += gz;
    else if (name.endsWith('.css')) css += gz;
  }
  return [figure('6 size', 'renderer JavaScript (gzip)', js / 1024, 'KB'), figure('6 size', 'renderer CSS (gzip)', css / 1024, 'KB')];
}
