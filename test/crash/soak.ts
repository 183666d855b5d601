// `npm run soak -- [CYCLES]`: the crash harness for as many cycles as asked (default 100).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crashCycles } from './harness';

const cycles = Number(process.argv[2] ?? 100);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoshin-soak-'));
const started = Date.now();
const result = await crashCycles(dir, cycles, (index, cycle) => {
  const status = cycle.integrity === 'ok' && cycle.lost.length === 0 ? 'ok' : `FAILED: ${cycle.integrity} ${cycle.lost.join('; ')}`;
  console.log(`cycle ${index + 1}/${cycles}: ${cycle.acknowledged} acknowledged edits so far, ${status}`);
});
fs.rmSync(dir, { recursive: true, force: true });
console.log(
  `soak: ${result.cycles} cycles, ${result.acknowledged} acknowledged edits, ${result.lost} lost, ${result.integrityErrors} integrity errors, ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
process.exit(result.lost === 0 && result.integrityErrors === 0 ? 0 : 1);
