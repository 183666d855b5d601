import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, sharedHost, waitSaved } from './harness';

/**
 * One committed edit is one request: the command's reply carries its change and the undo history,
 * and the renderer applies it to its store without reading anything again.
 */
describe('one request per edit', () => {
  const env = sharedHost();

  /** The API methods the page calls while `act` runs, leaving out the menu mirror (desktop only, no file access). */
  async function requestsDuring(page: Page, act: () => Promise<void>): Promise<string[]> {
    const seen: string[] = [];
    const listener = (request: { url: () => string }) => {
      const method = /\/api\/([^?]+)/.exec(request.url())?.[1];
      if (method && method !== 'shell.setCommands') seen.push(decodeURIComponent(method));
    };
    page.on('request', listener);
    try {
      await act();
      await waitSaved(page);
    } finally {
      page.off('request', listener);
    }
    return seen;
  }

  it('sends exactly the command for a rename, a lane move, a new step, a dialog save and undo', async () => {
    const { page, errors } = await openApp(env.browser, env.host.url);
    await page.getByRole('button', { name: '← Home' }).click();
    await page.getByRole('button', { name: 'Open sample engagement' }).click();
    const canvas = page.getByRole('application', { name: /Process canvas/ });
    await canvas.waitFor();
    await canvas.focus();
    await page.keyboard.press('ArrowRight');
    await page.locator('.react-flow__node.selected').first().waitFor();
    // Let the start-up reads (and the first snapshot check) finish before counting.
    await page.waitForLoadState('networkidle');

    expect(
      await requestsDuring(page, async () => {
        await page.keyboard.press('F2');
        await page.keyboard.press('End');
        await page.keyboard.type(' now');
        await page.keyboard.press('Enter');
      }),
    ).toEqual(['step.update']);

    expect(await requestsDuring(page, () => page.keyboard.press('Alt+ArrowDown'))).toEqual(['step.update']);

    // A new step is saved once, with its words: one request, nothing read back.
    expect(
      await requestsDuring(page, async () => {
        await page.keyboard.press('Enter');
        await page.keyboard.type('Checks the caller on the HR system');
        await page.keyboard.press('Escape');
      }),
    ).toEqual(['step.add']);

    expect(await requestsDuring(page, () => page.keyboard.press('Control+z'))).toEqual(['history.undo']);

    await page.getByRole('tab', { name: 'People' }).click();
    await page.getByRole('button', { name: 'Edit Raj Patel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Raj Patel' });
    await dialog.getByLabel('Team', { exact: true }).fill('Service desk (days)');
    expect(await requestsDuring(page, () => dialog.getByRole('button', { name: 'Save', exact: true }).click())).toEqual(['person.update']);
    expect(errors).toEqual([]);
  });
});
