import { appendAudit } from '../audit/audit';
import type { Db } from '../db/open';

/**
 * Removes a case that left this station's users, with its history and (when no other case of this store needs them)
 * its debtor and contacts. No change record goes out: the rows live on at the hub and the other stations. Audited.
 */
const CASE_CHILDREN = ['promises', 'plans', 'payment_reversals', 'balance_adjustments', 'payments', 'recalls', 'activities', 'kpi_case'] as const;

function tablesReferencing(db: Db, parent: string): { table: string; column: string }[] {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
  const out: { table: string; column: string }[] = [];
  for (const t of tables) {
    for (const fk of db.prepare('SELECT "table" AS parent, "from" AS col FROM pragma_foreign_key_list(?)').all(t) as { parent: string; col: string }[]) {
      if (fk.parent === parent) out.push({ table: t, column: fk.col });
    }
  }
  return out;
}

export function wipeCase(db: Db, caseId: string, reason: 'reassigned' | 'revoked', now: string): boolean {
  const row = db.prepare('SELECT debtor_id FROM cases WHERE id = ?').get(caseId) as { debtor_id: string } | undefined;
  if (!row) return false;
  const refs = tablesReferencing(db, 'cases');
  const ordered = [...CASE_CHILDREN.filter((t) => refs.some((r) => r.table === t)), ...refs.map((r) => r.table).filter((t) => !(CASE_CHILDREN as readonly string[]).includes(t))];
  // table and column names here come from this store's own schema, never from a change record
  for (const table of ordered) {
    for (const r of refs.filter((x) => x.table === table)) db.prepare(`DELETE FROM ${r.table} WHERE ${r.column} = ?`).run(caseId);
  }
  db.prepare(`DELETE FROM hub_field_clock WHERE entity = 'case' AND row_id = ?`).run(caseId);
  db.prepare('DELETE FROM cases WHERE id = ?').run(caseId);
  const others = db.prepare('SELECT count(*) FROM cases WHERE debtor_id = ?').pluck().get(row.debtor_id) as number;
  if (others === 0) {
    const contacts = db.prepare('SELECT id FROM contact_persons WHERE debtor_id = ?').pluck().all(row.debtor_id) as string[];
    for (const id of contacts) db.prepare(`DELETE FROM hub_field_clock WHERE entity = 'contact_person' AND row_id = ?`).run(id);
    db.prepare('DELETE FROM contact_persons WHERE debtor_id = ?').run(row.debtor_id);
    db.prepare(`DELETE FROM hub_field_clock WHERE entity = 'debtor' AND row_id = ?`).run(row.debtor_id);
    db.prepare('DELETE FROM debtors WHERE id = ?').run(row.debtor_id);
  }
  db.prepare('DELETE FROM hub_wipes WHERE case_id = ?').run(caseId);
  db.prepare(`DELETE FROM hub_parked WHERE reason = 'waiting' AND json_extract(body, '$.routeKey') = ?`).run(caseId);
  appendAudit(db, { actorId: null, via: 'sync', action: 'hub.case_wipe', entity: 'case', entityId: caseId, details: { reason } }, now);
  return true;
}

/** Wipes the queued cases whose changes the hub has all acknowledged; returns [wiped, still waiting]. */
export function runQueuedWipes(db: Db, now: string): [number, number] {
  let wiped = 0;
  let waiting = 0;
  const queued = db.prepare('SELECT case_id FROM hub_wipes ORDER BY seq').pluck().all() as string[];
  for (const caseId of queued) {
    const pending = db.prepare('SELECT count(*) FROM hub_outbox WHERE route_key = ?').pluck().get(caseId) as number;
    if (pending > 0) {
      waiting++;
      continue;
    }
    db.transaction(() => {
      if (wipeCase(db, caseId, 'reassigned', now)) wiped++;
      db.prepare('DELETE FROM hub_wipes WHERE case_id = ?').run(caseId);
    })();
  }
  return [wiped, waiting];
}

/** A revoked station: every case and debtor goes, and the agency's keys with them. */
export function wipeAll(db: Db, now: string): number {
  return db.transaction(() => {
    let n = 0;
    for (const id of db.prepare('SELECT id FROM cases').pluck().all() as string[]) if (wipeCase(db, id, 'revoked', now)) n++;
    db.prepare('DELETE FROM contact_persons').run();
    db.prepare('DELETE FROM debtors WHERE id NOT IN (SELECT debtor_id FROM cases)').run();
    db.prepare('DELETE FROM hub_outbox').run();
    db.prepare('DELETE FROM hub_keys').run();
    db.prepare('UPDATE hub_station SET revoked_at = ? WHERE singleton = 1').run(now);
    appendAudit(db, { actorId: null, via: 'sync', action: 'hub.station_revoked', details: { cases: n } }, now);
    return n;
  })();
}
