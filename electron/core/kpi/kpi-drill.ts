import { maskName } from '../../../shared/domain/masking';
import { canSeeAllCases } from '../../../shared/domain/roles';
import type { DRILL_METRICS } from '../../../shared/contract/leads';
import type { KpiGrouping } from '../../../shared/kpi/kpi';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/open';
import { kpiScope, type KpiQuery } from './kpi-report';

export type DrillMetric = (typeof DRILL_METRICS)[number];

const CONNECTED = `a.result_code NOT IN ('NO_ANSWER', 'BUSY', 'POWERED_OFF', 'DISCONNECTED')`;
const PERIOD_AT = `(@fromAt IS NULL OR a.started_at >= @fromAt) AND (@toAt IS NULL OR a.started_at < @toAt)`;

/** The cases behind each KPI number, with the same definitions as kpi-report: each a query of their ids. */
const SOURCE: Record<Exclude<DrillMetric, 'cases'>, string> = {
  recovered: `SELECT p.case_id FROM payments p JOIN cases c2 ON c2.id = p.case_id JOIN batches b2 ON b2.id = c2.batch_id WHERE p.kind = 'confirmed'
    AND p.paid_at >= coalesce(b2.placed_at, '') AND p.paid_at <= coalesce(b2.due_back_at, '9999') AND (@fromDay IS NULL OR p.paid_at >= @fromDay) AND (@toDay IS NULL OR p.paid_at <= @toDay)`,
  worked: `SELECT a.case_id FROM activities a WHERE ${PERIOD_AT}`,
  contacted: `SELECT a.case_id FROM activities a WHERE a.party != 'none' AND ${CONNECTED} AND ${PERIOD_AT}`,
  rpc: `SELECT a.case_id FROM activities a WHERE a.party = 'debtor' AND ${CONNECTED} AND ${PERIOD_AT}`,
  promises: `SELECT pr.case_id FROM promises pr WHERE (@fromAt IS NULL OR pr.created_at >= @fromAt) AND (@toAt IS NULL OR pr.created_at < @toAt)`,
  kept: `SELECT pr.case_id FROM promises pr WHERE pr.status = 'kept' AND pr.due_date < @today AND (@fromDay IS NULL OR pr.due_date >= @fromDay) AND (@toDay IS NULL OR pr.due_date <= @toDay)`,
  broken: `SELECT pr.case_id FROM promises pr WHERE pr.status IN ('broken', 'partly_kept') AND (@fromDay IS NULL OR pr.due_date >= @fromDay) AND (@toDay IS NULL OR pr.due_date <= @toDay)`,
};
const GROUP: Record<KpiGrouping, string> = { batch: 'c.batch_id = @key', collector: "coalesce(c.assigned_to, '') = @key", stage: "coalesce(c.stage, '') = @key" };
const KEPT_GROUP: Record<KpiGrouping, string> = { batch: 'g.batch_id = @key', collector: 'g.collector = @key', stage: 'g.stage = @key' };

/**
 * Without a period, the cases behind the all-time figures are read from the counts kept on write (migration 5):
 * a case's flags in kpi_case, the number itself in kpi_group, as the dashboard shows it.
 */
const KEPT: Partial<Record<DrillMetric, { flag: string; column: string }>> = {
  cases: { flag: '1 = 1', column: 'cases' },
  worked: { flag: 'k.activities > 0', column: 'worked' },
  contacted: { flag: 'k.contacts > 0', column: 'contacted' },
  rpc: { flag: 'k.rpc_contacts > 0', column: 'rpc_cases' },
  recovered: { flag: 'k.recovered_payments > 0', column: 'recovered_cases' },
};

/** Cases in scope from which a lead's drill-down walks the balance order instead of sorting the scope. */
const WALK_FROM = 20_000;

export interface DrillRow {
  id: string;
  caseNo: string;
  debtorName: string | null;
  stage: string | null;
  status: string;
  placedFen: number;
  balanceFen: number;
  /** bank-confirmed payments within the case's term (and the period, when one is asked for): the amount behind the figure */
  recoveredFen: number;
  collector: string | null;
}

export function kpiDrill(db: Db, actor: Actor, q: KpiQuery & { metric: DrillMetric; by?: KpiGrouping; key?: string; page: number; pageSize: number }, today: string): { rows: DrillRow[]; total: number } {
  const s = kpiScope(db, actor, q, today);
  const kept = s.hasPeriod && q.metric !== 'cases' ? undefined : KEPT[q.metric];
  const source = q.metric === 'cases' ? undefined : SOURCE[q.metric];
  const group = q.by !== undefined && q.key !== undefined ? q.by : undefined;
  const scope = [s.where, ...(group ? [GROUP[group]] : [])].join(' AND ');
  const params = { ...s.params, key: q.key ?? null };
  const metric = !source ? '1 = 1' : kept ? `EXISTS (SELECT 1 FROM kpi_case k WHERE k.case_id = c.id AND ${kept.flag})` : `c.id IN (${source})`;
  const cond = `${scope} AND ${metric}`;
  // The number from kpi_group as the dashboard shows it; else the cases in scope that the source names (walking the
  // scope's cases beats looking each named case up: the lookups land all over a large store).
  const keptSum = (column: string) =>
    Number(db.prepare(`SELECT coalesce(sum(g.${column}), 0) FROM kpi_group g WHERE ${s.groupWhere}${group ? ` AND ${KEPT_GROUP[group]}` : ''}`).pluck().get(params));
  const total = kept
    ? keptSum(kept.column)
    : Number(db.prepare(`SELECT count(*) FROM cases c WHERE ${cond}`).pluck().get(params));
  // A lead's cases of a client are many: walk them in the order shown (balance) rather than sort them all first.
  // Only where the scope holds many cases: a small client's few are found by client and sorted at once.
  const walk = canSeeAllCases(actor.role) && group !== 'collector' && keptSum('cases') > WALK_FROM ? 'INDEXED BY cases_balance' : '';
  const rows = db
    .prepare(
      `SELECT c.id, c.case_no AS caseNo, d.name AS debtorName, c.stage, c.status, c.placed_amount_fen AS placedFen, c.balance_fen AS balanceFen, u.display_name AS collector,
              (SELECT coalesce(sum(p.amount_fen), 0) FROM payments p JOIN batches b2 ON b2.id = c.batch_id WHERE p.case_id = c.id AND p.kind = 'confirmed'
                 AND p.paid_at >= coalesce(b2.placed_at, '') AND p.paid_at <= coalesce(b2.due_back_at, '9999') AND (@fromDay IS NULL OR p.paid_at >= @fromDay) AND (@toDay IS NULL OR p.paid_at <= @toDay)) AS recoveredFen
       FROM cases c ${walk} JOIN debtors d ON d.id = c.debtor_id LEFT JOIN users u ON u.id = c.assigned_to WHERE ${cond}
       ORDER BY c.balance_fen DESC, c.case_no LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: q.pageSize, offset: q.page * q.pageSize }) as DrillRow[];
  return { rows: rows.map((r) => ({ ...r, debtorName: maskName(r.debtorName) })), total };
}
