import type { Db } from './open';

/**
 * Runs `fn` with the connection's busy timeout at 0: a write lock held by another connection makes its first write
 * fail at once with SQLITE_BUSY instead of waiting. For work that is worth nothing late (an import preview's
 * rehearsal), and for a connection that shares its thread with the writer it would wait for (the app's own import:
 * waiting would only freeze the app, since that import cannot go on while this thread waits).
 */
export function withoutBusyWait<T>(db: Db, fn: () => T): T {
  const before = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    return fn();
  } finally {
    db.pragma(`busy_timeout = ${before}`);
  }
}
