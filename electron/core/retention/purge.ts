import { addDays } from '../../../shared/compliance/zoned';
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

function retentionDays(db: Db, code: string): number {
  const client = getClient(db, code);
  if (client.profile.retention) return client.profile.retention.purgeAfterDays;
  const pi = rulePack(client.profile.rulePack).rules.find((r) => r.id === 'CN-PI');
  const days = pi?.params.purgeAfterDays;
  return typeof days === 'number' ? days : 90;
}

/**
 * Purges the personal data of cases whose retention has run out (after the last recall of a case still recalled — a
 * case placed again is not — or after its batch's due-back
 * date): the debtor's name, ID number, phones, addresses and employer, the contact persons, and the phones and
 * notes of activities; the non-personal figures the KPIs need (amounts, dates, result codes) stay. A debtor is
 * purged once all their cases are due. One audit entry per case (ids only), then VACUUM and a WAL truncation so the
 * bytes are gone from the file, not only from the tables.
 */
export function purgeExpired(db: Db, actor: Actor, today: string, now: string, opts: { vacuum?: boolean } = {}): PurgeResult {
  if (actor.role !== 'admin' && actor.via !== 'system') throw new CoreError('forbidden', 'Only an admin can purge data.');
  const result: PurgeResult = { cases: 0, debtors: 0, vacuumed: false };
  db.pragma('secure_delete = ON');
  db.transaction(() => {
    for (const client of listClients(db)) {
      const cutoff = addDays(today, -retentionDays(db, client.code));
      const due = db
        .prepare(
          `SELECT c.id AS caseId, c.debtor_id AS debtorId, c.case_no AS caseNo FROM cases c JOIN batches b ON b.id = c.batch_id JOIN debtors d ON d.id = c.debtor_id
           WHERE c.client_id = ? AND d.purged_at IS NULL AND (
             (c.status = 'recalled' AND (SELECT max(r.recalled_at) FROM recalls r WHERE r.case_id = c.id) <= ?)
             OR (b.due_back_at IS NOT NULL AND b.due_back_at <= ?))`,
        )
        .all(client.id, cutoff, cutoff) as { caseId: string; debtorId: string; caseNo: string }[];
      const byDebtor = new Map<string, { caseId: string; caseNo: string }[]>();
      for (const d of due) byDebtor.set(d.debtorId, [...(byDebtor.get(d.debtorId) ?? []), d]);
      for (const [debtorId, cases] of byDebtor) {
        const all = (db.prepare('SELECT count(*) AS n FROM cases WHERE debtor_id = ?').get(debtorId) as { n: number }).n;
        if (all !== cases.length) continue;
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
