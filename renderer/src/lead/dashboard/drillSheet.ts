import type { TFunction } from 'i18next';
import type { MethodOutput } from '../../../../shared/contract/methods';
import type { KpiGrouping } from '../../../../shared/kpi/kpi';
import { api } from '../../api/client';
import type { SheetData } from '../../export/xlsx';
import { ABSENT, amountCell, type DrillMetric } from '../figures';
import type { KpiQuery } from './useDashboard';

export interface DrillSpec {
  metric: DrillMetric;
  title: string;
  by?: KpiGrouping;
  key?: string;
}

export type DrillRow = MethodOutput<'kpi.drill'>['rows'][number];

const EXPORT_PAGE = 500;
/** more than this many cases: export the first ones and say so in the sheet name */
export const EXPORT_LIMIT = 50_000;

export const DRILL_HEADERS = ['caseNo', 'debtor', 'stage', 'status', 'placed', 'balance', 'recovered', 'collector'] as const;

/** A drilled case as the table shows it (the debtor's name comes masked from the core). */
export function drillCells(t: TFunction, r: DrillRow) {
  return [r.caseNo, r.debtorName ?? ABSENT, r.stage ?? ABSENT, t(`caseStatus.${r.status}`, { defaultValue: r.status }), amountCell(r.placedFen), amountCell(r.balanceFen), amountCell(r.recoveredFen), r.collector ?? t('lead.dash.unassigned')];
}

/** Every case behind the number (page by page), as the dialog shows them. */
export async function drillSheet(t: TFunction, query: KpiQuery, spec: DrillSpec): Promise<SheetData> {
  const rows: DrillRow[] = [];
  for (let page = 0; rows.length < EXPORT_LIMIT; page++) {
    const r = await api.call('kpi.drill', { ...query, metric: spec.metric, by: spec.by, key: spec.key, page, pageSize: EXPORT_PAGE });
    rows.push(...r.rows);
    if (r.rows.length < EXPORT_PAGE || rows.length >= r.total) break;
  }
  return {
    sheetName: spec.title,
    headers: DRILL_HEADERS.map((h) => t(`lead.drill.col.${h}`)),
    rows: rows.map((r) => drillCells(t, r)),
  };
}
