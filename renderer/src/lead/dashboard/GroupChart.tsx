import { Box } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useTranslation } from 'react-i18next';
import type { KpiGrouping, KpiRow } from '../../../../shared/kpi/kpi';
import { figureLabel, formatRate, groupLabel } from '../figures';

const pct = (v: number | null): string => (v === null ? '—' : `${v.toFixed(1)}%`);
const asPercent = (r: number | null): number | null => (r === null ? null : Math.round(r * 1000) / 10);

interface Props {
  by: KpiGrouping;
  rows: KpiRow[];
  /** a bar clicked: the group's recovered cases */
  onOpen(row: KpiRow, title: string): void;
}

/** Recovery rate by amount and by count per group, side by side. */
export function GroupChart({ by, rows, onOpen }: Props) {
  const { t } = useTranslation();
  const labels = rows.map((r) => groupLabel(t, by, r));
  const height = 64 + rows.length * 40;
  return (
    <Box role="figure" aria-label={t(`lead.dash.chartBy.${by}`)} sx={{ cursor: 'pointer' }}>
      <BarChart
        layout="horizontal"
        height={height}
        margin={{ top: 4, right: 16, bottom: 0, left: 0 }}
        yAxis={[{ scaleType: 'band', data: labels, tickLabelStyle: { fontSize: 12 }, categoryGapRatio: 0.3, barGapRatio: 0.1, width: 110 }]}
        xAxis={[{ valueFormatter: (v: number) => `${v}%`, tickLabelStyle: { fontSize: 11 } }]}
        series={[
          { data: rows.map((r) => asPercent(r.recoveryRateAmount)), label: figureLabel(t, 'recoveryRateAmount'), valueFormatter: pct, color: '#1f5fae' },
          { data: rows.map((r) => asPercent(r.recoveryRateCount)), label: figureLabel(t, 'recoveryRateCount'), valueFormatter: pct, color: '#8fb3e0' },
        ]}
        grid={{ vertical: true }}
        slotProps={{ legend: { position: { vertical: 'top', horizontal: 'end' } } }}
        localeText={{ noData: t('lead.dash.noData'), loading: t('common.loading') }}
        onItemClick={(_e, item) => {
          const row = rows[item.dataIndex];
          if (row) onOpen(row, `${labels[item.dataIndex] ?? ''} · ${figureLabel(t, 'recoveredFen')} ${formatRate(row.recoveryRateAmount)}`);
        }}
      />
    </Box>
  );
}
