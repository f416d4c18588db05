import { addDays } from '../../../shared/compliance/zoned';
import type { KpiTrendPoint } from '../../../shared/kpi/kpi';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/open';
import { kpiScope, type KpiQuery } from './kpi-report';

interface DayRow {
  day: string;
  worked: number;
  rpc: number;
  promises: number;
  fen: number;
}

/**
 * The daily trend over the placement term (or the period asked): bank-confirmed payments within the term, the
 * cumulative recovery rate by amount, cases worked, right-party contacts and promises made — per calendar day of the
 * client (its zone's winter offset, clients.day_shift_minutes). Read from kpi_day, which migration 6 keeps on write;
 * kpi-trend.test.ts checks it against the base rows.
 */
export function kpiTrend(db: Db, actor: Actor, q: KpiQuery, today: string): KpiTrendPoint[] {
  const s = kpiScope(db, actor, q, today);
  const span = db
    .prepare(`SELECT min(b.placed_at) AS first, max(b.due_back_at) AS last, sum(g.placed_fen) AS placed FROM kpi_group g JOIN batches b ON b.id = g.batch_id WHERE ${s.groupWhere} AND g.cases > 0`)
    .get(s.params) as { first: string | null; last: string | null; placed: number | null };
  const from = q.from ?? span.first;
  const last = q.to ?? (span.last && span.last < today ? span.last : today);
  if (!from || !last || from > last) return [];
  const rows = db
    .prepare(
      `SELECT g.day AS day, sum(g.worked) AS worked, sum(g.rpc_contacts) AS rpc, sum(g.promises) AS promises, sum(g.recovered_fen) AS fen
       FROM kpi_day g WHERE ${s.groupWhere} AND g.day >= @fromDay AND g.day <= @toDay GROUP BY g.day`,
    )
    .all({ ...s.params, fromDay: from, toDay: last }) as DayRow[];
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const out: KpiTrendPoint[] = [];
  let cumulative = 0;
  for (let day = from; day <= last; day = addDays(day, 1)) {
    const r = byDay.get(day);
    const fen = r?.fen ?? 0;
    cumulative += fen;
    out.push({ day, recoveredFen: fen, cumulativeRecoveredFen: cumulative, recoveryRateAmount: span.placed ? cumulative / span.placed : null, workedCases: r?.worked ?? 0, rpcContacts: r?.rpc ?? 0, promises: r?.promises ?? 0 });
  }
  return out;
}
