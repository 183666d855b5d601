// One report export in a process of its own, so its peak memory is the export's alone. The export
// runs as in the app: the built report worker (out/main/reportWorker.js) in a worker thread, given
// the task as main gives it. Prints the time it took, the CPU time the process used (every thread,
// so a figure a busy shared machine disturbs less) and the process's peak RSS.
import { Worker } from 'node:worker_threads';

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
  process.stdout.write(`${JSON.stringify({ ms, cpuMs, maxRssMb: usage.maxRSS / 1024 })}\n`);
  void worker.terminate();
});
worker.on('error', (error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
