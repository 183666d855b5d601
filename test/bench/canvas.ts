import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { laneBands, STEP_SIZE } from '../../core/geometry';
import { processViewOf } from '../helpers';
import { EngagementStore } from '../../db/store';
import { startWebHost } from '../../main/web/host';
import { generateEngagement } from './generate';
import { figure, median, percentile, type Figure } from './stats';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

function engagementWith(dir: string, name: string, steps: number): { file: string; processId: string } {
  const file = path.join(dir, `${name}.shoshin`);
  const store = EngagementStore.create(file, { name, client: 'Bench' });
  const { processIds } = generateEngagement(store, { processes: 1, stepsPerProcess: steps, lanes: 8, painPoints: Math.round(steps / 10), people: 10, seed: 11 });
  store.close();
  return { file, processId: processIds[0] ?? '' };
}

/** Main-thread time spent on tasks while `interact` runs (Chromium's own account), in ms. */
async function busyDuring<T>(page: Page, interact: () => Promise<T>): Promise<{ busy: number; result: T }> {
  const client = await page.context().newCDPSession(page);
  await client.send('Performance.enable');
  const read = async () => {
    const { metrics } = (await client.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  };
  const before = await read();
  const result = await interact();
  const busy = (await read()) - before;
  await client.detach();
  return { busy, result };
}

/** Pans and zooms for a few seconds while recording the interval between animation frames. */
async function frameTimes(page: Page): Promise<number[]> {
  // Scripts go in as strings: tsx would otherwise wrap functions in helpers the page does not have.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    let last = performance.now();
    function tick(t) {
      window.__frames.push(t - last);
      last = t;
      if (window.__recording) requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  })()`);
  const box = { x: 760, y: 480 };
  await page.mouse.move(box.x, box.y);
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < 8; i++) await page.mouse.wheel(0, -120);
    for (let i = 0; i < 8; i++) await page.mouse.wheel(0, 120);
    await page.mouse.move(box.x, box.y);
    await page.mouse.down();
    for (let i = 0; i < 30; i++) await page.mouse.move(box.x - i * 20, box.y - i * 6);
    await page.mouse.up();
  }
  return page.evaluate<number[]>(`(() => {
    window.__recording = false;
    return window.__frames.slice(1);
  })()`);
}

function serve(dir: string, extra: Record<string, string>): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((req, res) => {
    const name = (req.url ?? '/').split('?')[0] ?? '/';
    const body = extra[name] ?? (fs.existsSync(path.join(dir, name)) && fs.statSync(path.join(dir, name)).isFile() ? fs.readFileSync(path.join(dir, name)) : null);
    if (body === null) {
      const index = fs.readFileSync(path.join(dir, 'index.html'));
      res.writeHead(200, { 'content-type': 'text/html' }).end(index);
      return;
    }
    const type = name.endsWith('.js') ? 'text/javascript' : name.endsWith('.css') ? 'text/css' : name.endsWith('.json') ? 'application/json' : 'text/html';
    res.writeHead(200, { 'content-type': type }).end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() })),
  );
}

/** Figure 4 and 6b: our canvas against bare React Flow, Enter-to-paint latency, renderer memory. */
export async function canvas(dir: string): Promise<Figure[]> {
  const big = engagementWith(dir, 'thousand', 1000);
  const store = EngagementStore.open(big.file, { readOnly: true });
  const view = processViewOf(store.db, big.processId);
  store.close();
  const bands = laneBands(view.lanes, view.steps);
  const top = new Map(bands.map((b) => [b.laneId, b.top]));
  const graph = {
    nodes: view.steps.map((s) => ({
      id: s.id,
      position: { x: s.x, y: (top.get(s.laneId) ?? 0) + s.y },
      data: { label: s.text },
      width: STEP_SIZE[s.kind].width,
      height: STEP_SIZE[s.kind].height,
    })),
    edges: view.flows.map((f) => ({ id: f.id, source: f.sourceId, target: f.targetId })),
  };
  const bareOut = path.join(dir, 'bare-out');
  await build({ root: path.join(ROOT, 'test/bench/bare'), base: './', logLevel: 'silent', plugins: [react()], build: { outDir: bareOut, emptyOutDir: true } });
  const bareSite = await serve(bareOut, { '/graph.json': JSON.stringify(graph) });

  const host = await startWebHost({ rendererDir: path.join(ROOT, 'out/renderer'), dataDir: dir, userDataDir: path.join(dir, 'app-canvas'), port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const figures: Figure[] = [];
    const ours: number[] = [];
    const theirs: number[] = [];
    const ourBusy: number[] = [];
    const theirBusy: number[] = [];
    for (let round = 0; round < 3; round++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(bareSite.url);
      await page.locator('.react-flow__node').first().waitFor();
      const bare = await busyDuring(page, () => frameTimes(page));
      theirs.push(...bare.result);
      theirBusy.push(bare.busy);
      await page.close();

      const app = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await app.goto(host.url);
      await app.evaluate(`window.shoshin['engagement.open']({ path: ${JSON.stringify(big.file)} })`);
      await app.reload();
      await app.locator('.react-flow__node-step').first().waitFor();
      const shoshin = await busyDuring(app, () => frameTimes(app));
      ours.push(...shoshin.result);
      ourBusy.push(shoshin.busy);
      if (round === 0) {
        const client = await app.context().newCDPSession(app);
        await client.send('Performance.enable');
        await client.send('HeapProfiler.collectGarbage');
        const { metrics } = (await client.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
        const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
        figures.push(figure('6 size', 'renderer JS heap, 1,000-step process open', heap / 1024 / 1024, 'MB'));
      }
      await app.close();
    }
    figures.unshift(
      figure('4 canvas', 'pan/zoom frame time p50, Shoshin (1,000 steps)', median(ours), 'ms'),
      figure('4 canvas', 'pan/zoom frame time p95, Shoshin', percentile(ours, 95), 'ms'),
      figure('4 canvas', 'pan/zoom frame time p50, bare React Flow', median(theirs), 'ms'),
      figure('4 canvas', 'pan/zoom frame time p95, bare React Flow', percentile(theirs, 95), 'ms'),
      figure('4 canvas', 'frame-time ratio p95 (Shoshin / bare)', percentile(ours, 95) / percentile(theirs, 95), '×', 1.2),
      figure('4 canvas', 'main-thread busy during pan/zoom, Shoshin', median(ourBusy), 'ms'),
      figure('4 canvas', 'main-thread busy during pan/zoom, bare React Flow', median(theirBusy), 'ms'),
      figure('4 canvas', 'busy ratio (Shoshin / bare)', median(ourBusy) / median(theirBusy), '×', 1.2),
    );
    figures.push(...(await enterLatency(browser, host.url, engagementWith(dir, 'three-hundred', 300).file, '300', 50)));
    figures.push(...(await enterLatency(browser, host.url, big.file, '1,000', 80)));
    return figures;
  } finally {
    await browser.close();
    await host.close();
    bareSite.close();
  }
}

/** A pause like the words typed between two steps, ending when the page's main thread is next idle (no render, no routing reply landing). */
const PAUSE = `new Promise((resolve) => setTimeout(() => requestIdleCallback(resolve, { timeout: 1000 }), 250))`;

/**
 * Press Enter on the first step of a long process (the worst case: the new step goes in between
 * and every later step moves right); time from the key until the new step is painted. Each press
 * starts from an idle page after a pause, as a consultant's Enter comes after the words of the step before; the
 * new step is then left empty with Escape, which takes it away again. The first press after
 * opening pays for compiling its code paths: it is reported on its own, and three presses warm up
 * before the counted ones.
 */
async function enterLatency(browser: import('playwright-core').Browser, url: string, file: string, steps: string, target: number): Promise<Figure[]> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(url);
  await page.evaluate(`window.shoshin['engagement.open']({ path: ${JSON.stringify(file)} })`);
  await page.reload();
  await page.locator('.react-flow__node-step').first().click();
  await page.getByRole('application', { name: /Process canvas/ }).focus();
  await page.waitForTimeout(1500);
  const press = async (): Promise<number> => {
    await page.evaluate(PAUSE);
    await page.evaluate(`(() => {
      const count = document.querySelectorAll('.react-flow__node-step').length;
      window.__painted = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (document.querySelectorAll('.react-flow__node-step').length > count) {
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now()));
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
      });
      window.addEventListener('keydown', () => { window.__t0 = performance.now(); }, { once: true, capture: true });
    })()`);
    await page.keyboard.press('Enter');
    const took = await page.evaluate<number>(`window.__painted.then((t) => t - window.__t0)`);
    await page.keyboard.press('Escape');
    return took;
  };
  const first = await press();
  for (let i = 0; i < 3; i++) await press();
  const samples: number[] = [];
  for (let i = 0; i < 30; i++) samples.push(await press());
  await page.close();
  return [
    figure('4 canvas', `Enter → new step painted, first press after opening (${steps} steps)`, first, 'ms'),
    figure('4 canvas', `Enter → new step painted p50 (${steps} steps)`, median(samples), 'ms'),
    figure('4 canvas', `Enter → new step painted p95 (${steps} steps)`, percentile(samples, 95), 'ms', target),
  ];
}

/**
 * Fit on a 300-step process: from Shift+1 (zoomed in on a step, as after an arrow key) until the
 * viewport and the rendered steps stop changing. Each round first walks one step on, which zooms
 * back in to a readable size, so every Fit starts from a close-up.
 */
export async function fit(dir: string): Promise<Figure[]> {
  const { file } = engagementWith(dir, 'fit-three-hundred', 300);
  const host = await startWebHost({ rendererDir: path.join(ROOT, 'out/renderer'), dataDir: dir, userDataDir: path.join(dir, 'app-fit'), port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(host.url);
    await page.evaluate(`window.shoshin['engagement.open']({ path: ${JSON.stringify(file)} })`);
    await page.reload();
    await page.locator('.react-flow__node-step').first().waitFor();
    await page.getByRole('application', { name: /Process canvas/ }).focus();
    // Resolves with the frame time at which the viewport and the number of drawn steps last changed, once they have held for three frames.
    const settled = `new Promise((resolve) => {
      const viewport = document.querySelector('.react-flow__viewport');
      let transform = viewport.style.transform;
      let drawn = document.querySelectorAll('.react-flow__node-step').length;
      let changedAt = 0;
      let still = 0;
      const tick = (now) => {
        const t = viewport.style.transform;
        const n = document.querySelectorAll('.react-flow__node-step').length;
        if (t !== transform || n !== drawn) {
          transform = t;
          drawn = n;
          changedAt = now;
          still = 0;
        } else still++;
        if (changedAt > 0 && still >= 3) resolve(changedAt);
        else if (changedAt === 0 && still > 120) resolve(performance.now());
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })`;
    const samples: number[] = [];
    for (let i = 0; i < 16; i++) {
      await page.evaluate(`window.__settled = ${settled}`);
      await page.keyboard.press('ArrowRight');
      await page.evaluate(`window.__settled`);
      await page.evaluate(`(() => {
        window.addEventListener('keydown', () => { window.__t0 = performance.now(); }, { once: true, capture: true });
        window.__settled = ${settled};
      })()`);
      await page.keyboard.press('Shift+1');
      samples.push(await page.evaluate<number>(`window.__settled.then((t) => t - window.__t0)`));
    }
    await page.close();
    return [figure('4 canvas', 'Fit on a 300-step process p50 (Shift+1 → viewport settled)', median(samples), 'ms'), figure('4 canvas', 'Fit on a 300-step process p95', percentile(samples, 95), 'ms')];
  } finally {
    await browser.close();
    await host.close();
  }
}
