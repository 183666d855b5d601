import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ShoshinError } from '../core/errors';
import { msg } from '../core/messages';
import { newRecord, type CreateOf, type PatchOf, type Session } from '../core/records';
import type { Tx } from './journal';

function requirePeople(tx: Tx, ids: readonly string[]): string[] {
  const unique = [...new Set(ids)];
  for (const id of unique) tx.require('people', id, 'person');
  return unique;
}

export function createSession(tx: Tx, input: CreateOf<'sessions'>): Session {
  const position = (tx.db.prepare('SELECT COALESCE(MAX(position), -1) + 1 AS p FROM sessions').get() as { p: number }).p;
  return tx.insert('sessions', newRecord('sessions', { ...input, id: randomUUID(), position, participantIds: requirePeople(tx, input.participantIds ?? []) }));
}

/** Participants who already placed dots in this session's vote stay: take their dots back first. */
export function updateSession(tx: Tx, id: string, patch: PatchOf<'sessions'>): Session {
  tx.require('sessions', id, 'session');
  const next = { ...patch };
  if (patch.participantIds) {
    next.participantIds = requirePeople(tx, patch.participantIds);
    const voters = new Set(tx.all('votes', { sessionId: id }).map((v) => v.personId));
    const dropped = [...voters].filter((p) => !next.participantIds?.includes(p));
    if (dropped.length > 0) throw new ShoshinError('conflict', msg('error.session.voterRemoved'));
  }
  return tx.update('sessions', id, next);
}

/** A deleted session takes its vote with it; everything recorded in it stays, just no longer dated to it. */
export function deleteSession(tx: Tx, id: string): void {
  tx.require('sessions', id, 'session');
  for (const vote of tx.all('votes', { sessionId: id })) tx.remove('votes', vote.id);
  for (const round of tx.all('vote_rounds', { sessionId: id })) tx.remove('vote_rounds', round.id);
  for (const table of ['steps', 'pain_points', 'quotes', 'observations'] as const) {
    for (const record of tx.all(table, { sessionId: id })) {
      tx.update(table, record.id, { sessionId: null });
    }
  }
  tx.remove('sessions', id);
}

const CURRENT_SESSION_KEY = 'capture.session';

/** The workshop being captured, as last chosen for this engagement; null when none is, or it was deleted since. */
export function currentSessionId(db: Database.Database): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(CURRENT_SESSION_KEY) as { value: string } | undefined;
  if (!row) return null;
  return db.prepare('SELECT 1 FROM sessions WHERE id = ?').get(row.value) ? row.value : null;
}

/**
 * Kept in the file, so the choice survives a reload, a restart and the browser host's new
 * address each run; written outside the undo journal, because which workshop is running is how
 * the consultant works, not content: Ctrl+Z must never switch the session instead of undoing a step.
 */
export function chooseSession(db: Database.Database, sessionId: string | null): void {
  if (sessionId === null) {
    db.prepare('DELETE FROM settings WHERE key = ?').run(CURRENT_SESSION_KEY);
    return;
  }
  if (!db.prepare('SELECT 1 FROM sessions WHERE id = ?').get(sessionId)) throw new ShoshinError('not_found', msg('error.gone.session'));
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(CURRENT_SESSION_KEY, sessionId);
}
