import { z } from 'zod';

/**
 * The KPIs of DESIGN.md, one definition used by the dashboard, `report kpi` and the returns. Amounts are integer
 * fen; rates are unrounded fractions 0–1, null where the denominator is 0.
 */
export const KPI_GROUPINGS = ['batch', 'collector', 'stage'] as const;
export type KpiGrouping = (typeof KPI_GROUPINGS)[number];

/** What is counted in SQL for one group. */
export interface KpiCounts {
  cases: number;
  placedFen: number;
  recoveredFen: number;
  recoveredCases: number;
  workedCases: number;
  contactedCases: number;
  rpcCases: number;
  rpcContacts: number;
  promises: number;
  promisesDue: number;
  promisesKept: number;
  promisedDueFen: number;
  paidOnDueFen: number;
  /** unrounded: each group's figure and the total are rounded once, after adding (figures()), so they agree in every grouping */
  commissionFen: number;
}

export const KpiFigures = z.object({
  cases: z.number().int(),
  placedFen: z.number().int(),
  recoveredFen: z.number().int(),
  recoveryRateAmount: z.number().nullable(),
  recoveredCases: z.number().int(),
  recoveryRateCount: z.number().nullable(),
  workedCases: z.number().int(),
  contactRate: z.number().nullable(),
  rpcRate: z.number().nullable(),
  ptpRate: z.number().nullable(),
  ptpKeptRateCount: z.number().nullable(),
  ptpKeptRateAmount: z.number().nullable(),
  commissionFen: z.number().int(),
});
export type KpiFigures = z.infer<typeof KpiFigures>;

export const KpiRow = KpiFigures.extend({ key: z.string(), label: z.string() });
export type KpiRow = z.infer<typeof KpiRow>;

export const KpiTrendPoint = z.object({
  day: z.string(),
  recoveredFen: z.number().int(),
  cumulativeRecoveredFen: z.number().int(),
  recoveryRateAmount: z.number().nullable(),
  workedCases: z.number().int(),
  rpcContacts: z.number().int(),
  promises: z.number().int(),
});
export type KpiTrendPoint = z.infer<typeof KpiTrendPoint>;

export const KpiReport = z.object({
  client: z.string(),
  by: z.enum(KPI_GROUPINGS).nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  total: KpiFigures,
  rows: z.array(KpiRow),
});
export type KpiReport = z.infer<typeof KpiReport>;

/**
 * Whole fen of an unrounded amount, rounded half up. The amount is first cut to a ten-thousandth of a fen so that the
 * same figure added in another order (by batch, by collector) rounds the same way.
 */
export function roundFen(fen: number): number {
  return Math.round(Math.round(fen * 1e4) / 1e4);
}

const rate = (n: number, d: number): number | null => (d === 0 ? null : n / d);

export function figures(c: KpiCounts): KpiFigures {
  return {
    cases: c.cases,
    placedFen: c.placedFen,
    recoveredFen: c.recoveredFen,
    recoveryRateAmount: rate(c.recoveredFen, c.placedFen),
    recoveredCases: c.recoveredCases,
    recoveryRateCount: rate(c.recoveredCases, c.cases),
    workedCases: c.workedCases,
    contactRate: rate(c.contactedCases, c.workedCases),
    rpcRate: rate(c.rpcCases, c.workedCases),
    ptpRate: rate(c.promises, c.rpcContacts),
    ptpKeptRateCount: rate(c.promisesKept, c.promisesDue),
    ptpKeptRateAmount: rate(c.paidOnDueFen, c.promisedDueFen),
    commissionFen: roundFen(c.commissionFen),
  };
}

export function emptyCounts(): KpiCounts {
  return { cases: 0, placedFen: 0, recoveredFen: 0, recoveredCases: 0, workedCases: 0, contactedCases: 0, rpcCases: 0, rpcContacts: 0, promises: 0, promisesDue: 0, promisesKept: 0, promisedDueFen: 0, paidOnDueFen: 0, commissionFen: 0 };
}

export function addCounts(a: KpiCounts, b: KpiCounts): KpiCounts {
  const out = { ...a };
  for (const k of Object.keys(b) as (keyof KpiCounts)[]) out[k] += b[k];
  return out;
}

/** The commission rate of a case: the first rule whose stage and hand (each optional) match, else the default. */
export function commissionRate(schedule: { rates: { stage?: string; hand?: number; rate: number }[]; defaultRate: number } | undefined, stage: string | null, hand: number | null): number {
  if (!schedule) return 0;
  const rule = schedule.rates.find((r) => (r.stage === undefined || r.stage === stage) && (r.hand === undefined || r.hand === hand));
  return rule ? rule.rate : schedule.defaultRate;
}
