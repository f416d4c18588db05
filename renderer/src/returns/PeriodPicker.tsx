import { VisibilityOutlined } from '@mui/icons-material';
import { Button, Chip, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { DateRangeFields } from '../components/DateRangeFields';
import type { ReturnsClient } from '../../../shared/contract/returns';
import { PRESETS, periodProblem, presetOf, presetPeriod, type Period } from './periods';

interface Props {
  clients: ReturnsClient[];
  today: string;
  clientCode: string;
  period: Period;
  busy: boolean;
  onClient(code: string): void;
  onPeriod(p: Period): void;
  onPreview(): void;
}

const DATE_SX = { width: 165 } as const;

/** Client and period (with the usual presets), and the preview button. */
export function PeriodPicker({ clients, today, clientCode, period, busy, onClient, onPeriod, onPreview }: Props) {
  const { t } = useTranslation();
  const problem = periodProblem(period);
  const client = clients.find((c) => c.code === clientCode);
  const current = presetOf(period, today);
  const shownProblem = problem && problem !== 'missing' ? problem : null;
  return (
    <Stack spacing={1.25}>
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <TextField select label={t('returns.client')} value={clientCode} onChange={(e) => onClient(e.target.value)} sx={{ width: 240 }} slotProps={{ htmlInput: { 'data-testid': 'returns-client' } }}>
          {clients.map((c) => (
            <MenuItem key={c.code} value={c.code}>
              {c.name}
            </MenuItem>
          ))}
        </TextField>
        <DateRangeFields
          value={period}
          onChange={onPeriod}
          labels={{ from: t('returns.from'), to: t('returns.to') }}
          error={Boolean(shownProblem)}
          sx={DATE_SX}
          testIds={{ from: 'returns-from', to: 'returns-to' }}
        />
        <Button variant="contained" startIcon={<VisibilityOutlined />} onClick={onPreview} disabled={busy || problem !== null || !client?.format} sx={{ mt: 0.25 }}>
          {busy ? t('returns.previewing') : t('returns.preview')}
        </Button>
      </Stack>
      <Stack direction="row" spacing={0.75} useFlexGap role="group" aria-label={t('returns.presetsLabel')} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        {PRESETS.map((p) => (
          <Chip key={p} size="small" label={t(`returns.presets.${p}`)} color={current === p ? 'primary' : 'default'} variant={current === p ? 'filled' : 'outlined'} onClick={() => onPeriod(presetPeriod(p, today))} />
        ))}
        {shownProblem && (
          <Typography variant="body2" color="error" role="alert" sx={{ ml: 1 }}>
            {t(`returns.period.${shownProblem}`)}
          </Typography>
        )}
      </Stack>
    </Stack>
  );
}
