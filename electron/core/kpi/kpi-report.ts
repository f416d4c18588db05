import { addDays, reportDayStart } from '../../../shared/compliance/zoned';
import { canSeeAllCases } from '../../../shared/domain/roles';
import { addCounts, commissionRate, emptyCounts, figures, type KpiCounts, type KpiGrouping, type KpiReport } from '../../../shared/kpi/kpi';
import type { Actor } from '../auth/actor';
import { countsByKey, periodDayCounts, recentCounts, tableCounts } from './kpi-tables';
import { getClient } from '../clients/clients';
import type { Db } from '../db/open';
import { CoreError } from '../errors';

export interface KpiQuery {
  clientCode: string;
  by?: KpiGrouping;
  from?: string;
  to?: string;
  batchId?: string;
}

const CONNECTED = `a.result_code NOT IN ('NO_ANSWER', 'BUSY', 'POWERED_OFF', 'DISCONNECTED')`;
const KEY: Record<KpiGrouping | 'all', string> = { batch: 'c.batch_id', collector: "coalesce(c.assigned_to, '')", stage: "coalesce(c.stage, '')", all: "''" };

export interface Scope {
  where: string;
  /** the same cases in the KPI tables of migration 5 (kpi_group, kpi_promise_day as g) */
  groupWhere: string;
  /** whether a period was asked for */
  hasPeriod: boolean;
  /** period conditions, present only when a period is asked for (so the unfiltered queries keep their indexes) */
  period: { activityAt: string; paidDay: string; createdAt: string; dueDay: string; keptDueDay: string };
  params: Record<string, string | null>;
  tz: string;
  schedule: Parameters<typeof commissionRate>[0];
}

/** The cases a report covers: the client's (one batch's), and for a collector only their own. */
export function kpiScope(db: Db, actor: Actor, q: KpiQuery, today: string): Scope {
  const client = getClient(db, q.clientCode);
  if (q.from && q.to && q.from > q.to) throw new CoreError('invalid_input', 'The period starts after it ends.', { field: 'from' });
  const tz = client.profile.timezone;
  const where = ['c.client_id = @clientId'];
  const groupWhere = ['g.client_id = @clientId'];
  if (q.batchId) {
    where.push('c.batch_id = @batchId');
    groupWhere.push('g.batch_id = @batchId');
  }
  if (!canSeeAllCases(actor.role)) {
    where.push('c.assigned_to = @actorId');
    groupWhere.push('g.collector = @actorId');
  }
  const at = (col: string) => `${q.from ? ` AND ${col} >= @fromAt` : ''}${q.to ? ` AND ${col} < @toAt` : ''}`;
  const day = (col: string) => `${q.from ? ` AND ${col} >= @fromDay` : ''}${q.to ? ` AND ${col} <= @toDay` : ''}`;
  return {
    where: where.join(' AND '),
    groupWhere: groupWhere.join(' AND '),
    hasPeriod: Boolean(q.from || q.to),
    period: { activityAt: at('a.started_at'), paidDay: day('p.paid_at'), createdAt: at('pr.created_at'), dueDay: day('pr.due_date'), keptDueDay: day('g.due_date') },
    tz,
    schedule: client.profile.commission,
    params: {
      clientId: client.id, batchId: q.batchId ?? null, actorId: actor.id, today,
      fromDay: q.from ?? null, toDay: q.to ?? null,
      // the client's calendar days as the trend and kpi_day count them (the zone's winter offset)
      fromAt: q.from ? reportDayStart(q.from, tz).toISOString() : null,
      toAt: q.to ? reportDayStart(addDays(q.to, 1), tz).toISOString() : null,
    },
  };
}

type Row = { key: string } & Record<string, number | string | null>;

/**
 * Every KPI count for each group. Without a period they come from the counts kept on write (kpi-tables.ts); with one,
 * what happened within it is counted from the base rows of the period.
 */
export function kpiCounts(db: Db, s: Scope, by: KpiGrouping | 'all'): Map<string, KpiCounts> {
  const kept = tableCounts(db, s, by);
  if (!s.hasPeriod) return kept;
  // Within a period: cases, placed amounts and promises due as kept; recoveries, commission, promises made and
  // right-party contacts summed over the period's days; the distinct cases worked, contacted, reached and paid
  // counted from the period's rows.
  const days = periodDayCounts(db, s, by);
  const base = recentCounts(db, s, by) ?? baseCounts(db, s, by, { only: 'distinct' });
  for (const [key, c] of kept) {
    const d = days.get(key) ?? emptyCounts();
    const b = base.get(key) ?? emptyCounts();
    Object.assign(c, {
      recoveredFen: d.recoveredFen, commissionFen: d.commissionFen, promises: d.promises, rpcContacts: d.rpcContacts,
      recoveredCases: b.recoveredCases, workedCases: b.workedCases, contactedCases: b.contactedCases, rpcCases: b.rpcCases,
    });
  }
  return kept;
}

/**
 * Every KPI count for each group, in five grouped queries over the base rows: the definition the kept counts follow
 * (kpi-tables.test.ts holds them equal). `only: 'distinct'` runs just the two a period needs from the base rows:
 * payments and activities.
 */
