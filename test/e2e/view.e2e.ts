import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { storyOrder } from '../../core/navigation';
import { processSummaries, processView as viewOf, snapshotOf } from '../../core/views';
import { box, canvasOf, openApp, openSample, overlaps, screenshotPath, setTheme, sharedHost, stepNamed, waitSaved, type Box } from './harness';

/**
 * Seeing the whole process, following the selection, and the projector: Fit at any size, lane
 * names at any zoom, the view following Find, the registers, metrics, arrows and new steps, the
 * toolbars folding into "More" at 1024 and 1280 pixels, and the presenter view walking the story
 * with text the room can read.
 */

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

const allSteps = (page: Page) => page.getByRole('group', { name: /^(Step|Decision|Start|End|Wait|Sub-process): / });

function inside(inner: Box, outer: Box, slack = 0.5): boolean {
  return inner.x >= outer.x - slack && inner.y >= outer.y - slack && inner.x + inner.width <= outer.x + outer.width + slack && inner.y + inner.height <= outer.y + outer.height + slack;
}

/** What floats over the canvas: the zoom and Fit controls, the minimap (when shown) and the lane name column. */
async function overlays(page: Page): Promise<Box[]> {
  const found: Box[] = [];
  const floating = [
    ...['Zoom In', 'Zoom Out', 'Fit the whole process'].map((name) => page.getByRole('button', { name, exact: true })),
    page.getByRole('img', { name: 'Minimap' }),
    ...(await page.getByRole('list', { name: 'Lanes' }).getByRole('listitem').all()),
  ];
  for (const element of floating) {
    // Hidden ones (the presenter view hides the controls and the minimap) cover nothing.
    const shown = (await element.count()) > 0 ? await element.boundingBox() : null;
    if (shown && shown.width > 0 && shown.height > 0) found.push(shown);
  }
  return found;
}

/** A step is in view: inside the pane, and nothing floating over the canvas covers it. */
async function expectInView(page: Page, step: Locator): Promise<void> {
  await expect
    .poll(async () => {
      const [pane, target, over] = [await box(canvasOf(page)), await step.boundingBox(), await overlays(page)];
      if (!target) return 'not rendered';
      if (!inside(target, pane)) return `outside the pane: ${JSON.stringify(target)} in ${JSON.stringify(pane)}`;
      const covering = over.find((o) => overlaps(target, o));
      return covering ? `covered by ${JSON.stringify(covering)}` : 'in view';
    }, { timeout: 15_000 })
    .toBe('in view');
}

/** How big a step's smallest text is on screen: its font size times the zoom it is drawn at. */
async function smallestText(step: Locator): Promise<number> {
  return step.evaluate((el) => {
    const scale = el.getBoundingClientRect().width / (el as HTMLElement).offsetWidth;
    const texts = [...el.querySelectorAll('*')].filter((n) => n.childElementCount === 0 && (n.textContent ?? '').trim().length > 0);
    return Math.min(...texts.map((n) => parseFloat(getComputedStyle(n).fontSize) * scale));
  });
}

/** The zoom a step is drawn at. */
async function zoomOf(step: Locator): Promise<number> {
  return step.evaluate((el) => el.getBoundingClientRect().width / (el as HTMLElement).offsetWidth);
}

async function addProcess(page: Page, name: string, lines: string[]): Promise<void> {
  await page.getByRole('button', { name: 'Add process' }).click();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByRole('heading', { name, level: 2 }).count()).toBe(1);
  const canvas = canvasOf(page);
  await canvas.focus();
  await canvas.evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, lines.join('\n'));
  await page.getByRole('dialog', { name: 'Type to map' }).waitFor();
  await page.keyboard.press(`${MOD}+Enter`);
  await expect.poll(() => page.getByText(`${lines.length} steps · ${lines.length - 1} flows`).count(), { timeout: 30_000 }).toBe(1);
  await waitSaved(page);
}

/** Each lane's name is on screen, readable and at the left of the pane. */
async function expectLaneNames(page: Page, names: string[]): Promise<void> {
  const pane = await box(canvasOf(page));
  const lanes = page.getByRole('list', { name: 'Lanes' });
  for (const name of names) {
    const text = lanes.getByRole('listitem', { name }).getByText(name, { exact: true });
    const shown = await box(text);
    expect(inside(shown, pane), `${name} on screen`).toBe(true);
    expect(shown.x - pane.x, `${name} at the left`).toBeLessThan(40);
    const size = await text.evaluate((el) => ({ font: parseFloat(getComputedStyle(el).fontSize), clipped: el.scrollWidth > el.clientWidth + 1 }));
    expect(size.font, `${name} readable`).toBeGreaterThanOrEqual(11);
    expect(size.clipped, `${name} not cut short`).toBe(false);
  }
}

