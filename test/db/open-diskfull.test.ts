import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { soundEngagement } from '../badFiles';
import { cleanTempDirs, harness, sha256, tempDir } from '../helpers';
import { mountSmallDisk, tmpfsUnavailable, type SmallDisk } from '../tmpfs';

const DISK_FULL = /^The disk is full, so this engagement could not be opened\. Free some space and try again\./;

describe.runIf(!tmpfsUnavailable)('opening on a full disk', () => {
  let disk: SmallDisk;

  beforeEach(() => {
    disk = mountSmallDisk(2 * 1024 * 1024);
  });

  afterEach(() => {
    disk.unmount();
    cleanTempDirs();
  });

  it('says the disk is full (not that the file is bad), keeps the open engagement, and opens once space is freed', async () => {
    const file = soundEngagement(path.join(disk.dir, 'on-a-full-disk.shoshin'));
    const before = sha256(file);
    const h = harness();
    const current = await h.call('engagement.create', { name: 'Open already', client: '' });
    disk.fill();

    for (const attempt of [1, 2]) {
      const result = await h.dispatch(h.workspace, 'engagement.open', { path: file });
      expect(result, `attempt ${attempt}`).toMatchObject({ ok: false, error: { code: 'disk_full', message: expect.stringMatching(DISK_FULL) } });
    }
    expect(h.workspace.store?.path).toBe(current.file.path);
    await h.call('process.create', { name: 'Still editing' });
    expect(sha256(file)).toBe(before);
    // Nothing half-made is left beside it: no lock file, no -wal or -shm.
    expect(fs.readdirSync(disk.dir).sort()).toEqual(['.ballast', 'on-a-full-disk.shoshin']);
    expect(h.logged).toEqual([]);

    disk.free();
    const opened = await h.call('engagement.open', { path: file });
    expect(opened).toMatchObject({ file: { path: file, readOnly: false } });
    h.workspace.close();
  });

  it('says so for a read-only view when the temp folder it copies into is full', async () => {
    const file = soundEngagement(path.join(tempDir(), 'elsewhere.shoshin'));
    const h = harness();
    const current = await h.call('engagement.create', { name: 'Open already', client: '' });
    disk.fill();
    const tmp = process.env['TMPDIR'];
    process.env['TMPDIR'] = disk.dir;
    try {
      const result = await h.dispatch(h.workspace, 'engagement.open', { path: file, mode: 'readOnly' });
      expect(result).toMatchObject({ ok: false, error: { code: 'disk_full', message: expect.stringMatching(DISK_FULL) } });
    } finally {
      if (tmp === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = tmp;
    }
    expect(h.workspace.store?.path).toBe(current.file.path);
    expect(fs.readdirSync(disk.dir)).toEqual(['.ballast']);
    h.workspace.close();
  });
});
