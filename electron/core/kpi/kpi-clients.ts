import { addCounts, emptyCounts, figures, type KpiCounts, type KpiReport } from '../../../shared/kpi/kpi';
import type { Actor } from '../auth/actor';
import { listClients } from '../clients/clients';
import type { Db } from '../db/open';
import { kpiCounts, kpiScope } from './kpi-report';

/**
 * Every client's KPIs side by side, with the agency's total: one row per client (key = its code), each counted as
 * `kpiReport` counts it with the client's own commission rates. The total adds the unrounded counts of the rows, so its
 * commission is rounded once, as in every grouping of one client.
 */
export function kpiClientsReport(db: Db, actor: Actor, q: { from?: string; to?: string }, today: string): KpiReport {
  let total: KpiCounts = emptyCounts();
  const rows: KpiReport['rows'] = [];
  for (const client of listClients(db)) {
    const s = kpiScope(db, actor, { clientCode: client.code, from: q.from, to: q.to }, today);
    const counts = [...kpiCounts(db, s, 'all').values()].reduce(addCounts, emptyCounts());
    total = addCounts(total, counts);
    rows.push({ key: client.code, label: client.name, ...figures(counts) });
  }
  return { client: '*', by: null, from: q.from ?? null, to: q.to ?? null, total: figures(total), rows };
}
