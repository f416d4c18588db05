import { maskName } from '../../../shared/domain/masking';
import type { DRILL_METRICS } from '../../../shared/contract/leads';
import type { KpiGrouping } from '../../../shared/kpi/kpi';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/open';
import { kpiScope, type KpiQuery } from './kpi-report';

export type DrillMetric = (typeof DRILL_METRICS)[number];

const CONNECTED = `a.result_code NOT IN ('NO_ANSWER', 'BUSY', 'POWERED_OFF', 'DISCONNECTED')`;
const PERIOD_AT = `(@fromAt IS NULL OR a.started_at >= @fromAt) AND (@toAt IS NULL OR a.started_at < @toAt)`;

/** The cases behind each KPI number, with the same definitions as kpi-report. */
const METRIC: Record<DrillMetric, string> = {
  cases: '1 = 1',
  recovered: `c.id IN (SELECT p.case_id FROM payments p JOIN cases c2 ON c2.id = p.case_id JOIN batches b2 ON b2.id = c2.batch_id WHERE p.kind = 'confirmed'
    AND p.paid_at >= coalesce(b2.placed_at, '') AND p.paid_at <= coalesce(b2.due_back_at, '9999') AND (@fromDay IS NULL OR p.paid_at >= @fromDay) AND (@toDay IS NULL OR p.paid_at <= @toDay))`,
  worked: `c.id IN (SELECT a.case_id FROM activities a WHERE ${PERIOD_AT})`,
  contacted: `c.id IN (SELECT a.case_id FROM activities a WHERE a.party != 'none' AND ${CONNECTED} AND ${PERIOD_AT})`,
  rpc: `c.id IN (SELECT a.case_id FROM activities a WHERE a.party = 'debtor' AND ${CONNECTED} AND ${PERIOD_AT})`,
  promises: `c.id IN (SELECT pr.case_id FROM promises pr WHERE (@fromAt IS NULL OR pr.created_at >= @fromAt) AND (@toAt IS NULL OR pr.created_at < @toAt))`,
  kept: `c.id IN (SELECT pr.case_id FROM promises pr WHERE pr.status = 'kept' AND pr.due_date < @today AND (@fromDay IS NULL OR pr.due_date >= @fromDay) AND (@toDay IS NULL OR pr.due_date <= @toDay))`,
  broken: `c.id IN (SELECT pr.case_id FROM promises pr WHERE pr.status IN ('broken', 'partly_kept') AND (@fromDay IS NULL OR pr.due_date >= @fromDay) AND (@toDay IS NULL OR pr.due_date <= @toDay))`,
};
const GROUP: Record<KpiGrouping, string> = { batch: 'c.batch_id = @key', collector: "coalesce(c.assigned_to, '') = @key", stage: "coalesce(c.stage, '') = @key" };

export interface DrillRow {
  id: string;
  caseNo: string;
  debtorName: string | null;
  stage: string | null;
  status: string;
  placedFen: number;
  balanceFen: number;
  collector: string | null;
}

export function kpiDrill(db: Db, actor: Actor, q: KpiQuery & { metric: DrillMetric; by?: KpiGrouping; key?: string; page: number; pageSize: number }, today: string): { rows: DrillRow[]; total: number } {
  const s = kpiScope(db, actor, q, today);
  const w = [s.where, METRIC[q.metric]];
  if (q.by && q.key !== undefined) w.push(GROUP[q.by]);
  const params = { ...s.params, key: q.key ?? null };
  const cond = w.join(' AND ');
  const total = (db.prepare(`SELECT count(*) AS n FROM cases c WHERE ${cond}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT c.id, c.case_no AS caseNo, d.name AS debtorName, c.stage, c.status, c.placed_amount_fen AS placedFen, c.balance_fen AS balanceFen, u.display_name AS collector
       FROM cases c JOIN debtors d ON d.id = c.debtor_id LEFT JOIN users u ON u.id = c.assigned_to WHERE ${cond}
       ORDER BY c.balance_fen DESC, c.case_no LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: q.pageSize, offset: q.page * q.pageSize }) as DrillRow[];
  return { rows: rows.map((r) => ({ ...r, debtorName: maskName(r.debtorName) })), total };
}
