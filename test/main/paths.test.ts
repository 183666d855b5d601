import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../core/contract';
import { DEFAULT_REPORT_OPTIONS } from '../../core/ipc/report';
import { EngagementStore } from '../../db/store';
import { createDispatch } from '../../main/dispatch';
import { writeReportOptions } from '../../main/report/data';
import { createHandlers, Workspace } from '../../main/services';
import { anyPath, dataFolderPaths, desktopPaths, isInsideFolder, keepLogo, keepTemplate, logosDir, templatesDir, type PathPolicy } from '../../main/services/paths';
import { AppSettings } from '../../main/settings';
import { cleanTempDirs, tempDir } from '../helpers';

afterEach(cleanTempDirs);

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#123456"/></svg>';

function folders() {
  const root = tempDir();
  const dataDir = path.join(root, 'Shoshin data');
  const userDataDir = path.join(dataDir, '.shoshin-app');
  fs.mkdirSync(userDataDir, { recursive: true });
  return { root, dataDir, userDataDir };
}

function engagementAt(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  EngagementStore.create(file, { name: path.basename(file), client: '' }).close();
  return file;
}

function refusal(policy: PathPolicy, check: () => string): string {
  try {
    check();
  } catch (error) {
    expect(error).toMatchObject({ code: 'forbidden_path' });
    return (error as Error).message;
  }
  throw new Error(`${JSON.stringify(policy)} allowed it`);
}

describe('isInsideFolder', () => {
  it('resolves "..", and follows symlinks as far as the path exists', () => {
    const { root, dataDir } = folders();
    fs.writeFileSync(path.join(root, 'outside.txt'), 'x');
    fs.symlinkSync(path.join(root, 'outside.txt'), path.join(dataDir, 'link.txt'));
    fs.symlinkSync(root, path.join(dataDir, 'up'));
    expect(isInsideFolder(dataDir, path.join(dataDir, 'a.shoshin'))).toBe(true);
    expect(isInsideFolder(dataDir, path.join(dataDir, 'new', 'deeper', 'b.shoshin'))).toBe(true);
    expect(isInsideFolder(dataDir, dataDir)).toBe(false);
    expect(isInsideFolder(dataDir, path.join(dataDir, '..', 'outside.txt'))).toBe(false);
    expect(isInsideFolder(dataDir, path.join(dataDir, 'link.txt'))).toBe(false);
    expect(isInsideFolder(dataDir, path.join(dataDir, 'up', 'outside.txt'))).toBe(false);
    expect(isInsideFolder(dataDir, path.join(dataDir, 'up', 'not-yet.shoshin'))).toBe(false);
    expect(isInsideFolder(dataDir, `${dataDir}-evil/x.shoshin`)).toBe(false);
  });
});

