import { addDays, zonedInstant } from '../../../shared/compliance/zoned';
import type { KpiTrendPoint } from '../../../shared/kpi/kpi';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/open';
import { kpiScope, type KpiQuery } from './kpi-report';

/**
 * The daily trend over the placement term (or the period asked): bank-confirmed payments within the term, the
 * cumulative recovery rate by amount, cases worked, right-party contacts and promises made — per calendar day.
 */
export function kpiTrend(db: Db, actor: Actor, q: KpiQuery, today: string): KpiTrendPoint[] {
  const s = kpiScope(db, actor, q, today);
  const span = db.prepare(`SELECT min(b.placed_at) AS first, max(b.due_back_at) AS last, sum(c.placed_amount_fen) AS placed FROM cases c JOIN batches b ON b.id = c.batch_id WHERE ${s.where}`).get(s.params) as { first: string | null; last: string | null; placed: number | null };
  const from = q.from ?? span.first;
  const last = q.to ?? (span.last && span.last < today ? span.last : today);
  if (!from || !last || from > last) return [];
  const daily = (sql: string) => new Map((db.prepare(sql).all({ ...s.params, fromDay: from, toDay: last }) as { day: string; n: number }[]).map((r) => [r.day, r.n]));
  const paid = daily(`SELECT p.paid_at AS day, sum(p.amount_fen) AS n FROM payments p JOIN cases c ON c.id = p.case_id JOIN batches b ON b.id = c.batch_id
    WHERE ${s.where} AND p.kind = 'confirmed' AND p.paid_at >= coalesce(b.placed_at, '') AND p.paid_at <= coalesce(b.due_back_at, '9999') AND p.paid_at >= @fromDay AND p.paid_at <= @toDay GROUP BY 1`);
  // Activity days are calendar days in the client's zone: shift the UTC instant by the zone's offset at midnight.
  const offset = `'${offsetModifier(s.tz)}'`;
  // Only the days of the trend: instants from the first day's midnight to the day after the last, in the client's zone.
  const span2 = { ...s.params, fromDay: from, toDay: last, fromAt: zonedInstant(from, 0, 0, s.tz).toISOString(), toAt: zonedInstant(addDays(last, 1), 0, 0, s.tz).toISOString() };
  const inSpan = (sql: string) => new Map((db.prepare(sql).all(span2) as { day: string; n: number }[]).map((r) => [r.day, r.n]));
  const worked = inSpan(`SELECT date(a.started_at, ${offset}) AS day, count(DISTINCT a.case_id) AS n FROM activities a JOIN cases c ON c.id = a.case_id
    WHERE ${s.where} AND a.started_at >= @fromAt AND a.started_at < @toAt GROUP BY 1`);
  const rpc = inSpan(`SELECT date(a.started_at, ${offset}) AS day, count(*) AS n FROM activities a JOIN cases c ON c.id = a.case_id
    WHERE ${s.where} AND a.started_at >= @fromAt AND a.started_at < @toAt AND a.party = 'debtor' AND a.result_code NOT IN ('NO_ANSWER', 'BUSY', 'POWERED_OFF', 'DISCONNECTED') GROUP BY 1`);
  const promises = inSpan(`SELECT date(pr.created_at, ${offset}) AS day, count(*) AS n FROM promises pr JOIN cases c ON c.id = pr.case_id
    WHERE ${s.where} AND pr.created_at >= @fromAt AND pr.created_at < @toAt GROUP BY 1`);
  const out: KpiTrendPoint[] = [];
  let cumulative = 0;
  for (let day = from; day <= last; day = addDays(day, 1)) {
    const fen = paid.get(day) ?? 0;
    cumulative += fen;
    out.push({ day, recoveredFen: fen, cumulativeRecoveredFen: cumulative, recoveryRateAmount: span.placed ? cumulative / span.placed : null, workedCases: worked.get(day) ?? 0, rpcContacts: rpc.get(day) ?? 0, promises: promises.get(day) ?? 0 });
  }
  return out;
}

/** SQLite date modifier for a zone's standard offset, e.g. '+8 hours' (zones with DST are shifted by their winter offset). */
function offsetModifier(tz: string): string {
  const jan = new Date(Date.UTC(2026, 0, 15));
  const local = new Date(jan.toLocaleString('en-US', { timeZone: tz }));
  const utc = new Date(jan.toLocaleString('en-US', { timeZone: 'UTC' }));
  const minutes = Math.round((local.getTime() - utc.getTime()) / 60_000);
  return `${minutes >= 0 ? '+' : ''}${minutes} minutes`;
}
