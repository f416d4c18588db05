import { maskName } from '../../../shared/domain/masking';
import { canSeeAllCases } from '../../../shared/domain/roles';
import { uuidv7 } from '../../../shared/domain/ids';
import { appendAudit } from '../audit/audit';
import type { Actor } from '../auth/actor';
import { getClient } from '../clients/clients';
import type { Db } from '../db/open';
import { CoreError } from '../errors';
import { recordChange } from '../hub/write-path';

export interface PlanQueueRow {
  id: string;
  caseId: string;
  caseNo: string;
  clientCode: string;
  debtorName: string | null;
  balanceFen: number;
  kind: string;
  schedule: { dueDate: string; amountFen: number }[];
  waiverFen: number;
  status: string;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decisionReason: string | null;
  /** the waiver is above the client's limit: only an admin may approve it */
  needsAdmin: boolean;
  /** the collector's notes on the activity that asked for the plan: their reason */
  requestReason: string | null;
  /** the bank's waiver limit (above it only an admin approves); null when the bank sets none */
  waiverLimitFen: number | null;
}

/** Plan requests with their case context: a lead's queue (requested ones first), or a collector's own requests. */
export function planQueue(db: Db, actor: Actor, status: string | undefined): PlanQueueRow[] {
  const rows = db
    .prepare(
      `SELECT pl.id, c.id AS caseId, c.case_no AS caseNo, cl.code AS clientCode, d.name AS debtorName, c.balance_fen AS balanceFen, pl.kind, pl.schedule,
              pl.waiver_fen AS waiverFen, pl.status, u.display_name AS requestedBy, pl.created_at AS requestedAt, du.display_name AS decidedBy, pl.decision_reason AS decisionReason,
              cl.profile_json AS profile, a.notes AS requestReason
       FROM plans pl LEFT JOIN activities a ON a.id = pl.activity_id JOIN cases c ON c.id = pl.case_id JOIN clients cl ON cl.id = c.client_id JOIN debtors d ON d.id = c.debtor_id
       JOIN users u ON u.id = pl.created_by LEFT JOIN users du ON du.id = pl.decided_by
       WHERE (@status IS NULL OR pl.status = @status) AND (@all = 1 OR pl.created_by = @actor)
       ORDER BY pl.status = 'requested' DESC, pl.created_at DESC LIMIT 500`,
    )
    .all({ status: status ?? null, all: canSeeAllCases(actor.role) ? 1 : 0, actor: actor.id }) as (Omit<PlanQueueRow, 'schedule' | 'needsAdmin' | 'waiverLimitFen'> & { schedule: string; profile: string })[];
  return rows.map(({ profile, schedule, ...r }) => {
    const limit = (JSON.parse(profile) as { waiverLimitFen?: number }).waiverLimitFen;
    return { ...r, debtorName: maskName(r.debtorName), schedule: JSON.parse(schedule) as PlanQueueRow['schedule'], needsAdmin: limit !== undefined && r.waiverFen > limit, waiverLimitFen: limit ?? null };
  });
}

/**
 * A lead approves or rejects a plan request, with a reason; a waiver above the client's limit needs an admin.
 * The collector sees the decision on the case; the bank learns of it through the outbox.
 */
export function decidePlan(db: Db, actor: Actor, planId: string, approve: boolean, reason: string, now: string): void {
  if (actor.role === 'collector') throw new CoreError('forbidden', 'Only a team lead or an admin decides on plans.');
  db.transaction(() => {
    const plan = db.prepare(`SELECT pl.id, pl.status, pl.waiver_fen, pl.case_id, c.client_id, c.case_no, cl.code FROM plans pl JOIN cases c ON c.id = pl.case_id JOIN clients cl ON cl.id = c.client_id WHERE pl.id = ?`).get(planId) as
      | { id: string; status: string; waiver_fen: number; case_id: string; client_id: string; case_no: string; code: string }
      | undefined;
    if (!plan) throw new CoreError('not_found', 'No such plan request.', { field: 'planId' });
    if (plan.status !== 'requested') throw new CoreError('conflict', `This plan was already ${plan.status}.`);
    const limit = getClient(db, plan.code).profile.waiverLimitFen;
    if (approve && limit !== undefined && plan.waiver_fen > limit && actor.role !== 'admin') {
      throw new CoreError('forbidden', `The waiver is above the client's limit (${(limit / 100).toFixed(2)} yuan): an admin must approve it.`, { field: 'waiver' });
    }
    const status = approve ? 'approved' : 'rejected';
    db.prepare('UPDATE plans SET status = ?, decided_by = ?, decided_at = ?, decision_reason = ?, bank_status = ? WHERE id = ?').run(status, actor.id, now, reason, approve ? 'pending' : null, planId);
    if (!approve) {
      db.prepare(`UPDATE cases SET status = 'working', updated_at = ? WHERE id = ? AND status = 'plan'`).run(now, plan.case_id);
    }
    recordChange(db, { entity: 'plan', id: planId, fields: ['status', 'decided_by', 'decided_at', 'decision_reason', 'bank_status'], userId: actor.id, now });
    if (!approve) recordChange(db, { entity: 'case', id: plan.case_id, fields: ['status', 'updated_at'], userId: actor.id, now });
    db.prepare(`INSERT INTO outbox (id, client_id, entity, entity_id, payload, created_at) VALUES (?, ?, 'plan', ?, ?, ?)`).run(uuidv7(), plan.client_id, planId, JSON.stringify({ id: planId, caseNo: plan.case_no, status, decidedAt: now }), now);
    appendAudit(db, { actorId: actor.id, via: actor.via, action: approve ? 'plan.approve' : 'plan.reject', entity: 'plan', entityId: planId, details: { caseId: plan.case_id } }, now);
  })();
}
