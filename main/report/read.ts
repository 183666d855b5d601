import type Database from 'better-sqlite3';
import { ShoshinError } from '../../core/errors';
import { msg } from '../../core/messages';
import { openEngagementFile, withoutLeftovers } from '../../db/file';
import { EngagementStore } from '../../db/store';

/**
 * Reads through its own read-only connection (WAL lets it read while the app writes), after the same
 * checks as any open. A file that cannot be read in place (it still needs a schema upgrade, sits on a
 * read-only share without its WAL index, or has another program's unfinished change beside it) is
 * read from a private copy instead, as the app's read-only view does. The CLI reads the same way.
 */
export function readEngagement<T>(engagementPath: string, nativeBinding: string | undefined, read: (db: Database.Database) => T): T {
  const options = nativeBinding ? { nativeBinding } : {};
  const readAll = (db: Database.Database): T => {
    try {
      return read(db);
    } catch (error) {
      if (error instanceof ShoshinError) throw error;
      throw new ShoshinError('bad_file', msg('error.file.unreadableForExport'), ['recoverCopy']);
    }
  };
  return withoutLeftovers(engagementPath, () => {
    let file: ReturnType<typeof openEngagementFile> | null = null;
    try {
      file = openEngagementFile(engagementPath, { ...options, readOnly: true });
    } catch (error) {
      const copyHelps = error instanceof ShoshinError && (error.code === 'read_only' || (error.offers ?? []).includes('readOnly'));
      if (!copyHelps) throw error;
    }
    if (file) {
      try {
        return readAll(file.db);
      } finally {
        file.db.close();
      }
    }
    const copy = EngagementStore.open(engagementPath, { ...options, readOnly: true });
    try {
      return readAll(copy.db);
    } finally {
      copy.close();
    }
  });
}
