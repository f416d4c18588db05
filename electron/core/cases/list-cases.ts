import type { CaseListRow } from '../../../shared/contract/schemas';
import { canSeeAllCases } from '../../../shared/domain/roles';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/open';

export interface CaseListQuery {
  page: number;
  pageSize: number;
  search?: string;
}

/**
 * The cases an actor may see. A collector's scope is enforced here, in the query itself: whatever the caller
 * asks, a collector only ever gets rows assigned to them.
 */
export function listCases(db: Db, actor: Actor, q: CaseListQuery): { rows: CaseListRow[]; total: number } {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (!canSeeAllCases(actor.role)) {
    where.push('c.assigned_to = @actorId');
    params.actorId = actor.id;
  }
  if (q.search) {
    where.push('(c.case_no = @search OR d.name LIKE @prefix OR d.mobile = @search OR d.id_number = @search)');
    params.search = q.search;
    params.prefix = `${q.search.replace(/[%_]/g, '')}%`;
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const from = 'FROM cases c JOIN debtors d ON d.id = c.debtor_id JOIN clients cl ON cl.id = c.client_id';
  const total = (db.prepare(`SELECT count(*) AS n ${from} ${filter}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT c.id, cl.code AS clientCode, c.case_no AS caseNo, d.name AS debtorName, c.balance_fen AS balanceFen,
              c.overdue_days AS overdueDays, c.stage, c.status, c.assigned_to AS assignedTo, c.next_action_at AS nextActionAt
       ${from} ${filter} ORDER BY c.balance_fen DESC, c.case_no LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: q.pageSize, offset: q.page * q.pageSize }) as CaseListRow[];
  return { rows, total };
}