describe('path policies', () => {
  it('desktop: opens what main granted to this window or keeps in the recent list; logos only from main’s copies', () => {
    const { root, userDataDir } = folders();
    const policy = desktopPaths({ userDataDir });
    const window = new Workspace();
    const granted = path.join(root, 'granted.shoshin');
    const recent = engagementAt(path.join(root, 'recent.shoshin'));
    new AppSettings(userDataDir).remember(recent, 'Recent');
    window.grant(granted);
    expect(policy.openable(window, granted)).toBe(granted);
    expect(policy.openable(window, path.join(root, '.', 'granted.shoshin'))).toBe(granted);
    expect(policy.openable(new Workspace(), recent)).toBe(recent);
    expect(refusal(policy, () => policy.openable(new Workspace(), granted))).toMatch(/Open file/);
    refusal(policy, () => policy.openable(window, path.join(root, 'other.shoshin')));

    const kept = keepLogo(userDataDir, path.join(root, 'logo.svg'), Buffer.from(SVG));
    expect(path.dirname(path.dirname(kept))).toBe(logosDir(userDataDir));
    expect(keepLogo(userDataDir, path.join(root, 'logo.svg'), Buffer.from(SVG))).toBe(kept);
    expect(policy.logo(kept)).toBe(kept);
    fs.writeFileSync(path.join(root, 'logo.svg'), SVG);
    expect(refusal(policy, () => policy.logo(path.join(root, 'logo.svg')))).toMatch(/not chosen in Shoshin, so it was not read/);
    refusal(policy, () => policy.logo(path.join(logosDir(userDataDir), '..', 'recent.json')));
    fs.symlinkSync('/etc/passwd', path.join(logosDir(userDataDir), 'planted.svg'));
    refusal(policy, () => policy.logo(path.join(logosDir(userDataDir), 'planted.svg')));
    const template = keepTemplate(userDataDir, path.join(root, 'firm.dotx'), Buffer.from('template'));
    expect(path.dirname(path.dirname(template))).toBe(templatesDir(userDataDir));
    expect(policy.template(template)).toBe(template);
    expect(refusal(policy, () => policy.template(path.join(root, 'firm.dotx')))).toMatch(/template .* was not chosen in Shoshin/);
    refusal(policy, () => policy.template(path.join(templatesDir(userDataDir), '..', 'settings.json')));
  });

  it('browser host: also anything inside the data folder, after resolving symlinks', () => {
    const { root, dataDir, userDataDir } = folders();
    const policy = dataFolderPaths({ dataDir, userDataDir });
    const window = new Workspace();
    const inside = path.join(dataDir, 'Workshop é 中文.shoshin');
    expect(policy.openable(window, inside)).toBe(inside);
    expect(policy.logo(path.join(dataDir, 'logos', 'acme.png'))).toBe(path.join(dataDir, 'logos', 'acme.png'));
    fs.writeFileSync(path.join(root, 'outside.shoshin'), 'x');
    fs.symlinkSync(path.join(root, 'outside.shoshin'), path.join(dataDir, 'link.shoshin'));
    for (const file of [path.join(root, 'outside.shoshin'), path.join(dataDir, '..', 'outside.shoshin'), path.join(dataDir, 'link.shoshin'), '/etc/passwd']) {
      expect(refusal(policy, () => policy.openable(window, file)), file).toMatch(/data folder/);
      expect(refusal(policy, () => policy.logo(file)), file).toMatch(/data folder/);
      expect(refusal(policy, () => policy.template(file)), file).toMatch(/data folder/);
    }
    window.grant(path.join(root, 'outside.shoshin'));
    expect(policy.openable(window, path.join(root, 'outside.shoshin'))).toBe(path.join(root, 'outside.shoshin'));
  });

  it('the CLI’s policy leaves every path to the user', () => {
    expect(anyPath.openable(new Workspace(), '/anywhere/x.shoshin')).toBe(path.resolve('/anywhere/x.shoshin'));
    expect(anyPath.logo('logo.png')).toBe(path.resolve('logo.png'));
    expect(anyPath.template('firm.dotx')).toBe(path.resolve('firm.dotx'));
  });
});

