import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface Target {
  target: string;
  arch?: string[];
}
interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  electronFuses: Record<string, boolean>;
  fileAssociations: { ext: string; name: string; role: string; icon: string }[];
  win: { target: Target[] };
  mac: { target: Target[] };
  linux: { target: (string | Target)[] };
}

const config = parse(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('names the product and its app id', () => {
    expect(config.productName).toBe('Shoshin');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
  });

  it('ships the license of the glyph outlines the report draws its pictures with', () => {
    expect(config.files).toContain('resources/report-glyphs-OFL.txt');
    const license = fs.readFileSync(path.join(ROOT, 'resources/report-glyphs-OFL.txt'), 'utf8');
    expect(license).toContain('Reserved Font Name Liberation');
    expect(license).toContain('SIL OPEN FONT LICENSE Version 1.1');
  });

  it('sets the Electron fuses that close the Node back doors', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('keeps file:// without extra privileges: the window loads app://shoshin/, never a file URL', () => {
    expect(config.electronFuses['grantFileProtocolExtraPrivileges']).toBe(false);
    const shell = fs.readdirSync(path.join(ROOT, 'main', 'electron')).map((f) => fs.readFileSync(path.join(ROOT, 'main', 'electron', f), 'utf8'));
    expect(shell.join('\n')).not.toMatch(/loadFile\(|['"`]file:\/\//);
  });

  it('builds installers for Windows, macOS on both architectures, and Linux', () => {
    expect(config.win.target.map((t) => t.target)).toContain('nsis');
    const dmg = config.mac.target.find((t) => t.target === 'dmg');
    expect(dmg?.arch).toEqual(expect.arrayContaining(['x64', 'arm64']));
    const linux = config.linux.target.map((t) => (typeof t === 'string' ? t : t.target));
    expect(linux).toEqual(expect.arrayContaining(['AppImage', 'deb']));
  });

  it('associates .shoshin files with the app', () => {
    expect(config.fileAssociations).toEqual(expect.arrayContaining([expect.objectContaining({ ext: 'shoshin', role: 'Editor', icon: 'shoshin' })]));
  });

  it('unpacks better-sqlite3 from the archive and rebuilds it for Electron', () => {
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/better-sqlite3/**']));
    expect(config.npmRebuild).toBe(true);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies)).toContain('better-sqlite3');
  });
});
