import type { CaseDetail } from '../../../shared/contract/workbench';
import { isConnected, type ResultCode } from '../../../shared/compliance/types';
import { daysBetween, localDay } from '../../../shared/compliance/zoned';
import { maskIdNumber, maskName, maskPhone, maskAddress } from '../../../shared/domain/masking';
import { canSeeAllCases } from '../../../shared/domain/roles';
import type { Actor } from '../auth/actor';
import { getClient } from '../clients/clients';
import type { Db } from '../db/open';
import { CoreError } from '../errors';

interface Row {
  id: string; case_no: string; client_code: string; product: string | null; account_masked: string | null; currency: string;
  placed_amount_fen: number; balance_fen: number; principal_fen: number | null; overdue_days: number | null; stage: string | null;
  last_payment_at: string | null; last_payment_fen: number | null; remarks: string | null;
  status: string; flags: string; assigned_to: string | null; next_action_at: string | null; debtor_id: string;
  batch_id: string; batch_no: string | null; placed_at: string | null; due_back_at: string | null;
  name: string | null; id_number: string | null; gender: string | null; birth_date: string | null; mobile: string | null;
  employer: string | null; home_address: string | null; debtor_tz: string | null;
}

/** The case row as the actor may reach it: a collector only their own (enforced here). */
export function caseRowForActor(db: Db, actor: Actor, caseId: string): Row {
  const row = db
    .prepare(
      `SELECT c.id, c.case_no, cl.code AS client_code, c.product, c.account_masked, c.currency, c.placed_amount_fen, c.balance_fen, c.principal_fen,
              c.overdue_days, c.stage, c.last_payment_at, c.last_payment_fen, c.remarks, c.status, c.flags, c.assigned_to, c.next_action_at, c.debtor_id, b.id AS batch_id, b.batch_no, b.placed_at, b.due_back_at,
              d.name, d.id_number, d.gender, d.birth_date, d.mobile, d.employer, d.home_address, d.timezone AS debtor_tz
       FROM cases c JOIN clients cl ON cl.id = c.client_id JOIN batches b ON b.id = c.batch_id JOIN debtors d ON d.id = c.debtor_id WHERE c.id = ?`,
    )
    .get(caseId) as Row | undefined;
  if (!row || (!canSeeAllCases(actor.role) && row.assigned_to !== actor.id)) throw new CoreError('not_found', 'No such case among yours.', { field: 'caseId' });
  return row;
}

/**
 * The id of the case a client's case number names, if the actor may reach it. A case another collector holds is
 * answered exactly as one that does not exist, so its existence is not told either.
 */
export function caseIdForActor(db: Db, actor: Actor, clientCode: string, caseNo: string): string {
  const client = getClient(db, clientCode);
  const row = db.prepare('SELECT id, assigned_to FROM cases WHERE client_id = ? AND case_no = ?').get(client.id, caseNo) as { id: string; assigned_to: string | null } | undefined;
  if (!row || (!canSeeAllCases(actor.role) && row.assigned_to !== actor.id)) {
    throw new CoreError('not_found', `There is no case ${caseNo} of ${clientCode} among the cases you may see.`, { field: 'case' });
  }
  return row.id;
}

