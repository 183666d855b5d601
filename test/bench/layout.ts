import path from 'node:path';
import ELK from 'elkjs/lib/elk.bundled.js';
import { chromium } from 'playwright-core';
import { elkGraph, fromElk } from '../../core/layout';
import { processViewOf } from '../helpers';
import { EngagementStore } from '../../db/store';
import { startWebHost } from '../../main/web/host';
import { generateEngagement } from './generate';
import { elapsedMs, figure, median, type Figure } from './stats';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Figure 5: ELK on 300 steps in 8 lanes, bare in Node and for real in the app's Web Worker, with the UI thread's frame gaps meanwhile. */
export async function layout(dir: string): Promise<Figure[]> {
  const file = path.join(dir, 'layout.shoshin');
  const store = EngagementStore.create(file, { name: 'Layout', client: '' });
  const { processIds } = generateEngagement(store, { processes: 1, stepsPerProcess: 300, lanes: 8, painPoints: 20, people: 5, seed: 3 });
  const view = processViewOf(store.db, processIds[0] ?? '');
  store.close();

  const elk = new ELK();
  const nodeTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = process.hrtime.bigint();
    fromElk(view, await elk.layout(elkGraph(view)));
    nodeTimes.push(elapsedMs(start));
  }

  const host = await startWebHost({ rendererDir: path.join(ROOT, 'out/renderer'), dataDir: dir, userDataDir: path.join(dir, 'app-layout'), port: 0 });
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ARGS });
  const tidy: number[] = [];
  const gaps: number[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(host.url);
    await page.evaluate(`window.shoshin['engagement.open']({ path: ${JSON.stringify(file)} })`);
    await page.reload();
    await page.locator('.react-flow__node-step').first().waitFor();
    for (let run = 0; run < 3; run++) {
      const canvas = page.getByRole('application', { name: /Process canvas/ });
      await canvas.focus();
      // Frame gaps recorded inside the page while Tidy runs in the worker and saves.
      await page.evaluate(`(() => {
        window.__gaps = [];
        window.__on = true;
        let last = performance.now();
        function tick(t) { window.__gaps.push(t - last); last = t; if (window.__on) requestAnimationFrame(tick); }
        requestAnimationFrame(tick);
        window.__start = performance.now();
      })()`);
      const requested = page.waitForRequest((r) => r.url().includes('/api/step.place'), { timeout: 30_000 });
      await page.keyboard.press('Control+Shift+L');
      await requested;
      await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
      const result = await page.evaluate<{ total: number; gaps: number[] }>(`(() => {
        window.__on = false;
        return { total: performance.now() - window.__start, gaps: window.__gaps.slice(1) };
      })()`);
      tidy.push(result.total);
      gaps.push(Math.max(...result.gaps));
      await page.keyboard.press('Control+z');
      await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
    }
    await page.close();
  } finally {
    await browser.close();
    await host.close();
  }
  return [
    figure('5 layout', 'ELK, 300 steps in 8 lanes, in Node (median)', median(nodeTimes), 'ms'),
    figure('5 layout', 'Tidy in the app: keypress → laid out and saved (median)', median(tidy), 'ms', 1000),
    figure('5 layout', 'longest frame gap on the UI thread meanwhile (median of runs)', median(gaps), 'ms'),
  ];
}
