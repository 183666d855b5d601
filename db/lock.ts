import fs from 'node:fs';
import os from 'node:os';
import { ShoshinError } from '../core/errors';
import { msg } from '../core/messages';

/**
 * SQLite lets several programs write one WAL file; two Shoshin windows editing the same engagement
 * would interleave undo histories. A lock file beside the engagement says who has it open.
 */
interface LockInfo {
  pid: number;
  host: string;
  at: string;
}

const heldHere = new Set<string>();

export function lockPath(file: string): string {
  return `${file}.lock`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function read(file: string): LockInfo | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPath(file), 'utf8')) as Partial<LockInfo>;
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string' ? { pid: parsed.pid, host: parsed.host, at: String(parsed.at ?? '') } : null;
  } catch {
    return null;
  }
}

/**
 * True when a Shoshin on this computer that is still running holds the lock: it verified the file
 * when it opened it, so the -wal beside the file is that Shoshin's own.
 */
export function heldByLiveShoshin(file: string): boolean {
  if (heldHere.has(file)) return true;
  const holder = read(file);
  return holder !== null && holder.host === os.hostname() && alive(holder.pid);
}

/** Files a store in this thread holds an open SQLite connection to, for editing. */
const connectedHere = new Set<string>();

/** Called once the editing connection is open; the returned function is called when it closes. */
export function noteConnected(file: string): () => void {
  connectedHere.add(file);
  return () => connectedHere.delete(file);
}

/**
 * True when this very process (any of its threads: the export worker too) has the file open for
 * editing. POSIX locks belong to the process and closing any descriptor of the file drops them all,
 * so such a file must never be opened with plain fs calls, only through SQLite. A file this thread
 * has locked but not yet connected to (an open under way) is not open yet.
 */
export function openInThisProcess(file: string): boolean {
  if (connectedHere.has(file)) return true;
  if (heldHere.has(file)) return false;
  const holder = read(file);
  return holder !== null && holder.pid === process.pid && holder.host === os.hostname();
}

export function assertNotOpenHere(file: string): void {
  if (heldHere.has(file)) {
    throw new ShoshinError('locked', msg('error.lock.otherWindow'), ['readOnly']);
  }
}

/** Takes the lock or explains who holds it; a lock left by a crashed process is taken over. */
export function acquireLock(file: string): () => void {
  assertNotOpenHere(file);
  const info: LockInfo = { pid: process.pid, host: os.hostname(), at: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath(file), JSON.stringify(info), { flag: 'wx' });
      heldHere.add(file);
      return () => {
        heldHere.delete(file);
        const current = read(file);
        if (current?.pid === info.pid && current.host === info.host) fs.rmSync(lockPath(file), { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        // 'wx' created the file before the write failed (a full disk): it was never a lock, so remove it.
        try {
          fs.rmSync(lockPath(file), { force: true });
        } catch {
          // Nothing was created (the folder refused the write).
        }
        throw error;
      }
      const holder = read(file);
      const stale = !holder || (holder.host === info.host && !alive(holder.pid));
      if (!stale) {
        const since = holder.at.slice(0, 16).replace('T', ' ');
        const where = holder.host === info.host ? msg('error.lock.otherShoshin', { since }) : msg('error.lock.otherComputer', { host: holder.host, since });
        throw new ShoshinError('locked', where, ['readOnly']);
      }
      fs.rmSync(lockPath(file), { force: true });
    }
  }
  throw new ShoshinError('locked', msg('error.lock.failed'), ['readOnly']);
}
