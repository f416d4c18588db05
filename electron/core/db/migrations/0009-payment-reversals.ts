import { IN_TERM } from './kpi-sql';

/**
 * Schema version 9: payments the bank reverses (冲正). A reversed payment leaves `payments` for `payment_reversals`,
 * whole, with the reversal's own reference and day: so every count of recoveries — the reports, the drill-downs, a
 * case moved to another batch, a batch's term changed (the kpi_*_batch_term triggers recount from `payments`) — no
 * longer sees it, without a change to any of them, and the payment stays on record. Leaving `payments` takes its
 * amount back out of the KPI tables (kpi_payment_reversed), as kpi_payment put it in.
 */
export const sql = /* sql */ `
CREATE TABLE payment_reversals (
  id                 TEXT PRIMARY KEY,
  client_id          TEXT NOT NULL REFERENCES clients(id),
  case_id            TEXT NOT NULL REFERENCES cases(id),
  kind               TEXT NOT NULL,
  txn_ref            TEXT,
  amount_fen         INTEGER NOT NULL,
  paid_at            TEXT NOT NULL,
  channel            TEXT,
  import_id          TEXT REFERENCES import_files(id),
  created_at         TEXT NOT NULL,
  created_by         TEXT NOT NULL REFERENCES users(id),
  reversal_ref       TEXT NOT NULL,
  reversed_at        TEXT NOT NULL,
  reversal_import_id TEXT REFERENCES import_files(id),
  reversal_created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX payment_reversals_ref ON payment_reversals(client_id, reversal_ref);
CREATE INDEX payment_reversals_txn ON payment_reversals(client_id, txn_ref);
CREATE INDEX payment_reversals_case ON payment_reversals(case_id, paid_at);

CREATE TRIGGER kpi_payment_reversed AFTER DELETE ON payments
WHEN OLD.kind = 'confirmed' AND EXISTS (SELECT 1 FROM cases c JOIN batches b ON b.id = c.batch_id WHERE c.id = OLD.case_id AND ${IN_TERM('OLD', 'b')})
BEGIN
  UPDATE kpi_group SET recovered_fen = recovered_fen - OLD.amount_fen, recovered_cases = recovered_cases - x.last
  FROM (SELECT c.client_id, c.batch_id, coalesce(c.assigned_to, '') AS collector, coalesce(c.stage, '') AS stage, coalesce(k.recovered_payments, 0) = 1 AS last
        FROM cases c LEFT JOIN kpi_case k ON k.case_id = c.id WHERE c.id = OLD.case_id) AS x
  WHERE kpi_group.client_id = x.client_id AND kpi_group.batch_id = x.batch_id AND kpi_group.collector = x.collector AND kpi_group.stage = x.stage;
  UPDATE kpi_day SET recovered_fen = recovered_fen - OLD.amount_fen
  FROM (SELECT c.client_id, c.batch_id, coalesce(c.assigned_to, '') AS collector, coalesce(c.stage, '') AS stage FROM cases c WHERE c.id = OLD.case_id) AS x
  WHERE kpi_day.client_id = x.client_id AND kpi_day.batch_id = x.batch_id AND kpi_day.collector = x.collector AND kpi_day.stage = x.stage AND kpi_day.day = OLD.paid_at;
  UPDATE kpi_case SET recovered_fen = recovered_fen - OLD.amount_fen, recovered_payments = recovered_payments - 1,
    last_paid_day = (SELECT max(p.paid_at) FROM payments p JOIN cases c ON c.id = p.case_id JOIN batches b ON b.id = c.batch_id WHERE p.case_id = OLD.case_id AND ${IN_TERM('p', 'b')})
  WHERE case_id = OLD.case_id;
END;
`;
