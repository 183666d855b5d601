import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, screenshotPath, sharedHost } from './harness';

/**
 * Issue 12 item 6 and issue 13 item 2 on the canvas: every flow of the sample drawn along its routed
 * line (computed in the routing worker), read back from the page and checked geometrically (no two
 * flows share a segment, none runs behind a step, each label beside its own flow and clear of the
 * others), then compared with the SVG export, which must draw the very same lines.
 */

interface Point {
  x: number;
  y: number;
}
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface DrawnFlow {
  id: string;
  d: string;
  label: (Box & { text: string }) | null;
}
interface Drawn {
  flows: DrawnFlow[];
  steps: (Box & { id: string })[];
}

const PROCESSES = ['Password reset', 'New starter onboarding', 'Order laptop'];

/** The corners of a path drawn by core/routing.ts roundedPath: the start, each corner's control point, the end. */
function cornersOf(d: string): Point[] {
  const points: Point[] = [];
  const commands = [...d.matchAll(/([MLQ])([^MLQ]+)/g)];
  commands.forEach(([, command, args], index) => {
    const numbers = (args ?? '').trim().split(/[ ,]+/).map(Number);
    if (command === 'M' || (command === 'L' && index === commands.length - 1)) points.push({ x: numbers[0] ?? NaN, y: numbers[1] ?? NaN });
    if (command === 'Q') points.push({ x: numbers[0] ?? NaN, y: numbers[1] ?? NaN });
  });
  return points;
}

function segmentsOf(points: Point[]): Box[] {
  const out: Box[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    out.push({ x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) });
  }
  return out;
}

function meet(a: Box, b: Box, slack = 0): boolean {
  return a.x < b.x + b.width + slack && b.x < a.x + a.width + slack && a.y < b.y + b.height + slack && b.y < a.y + a.height + slack;
}

/** Length two segments run along the same line (0 when they only cross or touch). */
function shared(p: Box, q: Box): number {
  const ph = p.height < 0.5;
  const qh = q.height < 0.5;
  if (ph !== qh) return 0;
  if (ph && Math.abs(p.y - q.y) > 0.5) return 0;
  if (!ph && Math.abs(p.x - q.x) > 0.5) return 0;
  return ph ? Math.min(p.x + p.width, q.x + q.width) - Math.max(p.x, q.x) : Math.min(p.y + p.height, q.y + q.height) - Math.max(p.y, q.y);
}

function distance(box: Box, seg: Box): number {
  const dx = Math.max(0, seg.x - (box.x + box.width), box.x - (seg.x + seg.width));
  const dy = Math.max(0, seg.y - (box.y + box.height), box.y - (seg.y + seg.height));
  return Math.hypot(dx, dy);
}

function problems(drawn: Drawn): string[] {
  const found: string[] = [];
  const routes = drawn.flows.map((f) => ({ ...f, points: cornersOf(f.d), segments: segmentsOf(cornersOf(f.d)) }));
  for (const flow of routes) {
    if (flow.points.length < 2 || flow.points.some((p) => !Number.isFinite(p.x) || !Number.isFinite(p.y))) found.push(`${flow.id}: unreadable path ${flow.d}`);
    flow.segments.forEach((seg, i) => {
      if (seg.width > 0.5 && seg.height > 0.5) found.push(`${flow.id}: segment ${i} is not horizontal or vertical`);
      // Only the first and last segments touch a step (their own ends); the rest run clear of every step.
      if (i === 0 || i === flow.segments.length - 1) return;
      for (const step of drawn.steps) if (meet(seg, { x: step.x + 1, y: step.y + 1, width: step.width - 2, height: step.height - 2 })) found.push(`${flow.id}: segment ${i} runs behind step ${step.id}`);
    });
  }
  for (let i = 0; i < routes.length; i++) {
    const a = routes[i] as (typeof routes)[number];
    for (let j = i + 1; j < routes.length; j++) {
      const b = routes[j] as (typeof routes)[number];
      for (const p of a.segments) for (const q of b.segments) if (shared(p, q) > 1) found.push(`${a.id} and ${b.id} share a segment`);
      if (a.label && b.label && meet(a.label, b.label)) found.push(`labels "${a.label.text}" and "${b.label.text}" overlap`);
    }
    const label = a.label;
    if (!label) continue;
    const own = Math.min(...a.segments.map((s) => distance(label, s)));
    if (own > 6) found.push(`label "${label.text}" is ${own.toFixed(1)} px from its own flow`);
    for (const other of routes) {
      if (other.id === a.id) continue;
      for (const seg of other.segments) if (meet(label, seg, 2)) found.push(`label "${label.text}" touches another flow`);
      // Beside its own branch: nearer its own flow than any other.
      const theirs = Math.min(...other.segments.map((s) => distance(label, s)));
      if (theirs <= own) found.push(`label "${label.text}" is as near another flow as its own`);
    }
    for (const step of drawn.steps) if (meet(label, step)) found.push(`label "${label.text}" covers step ${step.id}`);
  }
  return found;
}

async function openSample(page: Page): Promise<void> {
  await page.getByRole('button', { name: '← Home' }).click();
  await page.getByRole('button', { name: 'Open sample engagement' }).click();
  await expect.poll(() => page.getByRole('navigation', { name: 'Processes' }).getByRole('button', { name: /^Password reset/ }).count(), { timeout: 60_000 }).toBe(1);
}

