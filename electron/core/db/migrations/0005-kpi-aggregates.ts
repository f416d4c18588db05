import { add, CONTACT, GROUP_AS, GROUP_OF, IN_TERM, RPC, SAME_GROUP } from './kpi-sql';

/**
 * Schema version 5: the KPI counts kept current on write, so a dashboard over a million cases reads a few thousand
 * rows instead of scanning millions of activities (measured before: 27–47 s for a lead's totals at 1M cases).
 *
 * - `kpi_case`: per case, what its activities, confirmed payments within the placement term and promises add up to
 *   (absent = nothing yet).
 * - `kpi_group`: per client, batch, collector ('' = unassigned) and stage ('' = none), the KPI counts of DESIGN.md:
 *   cases, placed amount, worked / contacted / right-party-contacted cases, right-party contacts, recovered amount and
 *   cases, promises. A distinct-case count moves when a case's first such activity (or payment) arrives.
 * - `kpi_promise_day`: settled promises (kept, partly kept, broken) per group and due date, so "promises due" (due
 *   before today, or within a period) is a sum over dates.
 *
 * Triggers keep them: a new case joins its group; a case whose group changes (reassigned, new stage, new placed
 * amount) takes everything it counts from the old group to the new one; an activity, a confirmed payment, a promise,
 * a settlement add their share; a batch whose term changes recounts its recoveries.
 * Then the tables are filled from the rows already there. kpi-tables.test.ts checks them against the base rows.
 */
/** what one case counts in its group, from its kpi_case row `k` (absent: nothing) */
const SHARE = (k: string) =>
  `coalesce(${k}.activities, 0) > 0 AS worked, coalesce(${k}.contacts, 0) > 0 AS contacted, coalesce(${k}.rpc_contacts, 0) > 0 AS rpc_cases,
   coalesce(${k}.rpc_contacts, 0) AS rpc_contacts, coalesce(${k}.recovered_fen, 0) AS recovered_fen, coalesce(${k}.recovered_payments, 0) > 0 AS recovered_cases,
   coalesce(${k}.promises, 0) AS promises`;
const SHARE_COLUMNS = ['worked', 'contacted', 'rpc_cases', 'rpc_contacts', 'recovered_fen', 'recovered_cases', 'promises'];
const SETTLED_COLUMNS = ['settled', 'kept', 'promised_fen', 'paid_fen'];
const SETTLED = (pr: string) => `count(*) AS settled, sum(${pr}.status = 'kept') AS kept, sum(${pr}.amount_fen) AS promised_fen, sum(${pr}.paid_fen) AS paid_fen`;