export function baseCounts(db: Db, s: Scope, by: KpiGrouping | 'all', opts: { only?: 'distinct' } = {}): Map<string, KpiCounts> {
  const K = KEY[by];
  const full = opts.only === undefined;
  const { out, at } = countsByKey();
  const all = (sql: string) => db.prepare(sql).all(s.params) as Row[];
  if (full) {
    for (const r of all(`SELECT ${K} AS key, count(*) AS n, sum(c.placed_amount_fen) AS fen FROM cases c WHERE ${s.where} GROUP BY 1`)) {
      Object.assign(at(r.key), { cases: Number(r.n), placedFen: Number(r.fen ?? 0) });
    }
  }
  for (const r of all(
    `SELECT ${K} AS key, c.stage AS stage, b.hand AS hand, sum(p.amount_fen) AS fen, count(DISTINCT p.case_id) AS n
     FROM payments p JOIN cases c ON c.id = p.case_id JOIN batches b ON b.id = c.batch_id
     WHERE p.client_id = @clientId AND ${s.where} AND p.kind = 'confirmed' AND +p.paid_at >= coalesce(b.placed_at, '') AND +p.paid_at <= coalesce(b.due_back_at, '9999')
       ${s.period.paidDay}
     GROUP BY 1, 2, 3`,
  )) {
    const c = at(r.key);
    const fen = Number(r.fen ?? 0);
    c.recoveredFen += fen;
    c.recoveredCases += Number(r.n);
    c.commissionFen += fen * commissionRate(s.schedule, r.stage as string | null, r.hand as number | null);
  }
  // The cases in scope, each with its activities of the period from the covering index (case_id, started_at, party,
  // result_code): left to itself the planner reads every activity of the period and looks its case up, 3-6× slower
  // on a million cases (`npm run bench -- dashboard`).
  for (const r of all(
    `SELECT ${K} AS key, count(DISTINCT a.case_id) AS worked,
            count(DISTINCT CASE WHEN a.party != 'none' AND ${CONNECTED} THEN a.case_id END) AS contacted,
            count(DISTINCT CASE WHEN a.party = 'debtor' AND ${CONNECTED} THEN a.case_id END) AS rpcCases,
            sum(CASE WHEN a.party = 'debtor' AND ${CONNECTED} THEN 1 ELSE 0 END) AS rpcContacts
     FROM cases c JOIN activities a INDEXED BY activities_kpi ON a.case_id = c.id
     WHERE ${s.where}${s.period.activityAt} GROUP BY 1`,
  )) {
    Object.assign(at(r.key), { workedCases: Number(r.worked), contactedCases: Number(r.contacted), rpcCases: Number(r.rpcCases), rpcContacts: Number(r.rpcContacts ?? 0) });
  }
  if (!full) return out;
  for (const r of all(
    `SELECT ${K} AS key, count(*) AS n FROM promises pr JOIN cases c ON c.id = pr.case_id
     WHERE ${s.where}${s.period.createdAt} GROUP BY 1`,
  )) at(r.key).promises = Number(r.n);
  for (const r of all(
    `SELECT ${K} AS key, count(*) AS due, sum(pr.status = 'kept') AS kept, sum(pr.amount_fen) AS promised, sum(pr.paid_fen) AS paid
     FROM promises pr JOIN cases c ON c.id = pr.case_id
     WHERE ${s.where} AND pr.status != 'pending' AND pr.due_date < @today${s.period.dueDay}
     GROUP BY 1`,
  )) {
    Object.assign(at(r.key), { promisesDue: Number(r.due), promisesKept: Number(r.kept ?? 0), promisedDueFen: Number(r.promised ?? 0), paidOnDueFen: Number(r.paid ?? 0) });
  }
  return out;
}

function labels(db: Db, by: KpiGrouping, keys: string[]): Map<string, string> {
  const sql = { batch: "SELECT id AS key, coalesce(batch_no, file_name) AS label FROM batches", collector: 'SELECT id AS key, display_name AS label FROM users', stage: null }[by];
  const m = new Map<string, string>();
  if (sql) for (const r of db.prepare(sql).all() as { key: string; label: string }[]) m.set(r.key, r.label);
  for (const k of keys) if (!m.has(k)) m.set(k, k === '' ? (by === 'collector' ? '(unassigned)' : '(none)') : k);
  return m;
}

/** The KPI report: totals and, when asked, one row per batch, collector or stage. */
export function kpiReport(db: Db, actor: Actor, q: KpiQuery, today: string): KpiReport {
  const s = kpiScope(db, actor, q, today);
  const groups = kpiCounts(db, s, q.by ?? 'all');
  const total = [...groups.values()].reduce(addCounts, emptyCounts());
  const keys = [...groups.keys()].sort();
  const names = q.by ? labels(db, q.by, keys) : new Map<string, string>();
  return {
    client: q.clientCode,
    by: q.by ?? null,
    from: q.from ?? null,
    to: q.to ?? null,
    total: figures(total),
    rows: q.by ? keys.map((key) => ({ key, label: names.get(key) ?? key, ...figures(groups.get(key) ?? emptyCounts()) })) : [],
  };
}
