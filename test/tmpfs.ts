import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A real small filesystem for full-disk tests: a tmpfs mounted by the test. Mounting needs root;
 * elsewhere the tests that need it are skipped, and `tmpfsUnavailable` says why.
 */
function probe(): string | null {
  if (process.platform !== 'linux') return 'tmpfs tests need Linux';
  if (process.getuid?.() !== 0) return 'tmpfs tests need root to mount a small filesystem';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoshin-tmpfs-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
    execFileSync('umount', [dir], { stdio: 'ignore' });
    return null;
  } catch {
    return 'this machine does not let the test mount a tmpfs';
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const tmpfsUnavailable: string | null = probe();
if (tmpfsUnavailable) console.log(`Full-disk tests skipped: ${tmpfsUnavailable}.`);

export interface SmallDisk {
  dir: string;
  /** Fills the disk to the last byte with a ballast file. */
  fill: () => void;
  /** Frees the ballast, so writes work again. */
  free: () => void;
  unmount: () => void;
}

/** Mounts a tmpfs of `bytes` at a fresh folder. */
export function mountSmallDisk(bytes: number): SmallDisk {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoshin-tmpfs-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir]);
  const ballast = path.join(dir, '.ballast');
  return {
    dir,
    fill: () => {
      const fd = fs.openSync(ballast, 'a');
      try {
        // Big chunks first, then ever smaller ones, until not one more byte fits.
        for (let size = 64 * 1024; size >= 1; size = Math.floor(size / 2)) {
          const chunk = Buffer.alloc(size, 1);
          try {
            for (;;) fs.writeSync(fd, chunk);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
          }
        }
      } finally {
        fs.closeSync(fd);
      }
    },
    free: () => fs.rmSync(ballast, { force: true }),
    unmount: () => {
      try {
        execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
