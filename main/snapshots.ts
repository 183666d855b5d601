import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { isDiskFull, ShoshinError } from '../core/errors';
import { msg } from '../core/messages';
import type { SnapshotFailure } from '../core/ipc/app';
import { getEngagement } from '../db/engagement';
import type { EngagementStore } from '../db/store';

/** Automatic backups beside the user data: a few recent ones, none kept for ever. */
export const SNAPSHOT_LIMIT = 20;
export const SNAPSHOT_MAX_AGE_DAYS = 30;
export const SNAPSHOT_EDIT_INTERVAL_MS = 10 * 60 * 1000;

export type SnapshotReason = 'open' | 'editing' | 'migration';

export interface SnapshotInfo {
  id: string;
  takenAt: string;
  reason: SnapshotReason;
  bytes: number;
}

const NAME = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-(open|editing|migration)\.shoshin$/;

export class Snapshots {
  constructor(private readonly root: string) {}

  folderFor(engagementId: string): string {
    return path.join(this.root, engagementId.replace(/[^\w-]/g, ''));
  }

  /**
   * Uses better-sqlite3's online backup, so a snapshot is consistent even mid-session. A backup
   * that fails (a full disk) leaves neither a partial file nor an empty folder behind.
   */
  async take(db: Database.Database, engagementId: string, reason: SnapshotReason, now = new Date()): Promise<SnapshotInfo> {
    const folder = this.folderFor(engagementId);
    const id = `${now.toISOString().replace(/[:.]/g, '-')}-${reason}.shoshin`;
    const file = path.join(folder, id);
    try {
      fs.mkdirSync(folder, { recursive: true });
      await db.backup(file);
    } catch (error) {
      for (const leftover of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) fs.rmSync(leftover, { force: true });
      if (fs.existsSync(folder) && fs.readdirSync(folder).length === 0) fs.rmdirSync(folder);
      throw isDiskFull(error) ? new ShoshinError('disk_full', msg('error.diskFull.snapshot')) : error;
    }
    this.prune(engagementId, now);
    return { id, takenAt: now.toISOString(), reason, bytes: fs.statSync(file).size };
  }

  /** Before a migration the file is not open yet: back it up from a read-only connection. */
  async takeOfFile(file: string): Promise<SnapshotInfo> {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return await this.take(db, getEngagement(db).id, 'migration');
    } catch (error) {
      // No upgrade without a copy of the file as it was: refuse the open, in words.
      if (error instanceof ShoshinError && error.code === 'disk_full') {
        throw new ShoshinError('disk_full', msg('error.diskFull.upgradeSnapshot'));
      }
      throw error;
    } finally {
      db.close();
    }
  }

  /** Whether the disk holding the snapshots clearly has no room for `bytes` more; false when it cannot tell. */
  lacksRoomFor(bytes: number): boolean {
    try {
      let dir = this.root;
      while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
      const { bavail, bsize } = fs.statfsSync(dir);
      return bavail * bsize < bytes;
    } catch {
      return false;
    }
  }

  list(engagementId: string): SnapshotInfo[] {
    const folder = this.folderFor(engagementId);
    if (!fs.existsSync(folder)) return [];
    return fs
      .readdirSync(folder)
      .map((name) => ({ name, match: NAME.exec(name) }))
      .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
      .map(({ name, match }) => ({
        id: name,
        takenAt: (match[1] ?? '').replace(/T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/, 'T$1:$2:$3.$4Z'),
        reason: match[2] as SnapshotReason,
        bytes: fs.statSync(path.join(folder, name)).size,
      }))
      .sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  }

  /** The file behind a snapshot id, refusing anything that is not one of ours. */
  fileOf(engagementId: string, id: string): string | null {
    if (!NAME.test(id)) return null;
    const file = path.join(this.folderFor(engagementId), id);
    return fs.existsSync(file) ? file : null;
  }

  prune(engagementId: string, now = new Date()): void {
    const all = this.list(engagementId);
    const oldest = now.getTime() - SNAPSHOT_MAX_AGE_DAYS * 24 * 60 * 60 * 1000;
    all.forEach((snapshot, index) => {
      const tooMany = index >= SNAPSHOT_LIMIT;
      const tooOld = index > 0 && new Date(snapshot.takenAt).getTime() < oldest;
      if (tooMany || tooOld) fs.rmSync(path.join(this.folderFor(engagementId), snapshot.id), { force: true });
    });
  }
}

/**
 * Snapshot policy for one open engagement: on open, then after every ten minutes of editing. A
 * snapshot that fails is remembered (the UI shows it) and tried again on the next edit, not ten
 * minutes later, so one is taken as soon as there is room again.
 */
export class SnapshotSchedule {
  private lastAt = 0;
  /** When a snapshot was last really attempted (not skipped for want of room). */
  private lastTriedAt = 0;
  private running = false;
  /** The snapshot being written, so callers (and tests) can wait for it. */
  pending: Promise<unknown> = Promise.resolve();
  /** Why the last snapshot could not be taken; null once one succeeds. */
  lastFailure: SnapshotFailure | null = null;

  constructor(
    private readonly snapshots: Snapshots,
    private readonly store: EngagementStore,
    private readonly clock: () => number = Date.now,
  ) {}

  onOpen(): Promise<unknown> {
    this.lastAt = this.clock();
    return this.take('open');
  }

  /** Called after every committed edit; snapshots at most once per interval, or at once after a failure. */
  onEdit(): Promise<unknown> {
    if (!this.lastFailure && this.clock() - this.lastAt < SNAPSHOT_EDIT_INTERVAL_MS) return this.pending;
    this.lastAt = this.clock();
    return this.take('editing');
  }

  /** Tries a failed snapshot again now (the Snapshots dialog asks before listing). */
  retry(): Promise<unknown> {
    return this.lastFailure ? this.take(this.lastFailure.reason) : this.pending;
  }

  /**
   * While the disk is known to be full, attempts it clearly has no room for are skipped; one is
   * still made once per interval in case the free-space figure is wrong (some network drives say 0).
   */
  private noRoomYet(now: number): boolean {
    if (this.lastFailure?.code !== 'disk_full' || now - this.lastTriedAt >= SNAPSHOT_EDIT_INTERVAL_MS) return false;
    const db = this.store.db;
    return this.snapshots.lacksRoomFor((db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number));
  }

  private take(reason: SnapshotReason): Promise<unknown> {
    const db = this.store.db;
    if (this.running || !db.open) return this.pending;
    const now = this.clock();
    if (this.noRoomYet(now)) return this.pending;
    const id = getEngagement(db).id;
    this.lastTriedAt = now;
    this.running = true;
    // A failed backup must never fail the edit that triggered it.
    this.pending = this.pending
      .then(() => (db.open ? this.snapshots.take(db, id, reason, new Date(now)) : undefined))
      .then(
        () => {
          this.lastFailure = null;
        },
        (error: unknown) => {
          if (!db.open) return;
          const known = error instanceof ShoshinError && error.code === 'disk_full';
          if (!known) console.error('snapshot failed', error);
          this.lastFailure = {
            at: new Date(now).toISOString(),
            reason,
            code: known ? 'disk_full' : 'internal',
            message: known ? error.text : msg('error.snapshot.failed', { reason: (error as Error).message ?? String(error) }),
          };
        },
      )
      .finally(() => {
        this.running = false;
      });
    return this.pending;
  }
}