async function fitView(page: Page): Promise<void> {
  await page.getByRole('button', { name: /fit/i }).first().click();
}

/** Waits until every flow on the canvas is drawn along its route, then reads flows and steps in flow coordinates. */
async function readCanvas(page: Page): Promise<Drawn> {
  const canvas = page.locator('.react-flow');
  await expect
    .poll(
      async () => {
        const edges = await canvas.locator('.react-flow__edge').count();
        const routed = await canvas.locator('.react-flow__edge path.react-flow__edge-path.flow-routed').count();
        return edges > 0 && edges === routed;
      },
      { timeout: 60_000, interval: 250 },
    )
    .toBe(true);
  return canvas.evaluate((root) => {
    const flows = [...root.querySelectorAll<SVGGElement>('.react-flow__edge')].map((edge) => {
      const rect = edge.querySelector<SVGRectElement>('.flow-label rect');
      const num = (name: string) => Number(rect?.getAttribute(name));
      return {
        id: edge.getAttribute('data-id') ?? '',
        d: edge.querySelector('path.react-flow__edge-path')?.getAttribute('d') ?? '',
        label: rect ? { x: num('x'), y: num('y'), width: num('width'), height: num('height'), text: edge.querySelector('.flow-label text')?.textContent ?? '' } : null,
      };
    });
    const steps = [...root.querySelectorAll<HTMLElement>('.react-flow__node-step')].map((node) => {
      const match = /translate\(\s*(-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(node.style.transform);
      return { id: node.getAttribute('data-id') ?? '', x: Number(match?.[1]), y: Number(match?.[2]), width: node.offsetWidth, height: node.offsetHeight };
    });
    return { flows, steps };
  });
}

/** The flow lines of an exported SVG (core/diagram/render.ts draws each as one stroked path with round joins). */
function svgFlowPaths(svg: string): string[] {
  return [...svg.matchAll(/<path d="([^"]+)" fill="none" stroke="[^"]+" stroke-width="1\.6" stroke-linejoin="round"\/>/g)].map((m) => m[1] ?? '');
}

describe('flows on the canvas', () => {
  const env = sharedHost();

  it('draws every sample flow along its route: no shared segment, none behind a step, labels beside their own branch, the same lines as the SVG export', async () => {
    const { page, errors } = await openApp(env.browser, env.host.url);
    await openSample(page);
    const origin = new URL(env.host.url).origin;
    for (const name of PROCESSES) {
      await page.getByRole('navigation', { name: 'Processes' }).getByRole('button', { name: new RegExp(`^${name}`) }).click();
      await page.getByRole('application', { name: `Process canvas: ${name}`, exact: true }).waitFor();
      // The whole process in view for the screenshot (the sample is small enough for every flow to be in the page anyway).
      await fitView(page);
      const drawn = await readCanvas(page);
      expect(drawn.steps.length).toBeGreaterThan(3);
      expect(drawn.flows.filter((f) => f.label).length, name).toBeGreaterThan(0);
      expect(problems(drawn), name).toEqual([]);
      await page.screenshot({ path: screenshotPath(`arrows-${name.replace(/\W+/g, '-').toLowerCase()}`) });

      // The SVG export of the open process draws the same lines, point for point.
      await page.keyboard.press('Control+Shift+E');
      const dialog = page.getByRole('dialog', { name: 'Export' });
      await dialog.getByRole('button', { name: 'Diagram as SVG' }).click();
      const link = dialog.getByRole('link', { name: /^Download .*\.svg$/ });
      await link.waitFor({ timeout: 60_000 });
      const svg = await (await page.request.get(`${origin}${(await link.getAttribute('href')) ?? ''}`)).text();
      expect(svgFlowPaths(svg).sort(), name).toEqual(drawn.flows.map((f) => f.d).sort());
      await dialog.getByRole('button', { name: 'Close' }).click();
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('routes the flows of a moved step again for its new place', async () => {
    const { page, errors } = await openApp(env.browser, env.host.url);
    await openSample(page);
    await page.getByRole('navigation', { name: 'Processes' }).getByRole('button', { name: /^Order laptop/ }).click();
    await page.getByRole('application', { name: 'Process canvas: Order laptop', exact: true }).waitFor();
    await fitView(page);
    const before = await readCanvas(page);
    expect(problems(before)).toEqual([]);

    // Drag a step down by a lane's worth: its flows are re-routed for the new place.
    const moved = page.locator('.react-flow__node-step').nth(2);
    const id = (await moved.getAttribute('data-id')) ?? '';
    const box = await moved.boundingBox();
    if (!box) throw new Error('step not visible');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 30, box.y + box.height / 2 + 90, { steps: 10 });
    await page.mouse.up();
    await expect
      .poll(async () => (await readCanvas(page)).steps.find((s) => s.id === id)?.y, { timeout: 30_000 })
      .not.toBe(before.steps.find((s) => s.id === id)?.y);
    const after = await readCanvas(page);
    expect(after.flows.map((f) => f.d)).not.toEqual(before.flows.map((f) => f.d));
    expect(problems(after)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
