import { uuidv7 } from '../../shared/domain/ids';
import type { Db } from '../../electron/core/db/open';

/** Inserts a client, a batch and cases straight into the store, for tests of code that reads them. */
export function seedCases(db: Db, createdBy: string, cases: { caseNo: string; debtorName: string; balanceFen: number; assignedTo: string | null }[]): void {
  const now = '2026-11-01T00:00:00.000Z';
  const clientId = uuidv7();
  const batchId = uuidv7();
  db.transaction(() => {
    db.prepare(`INSERT INTO clients (id, code, name, profile_json, created_at, created_by, updated_at) VALUES (?, 'bank-t', '测试银行', '{}', ?, ?, ?)`).run(clientId, now, createdBy, now);
    db.prepare(`INSERT INTO batches (id, client_id, batch_no, file_name, sha256, imported_at, created_by) VALUES (?, ?, 'B1', 'seed.csv', 'x', ?, ?)`).run(batchId, clientId, now, createdBy);
    for (const c of cases) {
      const debtorId = uuidv7();
      db.prepare(`INSERT INTO debtors (id, client_id, name, mobile, id_number, created_at, created_by, updated_at) VALUES (?, ?, ?, '13800138000', '110101199003077777', ?, ?, ?)`).run(debtorId, clientId, c.debtorName, now, createdBy, now);
      db.prepare(
        `INSERT INTO cases (id, client_id, batch_id, debtor_id, case_no, placed_amount_fen, balance_fen, assigned_to, created_at, created_by, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(uuidv7(), clientId, batchId, debtorId, c.caseNo, c.balanceFen, c.balanceFen, c.assignedTo, now, createdBy, now);
    }
  })();
}