/**
 * Wheel-zooms with the pointer on a step (so it stays put under the pointer) until it is drawn at
 * the zoom wanted: React Flow zooms by 2^(-deltaY × 0.002) per wheel event.
 */
async function zoomTo(page: Page, step: Locator, wanted: number): Promise<number> {
  const at = await box(step);
  await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
  for (let i = 0; i < 20; i++) {
    const zoom = await zoomOf(step);
    if (Math.abs(Math.log(zoom / wanted)) < 0.01) return zoom;
    await page.mouse.wheel(0, Math.max(-400, Math.min(400, -Math.log2(wanted / zoom) / 0.002)));
    await page.waitForTimeout(100);
  }
  return zoomOf(step);
}

describe('seeing the whole process and presenting it', () => {
  const env = sharedHost();

  it('fits a 300-step process with Shift+1 and the Fit control, and keeps lane names readable at any zoom', async () => {
    const { page, errors } = await openApp(env.browser, env.host.url);
    const lines = Array.from({ length: 300 }, (_, i) => `@${['Service desk', 'Engineer', 'Supplier'][i % 3]}: step number ${i + 1}`);
    await addProcess(page, 'Three hundred steps', lines);
    // The last mapped step is selected and in view, readable.
    const last = stepNamed(page, 'step number 300');
    await expectInView(page, last);
    expect(await zoomOf(last)).toBeGreaterThanOrEqual(0.69);

    const everyStepInside = async () => {
      const pane = await box(canvasOf(page));
      const boxes = await allSteps(page).evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })));
      return `${boxes.length} steps, ${boxes.filter((b) => inside(b, pane)).length} inside`;
    };
    await canvasOf(page).focus();
    await page.keyboard.press('Shift+1');
    await expect.poll(everyStepInside, { timeout: 15_000 }).toBe('300 steps, 300 inside');
    await expectLaneNames(page, ['Service desk', 'Engineer', 'Supplier']);
    await page.screenshot({ path: screenshotPath('view-300-fitted') });

    // Somewhere else, readable again (Find), then the Fit control brings the whole process back.
    await page.keyboard.press(`${MOD}+f`);
    await page.keyboard.type('step number 150');
    await page.keyboard.press('Escape');
    await expectInView(page, stepNamed(page, 'step number 150'));
    await page.getByRole('button', { name: 'Fit the whole process' }).click();
    await expect.poll(everyStepInside, { timeout: 15_000 }).toBe('300 steps, 300 inside');

    // Lane names at 10% and at 250%, and while panning.
    const first = stepNamed(page, 'step number 1');
    expect(await zoomTo(page, first, 0.1)).toBeCloseTo(0.1, 1);
    await expectLaneNames(page, ['Service desk', 'Engineer', 'Supplier']);
    await page.screenshot({ path: screenshotPath('view-lanes-zoom-0.1') });
    await canvasOf(page).focus();
    await page.keyboard.press(`${MOD}+f`);
    await page.keyboard.type('step number 2');
    await page.keyboard.press('Escape');
    const second = stepNamed(page, 'step number 2');
    await expectInView(page, second);
    expect(await zoomTo(page, second, 2.5)).toBeCloseTo(2.5, 1);
    await expectLaneNames(page, ['Engineer']);
    await page.screenshot({ path: screenshotPath('view-lanes-zoom-2.5') });
    // Panning sideways with the mouse, from empty canvas near the step (clear of its routed flows): the names stay at the left.
    const near = await box(second);
    const candidates = [-40, -70, -100].flatMap((dy) => [0.5, 0.15, 0.85].map((fx) => ({ x: near.x + near.width * fx, y: near.y + dy })));
    const empty = await page.evaluate((points) => points.find((p) => document.elementFromPoint(p.x, p.y)?.classList.contains('react-flow__pane')) ?? null, candidates);
    expect(empty).not.toBeNull();
    const from = empty ?? candidates[0]!;
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x - 200, from.y - 20, { steps: 8 });
    await expectLaneNames(page, ['Engineer']);
    await page.mouse.move(from.x - 400, from.y - 20, { steps: 8 });
    await page.mouse.up();
    await expectLaneNames(page, ['Engineer']);
    expect((await box(second)).x).toBeLessThan(near.x - 300);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows the selection from Find, the register, metrics, arrow keys and new steps, clear of the minimap and controls', async () => {
    const { page, errors } = await openApp(env.browser, env.host.url);
    await page.setViewportSize({ width: 1280, height: 720 });
    await openSample(page);
    const canvas = canvasOf(page);
    const fit = async () => {
      await canvas.focus();
      await page.keyboard.press('Shift+1');
      await expect.poll(() => zoomOf(stepNamed(page, 'Ring the service desk'))).toBeLessThan(0.3);
    };

    // Find, from a fitted (unreadable) view: zoomed in to read, in view.
    await fit();
    await page.keyboard.press(`${MOD}+f`);
    await page.keyboard.type('Reset to a temporary');
    const found = stepNamed(page, 'Reset to a temporary password');
    await expectInView(page, found);
    expect(await zoomOf(found)).toBeGreaterThanOrEqual(0.69);
    await page.keyboard.press('Escape');

    // Arrow keys, one step at a time along the flow, each in view.
    await fit();
    await page.keyboard.press('Escape');
    for (const text of ["Can't log in", 'Ring the service desk', 'Wait in the call queue', 'Log the call', 'Ask security questions']) {
      await page.keyboard.press('ArrowRight');
      await expectInView(page, stepNamed(page, text));
    }

    // A new step, typed after a fit: in view, and so is its text box.
    await fit();
    await page.keyboard.press(`${MOD}+f`);
    await page.keyboard.type('Close the ticket');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    const editor = page.getByRole('textbox', { name: 'Step text' });
    await editor.waitFor();
    await page.keyboard.type('Follow-up survey');
    await expectInView(page, editor);
    await page.keyboard.press('Escape');
    await waitSaved(page);
    await expectInView(page, stepNamed(page, 'Follow-up survey'));

    // The pain-point register's jump.
    await fit();
    await page.getByRole('tab', { name: 'Pain points' }).click();
    await page.getByRole('button', { name: /^Monday mornings the queue/ }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Map', selected: true }).count()).toBe(1);
    await expectInView(page, stepNamed(page, 'Wait in the call queue'));

    // A step named by the metrics (timings missing).
    await fit();
    await page.getByRole('tab', { name: 'Metrics' }).click();
    const link = page.getByRole('note').first().getByRole('button').last();
    const named = (await link.textContent())?.trim() ?? '';
    expect(named.length).toBeGreaterThan(0);
    await link.click();
    await expect.poll(() => page.getByRole('tab', { name: 'Map', selected: true }).count()).toBe(1);
    await expectInView(page, stepNamed(page, named));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('collapses the minimap, remembers it, and keeps a step from under it', async () => {
    const { page, errors } = await openApp(env.browser, env.host.url);
    await page.setViewportSize({ width: 1280, height: 720 });
    await openSample(page);
    const toggle = page.getByRole('button', { name: 'Minimap', exact: true });
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await toggle.click();
    await expect.poll(() => page.getByRole('img', { name: 'Minimap' }).count()).toBe(0);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await page.reload();
    await stepNamed(page, 'Ring the service desk').waitFor();
    expect(await page.getByRole('img', { name: 'Minimap' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Minimap', exact: true }).click();
    await expect.poll(() => page.getByRole('img', { name: 'Minimap' }).count()).toBe(1);
    // A step in the bottom lane at the right, where the minimap sits: shown clear of it.
    await canvasOf(page).focus();
    await page.keyboard.press(`${MOD}+f`);
    await page.keyboard.type('Re-enable the account');
    await page.keyboard.press('Escape');
    await expectInView(page, stepNamed(page, 'Re-enable the account'));
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const [width, height] of [
    [1280, 720],
    [1024, 768],
  ] as const) {
    it(`fits a ${width}×${height} projector: no sideways scrolling, a keyboard More menu, a readable name, a canvas of at least 600×400`, async () => {
      const { page, errors } = await openApp(env.browser, env.host.url);
      await page.setViewportSize({ width, height });
      await openSample(page);
      const noSidewaysScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
      expect(await noSidewaysScroll()).toBe(true);
      const canvas = await box(canvasOf(page));
      expect(canvas.width).toBeGreaterThanOrEqual(600);
      expect(canvas.height).toBeGreaterThanOrEqual(400);

      // The engagement name: whole, not cut to "Enterprise service …" (two lines at most on the narrowest).
      const name = page.getByRole('banner').getByText('Enterprise service management discovery', { exact: true });
      expect(await name.evaluate((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)).toBe(false);
      if (width >= 1280) expect((await box(name)).height).toBeLessThan(26);

      // The top bar's More menu, by keyboard: opens on the first item, arrows move, Escape closes back to the button.
      const more = page.getByRole('button', { name: 'More commands' });
      await more.focus();
      await page.keyboard.press('Enter');
      const menu = page.getByRole('menu', { name: 'More commands' });
      await menu.waitFor();
      const items = await menu.getByRole('menuitem').allTextContents();
      expect(items.some((i) => i.startsWith('Snapshots'))).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
      await page.keyboard.press('Escape');
      await expect.poll(() => menu.count()).toBe(0);
      expect(await more.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('ArrowDown');
      await menu.waitFor();
      await page.keyboard.press('End');
      await page.keyboard.press('ArrowDown');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(items[0]);
      const snapshotsAt = items.findIndex((i) => i.startsWith('Snapshots'));
      for (let i = 0; i < snapshotsAt; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      const snapshots = page.getByRole('dialog', { name: 'Snapshots' });
      await snapshots.waitFor();
      await snapshots.getByRole('button', { name: 'Close' }).click();
      await expect.poll(() => snapshots.count()).toBe(0);

      // The same commands stay in the palette.
      await page.keyboard.press(`${MOD}+k`);
      await page.getByRole('combobox', { name: 'Find a command' }).waitFor();
      await page.keyboard.type('snapshots');
      expect(await page.getByRole('option', { name: /Snapshots/ }).count()).toBeGreaterThan(0);
      await page.keyboard.press('Escape');

      // Find opens in the toolbar without pushing it off the window.
      await canvasOf(page).focus();
      await page.keyboard.press(`${MOD}+f`);
      await page.getByRole('search', { name: 'Find steps' }).waitFor();
      expect(await noSidewaysScroll()).toBe(true);
      await page.keyboard.press('Escape');

      // The canvas toolbar folds too; its menu switches the details panel, which never squeezes the canvas below 600 px.
      const mapMore = page.getByRole('button', { name: 'More map tools' });
      expect(await mapMore.count()).toBe(1);
      await mapMore.focus();
      await page.keyboard.press('Enter');
      const mapMenu = page.getByRole('menu', { name: 'More map tools' });
      await mapMenu.waitFor();
      const panelOpen = (await page.getByRole('complementary', { name: 'Step details' }).count()) === 1;
      const panelItem = mapMenu.getByRole('menuitemcheckbox', { name: /Details panel/ });
      if ((await panelItem.count()) === 1) {
        expect(await panelItem.getAttribute('aria-checked')).toBe(String(panelOpen));
        await panelItem.focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => page.getByRole('complementary', { name: 'Step details' }).count()).toBe(panelOpen ? 0 : 1);
      } else await page.keyboard.press('Escape');
      expect((await box(canvasOf(page))).width).toBeGreaterThanOrEqual(600);
      expect(await noSidewaysScroll()).toBe(true);

      // Every view of the engagement fits the width too.
      for (const tab of ['Pain points', 'Metrics', 'Compare', 'Opportunities', 'People', 'Vote', 'Map']) {
        await page.getByRole('tab', { name: tab }).click();
        await expect.poll(noSidewaysScroll, { message: tab }).toBe(true);
      }
      await page.screenshot({ path: screenshotPath(`view-projector-${width}x${height}`) });
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('opens the present view fitted when readable, and walks the story with Page Down and arrows, text never below 12 px', async () => {
    const { page, errors } = await openApp(env.browser, env.host.url);
    await page.setViewportSize({ width: 1280, height: 720 });
    await openSample(page);
    await addProcess(page, 'Short story', ['@Service desk: Log the call', 'Service desk: Check identity', '@Engineer: Reset the password', 'Engineer: Close the ticket']);

    // Small enough to read whole: the present view opens fitted.
    await canvasOf(page).focus();
    await page.keyboard.press('F5');
    await page.getByRole('button', { name: /Exit presenter/ }).waitFor();
    const pane = () => box(canvasOf(page));
    await expect
      .poll(async () => {
        const all = await allSteps(page).all();
        const boxes = await Promise.all(all.map((s) => box(s)));
        const frame = await pane();
        return boxes.length === 4 && boxes.every((b) => inside(b, frame));
      })
      .toBe(true);
    for (const text of ['Log the call', 'Close the ticket']) expect(await smallestText(stepNamed(page, text))).toBeGreaterThanOrEqual(12);
    await page.keyboard.press('F5');
    await expect.poll(() => page.getByRole('button', { name: /Exit presenter/ }).count()).toBe(0);

    // Too big to read whole: the present view opens at its start, readable, and walks the story.
    await page.getByRole('button', { name: /^Password reset/ }).click();
    await stepNamed(page, 'Ring the service desk').waitFor();
    await canvasOf(page).focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('F5');
    await page.getByRole('button', { name: /Exit presenter/ }).waitFor();
    await expectInView(page, stepNamed(page, "Can't log in"));
    expect(await smallestText(stepNamed(page, "Can't log in"))).toBeGreaterThanOrEqual(12);

    const snapshot = snapshotOf(
      await page.evaluate(async () => {
        const result = await window.shoshin['engagement.load']({});
        if (!result.ok) throw new Error(result.error.message);
        return result.data.records;
      }),
    );
    const summary = processSummaries(snapshot).find((p) => p.name === 'Password reset');
    const view = summary && viewOf(snapshot, summary.id);
    if (!view) throw new Error('no Password reset');
    const story = storyOrder(view).map((id) => view.steps.find((s) => s.id === id)?.text ?? '');
    const keys = ['PageDown', 'PageDown', 'ArrowRight', 'PageDown', 'ArrowDown', 'PageDown', 'PageDown', 'ArrowRight', 'PageDown', 'PageDown', 'PageDown', 'PageDown'];
    let at = -1;
    for (const key of keys) {
      await page.keyboard.press(key);
      at++;
      const step = stepNamed(page, story[at] ?? '');
      await expect.poll(() => page.getByText(/^Selected /).textContent()).toContain(story[at]);
      await expectInView(page, step);
      expect(await smallestText(step), story[at]).toBeGreaterThanOrEqual(12);
      if (at === 6) await page.screenshot({ path: screenshotPath('view-present-walking') });
    }
    await page.keyboard.press('PageUp');
    await expect.poll(() => page.getByText(/^Selected /).textContent()).toContain(story[at - 1]);
    await expectInView(page, stepNamed(page, story[at - 1] ?? ''));
    await page.keyboard.press('F5');
    await expect.poll(() => page.getByRole('complementary', { name: 'Step details' }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('looks right at 1280×720 and 1440×900, light and dark: the map and the present view', async () => {
    for (const theme of ['Light', 'Dark'] as const) {
      await setTheme(env.browser, env.host.url, theme);
      for (const [width, height] of [
        [1280, 720],
        [1440, 900],
      ] as const) {
        const { page, errors } = await openApp(env.browser, env.host.url);
        await page.setViewportSize({ width, height });
        await openSample(page);
        const name = `${width}x${height}-${theme.toLowerCase()}`;
        await canvasOf(page).focus();
        await page.keyboard.press(`${MOD}+f`);
        await page.keyboard.type('Identity verified');
        await page.keyboard.press('Escape');
        await expectInView(page, stepNamed(page, 'Identity verified?'));
        await page.waitForTimeout(300);
        await page.screenshot({ path: screenshotPath(`view-map-${name}`) });
        await page.keyboard.press('Shift+1');
        await page.waitForTimeout(300);
        await page.screenshot({ path: screenshotPath(`view-map-fitted-${name}`) });
        await page.keyboard.press('Escape');
        await page.keyboard.press('F5');
        await page.getByRole('button', { name: /Exit presenter/ }).waitFor();
        for (let i = 0; i < 6; i++) await page.keyboard.press('PageDown');
        await expect.poll(() => page.getByText(/^Selected /).textContent()).toContain('Identity verified?');
        await page.waitForTimeout(300);
        await page.screenshot({ path: screenshotPath(`view-present-${name}`) });
        expect(errors).toEqual([]);
        await page.close();
      }
    }
    await setTheme(env.browser, env.host.url, 'Light');
  });
});
