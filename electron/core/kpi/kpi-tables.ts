import { commissionRate, emptyCounts, type KpiCounts, type KpiGrouping } from '../../../shared/kpi/kpi';
import type { Db } from '../db/open';
import type { Scope } from './kpi-report';

/** The group key of kpi_group / kpi_promise_day rows (g), as kpi-report's KEY is of case rows. */
const KEY: Record<KpiGrouping | 'all', string> = { batch: 'g.batch_id', collector: 'g.collector', stage: 'g.stage', all: "''" };

type Row = { key: string } & Record<string, number | string | null>;

/** KPI counts by group key, each group's made on first use. */
export function countsByKey(out = new Map<string, KpiCounts>()): { out: Map<string, KpiCounts>; at: (key: string) => KpiCounts } {
  return {
    out,
    at(key) {
      let c = out.get(key);
      if (!c) out.set(key, (c = emptyCounts()));
      return c;
    },
  };
}

/**
 * The KPI counts of each group from the tables migration 5 keeps current on write: a few rows per batch, collector and
 * stage instead of every activity, payment and promise of the cases. Commission is rated per stage and hand as in
 * kpi-report; promises due are the settled ones due before today (and within the period, when one is asked for).
 */
export function tableCounts(db: Db, s: Scope, by: KpiGrouping | 'all'): Map<string, KpiCounts> {
  const K = KEY[by];
  const { out, at } = countsByKey();
  const all = (sql: string) => db.prepare(sql).all(s.params) as Row[];
  for (const r of all(
    `SELECT ${K} AS key, nullif(g.stage, '') AS stage, b.hand AS hand, sum(g.cases) AS cases, sum(g.placed_fen) AS placed, sum(g.worked) AS worked,
            sum(g.contacted) AS contacted, sum(g.rpc_cases) AS rpcCases, sum(g.rpc_contacts) AS rpcContacts, sum(g.recovered_fen) AS recovered,
            sum(g.recovered_cases) AS recoveredCases, sum(g.promises) AS promises
     FROM kpi_group g JOIN batches b ON b.id = g.batch_id WHERE ${s.groupWhere} GROUP BY 1, 2, 3 HAVING sum(g.cases) > 0`,
  )) {
    const c = at(r.key);
    const fen = Number(r.recovered);
    c.cases += Number(r.cases);
    c.placedFen += Number(r.placed);
    c.workedCases += Number(r.worked);
    c.contactedCases += Number(r.contacted);
    c.rpcCases += Number(r.rpcCases);
    c.rpcContacts += Number(r.rpcContacts);
    c.recoveredFen += fen;
    c.recoveredCases += Number(r.recoveredCases);
    c.promises += Number(r.promises);
    c.commissionFen += fen * commissionRate(s.schedule, r.stage as string | null, r.hand as number | null);
  }
  for (const r of all(
    `SELECT ${K} AS key, sum(g.settled) AS due, sum(g.kept) AS kept, sum(g.promised_fen) AS promised, sum(g.paid_fen) AS paid
     FROM kpi_promise_day g WHERE ${s.groupWhere} AND g.due_date < @today${s.period.keptDueDay} GROUP BY 1 HAVING sum(g.settled) > 0`,
  )) {
    if (!out.has(r.key)) continue;
    Object.assign(at(r.key), { promisesDue: Number(r.due), promisesKept: Number(r.kept), promisedDueFen: Number(r.promised), paidOnDueFen: Number(r.paid) });
  }
  return out;
}

/**
 * What a period adds up to day by day, from kpi_day: bank-confirmed payments within the term paid on the period's days
 * (and their commission, rated per stage and hand), promises made and right-party contacts on them.
 */
export function periodDayCounts(db: Db, s: Scope, by: KpiGrouping | 'all'): Map<string, KpiCounts> {
  const { out, at } = countsByKey();
  const days = `${s.params.fromDay ? ' AND g.day >= @fromDay' : ''}${s.params.toDay ? ' AND g.day <= @toDay' : ''}`;
  const rows = db
    .prepare(
      `SELECT ${KEY[by]} AS key, nullif(g.stage, '') AS stage, b.hand AS hand, sum(g.recovered_fen) AS recovered, sum(g.promises) AS promises, sum(g.rpc_contacts) AS rpcContacts
       FROM kpi_day g JOIN batches b ON b.id = g.batch_id WHERE ${s.groupWhere}${days} GROUP BY 1, 2, 3`,
    )
    .all(s.params) as Row[];
  for (const r of rows) {
    const c = at(r.key);
    const fen = Number(r.recovered);
    c.recoveredFen += fen;
    c.commissionFen += fen * commissionRate(s.schedule, r.stage as string | null, r.hand as number | null);
    c.promises += Number(r.promises);
    c.rpcContacts += Number(r.rpcContacts);
  }
  return out;
}

/**
 * For a period that runs to today (or has no end), the distinct cases worked, contacted, reached and paid in it are
 * the cases whose last such event falls in it (kpi_case, migration 8). Null when that does not hold: the period ends
 * before the latest activity or payment of the store, whose events after it would hide earlier ones.
 */
export function recentCounts(db: Db, s: Scope, by: KpiGrouping | 'all'): Map<string, KpiCounts> | null {
  const toAt = s.params.toAt ?? null;
  const toDay = s.params.toDay ?? null;
  if (toAt !== null && toDay !== null) {
    const lastActivity = db.prepare('SELECT max(started_at) FROM activities').pluck().get() as string | null;
    const lastPayment = db.prepare('SELECT max(paid_at) FROM payments WHERE client_id = @clientId').pluck().get(s.params) as string | null;
    if ((lastActivity !== null && lastActivity >= toAt) || (lastPayment !== null && lastPayment > toDay)) return null;
  }
  const { out, at } = countsByKey();
  const since = { at: s.params.fromAt ?? '', day: s.params.fromDay ?? '' };
  const params = { ...s.params, sinceAt: since.at, sinceDay: since.day };
  for (const r of db
    .prepare(
      `SELECT ${KEY[by]} AS key, count(*) AS worked, sum(g.last_contact_at >= @sinceAt) AS contacted, sum(g.last_rpc_at >= @sinceAt) AS rpcCases
       FROM kpi_case g WHERE ${s.groupWhere} AND g.last_activity_at >= @sinceAt GROUP BY 1`,
    )
    .all(params) as Row[]) {
    Object.assign(at(r.key), { workedCases: Number(r.worked), contactedCases: Number(r.contacted), rpcCases: Number(r.rpcCases) });
  }
  for (const r of db.prepare(`SELECT ${KEY[by]} AS key, count(*) AS n FROM kpi_case g WHERE ${s.groupWhere} AND g.last_paid_day >= @sinceDay GROUP BY 1`).all(params) as Row[]) {
    at(r.key).recoveredCases = Number(r.n);
  }
  return out;
}
