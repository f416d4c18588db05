import { addDays } from '../../../shared/compliance/zoned';
import type { ClientProfile } from '../../../shared/profile/schema';
import { appendAudit } from '../audit/audit';
import type { Actor } from '../auth/actor';
import { getClient, listClients } from '../clients/clients';
import { rulePack } from '../compliance/packs';
import type { Db } from '../db/open';
import { CoreError } from '../errors';

export interface PurgeResult {
  cases: number;
  debtors: number;
  vacuumed: boolean;
}

/** The retention of a client whose profile sets none: its rule pack's (CN-PI), else 90 days. */
export function defaultRetentionDays(pack: ClientProfile['rulePack']): number {
  const pi = rulePack(pack).rules.find((r) => r.id === 'CN-PI');
  const days = pi?.params.purgeAfterDays;
  return typeof days === 'number' ? days : 90;
}

function retentionDays(db: Db, code: string): number {
  const client = getClient(db, code);
  return client.profile.retention ? client.profile.retention.purgeAfterDays : defaultRetentionDays(client.profile.rulePack);
}

/**
 * Purges the personal data of cases whose retention has run out (after the last recall of a case still recalled — a
 * case placed again is not — or after its batch's due-back
 * date): the debtor's name, ID number, phones, addresses and employer, the contact persons, and the phones and
 * notes of activities; the non-personal figures the KPIs need (amounts, dates, result codes) stay. A debtor is
 * purged once all their cases are due. One audit entry per case (ids only), then VACUUM and a WAL truncation so the
 * bytes are gone from the file, not only from the tables.
 */
interface DueCase {
  caseId: string;
  debtorId: string;
  caseNo: string;
  batchId: string;
}

/**
 * A client's cases due for purging as of `today`, by debtor: `purge` — debtors all of whose cases are due (their data
 * goes); `held` — due cases of debtors who still have a case that is not (nothing of theirs goes yet).
 */
function dueOf(db: Db, clientId: string, cutoff: string): { purge: Map<string, DueCase[]>; held: Map<string, DueCase[]> } {
  const due = db
    .prepare(
      `SELECT c.id AS caseId, c.debtor_id AS debtorId, c.case_no AS caseNo, c.batch_id AS batchId FROM cases c JOIN batches b ON b.id = c.batch_id JOIN debtors d ON d.id = c.debtor_id
       WHERE c.client_id = ? AND d.purged_at IS NULL AND (
         (c.status = 'recalled' AND (SELECT max(r.recalled_at) FROM recalls r WHERE r.case_id = c.id) <= ?)
         OR (b.due_back_at IS NOT NULL AND b.due_back_at <= ?))`,
    )
    .all(clientId, cutoff, cutoff) as DueCase[];
  const byDebtor = new Map<string, DueCase[]>();
  for (const d of due) byDebtor.set(d.debtorId, [...(byDebtor.get(d.debtorId) ?? []), d]);
  const purge = new Map<string, DueCase[]>();
  const held = new Map<string, DueCase[]>();
  const countOf = db.prepare('SELECT count(*) FROM cases WHERE debtor_id = ?').pluck();
  for (const [debtorId, cases] of byDebtor) (countOf.get(debtorId) === cases.length ? purge : held).set(debtorId, cases);
  return { purge, held };
}

export interface PurgePreview {
  /** the agency day the retention is counted to */
  today: string;
  cases: number;
  debtors: number;
  /** the cases to purge by client and batch, the largest first */
  byBatch: { clientCode: string; clientName: string; batchId: string; batchNo: string | null; fileName: string; cases: number }[];
  /** due cases whose debtor still has a case that is not due: kept whole until all are */
  held: { cases: number; debtors: number };
  /** each client's retention and the day it reaches back to */
  retention: { clientCode: string; clientName: string; purgeAfterDays: number; cutoff: string }[];
}

/** What purgeExpired would do today, without doing it: the irreversible step is taken only after this is shown. */
export function previewPurge(db: Db, actor: Actor, today: string): PurgePreview {
  if (actor.role !== 'admin') throw new CoreError('forbidden', 'Only an admin can purge data.');
  const out: PurgePreview = { today, cases: 0, debtors: 0, byBatch: [], held: { cases: 0, debtors: 0 }, retention: [] };
  const batchOf = db.prepare('SELECT batch_no AS batchNo, file_name AS fileName FROM batches WHERE id = ?');
  db.transaction(() => {
    for (const client of listClients(db)) {
      const purgeAfterDays = retentionDays(db, client.code);
      const cutoff = addDays(today, -purgeAfterDays);
      out.retention.push({ clientCode: client.code, clientName: client.name, purgeAfterDays, cutoff });
      const { purge, held } = dueOf(db, client.id, cutoff);
      const perBatch = new Map<string, number>();
      for (const cases of purge.values()) {
        out.debtors++;
        for (const c of cases) {
          out.cases++;
          perBatch.set(c.batchId, (perBatch.get(c.batchId) ?? 0) + 1);
        }
      }
      for (const cases of held.values()) {
        out.held.debtors++;
        out.held.cases += cases.length;
      }
      for (const [batchId, cases] of perBatch) {
        const b = batchOf.get(batchId) as { batchNo: string | null; fileName: string };
        out.byBatch.push({ clientCode: client.code, clientName: client.name, batchId, batchNo: b.batchNo, fileName: b.fileName, cases });
      }
    }
  }).deferred();
  out.byBatch.sort((a, b) => b.cases - a.cases || a.clientCode.localeCompare(b.clientCode) || a.fileName.localeCompare(b.fileName));
  return out;
}

