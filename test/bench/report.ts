import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { renderDiagram } from '../../core/diagram';
import { routeProcess, routingInput } from '../../core/routing';
import { DEFAULT_REPORT_OPTIONS } from '../../core/ipc/report';
import type { ExportTask } from '../../main/report/exports';
import { processViewOf } from '../helpers';
import { EngagementStore } from '../../db/store';
import { writeSample } from '../../main/sample';
import { keepDrawingMemory, svgToPng } from '../../main/report/images';
import { loadAvoid } from '../../main/report/routes';
import { generateEngagement } from './generate';
import { elapsedMs, figure, median, type Figure } from './stats';

const CHILD = path.join(import.meta.dirname, 'report-child.mjs');
/** The report worker as the app runs it, built by `npm run bench` before the suites run. */
const WORKER = path.resolve(import.meta.dirname, '../../out/main/reportWorker.js');

interface Run {
  ms: number;
  cpuMs: number;
  maxRssMb: number;
}

/** One Word report of `file`, exported in a child process by the app's own report worker; the cache folder, if any, is the app's PNG cache. */
function exportOnce(file: string, out: string, cacheDir?: string): Run {
  // As main does before it starts a report worker; the child inherits this process's environment.
  keepDrawingMemory();
  const task: ExportTask = { engagementPath: file, format: 'docx', options: DEFAULT_REPORT_OPTIONS, out, ...(cacheDir ? { cacheDir } : {}) };
  const said = execFileSync(process.execPath, [CHILD, WORKER, JSON.stringify(task)], { encoding: 'utf8' });
  return JSON.parse(said.trim().split('\n').pop() ?? '{}') as Run;
}

/**
 * Figure 3: the whole Word report of a large engagement and of the sample, each export made by the
 * built app's report worker in a process of its own, so its peak memory is measured alone: first with no PNG copies of the diagrams cached
 * (a first export), then again with the app's cache of them filled (the next export of the same
 * engagement); plus one diagram to SVG and to PNG.
 */
export async function report(dir: string, runs = 3): Promise<Figure[]> {
  if (!fs.existsSync(WORKER)) throw new Error(`The report suite runs the built report worker: run \`npm run bench\`, which builds it (${WORKER} is missing).`);
  const file = path.join(dir, 'report.shoshin');
  const store = EngagementStore.create(file, { name: 'Large engagement', client: 'Bench client' });
  const { processIds } = generateEngagement(store, { processes: 20, stepsPerProcess: 100, lanes: 6, painPoints: 500, people: 60, seed: 5 });
  const views = processIds.map((id) => processViewOf(store.db, id));
  store.close();
  const sampleFile = path.join(dir, 'sample.shoshin');
  const sample = EngagementStore.create(sampleFile, { name: 'Sample', client: '' });
  writeSample(sample);
  sample.close();

  const svgTimes: number[] = [];
  const pngTimes: number[] = [];
  const avoid = await loadAvoid();
  for (const view of views.slice(0, 5)) {
    const routes = routeProcess(avoid, routingInput(view));
    let start = process.hrtime.bigint();
    const diagram = renderDiagram({ ...view, routes });
    svgTimes.push(elapsedMs(start));
    start = process.hrtime.bigint();
    svgToPng(diagram.svg, Math.round(diagram.width * 2));
    pngTimes.push(elapsedMs(start));
  }

  const measure = (source: string, name: string, warm: boolean): Run[] => {
    const out: Run[] = [];
    const cache = path.join(dir, `cache-${name}`);
    if (warm) exportOnce(source, path.join(dir, `${name}-fill.docx`), cache);
    for (let i = 0; i < runs; i++) {
      // A first export draws every diagram: each run gets an empty cache of its own.
      const cacheDir = warm ? cache : path.join(dir, `cache-${name}-cold-${i}`);
      out.push(exportOnce(source, path.join(dir, `${name}-${i}.docx`), cacheDir));
    }
    return out;
  };
  const big = measure(file, 'large', false);
  const bigWarm = measure(file, 'large', true);
  const small = measure(sampleFile, 'sample', false);
  const bytes = fs.statSync(path.join(dir, 'large-0.docx')).size;
  const seconds = (list: Run[]) => median(list.map((r) => r.ms)) / 1000;
  const cpu = (list: Run[]) => median(list.map((r) => r.cpuMs)) / 1000;
  const peak = (list: Run[]) => Math.max(...list.map((r) => r.maxRssMb));
  return [
    figure('3 report', 'Word report, 20 processes / 2,000 steps / 500 pain points / 60 people, first export (median)', seconds(big), 's', 5),
    figure('3 report', 'its CPU time, all threads (median)', cpu(big), 's'),
    figure('3 report', 'its peak memory (RSS of the exporting process, highest of the runs)', peak(big), 'MB', 500),
    figure('3 report', 'the same report again, diagrams from the PNG cache (median)', seconds(bigWarm), 's', 5),
    figure('3 report', 'its CPU time, all threads (median)', cpu(bigWarm), 's'),
    figure('3 report', 'its peak memory (RSS, highest of the runs)', peak(bigWarm), 'MB', 500),
    figure('3 report', 'sample engagement report, first export (median)', seconds(small), 's', 2),
    figure('3 report', 'its CPU time, all threads (median)', cpu(small), 's'),
    figure('3 report', 'its peak memory (RSS, highest of the runs)', peak(small), 'MB'),
    figure('3 report', 'report file size', bytes / 1024 / 1024, 'MB', 15),
    figure('3 report', 'one 100-step diagram to SVG (median)', median(svgTimes), 'ms'),
    figure('3 report', 'one 100-step diagram to PNG at 2× (median)', median(pngTimes), 'ms'),
  ];
}
