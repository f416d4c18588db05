import type BetterSqlite3 from 'better-sqlite3';
import { standardOffsetMinutes } from '../../../../shared/compliance/zoned';
import { add, GROUP_AS, GROUP_OF, IN_GROUP_OF, IN_TERM, RPC } from './kpi-sql';

/**
 * Schema version 6: the daily trend kept current on write, as migration 5 keeps the totals.
 *
 * - `clients.day_shift_minutes`: the client zone's winter offset (standardOffsetMinutes), by which an instant becomes
 *   the client's calendar day in reports; set from the profile's time zone when the client is added or updated.
 * - `kpi_day`: per group (client, batch, collector, stage) and calendar day: cases worked that day, right-party
 *   contacts, promises made, bank-confirmed payments within the placement term (by payment date).
 *
 * An instant that is not a date (never written by the app) counts on no day, as the trend's own range leaves it out.
 * Triggers keep it: an activity (worked counts the case's first activity of that day), a promise, a confirmed payment
 * in the term; a case that changes group takes its days along; a batch whose term changes recounts its payments.
 */
const DAY_COLUMNS = ['worked', 'rpc_contacts', 'promises', 'recovered_fen'];
const shift = (cl: string) => `${cl}.day_shift_minutes || ' minutes'`;

/** One case's contribution per day, for the case row `c` (OLD or NEW) of a trigger. */
const CASE_DAYS = (c: string) => `
  SELECT d.day AS day, sum(d.worked) AS worked, sum(d.rpc) AS rpc_contacts, sum(d.promises) AS promises, sum(d.fen) AS recovered_fen FROM (
    SELECT date(a.started_at, ${shift('cl')}) AS day, 1 AS worked, sum(${RPC('a')}) AS rpc, 0 AS promises, 0 AS fen
      FROM activities a JOIN clients cl ON cl.id = ${c}.client_id WHERE a.case_id = ${c}.id GROUP BY 1
    UNION ALL SELECT date(pr.created_at, ${shift('cl')}), 0, 0, count(*), 0
      FROM promises pr JOIN clients cl ON cl.id = ${c}.client_id WHERE pr.case_id = ${c}.id GROUP BY 1
    UNION ALL SELECT p.paid_at, 0, 0, 0, sum(p.amount_fen)
      FROM payments p JOIN batches b ON b.id = ${c}.batch_id WHERE p.case_id = ${c}.id AND ${IN_TERM('p', 'b')} GROUP BY 1
  ) AS d WHERE d.day IS NOT NULL GROUP BY d.day`;