/** Everything the case screen shows, personal data masked. One call, for all tabs. */
export function getCaseDetail(db: Db, actor: Actor, caseId: string, now: Date): CaseDetail {
  const r = caseRowForActor(db, actor, caseId);
  const client = getClient(db, r.client_code);
  const tz = r.debtor_tz ?? client.profile.timezone;
  const today = localDay(now, tz);
  const activities = db
    .prepare(
      `SELECT a.id, a.started_at, a.channel, a.party, a.result_code, a.phone, a.notes, a.override_reason, a.verdicts, a.contact_person_id, u.display_name AS collector, cp.name AS contact_name, cp.relation AS contact_relation
       FROM activities a JOIN users u ON u.id = a.collector_id LEFT JOIN contact_persons cp ON cp.id = a.contact_person_id
       WHERE a.debtor_id = ? ORDER BY a.started_at DESC`,
    )
    .all(r.debtor_id) as { id: string; started_at: string; channel: string; party: string; result_code: ResultCode; phone: string | null; notes: string | null; override_reason: string | null; verdicts: string; contact_person_id: string | null; collector: string; contact_name: string | null; contact_relation: string | null }[];
  // The debtor's name is masked wherever it shows, as in the header; a third party's is shown as the contacts list shows it.
  const personName = (relation: string | null, name: string | null): string | null => (relation === 'self' ? maskName(name) : name);
  const contacts = db.prepare('SELECT id, relation, name, phone, status FROM contact_persons WHERE debtor_id = ? ORDER BY relation = \'self\' DESC, rowid').all(r.debtor_id) as { id: string; relation: string; name: string | null; phone: string | null; status: string }[];
  const calls = activities.filter((a) => a.channel === 'call');
  return {
    id: r.id,
    caseNo: r.case_no,
    client: { code: client.code, name: client.name, rulePack: client.profile.rulePack, timezone: client.profile.timezone },
    debtor: { name: maskName(r.name), idNumber: maskIdNumber(r.id_number), gender: r.gender, birthDate: r.birth_date ? `${r.birth_date.slice(0, 4)}` : null, mobile: maskPhone(r.mobile), employer: r.employer, homeAddress: maskAddress(r.home_address), timezone: tz },
    product: r.product,
    accountMasked: r.account_masked,
    currency: r.currency,
    placedAmountFen: r.placed_amount_fen,
    balanceFen: r.balance_fen,
    principalFen: r.principal_fen,
    overdueDays: r.overdue_days,
    lastPayment: { at: r.last_payment_at, amountFen: r.last_payment_fen },
    bankRemarks: r.remarks,
    stage: r.stage,
    status: r.status,
    flags: JSON.parse(r.flags) as string[],
    batch: { id: r.batch_id, batchNo: r.batch_no, placedAt: r.placed_at, dueBackAt: r.due_back_at, daysToDueBack: r.due_back_at ? daysBetween(today, r.due_back_at) : null },
    assignedTo: r.assigned_to,
    nextActionAt: r.next_action_at,
    readOnly: r.status === 'recalled' || r.status === 'closed',
    contacts: contacts.map((c) => {
      const mine = calls.filter((a) => a.phone !== null && a.phone === c.phone);
      const todays = mine.filter((a) => localDay(new Date(a.started_at), tz) === today);
      return { id: c.id, relation: c.relation, name: personName(c.relation, c.name), phone: maskPhone(c.phone), status: c.status, lastAttemptAt: mine[0]?.started_at ?? null, attemptsToday: todays.length, reachedToday: todays.filter((a) => isConnected(a.result_code) && a.party !== 'none').length };
    }),
    timeline: activities.map((a) => ({
      id: a.id, at: a.started_at, channel: a.channel, party: a.party, resultCode: a.result_code, collector: a.collector, contactName: personName(a.contact_relation, a.contact_name),
      phone: maskPhone(a.phone), notes: a.notes, overrideReason: a.override_reason,
      warns: (JSON.parse(a.verdicts) as { rule: string; kind: string }[]).filter((v) => v.kind === 'warn').map((v) => v.rule),
    })),
    promises: db.prepare('SELECT id, amount_fen AS amountFen, due_date AS dueDate, status, paid_fen AS paidFen, created_at AS createdAt FROM promises WHERE case_id = ? ORDER BY due_date DESC').all(r.id) as CaseDetail['promises'],
    plans: (db.prepare('SELECT id, kind, waiver_fen AS waiverFen, status, schedule, decision_reason AS decisionReason, created_at AS createdAt FROM plans WHERE case_id = ? ORDER BY created_at DESC').all(r.id) as (Omit<CaseDetail['plans'][number], 'schedule'> & { schedule: string })[]).map((p) => ({ ...p, schedule: JSON.parse(p.schedule) as CaseDetail['plans'][number]['schedule'] })),
    payments: db
      .prepare(
        `SELECT id, paid_at AS paidAt, amount_fen AS amountFen, channel, txn_ref AS txnRef, NULL AS reversedAt, NULL AS reversalRef, NULL AS adjustment FROM payments WHERE case_id = @id AND kind = 'confirmed'
         UNION ALL SELECT id, paid_at, amount_fen, channel, txn_ref, reversed_at, reversal_ref, NULL FROM payment_reversals WHERE case_id = @id AND kind = 'confirmed'
         UNION ALL SELECT id, adjusted_at, amount_fen, NULL, txn_ref, NULL, NULL, coalesce(txn_type, '') FROM balance_adjustments WHERE case_id = @id
         ORDER BY paidAt DESC, id DESC`,
      )
      .all({ id: r.id }) as CaseDetail['payments'],
  };
}
