import type BetterSqlite3 from 'better-sqlite3';
import { uuidv7 } from '../../../shared/domain/ids';
import type { Db } from '../db/open';

type Stmt = BetterSqlite3.Statement;

/** The prepared inserts the demo generator writes with (created_at filled in by the statement). */
export interface Ids {
  id(at?: number): string;
  debtor: Stmt;
  contact: Stmt;
  case_: Stmt;
  activity: Stmt;
  promise: Stmt;
  payment: Stmt;
  plan: Stmt;
  finish: Stmt;
  lastPlacedFen: number;
}

export function insertStatements(db: Db): Ids {
  const now = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
  return {
    id: (at?: number) => uuidv7(at),
    debtor: db.prepare(`INSERT INTO debtors (id, client_id, name, id_type, id_number, gender, birth_date, mobile, home_address, employer, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${now}, ?, ${now})`),
    contact: db.prepare(`INSERT INTO contact_persons (id, debtor_id, relation, name, phone, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ${now}, ?, ${now})`),
    case_: db.prepare(
      `INSERT INTO cases (id, client_id, batch_id, debtor_id, case_no, product, account_masked, placed_amount_fen, balance_fen, overdue_days, stage, assigned_to, assigned_at, status, next_action_at, created_at, created_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${now}, ?, ${now})`,
    ),
    activity: db.prepare(
      `INSERT INTO activities (id, case_id, debtor_id, collector_id, channel, party, contact_person_id, phone, started_at, recorded_at, duration_s, result_code, disclosures, notes, created_by)
       VALUES (?, ?, ?, ?, 'call', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    promise: db.prepare(`INSERT INTO promises (id, case_id, activity_id, amount_fen, due_date, status, paid_fen, settled_at, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    payment: db.prepare(`INSERT INTO payments (id, client_id, case_id, kind, txn_ref, amount_fen, paid_at, channel, created_at, created_by) VALUES (?, ?, ?, 'confirmed', ?, ?, ?, ?, ${now}, ?)`),
    plan: db.prepare(`INSERT INTO plans (id, case_id, kind, schedule, waiver_fen, status, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ${now}, ?)`),
    finish: db.prepare('UPDATE cases SET balance_fen = ?, status = ?, next_action_at = ? WHERE id = ?'),
    lastPlacedFen: 0,
  };
}
