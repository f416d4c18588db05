import { z } from 'zod';
import { KPI_GROUPINGS, KpiReport, KpiTrendPoint } from '../kpi/kpi';
import { method } from './method';

/** Team lead: KPIs (the same figures as `report kpi`), the daily trend, and the cases behind a number. */
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const KpiQuery = { clientCode: z.string().trim().min(1).max(32), from: Day.optional(), to: Day.optional(), batchId: z.string().max(64).optional() };

export const leadMethods = {
  'kpi.report': method(z.object({ ...KpiQuery, by: z.enum(KPI_GROUPINGS).optional() }).strict(), KpiReport, 'user'),
  'kpi.trend': method(z.object(KpiQuery).strict(), z.array(KpiTrendPoint), 'user'),
} as const;
