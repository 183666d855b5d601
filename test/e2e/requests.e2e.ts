import { describe, expect, it } from 'vitest';
import { openApp, requestsDuring, sharedHost } from './harness';

/**
 * One committed edit is one request: the command's reply carries its change and the undo history,
 * and the renderer applies it to its store without reading anything again.
 */
describe('one request per edit', () => {
  const env = sharedHost();

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
