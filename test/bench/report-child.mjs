// One report export in a process of its own, so its peak memory is the export's alone. The export
// runs as in the app: the built report worker (out/main/reportWorker.js) in a worker thread, given
// the task as main gives it. Prints the time it took, the CPU time the process used (every thread,
// so a figure a busy shared machine disturbs less) and the process's peak RSS.
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/**
 * The process's own peak RSS. On Linux the rusage figure also counts the memory of the process that
 * started this one, as it stood when it did (its copy lives until the exec), so a small export
 * started by a large bench process reads as large; the kernel's high-water mark of this program's
 * own memory does not.
 */
function peakRssKb(usage) {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]);
  } catch {
    // Not Linux: the rusage figure is this process's own.
  }
  return usage.maxRSS;
}

const [entry, taskJson] = process.argv.slice(2);
if (!entry || !taskJson) throw new Error('usage: report-child.mjs <reportWorker.js> <task as JSON>');
const start = process.hrtime.bigint();
const worker = new Worker(entry, { workerData: JSON.parse(taskJson), execArgv: [] });
worker.on('message', (message) => {
  if (message.type === 'progress') return;
  if (message.type === 'error') {
    process.stderr.write(`${JSON.stringify(message)}\n`);
    process.exit(1);
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const usage = process.resourceUsage();
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  process.stdout.write(`${JSON.stringify({ ms, cpuMs, maxRssMb: peakRssKb(usage) / 1024 })}\n`);
  void worker.terminate();
});
worker.on('error', (error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
