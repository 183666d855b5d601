import fs from 'node:fs';
import path from 'node:path';
import validate from '@ooxml-tools/validate';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { Worker } from 'node:worker_threads';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REPORT_OPTIONS } from '../../core/ipc/report';
import type { WorkerMessage } from '../../main/report/worker';
import { openApp, screenshotPath, sharedHost } from './harness';

/** The Word report and the other exports, from the Export dialog of the real browser host. */
describe('export from the UI', () => {
  const env = sharedHost();

  async function openSample(page: Page): Promise<void> {
    await page.getByRole('button', { name: '← Home' }).click();
    await page.getByRole('button', { name: 'Open sample engagement' }).click();
    await expect.poll(() => page.getByRole('navigation', { name: 'Processes' }).getByRole('button', { name: /^Password reset/ }).count()).toBe(1);
  }

  it('creates the Word report with the chosen options, shows progress, and downloads the file', async () => {
    const { page, errors } = await openApp(env.browser, env.host.url);
    await openSample(page);
    await page.keyboard.press('Control+Shift+E');
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.waitFor();
    const report = dialog.getByRole('form', { name: 'Word report' });
    // Anonymising is on for a new engagement, and the internal report's names wait for it to be off.
    expect(await report.getByRole('checkbox', { name: 'Anonymise names' }).isChecked()).toBe(true);
    expect(await report.getByRole('checkbox', { name: 'Name individuals in the people chapter (internal report)' }).isDisabled()).toBe(true);
    await report.getByRole('checkbox', { name: 'Anonymise names' }).uncheck();
    await report.getByRole('checkbox', { name: 'Name individuals in the people chapter (internal report)' }).check();
    await report.getByRole('checkbox', { name: 'Anonymise names' }).check();
    await report.getByRole('checkbox', { name: 'Observations' }).uncheck();
    await report.getByRole('textbox', { name: 'Brand colour' }).fill('#0b6e4f');
    await report.getByRole('combobox', { name: 'Paper for process maps' }).selectOption({ label: 'A3 (Tabloid with Letter), landscape' });
    await report.getByRole('combobox', { name: 'Document language' }).selectOption('de-DE');
    // The browser host has no file picker: a template is named by its path in the data folder.
    expect(await report.getByRole('textbox', { name: 'Word template (.dotx or .docx)' }).inputValue()).toBe('');
    await page.screenshot({ path: screenshotPath('report-dialog') });

    await report.getByRole('button', { name: 'Create Word report' }).click();
    // Progress is shown while the worker writes the document.
    await dialog.getByRole('status').filter({ hasText: /Word report/ }).waitFor();
    await page.screenshot({ path: screenshotPath('report-progress') });
    const download = dialog.getByRole('link', { name: /^Download .*\.docx$/ });
    await download.waitFor({ timeout: 90_000 });
    await page.screenshot({ path: screenshotPath('report-ready') });
    expect(await dialog.getByRole('status').textContent()).toContain('is ready');

    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    const saved = path.join(env.host.dataDir, 'downloaded.docx');
    await file.saveAs(saved);
    expect(file.suggestedFilename()).toMatch(/discovery report\.docx$/);
    expect(await validate(new Uint8Array(fs.readFileSync(saved)), 'docx', 'Microsoft365')).toEqual([]);
    const html = (await mammoth.convertToHtml({ path: saved })).value;
    expect(html).toContain('Executive summary');
    expect(html).not.toMatch(/<h1>(<a [^>]*><\/a>)*Observations<\/h1>/);
    expect(html).not.toContain('Helen Okafor');
    const zip = await JSZip.loadAsync(fs.readFileSync(saved));
    expect(await zip.file('docProps/core.xml')?.async('string')).toContain('<dc:language>de-DE</dc:language>');
    expect(await zip.file('word/document.xml')?.async('string')).toContain('<w:pgSz w:w="23811" w:h="16838" w:orient="landscape"/>');
    expect(fs.readFileSync(path.join(env.host.dataDir, 'exports', file.suggestedFilename()))).toEqual(fs.readFileSync(saved));

    // The options are remembered for this engagement.
    await dialog.getByRole('button', { name: 'Close' }).click();
    // The top bar folds Export into its More menu at this width; the shortcut opens it from anywhere.
    await page.keyboard.press('Control+Shift+E');
    const again = page.getByRole('dialog', { name: 'Export' }).getByRole('form', { name: 'Word report' });
    await expect.poll(() => again.getByRole('checkbox', { name: 'Anonymise names' }).isChecked()).toBe(true);
    expect(await again.getByRole('checkbox', { name: 'Observations' }).isChecked()).toBe(false);
    expect(await again.getByRole('textbox', { name: 'Brand colour' }).inputValue()).toBe('#0b6e4f');
    expect(await again.getByRole('combobox', { name: 'Paper for process maps' }).inputValue()).toBe('a3');
    expect(await again.getByRole('combobox', { name: 'Document language' }).inputValue()).toBe('de-DE');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('exports the open process as BPMN and refuses a download without the token', async () => {
    const { page, errors } = await openApp(env.browser, env.host.url);
    await openSample(page);
    // The top bar folds Export into its More menu at this width; the shortcut opens it from anywhere.
    await page.keyboard.press('Control+Shift+E');
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('button', { name: 'BPMN 2.0' }).click();
    const link = dialog.getByRole('link', { name: /^Download .*\.bpmn$/ });
    await link.waitFor({ timeout: 60_000 });
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/exports\/.+\.bpmn\?token=/);
    const origin = new URL(env.host.url).origin;
    const ok = await page.request.get(`${origin}${href}`);
    expect(ok.status()).toBe(200);
    expect(await ok.text()).toContain('<bpmn:definitions');
    expect((await page.request.get(`${origin}${href.split('?')[0]}`)).status()).toBe(403);
    expect((await page.request.get(`${origin}/exports/..%2F..%2Fetc%2Fpasswd?token=${new URL(env.host.url).searchParams.get('token')}`)).status()).toBe(404);
    await page.screenshot({ path: screenshotPath('report-bpmn') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs the report worker from the Electron build (out/main/reportWorker.js)', async () => {
    const built = path.resolve(import.meta.dirname, '../../out/main/reportWorker.js');
    expect(fs.existsSync(built)).toBe(true);
    const engagement = path.join(env.host.dataDir, 'built.shoshin');
    const sample = await import('../../main/cli');
    expect(sample.runCli(['sample', engagement], { out: () => undefined, err: () => undefined })).toBe(0);
    const out = path.join(env.host.dataDir, 'built.docx');
    const messages: WorkerMessage[] = [];
    await new Promise<void>((resolve, reject) => {
      const worker = new Worker(built, { workerData: { engagementPath: engagement, format: 'docx', options: DEFAULT_REPORT_OPTIONS, out }, execArgv: [] });
      worker.on('message', (m: WorkerMessage) => messages.push(m));
      worker.on('error', reject);
      worker.on('exit', () => resolve());
    });
    expect(messages[messages.length - 1]).toEqual({ type: 'done', file: out });
    expect(messages.some((m) => m.type === 'progress')).toBe(true);
    expect(await validate(new Uint8Array(fs.readFileSync(out)), 'docx', 'Microsoft365')).toEqual([]);
  });
});