export const sql = /* sql */ `
CREATE TABLE kpi_case (
  case_id            TEXT PRIMARY KEY REFERENCES cases(id),
  activities         INTEGER NOT NULL DEFAULT 0,
  contacts           INTEGER NOT NULL DEFAULT 0,
  rpc_contacts       INTEGER NOT NULL DEFAULT 0,
  recovered_fen      INTEGER NOT NULL DEFAULT 0,
  recovered_payments INTEGER NOT NULL DEFAULT 0,
  promises           INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TABLE kpi_group (
  client_id       TEXT NOT NULL,
  batch_id        TEXT NOT NULL,
  collector       TEXT NOT NULL,
  stage           TEXT NOT NULL,
  cases           INTEGER NOT NULL DEFAULT 0,
  placed_fen      INTEGER NOT NULL DEFAULT 0,
  worked          INTEGER NOT NULL DEFAULT 0,
  contacted       INTEGER NOT NULL DEFAULT 0,
  rpc_cases       INTEGER NOT NULL DEFAULT 0,
  rpc_contacts    INTEGER NOT NULL DEFAULT 0,
  recovered_fen   INTEGER NOT NULL DEFAULT 0,
  recovered_cases INTEGER NOT NULL DEFAULT 0,
  promises        INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (client_id, batch_id, collector, stage)
) WITHOUT ROWID;

CREATE TABLE kpi_promise_day (
  client_id    TEXT NOT NULL,
  batch_id     TEXT NOT NULL,
  collector    TEXT NOT NULL,
  stage        TEXT NOT NULL,
  due_date     TEXT NOT NULL,
  settled      INTEGER NOT NULL DEFAULT 0,
  kept         INTEGER NOT NULL DEFAULT 0,
  promised_fen INTEGER NOT NULL DEFAULT 0,
  paid_fen     INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (client_id, batch_id, collector, stage, due_date)
) WITHOUT ROWID;

CREATE TRIGGER kpi_case_placed AFTER INSERT ON cases
BEGIN
  INSERT INTO kpi_group (client_id, batch_id, collector, stage, cases, placed_fen) VALUES (${GROUP_OF('NEW')}, 1, NEW.placed_amount_fen)
  ON CONFLICT DO UPDATE SET cases = cases + 1, placed_fen = placed_fen + excluded.placed_fen;
END;

CREATE TRIGGER kpi_case_moved AFTER UPDATE OF client_id, batch_id, assigned_to, stage, placed_amount_fen ON cases
WHEN OLD.client_id IS NOT NEW.client_id OR OLD.batch_id IS NOT NEW.batch_id OR OLD.assigned_to IS NOT NEW.assigned_to
  OR OLD.stage IS NOT NEW.stage OR OLD.placed_amount_fen IS NOT NEW.placed_amount_fen
BEGIN
  UPDATE kpi_group SET cases = cases - 1, placed_fen = placed_fen - OLD.placed_amount_fen, ${add(SHARE_COLUMNS, '-', 'x', 'kpi_group')}
  FROM (SELECT ${SHARE('k')} FROM (SELECT 1) LEFT JOIN kpi_case k ON k.case_id = OLD.id) AS x
  WHERE kpi_group.client_id = OLD.client_id AND kpi_group.batch_id = OLD.batch_id AND kpi_group.collector = coalesce(OLD.assigned_to, '') AND kpi_group.stage = coalesce(OLD.stage, '');
  INSERT INTO kpi_group (client_id, batch_id, collector, stage, cases, placed_fen, ${SHARE_COLUMNS.join(', ')})
  SELECT ${GROUP_OF('NEW')}, 1, NEW.placed_amount_fen, ${SHARE_COLUMNS.map((c) => `x.${c}`).join(', ')}
  FROM (SELECT ${SHARE('k')} FROM (SELECT 1) LEFT JOIN kpi_case k ON k.case_id = NEW.id) AS x WHERE true
  ON CONFLICT DO UPDATE SET cases = cases + 1, placed_fen = placed_fen + excluded.placed_fen, ${add(SHARE_COLUMNS, '+', 'excluded')};
  UPDATE kpi_promise_day SET ${add(SETTLED_COLUMNS, '-', 'x', 'kpi_promise_day')}
  FROM (SELECT pr.due_date, ${SETTLED('pr')} FROM promises pr WHERE pr.case_id = OLD.id AND pr.status != 'pending' GROUP BY pr.due_date) AS x
  WHERE kpi_promise_day.client_id = OLD.client_id AND kpi_promise_day.batch_id = OLD.batch_id AND kpi_promise_day.collector = coalesce(OLD.assigned_to, '')
    AND kpi_promise_day.stage = coalesce(OLD.stage, '') AND kpi_promise_day.due_date = x.due_date;
  INSERT INTO kpi_promise_day (client_id, batch_id, collector, stage, due_date, ${SETTLED_COLUMNS.join(', ')})
  SELECT ${GROUP_OF('NEW')}, pr.due_date, ${SETTLED('pr')} FROM promises pr WHERE pr.case_id = NEW.id AND pr.status != 'pending' GROUP BY pr.due_date
  ON CONFLICT DO UPDATE SET ${add(SETTLED_COLUMNS, '+', 'excluded')};
END;

CREATE TRIGGER kpi_activity AFTER INSERT ON activities
BEGIN
  UPDATE kpi_group SET worked = worked + x.first, contacted = contacted + x.first_contact, rpc_cases = rpc_cases + x.first_rpc, rpc_contacts = rpc_contacts + x.rpc
  FROM (SELECT c.client_id, c.batch_id, coalesce(c.assigned_to, '') AS collector, coalesce(c.stage, '') AS stage,
          coalesce(k.activities, 0) = 0 AS first, ${CONTACT('NEW')} AND coalesce(k.contacts, 0) = 0 AS first_contact,
          ${RPC('NEW')} AND coalesce(k.rpc_contacts, 0) = 0 AS first_rpc, ${RPC('NEW')} AS rpc
        FROM cases c LEFT JOIN kpi_case k ON k.case_id = c.id WHERE c.id = NEW.case_id) AS x
  WHERE ${SAME_GROUP('kpi_group', 'x')};
  INSERT INTO kpi_case (case_id, activities, contacts, rpc_contacts) VALUES (NEW.case_id, 1, ${CONTACT('NEW')}, ${RPC('NEW')})
  ON CONFLICT (case_id) DO UPDATE SET activities = activities + 1, contacts = contacts + excluded.contacts, rpc_contacts = rpc_contacts + excluded.rpc_contacts;
END;

CREATE TRIGGER kpi_payment AFTER INSERT ON payments
WHEN NEW.kind = 'confirmed' AND EXISTS (SELECT 1 FROM cases c JOIN batches b ON b.id = c.batch_id WHERE c.id = NEW.case_id AND ${IN_TERM('NEW', 'b')})
BEGIN
  UPDATE kpi_group SET recovered_fen = recovered_fen + NEW.amount_fen, recovered_cases = recovered_cases + x.first
  FROM (SELECT c.client_id, c.batch_id, coalesce(c.assigned_to, '') AS collector, coalesce(c.stage, '') AS stage, coalesce(k.recovered_payments, 0) = 0 AS first
        FROM cases c LEFT JOIN kpi_case k ON k.case_id = c.id WHERE c.id = NEW.case_id) AS x
  WHERE ${SAME_GROUP('kpi_group', 'x')};
  INSERT INTO kpi_case (case_id, recovered_fen, recovered_payments) VALUES (NEW.case_id, NEW.amount_fen, 1)
  ON CONFLICT (case_id) DO UPDATE SET recovered_fen = recovered_fen + excluded.recovered_fen, recovered_payments = recovered_payments + 1;
END;

CREATE TRIGGER kpi_promise AFTER INSERT ON promises
BEGIN
  UPDATE kpi_group SET promises = promises + 1
  FROM (SELECT ${GROUP_AS('c')} FROM cases c WHERE c.id = NEW.case_id) AS x
  WHERE ${SAME_GROUP('kpi_group', 'x')};
  INSERT INTO kpi_case (case_id, promises) VALUES (NEW.case_id, 1) ON CONFLICT (case_id) DO UPDATE SET promises = promises + 1;
  INSERT INTO kpi_promise_day (client_id, batch_id, collector, stage, due_date, ${SETTLED_COLUMNS.join(', ')})
  SELECT ${GROUP_OF('c')}, NEW.due_date, 1, NEW.status = 'kept', NEW.amount_fen, NEW.paid_fen FROM cases c WHERE c.id = NEW.case_id AND NEW.status != 'pending'
  ON CONFLICT DO UPDATE SET ${add(SETTLED_COLUMNS, '+', 'excluded')};
END;

CREATE TRIGGER kpi_promise_settled AFTER UPDATE OF status, paid_fen, amount_fen, due_date, case_id ON promises
WHEN OLD.status IS NOT NEW.status OR OLD.paid_fen IS NOT NEW.paid_fen OR OLD.amount_fen IS NOT NEW.amount_fen OR OLD.due_date IS NOT NEW.due_date OR OLD.case_id IS NOT NEW.case_id
BEGIN
  UPDATE kpi_promise_day SET settled = settled - 1, kept = kept - (OLD.status = 'kept'), promised_fen = promised_fen - OLD.amount_fen, paid_fen = paid_fen - OLD.paid_fen
  FROM (SELECT ${GROUP_AS('c')} FROM cases c WHERE c.id = OLD.case_id) AS x
  WHERE OLD.status != 'pending' AND ${SAME_GROUP('kpi_promise_day', 'x')} AND kpi_promise_day.due_date = OLD.due_date;
  INSERT INTO kpi_promise_day (client_id, batch_id, collector, stage, due_date, ${SETTLED_COLUMNS.join(', ')})
  SELECT ${GROUP_OF('c')}, NEW.due_date, 1, NEW.status = 'kept', NEW.amount_fen, NEW.paid_fen FROM cases c WHERE c.id = NEW.case_id AND NEW.status != 'pending'
  ON CONFLICT DO UPDATE SET ${add(SETTLED_COLUMNS, '+', 'excluded')};
END;

CREATE TRIGGER kpi_batch_term AFTER UPDATE OF placed_at, due_back_at ON batches
WHEN (OLD.placed_at IS NOT NEW.placed_at OR OLD.due_back_at IS NOT NEW.due_back_at)
  AND EXISTS (SELECT 1 FROM cases c JOIN payments p ON p.case_id = c.id WHERE c.batch_id = NEW.id)
BEGIN
  UPDATE kpi_case SET recovered_fen = 0, recovered_payments = 0 WHERE case_id IN (SELECT id FROM cases WHERE batch_id = NEW.id);
  INSERT INTO kpi_case (case_id, recovered_fen, recovered_payments)
  SELECT p.case_id, sum(p.amount_fen), count(*) FROM payments p JOIN cases c ON c.id = p.case_id WHERE c.batch_id = NEW.id AND ${IN_TERM('p', 'NEW')} GROUP BY p.case_id
  ON CONFLICT (case_id) DO UPDATE SET recovered_fen = excluded.recovered_fen, recovered_payments = excluded.recovered_payments;
  UPDATE kpi_group SET recovered_fen = x.fen, recovered_cases = x.n
  FROM (SELECT ${GROUP_AS('c')}, sum(coalesce(k.recovered_fen, 0)) AS fen, sum(coalesce(k.recovered_payments, 0) > 0) AS n
        FROM cases c LEFT JOIN kpi_case k ON k.case_id = c.id WHERE c.batch_id = NEW.id GROUP BY 1, 2, 3, 4) AS x
  WHERE ${SAME_GROUP('kpi_group', 'x')};
END;

INSERT INTO kpi_case (case_id, activities, contacts, rpc_contacts)
SELECT a.case_id, count(*), sum(${CONTACT('a')}), sum(${RPC('a')}) FROM activities a GROUP BY a.case_id;
INSERT INTO kpi_case (case_id, recovered_fen, recovered_payments)
SELECT p.case_id, sum(p.amount_fen), count(*) FROM payments p JOIN cases c ON c.id = p.case_id JOIN batches b ON b.id = c.batch_id WHERE ${IN_TERM('p', 'b')} GROUP BY p.case_id
ON CONFLICT (case_id) DO UPDATE SET recovered_fen = excluded.recovered_fen, recovered_payments = excluded.recovered_payments;
INSERT INTO kpi_case (case_id, promises) SELECT pr.case_id, count(*) FROM promises pr GROUP BY pr.case_id
ON CONFLICT (case_id) DO UPDATE SET promises = excluded.promises;
INSERT INTO kpi_group (client_id, batch_id, collector, stage, cases, placed_fen, ${SHARE_COLUMNS.join(', ')})
SELECT ${GROUP_OF('c')}, count(*), sum(c.placed_amount_fen), sum(coalesce(k.activities, 0) > 0), sum(coalesce(k.contacts, 0) > 0), sum(coalesce(k.rpc_contacts, 0) > 0),
  sum(coalesce(k.rpc_contacts, 0)), sum(coalesce(k.recovered_fen, 0)), sum(coalesce(k.recovered_payments, 0) > 0), sum(coalesce(k.promises, 0))
FROM cases c LEFT JOIN kpi_case k ON k.case_id = c.id GROUP BY 1, 2, 3, 4;
INSERT INTO kpi_promise_day (client_id, batch_id, collector, stage, due_date, ${SETTLED_COLUMNS.join(', ')})
SELECT ${GROUP_OF('c')}, pr.due_date, ${SETTLED('pr')} FROM promises pr JOIN cases c ON c.id = pr.case_id WHERE pr.status != 'pending' GROUP BY 1, 2, 3, 4, 5;
`;
