import type { Db } from '../db/open';
import { ENTITIES } from './schema-map';
import type { StationRow } from './station-state';
import { recordChange, recordRoute } from './write-path';

/**
 * The first sync of the first full replica: every replicated row of this store becomes a change record (in
 * dependency order, by the station's first user) and every case's holder a route, in one transaction, so collector
 * stations can pull their portfolio. Rows are read from the tables as they are now.
 */
export function uploadStore(db: Db, station: StationRow, now: string): { changes: number; routes: number } {
  return db.transaction(() => {
    const changes = uploadMissingRows(db, station, now);
    const cases = db.prepare('SELECT id FROM cases WHERE assigned_to IS NOT NULL').pluck().all() as string[];
    for (const id of cases) recordRoute(db, id, station);
    db.prepare('UPDATE hub_station SET uploaded_at = ? WHERE singleton = 1').run(now);
    station.uploaded_at = now;
    return { changes, routes: cases.length };
  })();
}

/**
 * The rows of a full replica the hub has no change of yet — all of them at the first upload; afterwards what was
 * written outside the write path (a placement or payment import) — each as a change record, in dependency order.
 * New holders of new cases go as routes.
 */
export function uploadMissingRows(db: Db, station: StationRow, now: string): number {
  const userId = (JSON.parse(station.users) as string[])[0];
  if (!userId) throw new Error('a full replica has at least one user');
  return db.transaction(() => {
    let changes = 0;
    for (const spec of ENTITIES) {
      // spec.table is a constant of the schema map
      const ids = db.prepare(`SELECT t.id FROM ${spec.table} t WHERE NOT EXISTS (SELECT 1 FROM hub_rows r WHERE r.entity = ? AND r.row_id = t.id) ORDER BY t.rowid`).pluck().all(spec.entity) as string[];
      for (const id of ids) {
        changes += recordChange(db, { entity: spec.entity, id, userId, now }, station);
        if (spec.entity === 'case' && station.uploaded_at) recordRoute(db, id, station);
      }
    }
    return changes;
  })();
}

/** The fields of a case the bank's files move (a payment, a recall); they belong to the full replicas. */
export const BANK_FIELDS = ['balance_fen', 'last_payment_at', 'last_payment_fen', 'overdue_days', 'stage', 'status'] as const;

/**
 * A full replica sends the bank fields of the cases changed outside the write path since its last sync (a placement
 * file that updates cases already held). A case whose last write went through the write path (payments and recalls
 * do, and every local or pulled edit) has the clock of its `updated_at` field at or after that write: it is left
 * alone, since stamping its fields again now would let them win over a collector's earlier edit this station has
 * not pulled yet (a call's new status).
 */
export function sendBankFields(db: Db, station: StationRow, now: string): number {
  const since = station.last_sync_at;
  if (!since) return 0;
  const userId = (JSON.parse(station.users) as string[])[0] ?? '';
  return db.transaction(() => {
    // an HLC begins with the ISO instant of its wall clock
    const ids = db
      .prepare(
        `SELECT c.id FROM cases c LEFT JOIN hub_field_clock f ON f.entity = 'case' AND f.row_id = c.id AND f.field = 'updated_at'
         WHERE c.updated_at > ? AND (f.hlc IS NULL OR c.updated_at > substr(f.hlc, 1, 24)) ORDER BY c.id`,
      )
      .pluck()
      .all(since) as string[];
    let n = 0;
    for (const id of ids) n += recordChange(db, { entity: 'case', id, fields: BANK_FIELDS, userId, now }, station);
    return n;
  })();
}
