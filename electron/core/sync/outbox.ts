import type { Db } from '../db/open';
import type { OutcomeEntity, OutcomeItem } from './wire';

/**
 * The outbox as sync reads and updates it. A row stays `pending` until the bank acknowledges its id (accepted now or
 * before); a row the bank refuses for good becomes `failed` with the bank's reason. Each try counts in `attempts`.
 */
interface OutboxRow {
  id: string;
  entity: OutcomeEntity;
  entity_id: string;
  payload: string;
  created_at: string;
}

/** The next pending rows of a client after `afterId`, oldest first (ids are UUIDv7: creation order). */
export function pendingRows(db: Db, clientId: string, afterId: string, limit: number): OutcomeItem[] {
  const rows = db
    .prepare(`SELECT id, entity, entity_id, payload, created_at FROM outbox WHERE client_id = ? AND status = 'pending' AND id > ? ORDER BY id LIMIT ?`)
    .all(clientId, afterId, limit) as OutboxRow[];
  return rows.map((r) => ({ id: r.id, entity: r.entity, entityId: r.entity_id, createdAt: r.created_at, data: JSON.parse(r.payload) as Record<string, unknown> }));
}

export function markAcked(db: Db, ids: readonly string[], now: string): number {
  const st = db.prepare(`UPDATE outbox SET status = 'acked', acked_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ? AND status != 'acked'`);
  let n = 0;
  db.transaction(() => {
    for (const id of ids) n += st.run(now, id).changes;
  })();
  return n;
}

export function markRejected(db: Db, rejected: readonly { id: string; message: string }[]): void {
  const st = db.prepare(`UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ? AND status = 'pending'`);
  db.transaction(() => {
    for (const r of rejected) st.run(r.message, r.id);
  })();
}

/** A try that got no acknowledgement: counted, with the reason, and the rows stay pending. */
export function noteAttempt(db: Db, ids: readonly string[], error: string): void {
  const st = db.prepare(`UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ? AND status = 'pending'`);
  db.transaction(() => {
    for (const id of ids) st.run(error, id);
  })();
}

export function outboxCounts(db: Db, clientId: string): { pending: number; failed: number } {
  const r = db
    .prepare(`SELECT coalesce(sum(status = 'pending'), 0) AS pending, coalesce(sum(status = 'failed'), 0) AS failed FROM outbox WHERE client_id = ? AND status IN ('pending', 'failed')`)
    .get(clientId) as { pending: number; failed: number };
  return r;
}
