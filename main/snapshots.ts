import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
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

  /** Uses better-sqlite3's online backup, so a snapshot is consistent even mid-session. */
  async take(db: Database.Database, engagementId: string, reason: SnapshotReason, now = new Date()): Promise<SnapshotInfo> {
    const folder = this.folderFor(engagementId);
    fs.mkdirSync(folder, { recursive: true });
    const id = `${now.toISOString().replace(/[:.]/g, '-')}-${reason}.shoshin`;
    await db.backup(path.join(folder, id));
    this.prune(engagementId, now);
    return { id, takenAt: now.toISOString(), reason, bytes: fs.statSync(path.join(folder, id)).size };
  }

  /** Before a migration the file is not open yet: back it up from a read-only connection. */
  async takeOfFile(file: string): Promise<SnapshotInfo> {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return await this.take(db, getEngagement(db).id, 'migration');
    } finally {
      db.close();
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

/** Snapshot policy for one open engagement: on open, then after every ten minutes of editing. */
export class SnapshotSchedule {
  private lastAt = 0;
  /** The snapshot being written, so callers (and tests) can wait for it. */
  pending: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly snapshots: Snapshots,
    private readonly store: EngagementStore,
    private readonly clock: () => number = Date.now,
  ) {}

  onOpen(): Promise<unknown> {
    this.lastAt = this.clock();
    return this.take('open');
  }

  /** Called after every committed edit; snapshots at most once per interval. */
  onEdit(): Promise<unknown> {
    if (this.clock() - this.lastAt < SNAPSHOT_EDIT_INTERVAL_MS) return this.pending;
    this.lastAt = this.clock();
    return this.take('editing');
  }

  private take(reason: SnapshotReason): Promise<unknown> {
    const id = getEngagement(this.store.db).id;
    // A failed backup must never fail the edit that triggered it; the next interval tries again.
    this.pending = this.pending
      .then(() => (this.store.db.open ? this.snapshots.take(this.store.db, id, reason, new Date(this.clock())) : undefined))
      .catch((error: unknown) => {
        if (this.store.db.open) console.error('snapshot failed', error);
      });
    return this.pending;
  }
}