describe('services under a path policy', () => {
  function services(policy: (dirs: ReturnType<typeof folders>) => PathPolicy) {
    const dirs = folders();
    const dispatch = createDispatch(createHandlers({ ...dirs, paths: policy(dirs) }));
    const workspace = new Workspace();
    const call = async (method: string, payload: unknown = {}) => (await dispatch(workspace, method, payload)) as Envelope<Record<string, unknown>>;
    return { ...dirs, workspace, call };
  }

  it('never reads a logo path planted in an engagement file’s report options', async () => {
    const s = services((d) => dataFolderPaths(d));
    const hostile = engagementAt(path.join(s.dataDir, 'from a stranger.shoshin'));
    const store = EngagementStore.open(hostile);
    writeReportOptions(store.db, { ...DEFAULT_REPORT_OPTIONS, logoPath: '/etc/shadow' });
    store.close();
    expect((await s.call('engagement.open', { path: hostile })).ok).toBe(true);
    const refused = await s.call('report.start', { format: 'docx' });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'forbidden_path', key: 'error.path.browserLogo', values: { folder: expect.any(String), path: '/etc/shadow' }, message: expect.stringContaining('/etc/shadow') },
    });
    // Other formats have no logo, so the planted path does not stop them and is not passed on.
    const csv = await s.call('report.start', { format: 'csv', register: 'painPoints' });
    if (!csv.ok) throw new Error(csv.error.message);
    for (;;) {
      const progress = await s.call('report.progress', { jobId: csv.data['jobId'] });
      if (!progress.ok || progress.data['done']) {
        expect(progress).toMatchObject({ ok: true, data: { error: null } });
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    s.workspace.close();
  });

  it('keeps a Settings default logo to the policy too, but lets an unchanged one be saved again', async () => {
    const s = services((d) => desktopPaths(d));
    new AppSettings(s.userDataDir).updatePreferences({ reportDefaults: { ...DEFAULT_REPORT_OPTIONS, logoPath: '/old/logo.png' } });
    const reportDefaults = { ...DEFAULT_REPORT_OPTIONS, logoPath: '/old/logo.png' };
    expect(await s.call('settings.update', { consultantName: 'Alex', reportDefaults })).toMatchObject({ ok: true });
    expect(await s.call('settings.update', { reportDefaults: { ...reportDefaults, logoPath: '/etc/passwd' } })).toMatchObject({ ok: false, error: { code: 'forbidden_path' } });
    expect(new AppSettings(s.userDataDir).preferences().reportDefaults.logoPath).toBe('/old/logo.png');
  });

  it('opens no path and reads no logo a renderer makes up (generated paths)', async () => {
    const s = services((d) => desktopPaths(d));
    const opened = await s.call('engagement.create', { name: 'Open all along', client: '' });
    if (!opened.ok) throw new Error(opened.error.message);
    const made = fc.oneof(
      fc.string({ minLength: 1, maxLength: 300 }),
      fc.constantFrom('/etc/passwd', '~/.ssh/id_rsa', '..', '.', '\\\\server\\share\\x.shoshin', 'C:\\Windows\\win.ini', '/proc/self/environ', '%2e%2e/%2e%2e/x'),
      fc.array(fc.constantFrom('..', '.', 'a', 'é', '中', '', 'x.shoshin'), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(path.sep)),
    );
    await fc.assert(
      fc.asyncProperty(made, fc.constantFrom(undefined, 'edit', 'readOnly', 'recoverCopy'), async (file, mode) => {
        const reply = await s.call('engagement.open', mode ? { path: file, mode } : { path: file });
        expect(reply.ok).toBe(false);
        if (!reply.ok) expect(['forbidden_path', 'invalid_input']).toContain(reply.error.code);
        // (A blank logo is no logo: that would start a real report, which is not what this checks.)
        if (file.trim()) {
          const report = await s.call('report.start', { format: 'docx', options: { ...DEFAULT_REPORT_OPTIONS, logoPath: file } });
          expect(report).toMatchObject({ ok: false, error: { code: 'forbidden_path' } });
        }
        expect(s.workspace.store?.path).toBe((opened.data['file'] as { path: string }).path);
      }),
      { numRuns: 300, seed: 11 },
    );
    s.workspace.close();
  });

  it('takes no paths for create or save a copy: main chooses where they go', async () => {
    const s = services((d) => desktopPaths(d));
    const elsewhere = path.join(s.root, 'elsewhere.shoshin');
    expect(await s.call('engagement.create', { name: 'Planted', client: '', path: elsewhere })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const created = await s.call('engagement.create', { name: 'Workshop', client: '' });
    expect(created.ok && String((created.data['file'] as { path: string }).path).startsWith(s.dataDir + path.sep)).toBe(true);
    expect(await s.call('engagement.saveCopy', { path: elsewhere })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const copy = await s.call('engagement.saveCopy');
    expect(copy.ok && String((copy.data as { path: string }).path).startsWith(s.dataDir + path.sep)).toBe(true);
    expect(fs.existsSync(elsewhere)).toBe(false);
    for (const removed of ['engagement.counts', 'lane.rename', 'flow.update', 'quote.update', 'report.saveOptions', 'engagement.pickAndOpen']) {
      expect(await s.call(removed), removed).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
    s.workspace.close();
  });
});
