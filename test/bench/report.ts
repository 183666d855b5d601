import fs from 'node:fs';
import path from 'node:path';
import { renderDiagram } from '../../core/diagram';
import { routeProcess, routingInput } from '../../core/routing';
import { DEFAULT_REPORT_OPTIONS } from '../../core/ipc/report';
import { processViewOf } from '../helpers';
import { EngagementStore } from '../../db/store';
import { svgToPng } from '../../main/report/images';
import { runExportInWorker } from '../../main/report/jobs';
import { loadAvoid } from '../../main/report/routes';
import { generateEngagement } from './generate';
import { elapsedMs, figure, median, type Figure } from './stats';

/** Figure 3: the whole Word report of a large engagement, in its worker, plus one diagram to SVG and to PNG. */
export async function report(dir: string, runs = 3): Promise<Figure[]> {
  const file = path.join(dir, 'report.shoshin');
  const store = EngagementStore.create(file, { name: 'Large engagement', client: 'Bench client' });
  const { processIds } = generateEngagement(store, { processes: 20, stepsPerProcess: 100, lanes: 6, painPoints: 500, people: 60, seed: 5 });
  const views = processIds.map((id) => processViewOf(store.db, id));
  store.close();

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

  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const out = path.join(dir, `report-${i}.docx`);
    const start = process.hrtime.bigint();
    await runExportInWorker({ engagementPath: file, format: 'docx', options: DEFAULT_REPORT_OPTIONS, out });
    times.push(elapsedMs(start));
    bytes = fs.statSync(out).size;
  }
  return [
    figure('3 report', 'Word report, 20 processes / 2,000 steps / 500 pain points / 60 people (median)', median(times) / 1000, 's', 5),
    figure('3 report', 'report file size', bytes / 1024 / 1024, 'MB', 15),
    figure('3 report', 'one 100-step diagram to SVG (median)', median(svgTimes), 'ms'),
    figure('3 report', 'one 100-step diagram to PNG at 2× (median)', median(pngTimes), 'ms'),
  ];
}
