import { RestartAltOutlined } from '@mui/icons-material';
import { Button, ButtonGroup, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { DateRangeFields } from '../../components/DateRangeFields';
import type { ClientSummary } from '../../../../shared/contract/intake';
import { formatCalendarDay } from '../../format';
import { localToday, PERIOD_PRESETS, presetOf, presetRange } from './periodPresets';
import { ALL_CLIENTS, type DashboardFilters as Filters } from './useDashboard';

export interface BatchOption {
  id: string;
  label: string;
}

interface Props {
  clients: ClientSummary[];
  batches: BatchOption[];
  value: Filters;
  onChange(next: Filters): void;
  /** the placement term of the selection (first placed – last due back), when known */
  term: { from: string; to: string } | null;
}

const DATE_SX = { width: 160 } as const;

/** Client, batch and period; with no dates the figures cover the whole placement term. */
export function DashboardFilterBar({ clients, batches, value, onChange, term }: Props) {
  const { t, i18n } = useTranslation();
  const set = (change: Partial<Filters>) => onChange({ ...value, ...change });
  const backwards = Boolean(value.from && value.to && value.from > value.to);
  const dated = Boolean(value.from || value.to);
  const day = (d: string | undefined) => (d ? formatCalendarDay(d, i18n.language) : '…');
  const today = localToday();
  const preset = presetOf({ from: value.from, to: value.to }, today);
  let periodText = t('lead.dash.wholeTerm');
  if (term) periodText = t('lead.dash.wholeTermDates', { from: day(term.from), to: day(term.to) });
  if (dated) periodText = t('lead.dash.period', { from: day(value.from || term?.from), to: day(value.to || term?.to) });
  return (
    <Paper variant="outlined" component="section" aria-label={t('lead.dash.filters')} sx={{ px: 2, py: 1.5, mb: 2 }}>
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField select label={t('lead.filter.client')} value={value.clientCode} onChange={(e) => set({ clientCode: e.target.value, batchId: '' })} sx={{ width: 200 }}>
          <MenuItem value={ALL_CLIENTS}>{t('lead.filter.allClients')}</MenuItem>
          {clients.map((c) => (
            <MenuItem key={c.code} value={c.code}>
              {c.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label={t('lead.filter.batch')}
          value={value.batchId}
          disabled={value.clientCode === ALL_CLIENTS}
          onChange={(e) => set({ batchId: e.target.value })}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          sx={{ width: 200 }}
        >
          <MenuItem value="">{t('lead.filter.allBatches')}</MenuItem>
          {batches.map((b) => (
            <MenuItem key={b.id} value={b.id}>
              {b.label}
            </MenuItem>
          ))}
        </TextField>
        <DateRangeFields value={{ from: value.from, to: value.to }} onChange={set} labels={{ from: t('lead.filter.from'), to: t('lead.filter.to') }} sx={DATE_SX} />
        <ButtonGroup size="small" aria-label={t('lead.dash.presets')}>
          {PERIOD_PRESETS.map((p) => (
            <Button key={p} variant={preset === p ? 'contained' : 'outlined'} aria-pressed={preset === p} onClick={() => set(presetRange(p, today))}>
              {t(`lead.dash.preset.${p}`)}
            </Button>
          ))}
        </ButtonGroup>
        {dated && (
          <Button startIcon={<RestartAltOutlined />} onClick={() => set({ from: '', to: '' })}>
            {t('lead.dash.resetPeriod')}
          </Button>
        )}
        <Typography variant="body2" color={backwards ? 'error' : 'textSecondary'} role={backwards ? 'alert' : undefined} sx={{ ml: 'auto' }}>
          {backwards ? t('lead.dash.backwards') : periodText}
        </Typography>
      </Stack>
    </Paper>
  );
}