/**
 * Purges the personal data of cases whose retention has run out (after the last recall of a case still recalled — a
 * case placed again is not — or after its batch's due-back
 * date): the debtor's name, ID number, phones, addresses and employer, the contact persons, and the phones and
 * notes of activities; the non-personal figures the KPIs need (amounts, dates, result codes) stay. A debtor is
 * purged once all their cases are due. One audit entry per case (ids only), then VACUUM and a WAL truncation so the
 * bytes are gone from the file, not only from the tables. With `expectCases` (the count a preview showed), a store
 * where another number is due now is refused (`conflict`) and nothing is purged.
 */
export function purgeExpired(db: Db, actor: Actor, today: string, now: string, opts: { vacuum?: boolean; expectCases?: number } = {}): PurgeResult {
  if (actor.role !== 'admin' && actor.via !== 'system') throw new CoreError('forbidden', 'Only an admin can purge data.');
  const result: PurgeResult = { cases: 0, debtors: 0, vacuumed: false };
  db.pragma('secure_delete = ON');
  db.transaction(() => {
    const plan = listClients(db).map((client) => ({ client, ...dueOf(db, client.id, addDays(today, -retentionDays(db, client.code))) }));
    const due = plan.reduce((n, p) => n + [...p.purge.values()].reduce((m, cases) => m + cases.length, 0), 0);
    if (opts.expectCases !== undefined && due !== opts.expectCases) {
      throw new CoreError('conflict', `${due} cases are due for purging now, not the ${opts.expectCases} shown: look at the preview again.`, { due, expected: opts.expectCases });
    }
    for (const { client, purge } of plan) {
      for (const [debtorId, cases] of purge) {
        purgeDebtor(db, client.id, debtorId, cases, now);
        result.debtors++;
        for (const c of cases) {
          appendAudit(db, { actorId: actor.via === 'system' ? null : actor.id, via: actor.via, action: 'case.purge', entity: 'case', entityId: c.caseId, details: { fields: ['debtor', 'contact_persons', 'activity.phone', 'activity.notes', 'case.remarks'] } }, now);
          result.cases++;
        }
      }
      db.prepare(`UPDATE batches SET status = 'purged' WHERE client_id = ? AND status != 'purged' AND NOT EXISTS (
        SELECT 1 FROM cases c JOIN debtors d ON d.id = c.debtor_id WHERE c.batch_id = batches.id AND d.purged_at IS NULL)`).run(client.id);
    }
  })();
  if (result.cases > 0 && opts.vacuum !== false) {
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
    result.vacuumed = true;
  }
  return result;
}

function purgeDebtor(db: Db, clientId: string, debtorId: string, cases: { caseId: string; caseNo: string }[], now: string): void {
  db.prepare(`UPDATE activities SET phone = NULL, notes = NULL, override_reason = NULL, recording_ref = NULL, contact_person_id = NULL WHERE debtor_id = ?`).run(debtorId);
  db.prepare('DELETE FROM contact_persons WHERE debtor_id = ?').run(debtorId);
  db.prepare(
    `UPDATE debtors SET name = NULL, id_type = NULL, id_number = NULL, gender = NULL, birth_date = NULL, mobile = NULL, home_address = NULL, work_address = NULL,
       registered_address = NULL, employer = NULL, consent_window_start = NULL, consent_window_end = NULL, consent_valid_until = NULL, purged_at = ?, updated_at = ? WHERE id = ?`,
  ).run(now, now, debtorId);
  for (const c of cases) {
    db.prepare('UPDATE cases SET remarks = NULL, account_masked = NULL, updated_at = ? WHERE id = ?').run(now, c.caseId);
    db.prepare('UPDATE recalls SET purged_at = ? WHERE case_id = ?').run(now, c.caseId);
    db.prepare('DELETE FROM import_rejects WHERE case_no = ? AND import_id IN (SELECT id FROM import_files WHERE client_id = ?)').run(c.caseNo, clientId);
    // What the bank was sent keeps its ids and codes; the notes go.
    db.prepare(`UPDATE outbox SET payload = json_remove(payload, '$.notes') WHERE entity = 'activity' AND entity_id IN (SELECT id FROM activities WHERE case_id = ?)`).run(c.caseId);
  }
}
