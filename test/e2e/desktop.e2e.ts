import { describe, expect, it } from 'vitest';
import { openApp, screenshotPath, sharedHost } from './harness';

describe('first run, settings and themes in the browser host', () => {
  const env = sharedHost();

  it('welcomes a first-time user with the sample and the shortcut sheet one click away', async () => {
    const { page, errors } = await openApp(env.browser, env.host.url);
    await page.getByRole('button', { name: '← Home' }).click();
    const welcome = page.getByRole('region', { name: 'Welcome to Shoshin' });
    await welcome.waitFor();
    await welcome.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await page.getByRole('dialog', { name: /shortcuts/i }).waitFor();
    await page.keyboard.press('Escape');
    await welcome.getByRole('button', { name: 'Open the sample engagement' }).click();
    await page.getByRole('navigation', { name: 'Processes' }).getByRole('button', { name: /^Password reset/ }).waitFor();
    await page.getByRole('button', { name: '← Home' }).click();
    await page.getByRole('heading', { name: 'New engagement' }).waitFor();
    expect(await page.getByRole('region', { name: 'Welcome to Shoshin' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the consultant details and the dark theme across reloads', async () => {
    // The first test ended on the home screen, so that is where the app starts now.
    const { page, errors } = await openApp(env.browser, env.host.url);
    await page.getByRole('heading', { name: 'New engagement' }).waitFor();
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByLabel('Your name (on reports)').fill('Alex Morgan');
    await dialog.getByLabel('Company').fill('Clearwater Consulting');
    await dialog.getByRole('radio', { name: 'Dark' }).check();
    await dialog.getByRole('checkbox', { name: 'Name people by role, not by name' }).check();
    await dialog.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');

    await page.reload();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(20, 23, 28)');
    await page.screenshot({ path: screenshotPath('dark-home') });
    await page.getByRole('button', { name: 'Settings' }).click();
    expect(await page.getByLabel('Your name (on reports)').inputValue()).toBe('Alex Morgan');
    expect(await page.getByLabel('Company').inputValue()).toBe('Clearwater Consulting');
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.getByLabel('Engagement name').fill('Dark room workshop');
    await page.getByRole('button', { name: 'Create engagement' }).click();
    await page.getByRole('button', { name: 'Add process' }).waitFor();
    // A new engagement's first report starts from the defaults in Settings.
    const options = await page.evaluate(`window.shoshin['report.options']({}).then((r) => r.data)`);
    expect(options).toMatchObject({ anonymise: true, confidential: true });
    const engagement = await page.evaluate(`window.shoshin['engagement.load']({}).then((r) => r.data.records.engagement[0])`);
    expect(engagement).toMatchObject({ consultant: 'Alex Morgan' });
    await page.getByRole('button', { name: '← Home' }).click();
    await page.getByRole('button', { name: 'Open sample engagement' }).click();
    await page.getByRole('navigation', { name: 'Processes' }).getByRole('button', { name: /^Password reset/ }).waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: screenshotPath('dark-canvas') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
