import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { box, canvasOf, openApp, openSample, overlaps, screenshotPath, setTheme, sharedHost, stepNamed, waitSaved, type Box } from './harness';

/**
 * What a consultant notices on a projector: notices that go by themselves and never cover the
 * map's controls, and a details panel that does not fall over the map when the window narrows.
 */

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

const details = (page: Page) => page.getByRole('complementary', { name: 'Step details' });

/** Types "@Lane: text" as a new step after the selected one, which makes the lane and says so. */
async function newLaneNotice(page: Page, lane: string, text: string): Promise<Locator> {
  await canvasOf(page).focus();
  await page.keyboard.press(`${MOD}+f`);
  await page.keyboard.type('Ring the service desk');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Enter');
  await page.keyboard.type(`@${lane}: ${text}`);
  await page.keyboard.press('Escape');
  const notice = page.getByRole('status').filter({ hasText: `New lane “${lane}”, made from what you typed.` });
  await notice.waitFor();
  await waitSaved(page);
  return notice;
}

/** The map's own controls, which a notice must never cover. */
async function canvasControls(page: Page): Promise<Box[]> {
  const controls = [
    ...['Zoom In', 'Zoom Out', 'Fit the whole process'].map((name) => page.getByRole('button', { name, exact: true })),
    page.getByRole('button', { name: /Minimap/ }),
    page.getByRole('img', { name: 'Minimap' }),
  ];
  const found: Box[] = [];
  for (const control of controls) if ((await control.count()) > 0) found.push(await box(control.first()));
  return found;
}

describe('notices and the details panel, as a projector shows them', () => {
  const env = sharedHost();

  it('shows a notice beside the map, never over its controls or the selection, and lets it go by itself unless held', async () => {
    const { page, errors } = await openApp(env.browser, env.host.url);
    await page.setViewportSize({ width: 1280, height: 720 });
    await openSample(page);
    const notice = await newLaneNotice(page, 'Approver', 'Signs off the exception');

    // Polite, with a close button, and on a line of its own under the map.
    expect(await notice.getByRole('button', { name: 'Dismiss' }).count()).toBe(1);
    expect(await notice.getByRole('button', { name: 'Undo new lane' }).count()).toBe(1);
    const bar = await box(notice);
    const canvas = await box(canvasOf(page));
    expect(bar.y).toBeGreaterThanOrEqual(canvas.y + canvas.height - 0.5);
    for (const control of await canvasControls(page)) expect(overlaps(bar, control)).toBe(false);
    // The selection stays whole inside the pane, which the bar took its line from.
    await expect.poll(async () => {
      const step = await box(stepNamed(page, 'Signs off the exception'));
      const pane = await box(canvasOf(page));
      return !overlaps(bar, step) && step.y + step.height <= pane.y + pane.height && step.y >= pane.y;
    }).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: screenshotPath('polish-notice-1280x720') });

    // Held under the pointer, it stays well past its time; let go, it goes by itself.
    await notice.hover();
    await page.waitForTimeout(17_000);
    expect(await notice.count()).toBe(1);
    await page.mouse.move(5, 5);
    await expect.poll(() => notice.count(), { timeout: 40_000 }).toBe(0);

    // Keyboard in it: it waits; Escape dismisses it.
    const again = await newLaneNotice(page, 'Auditor', 'Checks the exception');
    await again.getByRole('button', { name: 'Dismiss' }).focus();
    await page.waitForTimeout(17_000);
    expect(await again.count()).toBe(1);
    await page.keyboard.press('Escape');
    expect(await again.count()).toBe(0);

    // Nothing touched: it goes by itself.
    const third = await newLaneNotice(page, 'Controller', 'Books the exception');
    await expect.poll(() => third.count(), { timeout: 40_000 }).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps an error until it is dismissed, and says it assertively', async () => {
    const { page, errors } = await openApp(env.browser, env.host.url);
    const home = page.getByRole('button', { name: '← Home' });
    const open = page.getByRole('button', { name: 'Open file…' });
    await home.or(open).first().waitFor();
    if ((await home.count()) > 0) await home.click();
    await open.click();
    await page.getByLabel('Path to a .shoshin file').fill('/nowhere/outside.shoshin');
    await page.keyboard.press('Enter');
    const error = page.getByRole('alert').filter({ hasText: /data folder/ });
    await error.waitFor();
    await page.mouse.move(5, 5);
    await page.waitForTimeout(17_000);
    expect(await error.count()).toBe(1);
    // On screen without scrolling, under the home screen.
    const shown = await box(error);
    expect(shown.y + shown.height).toBeLessThanOrEqual(await page.evaluate(() => window.innerHeight));
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.screenshot({ path: screenshotPath('polish-notice-error') });
    await error.getByRole('button', { name: 'Dismiss' }).click();
    expect(await error.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('closes the details panel when the window narrows to 1024, as it starts there, and opens it again when it widens', async () => {
    const { page, errors } = await openApp(env.browser, env.host.url);
    await page.setViewportSize({ width: 1440, height: 900 });
    await openSample(page);
    await expect.poll(() => details(page).count()).toBe(1);

    await page.setViewportSize({ width: 1024, height: 768 });
    await expect.poll(() => details(page).count()).toBe(0);
    const canvas = await box(canvasOf(page));
    expect(canvas.width).toBeGreaterThanOrEqual(600);
    expect(canvas.height).toBeGreaterThanOrEqual(400);
    await page.screenshot({ path: screenshotPath('polish-narrowed-1024x768') });

    // Asked for at 1024 it is a drawer over the map; Escape closes it and gives the map the keyboard.
    await canvasOf(page).focus();
    await page.keyboard.press(`${MOD}+f`);
    await page.keyboard.type('Ring the service desk');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Alt+Enter');
    await expect.poll(() => details(page).count()).toBe(1);
    await page.screenshot({ path: screenshotPath('polish-drawer-1024x768') });
    // A field's own Escape takes back its edit first and leaves the drawer open.
    const text = details(page).getByLabel('Text', { exact: true });
    await text.focus();
    await text.press('End');
    await page.keyboard.type(' (edited)');
    await page.keyboard.press('Escape');
    expect(await text.inputValue()).toBe('Ring the service desk');
    expect(await details(page).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => details(page).count()).toBe(0);
    await expect.poll(() => canvasOf(page).evaluate((el) => el === document.activeElement)).toBe(true);

    // Wide again, the panel it had before the window narrowed comes back beside the map.
    await page.setViewportSize({ width: 1440, height: 900 });
    await expect.poll(() => details(page).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('looks right light and dark with a notice showing', async () => {
    for (const theme of ['Light', 'Dark'] as const) {
      await setTheme(env.browser, env.host.url, theme);
      const { page, errors } = await openApp(env.browser, env.host.url);
      await page.setViewportSize({ width: 1280, height: 720 });
      await openSample(page);
      await newLaneNotice(page, `Reviewer ${theme}`, 'Reviews the request');
      await page.keyboard.press('Shift+1');
      await page.waitForTimeout(300);
      await page.screenshot({ path: screenshotPath(`polish-notice-fitted-${theme.toLowerCase()}`) });
      expect(errors).toEqual([]);
      await page.close();
    }
    await setTheme(env.browser, env.host.url, 'Light');
  });
});
