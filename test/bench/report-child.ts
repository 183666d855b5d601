// One report export in a process of its own, so its peak memory is the export's alone: the export
// runs as in the app, in its worker thread; this prints the time it took and the process's peak RSS.
import { DEFAULT_REPORT_OPTIONS } from '../../core/ipc/report';
import { runExportInWorker } from '../../main/report/jobs';

const [engagementPath, out, cacheDir] = process.argv.slice(2);
if (!engagementPath || !out) throw new Error('usage: report-child.ts <engagement> <out.docx> [cache folder]');
const start = process.hrtime.bigint();
await runExportInWorker({ engagementPath, format: 'docx', options: DEFAULT_REPORT_OPTIONS, out, cacheDir: cacheDir || undefined });
const ms = Number(process.hrtime.bigint() - start) / 1e6;
process.stdout.write(`${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
