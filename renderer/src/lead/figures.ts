import type { TFunction } from 'i18next';
import type { DRILL_METRICS } from '../../../shared/contract/leads';
import { formatFen } from '../../../shared/domain/money';
import type { KpiFigures, KpiGrouping, KpiRow } from '../../../shared/kpi/kpi';
import type { SheetCell } from '../export/xlsx';

export type DrillMetric = (typeof DRILL_METRICS)[number];
export type FigureKey = keyof KpiFigures;
export type FigureKind = 'count' | 'amount' | 'rate';

export interface FigureColumn {
  key: FigureKey;
  kind: FigureKind;
  /** the cases behind this number */
  drill: DrillMetric;
}

/** Every figure of a KPI row, in the order the tables show them; each names the cases behind it. */
export const FIGURE_COLUMNS: readonly FigureColumn[] = [
  { key: 'cases', kind: 'count', drill: 'cases' },
  { key: 'placedFen', kind: 'amount', drill: 'cases' },
  { key: 'recoveredFen', kind: 'amount', drill: 'recovered' },
  { key: 'recoveryRateAmount', kind: 'rate', drill: 'recovered' },
  { key: 'recoveredCases', kind: 'count', drill: 'recovered' },
  { key: 'recoveryRateCount', kind: 'rate', drill: 'recovered' },
  { key: 'workedCases', kind: 'count', drill: 'worked' },
  { key: 'contactRate', kind: 'rate', drill: 'contacted' },
  { key: 'rpcRate', kind: 'rate', drill: 'rpc' },
  { key: 'ptpRate', kind: 'rate', drill: 'promises' },
  { key: 'ptpKeptRateCount', kind: 'rate', drill: 'kept' },
  { key: 'ptpKeptRateAmount', kind: 'rate', drill: 'kept' },
  { key: 'commissionFen', kind: 'amount', drill: 'recovered' },
];

export const ABSENT = '—';

/** A rate 0–1 as “12.3%”; a rate without a denominator is “—”, never 0%. */
export function formatRate(rate: number | null): string {
  return rate === null ? ABSENT : `${(rate * 100).toFixed(1)}%`;
}

export function formatCount(n: number, language: string): string {
  return n.toLocaleString(language);
}

/** A figure as the screen shows it. */
export function figureText(f: KpiFigures, col: FigureColumn, language: string): string {
  const v = f[col.key];
  if (col.kind === 'rate') return formatRate(v);
  if (v === null) return ABSENT;
  return col.kind === 'amount' ? formatFen(v) : formatCount(v, language);
}

/** A figure for the spreadsheet: a number formatted as on screen; an absent rate stays “—”. */
export function figureCell(f: KpiFigures, col: FigureColumn, language: string): SheetCell {
  const v = f[col.key];
  if (v === null) return ABSENT;
  const text = figureText(f, col, language);
  if (col.kind === 'rate') return { value: v, numFmt: '0.0%', text };
  if (col.kind === 'amount') return amountCell(v);
  return v;
}

/** Fen as a yuan number with two decimals, shown as on screen (1,234.56). */
export function amountCell(fen: number): SheetCell {
  return { value: fen / 100, numFmt: '#,##0.00', text: formatFen(fen) };
}

/** A group's name: translated where the core has none (unassigned cases, cases without a stage). */
export function groupLabel(t: TFunction, by: KpiGrouping | 'client', row: Pick<KpiRow, 'key' | 'label'>): string {
  if (row.key === '' && by === 'collector') return t('lead.dash.unassigned');
  if (row.key === '' && by === 'stage') return t('lead.dash.noStage');
  return row.label;
}

export const figureLabel = (t: TFunction, key: FigureKey): string => t(`lead.figure.${key}`);
