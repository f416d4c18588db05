import { CONTACT, IN_TERM, RPC } from './kpi-sql';

/**
 * Schema version 8: when each case was last worked, contacted, reached and paid, and which group it is in, kept in
 * kpi_case. A period that runs to today counts the distinct cases worked (contacted, reached, paid) in it as the cases
 * whose last such event falls in it: a sum over kpi_case instead of every activity of the period (a lead's last 7 days
 * over 600k cases: ~3.7 s before). kpi-report uses it only when nothing in the store is dated after the period.
 *
 * Every kpi_case row carries the group of its case (client, batch, collector, stage), set when the row is written and
 * moved with the case. The triggers upsert the row themselves, so they work whichever of them SQLite runs first.
 */
const GROUP_COLS = 'client_id, batch_id, collector, stage';
const CASE_GROUP = `c.client_id, c.batch_id, coalesce(c.assigned_to, ''), coalesce(c.stage, '')`;
const max = (col: string, value: string) => `CASE WHEN ${col} IS NULL OR ${value} > ${col} THEN ${value} ELSE ${col} END`;

export const sql = /* sql */ `
ALTER TABLE kpi_case ADD COLUMN client_id TEXT;
ALTER TABLE kpi_case ADD COLUMN batch_id TEXT;
ALTER TABLE kpi_case ADD COLUMN collector TEXT;
ALTER TABLE kpi_case ADD COLUMN stage TEXT;
ALTER TABLE kpi_case ADD COLUMN last_activity_at TEXT;
ALTER TABLE kpi_case ADD COLUMN last_contact_at TEXT;
ALTER TABLE kpi_case ADD COLUMN last_rpc_at TEXT;
ALTER TABLE kpi_case ADD COLUMN last_paid_day TEXT;

CREATE TRIGGER kpi_recent_activity AFTER INSERT ON activities
BEGIN
  INSERT INTO kpi_case (case_id, ${GROUP_COLS}, last_activity_at, last_contact_at, last_rpc_at)
  SELECT c.id, ${CASE_GROUP}, NEW.started_at, CASE WHEN ${CONTACT('NEW')} THEN NEW.started_at END, CASE WHEN ${RPC('NEW')} THEN NEW.started_at END
  FROM cases c WHERE c.id = NEW.case_id
  ON CONFLICT (case_id) DO UPDATE SET client_id = excluded.client_id, batch_id = excluded.batch_id, collector = excluded.collector, stage = excluded.stage,
    last_activity_at = ${max('last_activity_at', 'excluded.last_activity_at')},
    last_contact_at = CASE WHEN excluded.last_contact_at IS NULL THEN last_contact_at ELSE ${max('last_contact_at', 'excluded.last_contact_at')} END,
    last_rpc_at = CASE WHEN excluded.last_rpc_at IS NULL THEN last_rpc_at ELSE ${max('last_rpc_at', 'excluded.last_rpc_at')} END;
END;

CREATE TRIGGER kpi_recent_payment AFTER INSERT ON payments
WHEN NEW.kind = 'confirmed' AND EXISTS (SELECT 1 FROM cases c JOIN batches b ON b.id = c.batch_id WHERE c.id = NEW.case_id AND ${IN_TERM('NEW', 'b')})
BEGIN
  INSERT INTO kpi_case (case_id, ${GROUP_COLS}, last_paid_day) SELECT c.id, ${CASE_GROUP}, NEW.paid_at FROM cases c WHERE c.id = NEW.case_id
  ON CONFLICT (case_id) DO UPDATE SET client_id = excluded.client_id, batch_id = excluded.batch_id, collector = excluded.collector, stage = excluded.stage,
    last_paid_day = ${max('last_paid_day', 'excluded.last_paid_day')};
END;

CREATE TRIGGER kpi_recent_promise AFTER INSERT ON promises
BEGIN
  INSERT INTO kpi_case (case_id, ${GROUP_COLS}) SELECT c.id, ${CASE_GROUP} FROM cases c WHERE c.id = NEW.case_id
  ON CONFLICT (case_id) DO UPDATE SET client_id = excluded.client_id, batch_id = excluded.batch_id, collector = excluded.collector, stage = excluded.stage;
END;

CREATE TRIGGER kpi_recent_case_moved AFTER UPDATE OF client_id, batch_id, assigned_to, stage ON cases
WHEN OLD.client_id IS NOT NEW.client_id OR OLD.batch_id IS NOT NEW.batch_id OR OLD.assigned_to IS NOT NEW.assigned_to OR OLD.stage IS NOT NEW.stage
BEGIN
  UPDATE kpi_case SET client_id = NEW.client_id, batch_id = NEW.batch_id, collector = coalesce(NEW.assigned_to, ''), stage = coalesce(NEW.stage, '')
  WHERE case_id = NEW.id;
END;

CREATE TRIGGER kpi_recent_batch_term AFTER UPDATE OF placed_at, due_back_at ON batches
WHEN (OLD.placed_at IS NOT NEW.placed_at OR OLD.due_back_at IS NOT NEW.due_back_at)
  AND EXISTS (SELECT 1 FROM cases c JOIN payments p ON p.case_id = c.id WHERE c.batch_id = NEW.id)
BEGIN
  UPDATE kpi_case SET last_paid_day = (SELECT max(p.paid_at) FROM payments p WHERE p.case_id = kpi_case.case_id AND ${IN_TERM('p', 'NEW')})
  WHERE case_id IN (SELECT id FROM cases WHERE batch_id = NEW.id);
END;

UPDATE kpi_case SET (${GROUP_COLS}) = (SELECT ${CASE_GROUP} FROM cases c WHERE c.id = kpi_case.case_id);
UPDATE kpi_case SET (last_activity_at, last_contact_at, last_rpc_at) = (
  SELECT max(a.started_at), max(CASE WHEN ${CONTACT('a')} THEN a.started_at END), max(CASE WHEN ${RPC('a')} THEN a.started_at END)
  FROM activities a WHERE a.case_id = kpi_case.case_id);
UPDATE kpi_case SET last_paid_day = (
  SELECT max(p.paid_at) FROM payments p JOIN cases c ON c.id = p.case_id JOIN batches b ON b.id = c.batch_id WHERE p.case_id = kpi_case.case_id AND ${IN_TERM('p', 'b')});

-- covering: a collector's cases are a range; a lead's whole client is read from the index alone
CREATE INDEX kpi_case_recent ON kpi_case(client_id, collector, last_activity_at, last_contact_at, last_rpc_at, batch_id, stage);
CREATE INDEX kpi_case_paid ON kpi_case(client_id, collector, last_paid_day, batch_id, stage) WHERE last_paid_day IS NOT NULL;
`;
