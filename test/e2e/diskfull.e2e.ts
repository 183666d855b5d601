import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EngagementStore } from '../../db/store';
import { mountSmallDisk, tmpfsUnavailable, type SmallDisk } from '../tmpfs';
import { launchBrowser, openApp, openSnapshots, screenshotPath, startHost, waitSaved, type RunningHost } from './harness';

const DISK_FULL = 'The disk is full: nothing was saved. Free some space; your work so far is safe.';

async function addProcess(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Add process' }).click();
  await page.getByLabel('Process name').fill(name);
  await page.keyboard.press('Enter');
}

function processButton(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Processes' }).getByRole('button', { name: new RegExp(`^${name}`) });
}

describe.runIf(!tmpfsUnavailable)('a full disk, in the browser host', () => {
  let browser: Browser;
  let disk: SmallDisk | null = null;
  let host: RunningHost | null = null;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await host?.stop();
    host = null;
    disk?.unmount();
    disk = null;
  });

  it('says the disk is full while edits cannot be saved, and "Saved" again once there is room', async () => {
    disk = mountSmallDisk(16 * 1024 * 1024);
    host = await startHost([], disk.dir);
    const { page, errors } = await openApp(browser, host.url);
    await page.getByRole('button', { name: 'Add process' }).waitFor();

    disk.fill();
    await addProcess(page, 'Written while full');
    const status = page.getByRole('status').filter({ hasText: /^Disk full: not saved/ });
    await status.waitFor();
    expect(await status.textContent()).toContain(DISK_FULL);
    await page.getByRole('alert').filter({ hasText: DISK_FULL }).waitFor();
    expect(await processButton(page, 'Written while full').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('disk-full-edit') });

    disk.free();
    await addProcess(page, 'Written after');
    await waitSaved(page);
    await expect.poll(() => processButton(page, 'Written after').count()).toBe(1);
    expect(await page.getByRole('status').filter({ hasText: /Disk full/ }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a snapshot that could not be taken for want of room, and the one taken once there is room', async () => {
    disk = mountSmallDisk(1024 * 1024);
    const engagement = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shoshin-e2e-')), 'workshop.shoshin');
    EngagementStore.create(engagement, { name: 'Workshop', client: 'Acme' }).close();
    disk.fill();
    // The settings and snapshots live on the full disk; the engagement itself does not.
    host = await startHost(['--file', engagement], disk.dir);
    const { page, errors } = await openApp(browser, host.url);
    await page.getByRole('status').filter({ hasText: 'Snapshot failed: disk full' }).waitFor();

    await openSnapshots(page);
    const dialog = page.getByRole('dialog', { name: 'Snapshots' });
    await dialog.getByRole('alert').filter({ hasText: 'The last automatic snapshot could not be taken: the disk is full.' }).waitFor();
    expect(await dialog.getByText('No snapshots yet.').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('disk-full-snapshot') });
    await dialog.getByRole('button', { name: 'Close' }).click();

    disk.free();
    await addProcess(page, 'Room again');
    await waitSaved(page);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Snapshot failed' }).count()).toBe(0);
    await openSnapshots(page);
    await dialog.getByRole('button', { name: /^Restore the snapshot of/ }).first().waitFor();
    expect(await dialog.getByRole('alert').count()).toBe(0);
    expect(await dialog.getByText('During editing').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
