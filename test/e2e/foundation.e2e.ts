import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, screenshotPath, sharedHost, waitSaved } from './harness';

describe('walking skeleton in the browser host', () => {
  const env = sharedHost();

  async function typeStep(page: Page, text: string): Promise<void> {
    const editor = page.getByRole('textbox', { name: 'Step text' });
    await editor.waitFor();
    await editor.fill(text);
  }

  it('creates an engagement, a process, five steps and four flows that survive a reload', async () => {
    const { page, errors } = await openApp(env.browser, env.host.url);
    await page.getByRole('button', { name: '← Home' }).click();
    await page.getByLabel('Engagement name').fill('Invoice discovery');
    await page.getByLabel('Client').fill('Contoso Finance');
    await page.getByRole('button', { name: 'Create engagement' }).click();

    await page.getByRole('button', { name: 'Add process' }).click();
    await page.getByLabel('Process name').fill('Invoice approval');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { name: 'Invoice approval' }).count()).toBe(1);

    await page.getByRole('application', { name: /Process canvas/ }).focus();
    await page.keyboard.press('Enter');
    const names = ['Receive invoice', 'Match to purchase order', 'Ask budget holder', 'Approve payment', 'Pay supplier'];
    for (const [index, name] of names.entries()) {
      await typeStep(page, name);
      await page.keyboard.press(index === names.length - 1 ? 'Escape' : 'Enter');
      await waitSaved(page);
    }
    await expect.poll(() => page.getByText('5 steps · 4 flows').count()).toBe(1);

    await page.reload();
    await expect.poll(() => page.getByText('5 steps · 4 flows').count()).toBe(1);
    for (const name of names) await expect.poll(() => page.getByRole('group', { name: `Step: ${name}` }).count()).toBe(1);
    expect(await page.locator('.react-flow__edge').count()).toBe(4);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens the sample engagement and shows its processes', async () => {
    const { page, errors } = await openApp(env.browser, env.host.url);
    await page.getByRole('button', { name: '← Home' }).click();
    await page.getByRole('button', { name: 'Open sample engagement' }).click();
    const processes = page.getByRole('navigation', { name: 'Processes' });
    await expect.poll(() => processes.getByRole('button', { name: /^Password reset/ }).count()).toBe(1);
    expect(await processes.getByRole('button', { name: /^New starter onboarding/ }).count()).toBe(1);
    await expect.poll(() => page.getByRole('group', { name: /Ring the service desk/i }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('sample-canvas') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
