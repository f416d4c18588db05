import { Box } from '@mui/material';
import { LineChart, lineClasses } from '@mui/x-charts/LineChart';
import { useTranslation } from 'react-i18next';
import type { KpiTrendPoint } from '../../../../shared/kpi/kpi';
import { formatFen } from '../../../../shared/domain/money';
import { formatCalendarDay, formatShortDay } from '../../format';

interface Props {
  points: KpiTrendPoint[];
}

/** Yuan for an axis tick: 12,000 → “1.2万” in Chinese, “12k” in English. */
function compactYuan(yuan: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'zh-CN', { notation: 'compact', maximumFractionDigits: 1 }).format(yuan);
}

/** Over the placement term: the cumulative recovery rate (left axis) and the amount recovered each day (right axis). */
export function TrendChart({ points }: Props) {
  const { t, i18n } = useTranslation();
  const byDay = new Map(points.map((p) => [p.day, p]));
  return (
    <Box role="figure" aria-label={t('lead.dash.trendTitle')}>
      <LineChart
        height={260}
        margin={{ top: 8, right: 4, bottom: 0, left: 0 }}
        xAxis={[{ scaleType: 'point', data: points.map((p) => p.day), valueFormatter: (d: string, ctx) => (ctx.location === 'tick' ? formatShortDay(d, i18n.language) : formatCalendarDay(d, i18n.language)), tickLabelStyle: { fontSize: 11 } }]}
        yAxis={[
          { id: 'rate', valueFormatter: (v: number) => `${v}%`, width: 48, tickLabelStyle: { fontSize: 11 } },
          { id: 'amount', position: 'right', valueFormatter: (v: number) => compactYuan(v, i18n.language), width: 56, tickLabelStyle: { fontSize: 11 } },
        ]}
        series={[
          {
            yAxisId: 'rate',
            data: points.map((p) => (p.recoveryRateAmount === null ? null : Math.round(p.recoveryRateAmount * 10000) / 100)),
            label: t('lead.dash.cumulativeRate'),
            showMark: false,
            curve: 'linear',
            color: '#1f5fae',
            valueFormatter: (v: number | null) => (v === null ? '—' : `${v.toFixed(2)}%`),
          },
          {
            yAxisId: 'amount',
            data: points.map((p) => p.recoveredFen / 100),
            label: t('lead.dash.dailyRecovered'),
            showMark: false,
            area: true,
            curve: 'linear',
            color: '#d99a2b',
            valueFormatter: (_v: number | null, ctx) => formatFen(byDay.get(points[ctx.dataIndex]?.day ?? '')?.recoveredFen ?? 0),
          },
        ]}
        grid={{ horizontal: true }}
        slotProps={{ legend: { position: { vertical: 'top', horizontal: 'end' } } }}
        localeText={{ noData: t('lead.dash.noData'), loading: t('common.loading') }}
        sx={{ [`& .${lineClasses.area}`]: { fillOpacity: 0.22 }, [`& .${lineClasses.line}`]: { strokeWidth: 1.75 } }}
      />
    </Box>
  );
}
