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
    c.commissionFen += Math.round(fen * commissionRate(s.schedule, r.stage as string | null, r.hand as number | null));
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
    c.commissionFen += Math.round(fen * commissionRate(s.schedule, r.stage as string | null, r.hand as number | null));
    c.promises += Number(r.promises);
    c.rpcContacts += Number(r.rpcContacts);
  }
  return out;
}
