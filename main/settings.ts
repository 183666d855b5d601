import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { RecentFile } from '../core/contract';
import { isDiskFull, ShoshinError } from '../core/errors';
import { msg, type Message } from '../core/messages';
import { DEFAULT_PREFERENCES, Preferences } from '../core/ipc/app';

const MAX_RECENT = 12;
const RecentList = z.array(RecentFile);

/** The cause for a log line: the system's code (ENOSPC for a full disk), else the error itself. */
function why(error: unknown): string {
  return (error as { code?: string }).code ?? String(error);
}

/**
 * App-wide state (not engagement data) kept in the user-data folder, never in engagement files.
 * Nothing here decides whether an engagement opens: a recent-files list that cannot be written
 * is kept in memory and written at the next chance.
 */
export class AppSettings {
  /** The recent-files list as it should be, while the one on disk could not be brought up to date. */
  private unsavedRecent: RecentFile[] | null = null;

  constructor(readonly userDataDir: string) {
    try {
      fs.mkdirSync(userDataDir, { recursive: true });
    } catch (error) {
      // Every write says so when it fails; starting the app must not.
      console.error(`Shoshin cannot create its settings folder ${userDataDir}: ${why(error)}.`);
    }
  }

  private file(name: string): string {
    return path.join(this.userDataDir, name);
  }

  recent(): RecentFile[] {
    this.retryUnsaved();
    const list = this.unsavedRecent ?? this.savedRecent();
    return list.filter((r) => fs.existsSync(r.path));
  }

  private savedRecent(): RecentFile[] {
    try {
      const parsed = RecentList.safeParse(JSON.parse(fs.readFileSync(this.file('recent.json'), 'utf8')));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  }

  /**
   * Puts a file at the top of the recent list. Never throws: an engagement that opened stays open.
   * Returns a message for the user when the list could not be written (it is retried later).
   */
  remember(filePath: string, name: string): Message | null {
    const list = [{ path: filePath, name, openedAt: new Date().toISOString() }, ...this.recent().filter((r) => r.path !== filePath)];
    this.unsavedRecent = list.slice(0, MAX_RECENT);
    return this.retryUnsaved() ? null : msg('notice.recentNotSaved');
  }

  /** Writes the recent list kept in memory, if there is one; true when nothing is left unsaved. */
  private retryUnsaved(): boolean {
    if (!this.unsavedRecent) return true;
    try {
      this.writeAtomic('recent.json', JSON.stringify(this.unsavedRecent, null, 2));
      this.unsavedRecent = null;
      return true;
    } catch (error) {
      console.error(`Shoshin could not save its recent files list: ${why(error)}.`);
      return false;
    }
  }

  preferences(): Preferences {
    try {
      const parsed = Preferences.partial().safeParse(JSON.parse(fs.readFileSync(this.file('preferences.json'), 'utf8')));
      return { ...DEFAULT_PREFERENCES, ...(parsed.success ? parsed.data : {}) };
    } catch {
      return DEFAULT_PREFERENCES;
    }
  }

  /** Saves the preferences, or throws and leaves the saved ones as they were. */
  updatePreferences(patch: Partial<Preferences>): Preferences {
    const next = { ...this.preferences(), ...patch };
    try {
      this.writeAtomic('preferences.json', JSON.stringify(next, null, 2));
    } catch (error) {
      if (isDiskFull(error)) {
        throw new ShoshinError('disk_full', msg('error.diskFull.settings'));
      }
      throw error;
    }
    this.retryUnsaved();
    return next;
  }

  /** Write-then-rename so a crash never leaves a half-written settings file, and a failure leaves no temp file. */
  private writeAtomic(name: string, content: string): void {
    const target = this.file(name);
    const temp = `${target}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(this.userDataDir, { recursive: true });
      fs.writeFileSync(temp, content);
      fs.renameSync(temp, target);
    } catch (error) {
      fs.rmSync(temp, { force: true });
      throw error;
    }
  }
}
