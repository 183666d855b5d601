import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { passwordProcedureBpmn } from '../documentedFixture';
import { openApp, screenshotPath, sharedHost, waitSaved } from './harness';

describe('documented versus observed', () => {
  const env = sharedHost();

  async function openSample(page: Page): Promise<void> {
    await page.getByRole('button', { name: '← Home' }).click();
    await page.getByRole('button', { name: 'Open sample engagement' }).click();
    await page.getByRole('tab', { name: 'Map' }).waitFor();
  }

  it('compares an imported procedure with the process mapped in the room, lists what differs, and takes a corrected match back with Undo', async () => {
    const file = path.join(env.host.dataDir, 'password-procedure.bpmn');
    fs.writeFileSync(file, await passwordProcedureBpmn());
    const { page, errors } = await openApp(env.browser, env.host.url);
    await openSample(page);

    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Find a command' }).waitFor();
    await page.keyboard.type('import a procedure');
    await page.getByRole('option', { name: /^Import a procedure…/ }).click();
    const importing = page.getByRole('dialog', { name: 'Import the client’s procedure' });
    await importing.getByLabel('File').fill(file);
    await importing.getByRole('button', { name: 'Preview' }).click();
    await importing.getByRole('region', { name: 'What will be added' }).getByRole('cell', { name: 'Password reset procedure' }).waitFor({ timeout: 30_000 });
    expect(await importing.getByRole('radio', { name: 'The client’s documented procedure' }).isChecked()).toBe(true);
    await importing.getByRole('button', { name: 'Import', exact: true }).click();
    await importing.waitFor({ state: 'detached' });
    await waitSaved(page);
    await expect.poll(() => page.locator('.process-item[aria-current="true"]').textContent()).toContain('documented');

    await page.keyboard.press('Control+Alt+9');
    const view = page.getByRole('tabpanel');
    await view.getByRole('heading', { name: 'Documented versus observed' }).waitFor();
    await view.getByRole('heading', { name: '“Password reset procedure” is not compared with anything yet' }).waitFor();
    await view.getByRole('button', { name: 'Choose observed process…' }).click();
    const setup = page.getByRole('dialog', { name: 'Compare documented and observed' });
    expect(await setup.getByLabel('Documented procedure').locator('option:checked').textContent()).toBe('Password reset procedure');
    await setup.getByLabel('Compared with (observed)').selectOption({ label: 'Password reset' });
    await page.screenshot({ path: screenshotPath('documented-setup-dialog') });
    await setup.getByRole('button', { name: 'Compare', exact: true }).click();
    await waitSaved(page);

    const table = view.getByRole('table', { name: 'Steps of Password reset procedure beside Password reset' });
    await table.waitFor();
    const summary = view.getByRole('list', { name: 'Differences at a glance' });
    await summary.getByRole('listitem', { name: 'Documented but not done: 1' }).waitFor();
    await summary.getByRole('listitem', { name: 'Done by another role: 1' }).waitFor();
    const notDone = table.getByRole('row').filter({ hasText: 'Email password to the manager' });
    expect(await notDone.textContent()).toContain('Not done');
    expect(await table.getByRole('row').filter({ hasText: 'Reset to a temporary password' }).textContent()).toContain('Role: Service desk → Identity system');
    expect(await table.getByRole('row').filter({ hasText: 'Log the call' }).textContent()).toContain('As documented.');
    // Steps people showed that the procedure leaves out sit where they happen, marked as such.
    expect(await table.getByRole('row').filter({ hasText: 'Wait in the call queue' }).textContent()).toContain('Not documented');
    await page.screenshot({ path: screenshotPath('documented-compare'), fullPage: false });

    // The consultant knows the manager ringing in is the procedure's e-mail to the manager: pair them.
    await notDone.getByRole('button', { name: 'Change the match of “Email password to the manager”' }).click();
    const match = page.getByRole('dialog', { name: 'Match “Email password to the manager”' });
    await match.getByLabel('Counterpart in “Password reset”').selectOption({ label: 'Ask line manager to ring in (Employee)' });
    await page.screenshot({ path: screenshotPath('documented-match-dialog') });
    await match.getByRole('button', { name: 'Save match' }).click();
    await waitSaved(page);
    const paired = table.getByRole('row').filter({ hasText: 'Email password to the manager' });
    await expect.poll(() => paired.textContent()).toContain('Set by you');
    expect(await paired.textContent()).toContain('Ask line manager to ring in');
    await summary.getByRole('listitem', { name: 'Documented but not done: 0' }).waitFor();
    await paired.getByRole('button', { name: 'Back to automatic matching for “Email password to the manager”' }).waitFor();
    await page.screenshot({ path: screenshotPath('documented-corrected') });

    await page.keyboard.press('Control+z');
    await waitSaved(page);
    await expect.poll(() => table.getByRole('row').filter({ hasText: 'Email password to the manager' }).textContent()).toContain('Not done');
    await summary.getByRole('listitem', { name: 'Documented but not done: 1' }).waitFor();

    await view.getByLabel('Only differences').check();
    expect(await table.getByRole('row').filter({ hasText: 'Log the call' }).count()).toBe(0);

    // A step's name opens it on the map; back on the tab, the observed process shown still finds its comparison.
    await table.getByRole('button', { name: 'Wait in the call queue', exact: true }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Map' }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.locator('.process-item[aria-current="true"]').textContent()).toMatch(/^Password reset\d/);
    await page.keyboard.press('Control+Alt+9');
    await view.getByRole('table', { name: 'Steps of Password reset procedure beside Password reset' }).waitFor();

    // On a projector's 1024 pixels the nine tabs and the summary still fit.
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: screenshotPath('documented-1024') });
    expect(errors).toEqual([]);
  });

  it('marks a process documented from the command palette, compares it from the tab, and ends the comparison with one Undo to take back', async () => {
    const { page, errors } = await openApp(env.browser, env.host.url);
    await openSample(page);
    await page.keyboard.press('Control+Alt+9');
    const view = page.getByRole('tabpanel');
    await view.getByRole('heading', { name: 'No documented procedure yet' }).waitFor();
    await page.screenshot({ path: screenshotPath('documented-empty') });
    await view.getByRole('button', { name: 'Import a procedure…' }).click();
    await page.getByRole('dialog', { name: 'Import the client’s procedure' }).getByRole('button', { name: 'Cancel' }).click();

    // From the map: the palette marks the process on the canvas.
    await page.locator('.process-item').filter({ hasText: 'Order laptop' }).getByRole('button').first().click();
    await page.keyboard.press('Control+Alt+1');
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Find a command' }).waitFor();
    await page.keyboard.type('mark this process as documented');
    await page.getByRole('option', { name: /^Mark this process as documented/ }).click();
    await waitSaved(page);
    await page.keyboard.press('Control+Alt+9');
    await view.getByRole('heading', { name: '“Order laptop” is not compared with anything yet' }).waitFor();
    expect(await page.locator('.process-item[aria-current="true"]').textContent()).toContain('documented');

    await view.getByRole('button', { name: 'Choose observed process…' }).click();
    const setup = page.getByRole('dialog', { name: 'Compare documented and observed' });
    expect(await setup.getByLabel('Documented procedure').locator('option:checked').textContent()).toBe('Order laptop');
    await setup.getByLabel('Compared with (observed)').selectOption({ label: 'New starter onboarding' });
    await setup.getByRole('button', { name: 'Compare', exact: true }).click();
    await waitSaved(page);
    await view.getByRole('table', { name: 'Steps of Order laptop beside New starter onboarding' }).waitFor();
    await view.getByRole('list', { name: 'Differences at a glance' }).getByRole('listitem', { name: /^Matched: / }).waitFor();

    await view.getByRole('button', { name: 'End comparison' }).click();
    await waitSaved(page);
    await view.getByRole('heading', { name: '“Order laptop” is not compared with anything yet' }).waitFor();
    await page.keyboard.press('Control+z');
    await waitSaved(page);
    await view.getByRole('table', { name: 'Steps of Order laptop beside New starter onboarding' }).waitFor();
    expect(errors).toEqual([]);
  });
});