export const sql = /* sql */ `
ALTER TABLE clients ADD COLUMN day_shift_minutes INTEGER NOT NULL DEFAULT 480;

CREATE TABLE kpi_day (
  client_id     TEXT NOT NULL,
  batch_id      TEXT NOT NULL,
  collector     TEXT NOT NULL,
  stage         TEXT NOT NULL,
  day           TEXT NOT NULL,
  worked        INTEGER NOT NULL DEFAULT 0,
  rpc_contacts  INTEGER NOT NULL DEFAULT 0,
  promises      INTEGER NOT NULL DEFAULT 0,
  recovered_fen INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (client_id, batch_id, collector, stage, day)
) WITHOUT ROWID;

CREATE TRIGGER kpi_day_activity AFTER INSERT ON activities
BEGIN
  INSERT INTO kpi_day (client_id, batch_id, collector, stage, day, worked, rpc_contacts)
  SELECT ${GROUP_OF('c')}, date(NEW.started_at, ${shift('cl')}),
    NOT EXISTS (SELECT 1 FROM activities a WHERE a.case_id = NEW.case_id AND a.id != NEW.id AND date(a.started_at, ${shift('cl')}) = date(NEW.started_at, ${shift('cl')})),
    ${RPC('NEW')}
  FROM cases c JOIN clients cl ON cl.id = c.client_id WHERE c.id = NEW.case_id AND date(NEW.started_at, ${shift('cl')}) IS NOT NULL
  ON CONFLICT DO UPDATE SET worked = worked + excluded.worked, rpc_contacts = rpc_contacts + excluded.rpc_contacts;
END;

CREATE TRIGGER kpi_day_promise AFTER INSERT ON promises
BEGIN
  INSERT INTO kpi_day (client_id, batch_id, collector, stage, day, promises)
  SELECT ${GROUP_OF('c')}, date(NEW.created_at, ${shift('cl')}), 1 FROM cases c JOIN clients cl ON cl.id = c.client_id
  WHERE c.id = NEW.case_id AND date(NEW.created_at, ${shift('cl')}) IS NOT NULL
  ON CONFLICT DO UPDATE SET promises = promises + 1;
END;

CREATE TRIGGER kpi_day_payment AFTER INSERT ON payments
WHEN NEW.kind = 'confirmed' AND EXISTS (SELECT 1 FROM cases c JOIN batches b ON b.id = c.batch_id WHERE c.id = NEW.case_id AND ${IN_TERM('NEW', 'b')})
BEGIN
  INSERT INTO kpi_day (client_id, batch_id, collector, stage, day, recovered_fen)
  SELECT ${GROUP_OF('c')}, NEW.paid_at, NEW.amount_fen FROM cases c WHERE c.id = NEW.case_id
  ON CONFLICT DO UPDATE SET recovered_fen = recovered_fen + excluded.recovered_fen;
END;

CREATE TRIGGER kpi_day_case_moved AFTER UPDATE OF client_id, batch_id, assigned_to, stage ON cases
WHEN OLD.client_id IS NOT NEW.client_id OR OLD.batch_id IS NOT NEW.batch_id OR OLD.assigned_to IS NOT NEW.assigned_to OR OLD.stage IS NOT NEW.stage
BEGIN
  UPDATE kpi_day SET ${add(DAY_COLUMNS, '-', 'x', 'kpi_day')}
  FROM (${CASE_DAYS('OLD')}) AS x
  WHERE ${IN_GROUP_OF('kpi_day', 'OLD')} AND kpi_day.day = x.day;
  INSERT INTO kpi_day (client_id, batch_id, collector, stage, day, ${DAY_COLUMNS.join(', ')})
  SELECT ${GROUP_OF('NEW')}, x.day, ${DAY_COLUMNS.map((col) => `x.${col}`).join(', ')} FROM (${CASE_DAYS('NEW')}) AS x WHERE true
  ON CONFLICT DO UPDATE SET ${add(DAY_COLUMNS, '+', 'excluded')};
END;

CREATE TRIGGER kpi_day_batch_term AFTER UPDATE OF placed_at, due_back_at ON batches
WHEN (OLD.placed_at IS NOT NEW.placed_at OR OLD.due_back_at IS NOT NEW.due_back_at)
  AND EXISTS (SELECT 1 FROM cases c JOIN payments p ON p.case_id = c.id WHERE c.batch_id = NEW.id)
BEGIN
  UPDATE kpi_day SET recovered_fen = 0 WHERE client_id = NEW.client_id AND batch_id = NEW.id;
  INSERT INTO kpi_day (client_id, batch_id, collector, stage, day, recovered_fen)
  SELECT ${GROUP_OF('c')}, p.paid_at, sum(p.amount_fen) FROM payments p JOIN cases c ON c.id = p.case_id
  WHERE c.batch_id = NEW.id AND ${IN_TERM('p', 'NEW')} GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT DO UPDATE SET recovered_fen = excluded.recovered_fen;
END;
`;

/** Fills kpi_day from the rows already there: for every client, or for one. */
export function fillKpiDays(db: BetterSqlite3.Database, clientId?: string): void {
  const clientWhere = clientId === undefined ? '1 = 1' : 'cl.id = @clientId';
  db.prepare(
    `INSERT INTO kpi_day (client_id, batch_id, collector, stage, day, ${DAY_COLUMNS.join(', ')})
     SELECT client_id, batch_id, collector, stage, day, sum(worked), sum(rpc), sum(promises), sum(fen) FROM (
       SELECT ${GROUP_AS('c')}, date(a.started_at, ${shift('cl')}) AS day, count(DISTINCT a.case_id) AS worked, sum(${RPC('a')}) AS rpc, 0 AS promises, 0 AS fen
         FROM activities a JOIN cases c ON c.id = a.case_id JOIN clients cl ON cl.id = c.client_id WHERE ${clientWhere} GROUP BY 1, 2, 3, 4, 5
       UNION ALL SELECT ${GROUP_OF('c')}, date(pr.created_at, ${shift('cl')}), 0, 0, count(*), 0
         FROM promises pr JOIN cases c ON c.id = pr.case_id JOIN clients cl ON cl.id = c.client_id WHERE ${clientWhere} GROUP BY 1, 2, 3, 4, 5
       UNION ALL SELECT ${GROUP_OF('c')}, p.paid_at, 0, 0, 0, sum(p.amount_fen)
         FROM payments p JOIN cases c ON c.id = p.case_id JOIN batches b ON b.id = c.batch_id JOIN clients cl ON cl.id = c.client_id
         WHERE ${IN_TERM('p', 'b')} AND ${clientWhere} GROUP BY 1, 2, 3, 4, 5
     ) AS d WHERE d.day IS NOT NULL GROUP BY 1, 2, 3, 4, 5`,
  ).run(clientId === undefined ? {} : { clientId });
}

/** Sets each client's day shift from its profile's time zone (what reports use), then fills kpi_day. */
export function data(db: BetterSqlite3.Database): void {
  const set = db.prepare('UPDATE clients SET day_shift_minutes = ? WHERE id = ?');
  const clients = db.prepare("SELECT id, coalesce(json_extract(profile_json, '$.timezone'), timezone) AS timezone FROM clients").all() as { id: string; timezone: string }[];
  for (const c of clients) set.run(standardOffsetMinutes(c.timezone), c.id);
  fillKpiDays(db);
}
