import { isConnected, type ResultCode } from '../../../shared/compliance/types';
import type { DailyField, DailyReportSection } from '../../../shared/profile/returns-schema';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/open';
import { kpiReport } from '../kpi/kpi-report';
import { kpiTrend } from '../kpi/kpi-trend';
import { headerRow, text, type Cell, type Table } from './cells';
import { dayOf, formatDay, localTimes } from './local-time';
import type { Period } from './period';
import type { RawValue, ReturnRecord } from './records';

/** One day of the daily report (日报). Amounts in fen. */
export interface DailyFigures {
  date: string;
  workedCases: number;
  attempts: number;
  contacts: number;
  rpcContacts: number;
  promises: number;
  promisedAmount: number;
  recoveredAmount: number;
}

/** Someone was reached: the contact rate's "any party reached" (a connected result with a party). */
const reached = (party: RawValue, code: RawValue): boolean => party !== 'none' && typeof code === 'string' && isConnected(code as ResultCode);

/**
 * The figures per calendar day. Cases worked, right-party contacts, promises and recovered amounts are the KPI
 * module's daily trend (one definition for the dashboard, `report kpi` and the bank); the trend has no attempt
 * count, contact count or promised amount, which are added here over the same days: attempts are activities,
 * contacts are activities in which someone was reached, the promised amount is the sum of the promises counted
 * that day. `activities` are the period's activity records when the returns already read them.
 */
export function dailyFigures(db: Db, actor: Actor, p: Period, activities?: ReturnRecord[]): DailyFigures[] {
  const trend = kpiTrend(db, actor, { clientCode: p.client.code, from: p.from, to: p.to }, p.to);
  const local = localTimes(p.tz);
  const extra = new Map<string, { attempts: number; contacts: number; promisedAmount: number }>();
  const bump = (iso: RawValue, k: 'attempts' | 'contacts' | 'promisedAmount', n: number) => {
    const t = typeof iso === 'string' ? local(iso) : null;
    if (!t) return;
    const day = dayOf(t);
    const e = extra.get(day) ?? { attempts: 0, contacts: 0, promisedAmount: 0 };
    e[k] += n;
    extra.set(day, e);
  };
  const params = { clientId: p.client.id, fromAt: p.fromAt, toAt: p.toAt };
  const acts =
    activities?.map((a) => a.values) ??
    (db.prepare(`SELECT a.started_at AS at, a.party AS party, a.result_code AS resultCode FROM activities a JOIN cases c ON c.id = a.case_id
      WHERE c.client_id = @clientId AND a.started_at >= @fromAt AND a.started_at < @toAt`).all(params) as ReturnRecord['values'][]);
  for (const a of acts) {
    bump(a.at ?? null, 'attempts', 1);
    if (reached(a.party ?? null, a.resultCode ?? null)) bump(a.at ?? null, 'contacts', 1);
  }
  const proms = db.prepare(`SELECT pr.created_at AS at, pr.amount_fen AS fen FROM promises pr JOIN cases c ON c.id = pr.case_id
    WHERE c.client_id = @clientId AND pr.created_at >= @fromAt AND pr.created_at < @toAt`);
  for (const r of proms.iterate(params) as IterableIterator<{ at: string; fen: number }>) bump(r.at, 'promisedAmount', r.fen);
  return trend.map((d) => {
    const e = extra.get(d.day) ?? { attempts: 0, contacts: 0, promisedAmount: 0 };
    return { date: d.day, workedCases: d.workedCases, attempts: e.attempts, contacts: e.contacts, rpcContacts: d.rpcContacts, promises: d.promises, promisedAmount: e.promisedAmount, recoveredAmount: d.recoveredFen };
  });
}

const AMOUNTS = new Set<DailyField>(['promisedAmount', 'recoveredAmount']);

/** The daily report as a table in the profile's template; the total row counts a case worked on two days once. */
export function dailyTable(db: Db, actor: Actor, p: Period, section: DailyReportSection, activities?: ReturnRecord[]): Table {
  const days = dailyFigures(db, actor, p, activities);
  const cell = (f: DailyField, d: DailyFigures): Cell => (f === 'date' ? formatDay(d.date, p.returns.dateFormat) : AMOUNTS.has(f) ? { fen: d[f] } : d[f]);
  const rows = days.map((d) => section.columns.map((c) => cell(c.field, d)));
  if (section.totalRow) {
    const sum = (k: Exclude<DailyField, 'date'>) => days.reduce((s, d) => s + d[k], 0);
    // one day's worked cases are that day's figure; over several days a case worked on two of them counts once
    const worked = days.length === 1 ? (days[0]?.workedCases ?? 0) : kpiReport(db, actor, { clientCode: p.client.code, from: p.from, to: p.to }, p.to).total.workedCases;
    rows.push(
      section.columns.map((c) => {
        if (c.field === 'date') return text(section.totalLabel);
        if (c.field === 'workedCases') return worked;
        return AMOUNTS.has(c.field) ? { fen: sum(c.field) } : sum(c.field);
      }),
    );
  }
  return { name: section.sheet, headers: headerRow(section), rows };
}
