import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, screenshotPath, sharedHost, waitSaved } from './harness';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'import');

/** File → Import…: choose a file, see what it will add, correct a table's columns, import, undo. */
describe('import dialog', () => {
  const env = sharedHost();

  async function openSample(page: Page): Promise<void> {
    await page.getByRole('button', { name: '← Home' }).click();
    await page.getByRole('button', { name: 'Open sample engagement' }).click();
    await page.getByRole('tab', { name: 'Map' }).waitFor();
  }

  async function openImport(page: Page) {
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Find a command' }).waitFor();
    await page.keyboard.type('import a procedure');
    await page.getByRole('option', { name: /^Import a procedure…/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Import the client’s procedure' });
    await dialog.waitFor();
    return dialog;
  }

  it('previews a BPMN file, imports it as one undoable change, and opens the new process', async () => {
    const file = path.join(env.host.dataDir, 'signavio.bpmn');
    fs.copyFileSync(path.join(FIXTURES, 'signavio.bpmn'), file);
    const { page, errors } = await openApp(env.browser, env.host.url);
    await openSample(page);
    const processes = await page.locator('.process-item').count();
    const dialog = await openImport(page);
    await dialog.getByLabel('File').fill(file);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    const preview = dialog.getByRole('region', { name: 'What will be added' });
    await preview.getByRole('cell', { name: 'Service desk' }).waitFor({ timeout: 30_000 });
    expect(await preview.getByRole('row').allTextContents()).toEqual(['ProcessStepsLanesFlows', 'Service desk524', 'Diagnose and fix403']);
    expect(await preview.getByRole('listitem').allTextContents()).toEqual(['Data object: 1', 'Data object reference: 1']);
    // Nothing is added by looking.
    expect(await page.locator('.process-item').count()).toBe(processes);
    await page.screenshot({ path: screenshotPath('import-preview-bpmn') });
    await dialog.getByRole('radio', { name: 'A process as observed' }).check();
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await waitSaved(page);
    await expect.poll(() => page.locator('.process-item').count()).toBe(processes + 2);
    await expect.poll(() => page.locator('.process-item[aria-current="true"]').textContent()).toContain('Service desk');
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await waitSaved(page);
    await expect.poll(() => page.locator('.process-item').count()).toBe(processes);
    expect(errors).toEqual([]);
  });

  it('shows a step table’s columns, re-reads it when one is corrected, and says why a bad file cannot be imported', async () => {
    const table = path.join(env.host.dataDir, 'steps.csv');
    fs.writeFileSync(table, 'Who,Thing,Minutes\nClerk,Open the post,5\nClerk,Sort the post,10\nManager,Sign cheques,15\n');
    const broken = path.join(env.host.dataDir, 'broken.bpmn');
    fs.writeFileSync(broken, '<bpmn:definitions');
    const { page, errors } = await openApp(env.browser, env.host.url);
    await openSample(page);
    const dialog = await openImport(page);

    await dialog.getByLabel('File').fill(broken);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent(), { timeout: 30_000 }).toBe('This file is not well-formed XML, so nothing was imported.');
    expect(await dialog.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);

    await dialog.getByLabel('File').fill(table);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    // "Thing" is no heading Shoshin knows: the steps column is chosen by hand.
    await dialog.getByRole('group', { name: 'Columns' }).waitFor({ timeout: 30_000 });
    expect(await dialog.getByLabel('Lane (role)').inputValue()).toBe('0');
    await dialog.getByText('This file holds no steps to import.').waitFor();
    expect(await dialog.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    await dialog.getByLabel('Step', { exact: true }).selectOption({ label: 'Thing' });
    await dialog.getByLabel('Work time').selectOption({ label: 'Minutes' });
    const preview = dialog.getByRole('region', { name: 'What will be added' });
    await preview.getByRole('cell', { name: 'steps' }).waitFor({ timeout: 30_000 });
    expect(await preview.getByRole('row').allTextContents()).toEqual(['ProcessStepsLanesFlows', 'steps322']);
    await page.screenshot({ path: screenshotPath('import-preview-table') });
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await waitSaved(page);
    await expect.poll(() => page.locator('.process-item[aria-current="true"]').textContent()).toContain('steps');
    expect(errors).toEqual([]);
  });
});
