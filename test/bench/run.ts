// `npm run bench`: prints a table and writes bench-results.json. Figures are medians over repeated runs;
// where a target is a ratio, both sides are measured in the same run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { canvas, fit } from './canvas';
import { layout } from './layout';
import { report } from './report';
import { routing } from './routing';
import { bundleSize } from './size';
import { durability, openEngagement } from './service';
import type { Figure } from './stats';

const ROOT = path.resolve(import.meta.dirname, '../..');
const only = process.argv.slice(2);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoshin-bench-'));
const figures: Figure[] = [];

const suites: Record<string, () => Promise<Figure[]>> = {
  durability: () => durability(dir),
  open: () => openEngagement(dir),
  report: () => report(dir),
  canvas: () => canvas(dir),
  fit: () => fit(dir),
  layout: () => layout(dir),
  routing: () => routing(dir),
  size: async () => bundleSize(path.join(ROOT, 'out', 'renderer')),
};

try {
  for (const [name, run] of Object.entries(suites)) {
    if (only.length > 0 && !only.includes(name)) continue;
    process.stderr.write(`bench: ${name}…\n`);
    figures.push(...(await run()));
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

const rows = figures.map((f) => [f.figure, f.metric, `${f.value} ${f.unit}`, f.target, f.met === null ? '' : f.met ? 'met' : 'MISSED']);
const header = ['figure', 'metric', 'value', 'target', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));

const result = { measuredAt: new Date().toISOString(), machine: { cpus: os.cpus().length, node: process.version }, figures };
fs.writeFileSync(path.join(ROOT, 'bench-results.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(`\nwrote bench-results.json (${figures.length} figures)`);
