import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { routeProcess, routingInput } from '../../core/routing';
import { EngagementStore } from '../../db/store';
import { loadAvoid } from '../../main/report/routes';
import { startWebHost } from '../../main/web/host';
import { processViewOf } from '../helpers';
import { generateEngagement } from './generate';
import { elapsedMs, figure, median, percentile, type Figure } from './stats';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * Figure 6: routing every flow of a 300-step process (8 lanes) with libavoid, in Node (as the exports
 * do) and in the app's routing Web Worker, with the UI thread's frame gaps while the worker works.
 */
export async function routing(dir: string): Promise<Figure[]> {
  const file = path.join(dir, 'routing.shoshin');
  const store = EngagementStore.create(file, { name: 'Routing', client: '' });
  const { processIds } = generateEngagement(store, { processes: 1, stepsPerProcess: 300, lanes: 8, painPoints: 20, people: 5, seed: 3 });
  const view = processViewOf(store.db, processIds[0] ?? '');
  store.close();
  const input = routingInput(view);

  const avoid = await loadAvoid();
  // The first run also compiles the WebAssembly's hot paths; a worker pays that once, so it is left out.
  routeProcess(avoid, input);
  const nodeTimes: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    routeProcess(avoid, input);
    nodeTimes.push(elapsedMs(start));
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
  }

  const host = await startWebHost({ rendererDir: path.join(ROOT, 'out/renderer'), dataDir: dir, userDataDir: path.join(dir, 'app-routing'), port: 0 });
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ARGS });
  const worker: number[] = [];
  const gaps: number[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(host.url);
    await page.evaluate(`window.shoshin['engagement.open']({ path: ${JSON.stringify(file)} })`);
    await page.reload();
    await page.locator('.react-flow__node-step').first().waitFor();
    const workerFile = fs.readdirSync(path.join(ROOT, 'out/renderer/assets')).find((f) => f.startsWith('route.worker-') && f.endsWith('.js'));
    for (let run = 0; run < 4; run++) {
      // The app's own routing worker script, sent the canvas's routing input, with frame gaps recorded meanwhile.
      const result = await page.evaluate<{ total: number; gaps: number[] }>(`(async () => {
        const w = new Worker(new URL('assets/${workerFile}', location.href), { type: 'module' });
        const gaps = [];
        let on = true;
        let last = performance.now();
        const tick = (t) => { gaps.push(t - last); last = t; if (on) requestAnimationFrame(tick); };
        requestAnimationFrame(tick);
        const warm = () => new Promise((resolve) => { w.onmessage = (e) => resolve(e.data); w.postMessage({ id: 0, input: { steps: [], flows: [], backFlowIds: [] } }); });
        await warm();
        const start = performance.now();
        const reply = await new Promise((resolve) => { w.onmessage = (e) => resolve(e.data); w.postMessage({ id: 1, input: ${JSON.stringify(input)} }); });
        const total = performance.now() - start;
        on = false;
        w.terminate();
        if (!reply.ok) throw new Error(reply.message);
        return { total, gaps: gaps.slice(1) };
      })()`);
      // Each run starts a fresh worker, as the app does on its first routing: loading and compiling the WebAssembly is in the warm-up message, not in the figure.
      worker.push(result.total);
      gaps.push(...result.gaps);
    }
  } finally {
    await browser.close();
    await host.close();
  }
  return [
    figure('6 routing', `route ${input.flows.length} flows of a 300-step process in Node, wall (median)`, median(nodeTimes), 'ms'),
    figure('6 routing', 'the same, CPU time (median)', median(cpuTimes), 'ms', 1000),
    figure('6 routing', 'in the app’s routing worker, fresh worker each run (median of 4)', median(worker), 'ms'),
    figure('6 routing', 'UI thread frame gap while the worker routes (p95)', percentile(gaps, 95), 'ms', 50),
  ];
}
