import type { TFunction } from 'i18next';
import type { KpiGrouping, KpiReport, KpiRow } from '../../../../shared/kpi/kpi';
import type { SheetData } from '../../export/xlsx';
import { FIGURE_COLUMNS, figureCell, figureLabel, groupLabel } from '../figures';

export type SortKey = 'label' | (typeof FIGURE_COLUMNS)[number]['key'];
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

/** The rows in the order the table shows them; absent rates always last. */
export function sortRows(rows: KpiRow[], sort: Sort, label: (r: KpiRow) => string): KpiRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (sort.key === 'label') return sign * label(a).localeCompare(label(b), 'zh-CN', { numeric: true });
    const x = a[sort.key];
    const y = b[sort.key];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * (x - y);
  });
}

/** The grouped table exactly as shown (same order, same formats, the total last) for the spreadsheet. */
export function groupSheet(t: TFunction, report: KpiReport, by: KpiGrouping, sort: Sort, language: string): SheetData {
  const label = (r: KpiRow) => groupLabel(t, by, r);
  const rows = sortRows(report.rows, sort, label);
  return {
    sheetName: t(`lead.dash.by.${by}`),
    headers: [t(`lead.dash.group.${by}`), ...FIGURE_COLUMNS.map((c) => figureLabel(t, c.key))],
    rows: [
      ...rows.map((r) => [label(r), ...FIGURE_COLUMNS.map((c) => figureCell(r, c, language))]),
      [t('lead.dash.total'), ...FIGURE_COLUMNS.map((c) => figureCell(report.total, c, language))],
    ],
  };
}
