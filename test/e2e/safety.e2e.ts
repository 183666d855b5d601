import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApp, openSnapshots, screenshotPath, sharedHost } from './harness';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('never lose a workshop, in the browser host', () => {
  const env = sharedHost();

  it('explains a damaged file, leaves it alone, and recovers it into a new file', async () => {
    const damaged = path.join(env.host.dataDir, 'damaged.shoshin');
    execFileSync(process.execPath, [path.join(ROOT, 'bin/shoshin.mjs'), 'sample', damaged], { cwd: ROOT });
    const bytes = fs.readFileSync(damaged);
    fs.writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const before = fs.readFileSync(damaged);

    const { page, errors } = await openApp(env.browser, env.host.url);
    await page.getByRole('button', { name: '← Home' }).click();
    await page.getByRole('button', { name: 'Open file…' }).click();
    await page.getByLabel('Path to a .shoshin file').fill(damaged);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: 'This engagement cannot be opened for editing' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/damaged/);
    await page.screenshot({ path: screenshotPath('open-damaged') });
    await dialog.getByRole('button', { name: 'Recover into a new file' }).click();
    await page.getByRole('status').filter({ hasText: /Recovered/ }).waitFor();
    await expect.poll(() => page.getByRole('navigation', { name: 'Processes' }).getByRole('button', { name: /^Password reset/ }).count()).toBe(1);
    expect(fs.readFileSync(damaged).equals(before)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists snapshots and restores one as a copy', async () => {
    const { page, errors } = await openApp(env.browser, env.host.url);
    await openSnapshots(page);
    const dialog = page.getByRole('dialog', { name: 'Snapshots' });
    const restore = dialog.getByRole('button', { name: /^Restore the snapshot of/ }).first();
    await restore.waitFor();
    await page.screenshot({ path: screenshotPath('snapshots') });
    await restore.click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Snapshots' }).count()).toBe(0);
    // Save a copy may sit in the top bar's More menu at this width; its shortcut works from anywhere.
    await page.keyboard.press('Control+Shift+S');
    await page.getByRole('status').filter({ hasText: /A copy was saved to/ }).waitFor();
    const files = fs.readdirSync(env.host.dataDir);
    expect(files.some((f) => f.includes('restored'))).toBe(true);
    expect(files.some((f) => f.endsWith('copy.shoshin'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the browser to its data folder: a typed path or a logo outside it is refused with a message, never read', async () => {
    const outside = path.join(path.dirname(env.host.dataDir), `outside-${path.basename(env.host.dataDir)}.shoshin`);
    execFileSync(process.execPath, [path.join(ROOT, 'bin/shoshin.mjs'), 'sample', outside], { cwd: ROOT });
    const before = fs.readFileSync(outside);
    try {
      const { page, errors } = await openApp(env.browser, env.host.url);
      await page.getByRole('button', { name: '← Home' }).click();
      await page.getByRole('button', { name: 'Open file…' }).click();
      await page.getByLabel('Path to a .shoshin file').fill(outside);
      await page.keyboard.press('Enter');
      await page.getByRole('alert').filter({ hasText: /data folder/ }).waitFor();
      expect(await page.getByRole('alertdialog').count()).toBe(0);

      await page.getByRole('button', { name: 'Open sample engagement' }).click();
      await page.getByRole('navigation', { name: 'Processes' }).waitFor();
      // Export may sit in the top bar's More menu at this width; the shortcut opens it from anywhere.
      await page.keyboard.press('Control+Shift+E');
      const report = page.getByRole('dialog', { name: 'Export' }).getByRole('form', { name: 'Word report' });
      await report.getByRole('textbox', { name: /Logo/ }).fill('/etc/passwd');
      await report.getByRole('button', { name: 'Create Word report' }).click();
      await page.getByRole('dialog', { name: 'Export' }).getByRole('alert').filter({ hasText: /must be a file in the data folder/ }).waitFor();
      await page.screenshot({ path: screenshotPath('logo-outside-data-folder') });
      expect(fs.readFileSync(outside).equals(before)).toBe(true);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      fs.rmSync(outside, { force: true });
    }
  });
});
