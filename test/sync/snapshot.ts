import type { Db } from '../../electron/core/db/open';

/**
 * What an import leaves in the store for one client, without ids, times or file names: the cases with their
 * debtors and contact persons, the batches, payments, recalls, promises and the rejected rows (by case, field and
 * code: a file numbers rows as Excel does, a pull by the bank's sequence).
 */
export function storeSnapshot(db: Db, clientCode: string): Record<string, unknown[]> {
  const all = (sql: string): unknown[] => db.prepare(sql).all(clientCode);
  const client = 'SELECT id FROM clients WHERE code = ?';
  return {
    cases: all(
      `SELECT c.case_no, c.product, c.account_masked, c.currency, c.principal_fen, c.interest_fen, c.fees_fen, c.placed_amount_fen, c.balance_fen, c.overdue_days,
              c.stage, c.last_payment_at, c.last_payment_fen, c.status, c.remarks, c.flags,
              d.name, d.id_type, d.id_number, d.gender, d.birth_date, d.mobile, d.home_address, d.work_address, d.registered_address, d.employer,
              b.batch_no, b.placed_at, b.due_back_at, b.hand
       FROM cases c JOIN debtors d ON d.id = c.debtor_id JOIN batches b ON b.id = c.batch_id WHERE c.client_id = (${client}) ORDER BY c.case_no`,
    ),
    contacts: all(
      `SELECT c.case_no, p.relation, p.name, p.phone, p.source, p.status FROM contact_persons p JOIN debtors d ON d.id = p.debtor_id JOIN cases c ON c.debtor_id = d.id
       WHERE c.client_id = (${client}) ORDER BY c.case_no, p.phone, p.relation, p.name`,
    ),
    batches: all(`SELECT batch_no, placed_at, due_back_at, hand, case_count, placed_total_fen, status FROM batches WHERE client_id = (${client}) AND case_count > 0 ORDER BY batch_no, placed_at`),
    payments: all(`SELECT c.case_no, p.kind, p.txn_ref, p.amount_fen, p.paid_at, p.channel FROM payments p JOIN cases c ON c.id = p.case_id WHERE p.client_id = (${client}) ORDER BY p.txn_ref`),
    recalls: all(`SELECT c.case_no, r.recalled_at, r.reason FROM recalls r JOIN cases c ON c.id = r.case_id WHERE r.client_id = (${client}) ORDER BY c.case_no`),
    promises: all(`SELECT c.case_no, p.amount_fen, p.due_date, p.status, p.paid_fen FROM promises p JOIN cases c ON c.id = p.case_id WHERE c.client_id = (${client}) ORDER BY c.case_no`),
    rejected: all(
      `SELECT f.kind, r.case_no, r.field, r.code FROM import_rejects r JOIN import_files f ON f.id = r.import_id WHERE f.client_id = (${client}) ORDER BY f.kind, r.case_no, r.field, r.code`,
    ),
  };
}
