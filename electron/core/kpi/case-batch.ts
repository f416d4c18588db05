import type { Db } from '../db/open';

/**
 * Moves a case to another batch of its client (a recalled case placed again), keeping the KPI tables equal to their
 * definition. The triggers move a case's counts to its new group as they are; its recoveries, though, are the
 * confirmed payments within its batch's term, and the new batch has a term of its own. So the recoveries are taken out
 * of the old group first, the case is moved, and they are counted again within the new term. (kpi_day needs nothing:
 * its trigger counts the case's days from the payments themselves, with each batch's term.)
 */
export function moveCaseToBatch(db: Db, caseId: string, batchId: string): void {
  db.prepare(
    `UPDATE kpi_group SET recovered_fen = kpi_group.recovered_fen - k.recovered_fen, recovered_cases = kpi_group.recovered_cases - (k.recovered_payments > 0)
     FROM cases c JOIN kpi_case k ON k.case_id = c.id
     WHERE c.id = @caseId AND kpi_group.client_id = c.client_id AND kpi_group.batch_id = c.batch_id
       AND kpi_group.collector = coalesce(c.assigned_to, '') AND kpi_group.stage = coalesce(c.stage, '')`,
  ).run({ caseId });
  db.prepare('UPDATE kpi_case SET recovered_fen = 0, recovered_payments = 0, last_paid_day = NULL WHERE case_id = ?').run(caseId);
  db.prepare('UPDATE cases SET batch_id = ? WHERE id = ?').run(batchId, caseId);
  const paid = db
    .prepare(
      `SELECT sum(p.amount_fen) AS fen, count(*) AS n, max(p.paid_at) AS last FROM payments p JOIN cases c ON c.id = p.case_id JOIN batches b ON b.id = c.batch_id
       WHERE p.case_id = ? AND p.kind = 'confirmed' AND p.paid_at >= coalesce(b.placed_at, '') AND p.paid_at <= coalesce(b.due_back_at, '9999')`,
    )
    .get(caseId) as { fen: number | null; n: number; last: string | null };
  if (paid.n === 0) return;
  db.prepare(
    `INSERT INTO kpi_case (case_id, client_id, batch_id, collector, stage, recovered_fen, recovered_payments, last_paid_day)
     SELECT c.id, c.client_id, c.batch_id, coalesce(c.assigned_to, ''), coalesce(c.stage, ''), @fen, @n, @last FROM cases c WHERE c.id = @caseId
     ON CONFLICT (case_id) DO UPDATE SET recovered_fen = excluded.recovered_fen, recovered_payments = excluded.recovered_payments, last_paid_day = excluded.last_paid_day`,
  ).run({ caseId, fen: paid.fen, n: paid.n, last: paid.last });
  db.prepare(
    `UPDATE kpi_group SET recovered_fen = kpi_group.recovered_fen + @fen, recovered_cases = kpi_group.recovered_cases + 1
     FROM cases c WHERE c.id = @caseId AND kpi_group.client_id = c.client_id AND kpi_group.batch_id = c.batch_id
       AND kpi_group.collector = coalesce(c.assigned_to, '') AND kpi_group.stage = coalesce(c.stage, '')`,
  ).run({ caseId, fen: paid.fen });
}
