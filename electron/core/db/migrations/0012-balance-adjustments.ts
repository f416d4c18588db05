/**
 * Schema version 12: changes of a case's balance the bank made that are no payment — a waiver (减免) of interest or
 * fees, say. One lowers the balance (to 0 at most) but is no recovery: no report, commission or KPI table counts it.
 * Its transaction reference is taken once per client, as a payment's is, so the same file twice does not lower the
 * balance twice.
 */
export const sql = /* sql */ `
CREATE TABLE balance_adjustments (
  id          TEXT PRIMARY KEY,
  client_id   TEXT NOT NULL REFERENCES clients(id),
  case_id     TEXT NOT NULL REFERENCES cases(id),
  txn_ref     TEXT NOT NULL,
  txn_type    TEXT,
  amount_fen  INTEGER NOT NULL,
  applied_fen INTEGER NOT NULL,
  adjusted_at TEXT NOT NULL,
  import_id   TEXT REFERENCES import_files(id),
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL REFERENCES users(id)
);
CREATE UNIQUE INDEX balance_adjustments_ref ON balance_adjustments(client_id, txn_ref);
CREATE INDEX balance_adjustments_case ON balance_adjustments(case_id, adjusted_at);
`;
