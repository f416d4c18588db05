import type { Db } from '../db/open';
import { nextRoundDelay, type Random } from './retry';

/** A client's row of sync_state: the pull cursor, the last outcome of a round, and when the next may start. */
export interface SyncStateRow {
  cursor: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  failures: number;
}

const EMPTY: SyncStateRow = { cursor: null, lastSuccessAt: null, lastError: null, lastErrorAt: null, nextAttemptAt: null, lastAttemptAt: null, failures: 0 };

export function readState(db: Db, clientId: string): SyncStateRow {
  const r = db
    .prepare(
      `SELECT cursor, last_success_at AS lastSuccessAt, last_error AS lastError, last_error_at AS lastErrorAt, next_attempt_at AS nextAttemptAt,
              last_attempt_at AS lastAttemptAt, failures FROM sync_state WHERE client_id = ?`,
    )
    .get(clientId) as SyncStateRow | undefined;
  return r ?? EMPTY;
}

export function readCursor(db: Db, clientId: string): string | null {
  return (db.prepare('SELECT cursor FROM sync_state WHERE client_id = ?').pluck().get(clientId) as string | null | undefined) ?? null;
}

/** Inside the caller's transaction, with the data pulled up to it. */
export function writeCursor(db: Db, clientId: string, cursor: string): void {
  db.prepare('INSERT INTO sync_state (client_id, cursor) VALUES (?, ?) ON CONFLICT (client_id) DO UPDATE SET cursor = excluded.cursor').run(clientId, cursor);
}

export function noteRoundStart(db: Db, clientId: string, now: string): void {
  db.prepare('INSERT INTO sync_state (client_id, last_attempt_at) VALUES (?, ?) ON CONFLICT (client_id) DO UPDATE SET last_attempt_at = excluded.last_attempt_at').run(clientId, now);
}

/** A round that completed: the error is cleared and the next round is due after the interval. */
export function noteSuccess(db: Db, clientId: string, now: Date, intervalMinutes: number): void {
  db.prepare('UPDATE sync_state SET last_success_at = ?, last_error = NULL, last_error_at = NULL, failures = 0, next_attempt_at = ? WHERE client_id = ?').run(
    now.toISOString(),
    new Date(now.getTime() + intervalMinutes * 60_000).toISOString(),
    clientId,
  );
}

/** A round that failed: its error in words, and the next try after a backoff that grows with the failures in a row. */
export function noteFailure(db: Db, clientId: string, now: Date, message: string, random: Random = Math.random): string {
  const failures = readState(db, clientId).failures + 1;
  const next = new Date(now.getTime() + nextRoundDelay(failures, random)).toISOString();
  db.prepare('UPDATE sync_state SET last_error = ?, last_error_at = ?, failures = ?, next_attempt_at = ? WHERE client_id = ?').run(message, now.toISOString(), failures, next, clientId);
  return next;
}
