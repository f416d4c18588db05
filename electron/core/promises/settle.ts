import { appendAudit } from '../audit/audit';
import type { Db } from '../db/open';

interface PromiseRow {
  id: string;
  case_id: string;
  amount_fen: number;
  due_date: string;
  created_day: string;
  status: string;
  paid_fen: number;
}

interface PaymentRow {
  case_id: string;
  paid_at: string;
  amount_fen: number;
}

export interface SettleResult {
  settled: number;
  kept: number;
  partlyKept: number;
  broken: number;
}

/**
 * Settles promises against bank-confirmed payments: each case's payments go, oldest first, to its promises in
 * due-date order (a payment counts for a promise made on or before the day it was paid, up to the promise date).
 * Paid in full by the date: kept; date passed with part paid: partly kept; date passed, nothing paid: broken;
 * otherwise still pending (with what has been paid so far). `today` is the calendar day that has begun.
 */
export function settlePromises(db: Db, today: string, now: string, caseIds?: readonly string[]): SettleResult {
  const result: SettleResult = { settled: 0, kept: 0, partlyKept: 0, broken: 0 };
  db.transaction(() => {
    const scope = caseIds ? `AND case_id IN (SELECT value FROM json_each(@ids))` : '';
    const ids = JSON.stringify(caseIds ?? []);
    const promises = db
      .prepare(`SELECT id, case_id, amount_fen, due_date, substr(created_at, 1, 10) AS created_day, status, paid_fen FROM promises WHERE status = 'pending' ${scope} ORDER BY case_id, due_date, created_at`)
      .all({ ids }) as PromiseRow[];
    if (promises.length === 0) return;
    const cases = [...new Set(promises.map((p) => p.case_id))];
    const payments = db
      .prepare(`SELECT case_id, paid_at, amount_fen FROM payments WHERE kind = 'confirmed' AND case_id IN (SELECT value FROM json_each(@ids)) ORDER BY case_id, paid_at`)
      .all({ ids: JSON.stringify(cases) }) as PaymentRow[];
    // What earlier (already settled) promises of the same cases consumed stays consumed.
    const consumed = new Map(
      (db.prepare(`SELECT case_id, sum(paid_fen) AS fen FROM promises WHERE status != 'pending' AND case_id IN (SELECT value FROM json_each(@ids)) GROUP BY case_id`).all({ ids: JSON.stringify(cases) }) as { case_id: string; fen: number }[]).map((r) => [r.case_id, r.fen]),
    );
    const pool = new Map<string, { paidAt: string; left: number }[]>();
    for (const p of payments) {
      const list = pool.get(p.case_id) ?? [];
      list.push({ paidAt: p.paid_at.slice(0, 10), left: p.amount_fen });
      pool.set(p.case_id, list);
    }
    for (const [caseId, spent0] of consumed) {
      let spent = spent0;
      for (const pay of pool.get(caseId) ?? []) {
        const take = Math.min(pay.left, spent);
        pay.left -= take;
        spent -= take;
      }
    }
    const update = db.prepare('UPDATE promises SET status = ?, paid_fen = ?, settled_at = ? WHERE id = ?');
    for (const pr of promises) {
      let paid = 0;
      for (const pay of pool.get(pr.case_id) ?? []) {
        if (paid >= pr.amount_fen) break;
        if (pay.left === 0 || pay.paidAt < pr.created_day || pay.paidAt > pr.due_date) continue;
        const take = Math.min(pay.left, pr.amount_fen - paid);
        pay.left -= take;
        paid += take;
      }
      const status = paid >= pr.amount_fen ? 'kept' : pr.due_date < today ? (paid > 0 ? 'partly_kept' : 'broken') : 'pending';
      if (status === pr.status && paid === pr.paid_fen) continue;
      update.run(status, paid, status === 'pending' ? null : now, pr.id);
      if (status === 'pending') continue;
      result.settled++;
      if (status === 'kept') result.kept++;
      else if (status === 'partly_kept') result.partlyKept++;
      else result.broken++;
    }
    // A case whose promises are all settled is worked again (it surfaces in the queue as a broken promise if so).
    db.prepare(
      `UPDATE cases SET status = 'working', updated_at = @now WHERE status = 'ptp' AND id IN (SELECT value FROM json_each(@ids))
       AND NOT EXISTS (SELECT 1 FROM promises p WHERE p.case_id = cases.id AND p.status = 'pending')`,
    ).run({ ids: JSON.stringify(cases), now });
    if (result.settled > 0) appendAudit(db, { actorId: null, via: 'system', action: 'promise.settle', details: { ...result, today } }, now);
  })();
  return result;
}
