// What the convergence test compares: a collector station's rows against the admin station's on the cases it may
// hold, and the admin station's work, counters and KPI tables against a single store that made the same edits.
import { ENTITIES } from '../../electron/core/hub/schema-map';
import { agencyDay } from '../../electron/core/clock';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { settlePromises } from '../../electron/core/promises/settle';
import { PASSPHRASE } from './station-processes';

/**
 * Promise settlement is derived and depends on the day: each store settles when it reports, starts or takes a payment.
 * Before stores are compared each settles for today, as `report kpi` does; when it did (settled_at) is its own.
 */
export function settleToday(db: Db): void {
  const now = new Date();
  settlePromises(db, agencyDay(now), now.toISOString());
}

export async function withStore<T>(dir: string, f: (db: Db) => T): Promise<T> {
  const { db } = await openDatabase({ dataDir: dir, secret: { passphrase: PASSPHRASE } });
  try {
    return f(db);
  } finally {
    db.close();
  }
}

/** The rows of each replicated table that belong to these cases (their debtors and contacts too), every replicated column. */
export function rowsOfCases(db: Db, caseIds: string[]): Record<string, unknown[]> {
  const ids = JSON.stringify(caseIds);
  const where: Record<string, string> = {
    cases: 'id IN (SELECT value FROM json_each(@ids))',
    debtors: 'id IN (SELECT debtor_id FROM cases WHERE id IN (SELECT value FROM json_each(@ids)))',
    contact_persons: 'debtor_id IN (SELECT debtor_id FROM cases WHERE id IN (SELECT value FROM json_each(@ids)))',
  };
  const out: Record<string, unknown[]> = {};
  for (const spec of ENTITIES) {
    if (spec.routeSql === null) continue;
    const w = where[spec.table] ?? 'case_id IN (SELECT value FROM json_each(@ids))';
    const extra = spec.table === 'promises' ? ', status, paid_fen' : '';
    // a case's updated_at also moves when a store settles its promises (derived, each store for itself)
    const columns = spec.columns.filter((c) => !(spec.table === 'cases' && c === 'updated_at'));
    // table and column names are the schema map's constants
    out[spec.table] = db.prepare(`SELECT ${columns.join(', ')}${extra} FROM ${spec.table} WHERE ${w} ORDER BY id`).all({ ids });
  }
  return out;
}

/**
 * The admin station's outcome of the edits, in terms a second store that made the same edits shares (case ids are
 * the same — the reference store is a copy taken before the hub — but not the ids of rows written later).
 */
export function outcome(db: Db): Record<string, unknown[]> {
  const q = (sql: string): unknown[] => db.prepare(sql).all();
  return {
    cases: q('SELECT id, status, flags, assigned_to, balance_fen, last_payment_at, last_payment_fen, next_action_at FROM cases ORDER BY id'),
    activities: q(
      'SELECT case_id, debtor_id, collector_id, channel, party, phone, started_at, result_code, notes, disclosures, created_by FROM activities ORDER BY case_id, started_at, result_code',
    ),
    promises: q('SELECT case_id, amount_fen, due_date, status, paid_fen, created_by FROM promises ORDER BY case_id, due_date, amount_fen'),
    plans: q('SELECT case_id, kind, schedule, waiver_fen, status, created_by FROM plans ORDER BY case_id, schedule'),
    payments: q('SELECT client_id, case_id, kind, txn_ref, amount_fen, applied_fen, paid_at, channel, created_by FROM payments ORDER BY txn_ref'),
    recalls: q('SELECT client_id, case_id, batch_id, recalled_at, reason, created_by FROM recalls ORDER BY case_id'),
    // the counters kept on write (attempts, contacts, right-party contacts, recoveries, promises per case and per group)
    kpi_case: q('SELECT * FROM kpi_case WHERE activities + contacts + rpc_contacts + recovered_fen + recovered_payments + promises > 0 ORDER BY case_id'),
    kpi_group: q('SELECT * FROM kpi_group WHERE cases > 0 ORDER BY client_id, batch_id, collector, stage'),
    kpi_promise_day: q('SELECT * FROM kpi_promise_day WHERE settled > 0 ORDER BY client_id, batch_id, collector, stage, due_date'),
    attempts_per_debtor_day: q(
      `SELECT debtor_id, date(started_at, '+8 hours') AS day, count(*) AS attempts, sum(result_code NOT IN ('NO_ANSWER', 'BUSY', 'POWERED_OFF', 'DISCONNECTED')) AS reached
       FROM activities GROUP BY 1, 2 ORDER BY 1, 2`,
    ),
  };
}
