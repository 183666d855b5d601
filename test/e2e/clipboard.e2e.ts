import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, sharedHost } from './harness';

async function counts(page: Page): Promise<string> {
  return (await page.getByText(/^\d+ steps · \d+ flows$/).textContent()) ?? '';
}

describe('copy and paste of steps in the browser host', () => {
  const env = sharedHost();

  it('copies two steps and their flow, pastes them into the same and another process, and cuts', async () => {
    const { page, errors } = await openApp(env.browser, env.host.url);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: '← Home' }).click();
    await page.getByRole('button', { name: 'Open sample engagement' }).click();
    const processes = page.getByRole('navigation', { name: 'Processes' });
    await processes.getByRole('button', { name: /^Password reset/ }).waitFor();
    await expect.poll(() => counts(page)).toBe('23 steps · 25 flows');

    await page.getByRole('group', { name: /Ring the service desk/ }).click();
    await page.getByRole('group', { name: /Wait in the call queue/ }).click({ modifiers: ['Control'] });
    const canvas = page.getByRole('application', { name: /Process canvas/ });
    await canvas.focus();
    await page.keyboard.press('Control+c');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe('Employee: Ring the service desk\nService desk: Wait in the call queue');

    await page.keyboard.press('Control+v');
    await expect.poll(() => counts(page)).toBe('25 steps · 26 flows');
    expect(await page.getByRole('group', { name: /Ring the service desk/ }).count()).toBe(2);

    await processes.getByRole('button', { name: /^New starter onboarding/ }).click();
    await expect.poll(() => counts(page)).toBe('25 steps · 28 flows');
    await canvas.focus();
    await page.keyboard.press('Control+v');
    await expect.poll(() => counts(page)).toBe('27 steps · 29 flows');
    await expect.poll(() => page.getByText('Employee', { exact: true }).count()).toBeGreaterThan(0);

    // The pasted steps are selected: cut takes them away again, and one undo brings them back.
    await canvas.focus();
    await page.keyboard.press('Control+x');
    await expect.poll(() => counts(page)).toBe('25 steps · 28 flows');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => counts(page)).toBe('27 steps · 29 flows');
    expect(errors).toEqual([]);
    await page.close();
  });
});
