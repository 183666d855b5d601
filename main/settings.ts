import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { RecentFile } from '../core/contract';
import { DEFAULT_PREFERENCES, Preferences } from '../core/ipc/app';

const MAX_RECENT = 12;
const RecentList = z.array(RecentFile);

/** App-wide state (not engagement data) kept in the user-data folder, never in engagement files. */
export class AppSettings {
  constructor(readonly userDataDir: string) {
    fs.mkdirSync(userDataDir, { recursive: true });
  }

  private file(name: string): string {
    return path.join(this.userDataDir, name);
  }

  recent(): RecentFile[] {
    try {
      const parsed = RecentList.safeParse(JSON.parse(fs.readFileSync(this.file('recent.json'), 'utf8')));
      return parsed.success ? parsed.data.filter((r) => fs.existsSync(r.path)) : [];
    } catch {
      return [];
    }
  }

  remember(filePath: string, name: string): void {
    const list = [{ path: filePath, name, openedAt: new Date().toISOString() }, ...this.recent().filter((r) => r.path !== filePath)];
    this.writeAtomic('recent.json', JSON.stringify(list.slice(0, MAX_RECENT), null, 2));
  }

  preferences(): Preferences {
    try {
      const parsed = Preferences.partial().safeParse(JSON.parse(fs.readFileSync(this.file('preferences.json'), 'utf8')));
      return { ...DEFAULT_PREFERENCES, ...(parsed.success ? parsed.data : {}) };
    } catch {
      return DEFAULT_PREFERENCES;
    }
  }

  updatePreferences(patch: Partial<Preferences>): Preferences {
    const next = { ...this.preferences(), ...patch };
    this.writeAtomic('preferences.json', JSON.stringify(next, null, 2));
    return next;
  }

  /** Write-then-rename so a crash never leaves a half-written settings file. */
  private writeAtomic(name: string, content: string): void {
    const target = this.file(name);
    const temp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(temp, content);
    fs.renameSync(temp, target);
  }
}
