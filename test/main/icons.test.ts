import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanTempDirs, tempDir } from '../helpers';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

afterEach(cleanTempDirs);

describe('icons from one source image', () => {
  it('writes the app icon and the .shoshin document icons for every platform', () => {
    const dir = tempDir();
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/icons.mjs'), dir], { cwd: ROOT });

    const icon = fs.readFileSync(path.join(dir, 'icon.png'));
    expect(icon.subarray(0, 8).equals(PNG)).toBe(true);
    expect(icon.readUInt32BE(16)).toBe(1024);

    for (const name of ['icon.ico', 'shoshin.ico']) {
      const ico = fs.readFileSync(path.join(dir, name));
      expect(ico.readUInt16LE(2)).toBe(1);
      expect(ico.readUInt16LE(4)).toBe(6);
      const offset = ico.readUInt32LE(6 + 12);
      expect(ico.subarray(offset, offset + 8).equals(PNG)).toBe(true);
    }

    const icns = fs.readFileSync(path.join(dir, 'shoshin.icns'));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(icns.subarray(8, 12).toString('ascii')).toBe('ic11');
  });
});
