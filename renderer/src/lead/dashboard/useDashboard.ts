import { useMemo } from 'react';
import type { KpiGrouping, KpiReport, KpiTrendPoint } from '../../../../shared/kpi/kpi';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';

/** The client filter's value for every client side by side. */
export const ALL_CLIENTS = '*';

export interface DashboardFilters {
  /** a client's code, or ALL_CLIENTS */
  clientCode: string;
  /** '' = every batch */
  batchId: string;
  /** '' = from the start of the placement term */
  from: string;
  /** '' = to the end of the placement term (or today) */
  to: string;
}

export interface KpiQuery {
  clientCode: string;
  batchId?: string;
  from?: string;
  to?: string;
}

/** The filters as the contract's query; null while no client is chosen or the period is back to front. */
export function toQuery(f: DashboardFilters): KpiQuery | null {
  if (!f.clientCode || (f.from && f.to && f.from > f.to)) return null;
  return { clientCode: f.clientCode, batchId: f.batchId || undefined, from: f.from || undefined, to: f.to || undefined };
}

export interface Dashboard {
  report: KpiReport | null;
  trend: KpiTrendPoint[] | null;
  error: unknown;
  loading: boolean;
}

/**
 * The figures of the dashboard: the report grouped as asked (its total feeds the cards) and the daily trend; for every
 * client, one row per client and no trend. With no valid query (a period back to front) there are no figures: the last
 * ones are not left on screen as if they answered it.
 */
export function useDashboard(query: KpiQuery | null, by: KpiGrouping, generation: number): Dashboard {
  const q = useMemo(() => (query ? JSON.stringify(query) : null), [query]);
  const all = query?.clientCode === ALL_CLIENTS;
  const report = useLoad(q === null ? null : `${q}|${all ? 'clients' : by}|${generation}`, () =>
    all ? api.call('kpi.clients', { from: query?.from, to: query?.to }) : api.call('kpi.report', { ...(query as KpiQuery), by }),
  );
  const trend = useLoad(q === null || all ? null : `${q}|${generation}`, () => api.call('kpi.trend', query as KpiQuery));
  if (q === null) return { report: null, trend: null, error: null, loading: false };
  return { report: report.value, trend: all ? [] : trend.value, error: report.error ?? (all ? null : trend.error), loading: report.loading || (!all && trend.loading) };
}
