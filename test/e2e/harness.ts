import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ROOT = path.resolve(import.meta.dirname, '../..');

export interface RunningHost {
  url: string;
  dataDir: string;
  stop: () => Promise<void>;
}

/** Starts the real browser host (`npm run web` without the build step) on a free port and a temp data folder (or the one given). */
export async function startHost(args: string[] = [], dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoshin-e2e-'))): Promise<RunningHost> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'main/web/cli.ts', '--data-dir', dataDir, '--port', '0', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web host did not start: ${stderr}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('http://127.0.0.1:'));
      if (line) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A page that fails the test on any uncaught error in the app. */
export async function openApp(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  return { page, errors };
}

export async function waitSaved(page: Page): Promise<void> {
  await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
}

export const SHOTS_DIR = path.join(ROOT, 'test-results', 'screenshots');
export function screenshotPath(name: string): string {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  return path.join(SHOTS_DIR, `${name}.png`);
}

/** One browser host and one Chromium for a describe block, started before its tests and stopped after. */
export function sharedHost(args: string[] = []): { host: RunningHost; browser: Browser } {
  const env = {} as { host: RunningHost; browser: Browser };
  beforeAll(async () => {
    env.host = await startHost(args);
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.host?.stop();
  });
  return env;
}

/** The Snapshots dialog: a top-bar button where there is room, else an item of the top bar's More menu. */
export async function openSnapshots(page: Page): Promise<void> {
  const topbar = page.getByRole('banner');
  const button = topbar.getByRole('button', { name: 'Snapshots', exact: true });
  const more = topbar.getByRole('button', { name: 'More commands' });
  await button.or(more).first().waitFor();
  if (await button.isVisible()) await button.click();
  else {
    await more.click();
    await page.getByRole('menu', { name: 'More commands' }).getByRole('menuitem', { name: /^Snapshots/ }).click();
  }
}

/**
 * The API methods the page calls while `act` runs, until the edit is saved; `ignored` leaves out
 * calls that are not the edit's own (the desktop menu mirror, the snapshot status poll).
 */
export async function requestsDuring(page: Page, act: () => Promise<void>, ignored: readonly string[] = ['shell.setCommands']): Promise<string[]> {
  const seen: string[] = [];
  const listener = (request: { url: () => string }) => {
    const method = /\/api\/([^?]+)/.exec(request.url())?.[1];
    if (method && !ignored.includes(method)) seen.push(decodeURIComponent(method));
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

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const canvasOf = (page: Page) => page.getByRole('application', { name: /Process canvas/ });
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A step on the canvas by its text, whatever its kind ("Step: …", "Decision: …"). */
export const stepNamed = (page: Page, text: string) => page.getByRole('group', { name: new RegExp(`^[\\w-]+: ${escapeRegExp(text)}$`) });

export async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not on screen');
  return found;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Opens the sample engagement, from home or from the engagement the app reopened. */
export async function openSample(page: Page): Promise<void> {
  const home = page.getByRole('button', { name: '← Home' });
  const sample = page.getByRole('button', { name: 'Open sample engagement' });
  // The app reopens the last engagement, or starts at home when there is none open.
  await home.or(sample).first().waitFor();
  if ((await home.count()) > 0) await home.click();
  await sample.click();
  await stepNamed(page, 'Ring the service desk').waitFor();
}

/** Saves the theme in Settings, from a page of its own (the setting is the app's, not the page's). */
export async function setTheme(browser: Browser, url: string, theme: 'Light' | 'Dark'): Promise<void> {
  const page = await browser.newPage();
  await page.goto(url);
  const home = page.getByRole('button', { name: '← Home' });
  const settings = page.getByRole('button', { name: 'Settings', exact: true });
  await home.or(settings).first().waitFor();
  if ((await home.count()) > 0) await home.click();
  await settings.click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('radio', { name: theme }).check();
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect.poll(() => dialog.count()).toBe(0);
  await page.close();
}
