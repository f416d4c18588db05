import { Add, DeleteOutlined } from '@mui/icons-material';
import { Button, IconButton, InputAdornment, Stack, TextField, ToggleButton, ToggleButtonGroup, Tooltip, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { DayField } from '../../components/DayField';
import type { PlanKind, ScheduleLine } from './outcomeModel';

const KINDS: PlanKind[] = ['installment', 'deferral', 'settlement'];

interface Props {
  kind: PlanKind;
  schedule: ScheduleLine[];
  waiver: string;
  onChange(patch: { planKind?: PlanKind; schedule?: ScheduleLine[]; waiver?: string }): void;
  errorText(field: string): string | undefined;
  today: string;
  dueBackAt: string | null;
  disabled: boolean;
}

/** A plan request for a lead to approve: installments, a deferral, or a settlement with a waiver; a small schedule editor. */
export function PlanEditor({ kind, schedule, waiver, onChange, errorText, today, dueBackAt, disabled }: Props) {
  const { t } = useTranslation();
  const setLine = (i: number, patch: Partial<ScheduleLine>) => onChange({ schedule: schedule.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const nextKey = Math.max(0, ...schedule.map((s) => s.key)) + 1;
  const single = kind === 'deferral';
  return (
    <Stack spacing={1}>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={kind}
        disabled={disabled}
        onChange={(_e, v: PlanKind | null) => v && onChange({ planKind: v, ...(v === 'deferral' ? { schedule: schedule.slice(0, 1) } : {}) })}
        aria-label={t('wb.outcome.planKind')}
      >
        {KINDS.map((k) => (
          <ToggleButton key={k} value={k} sx={{ py: 0.25, px: 1.25, fontSize: 12 }}>
            {t(`wb.planKinds.${k}`)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <Typography variant="caption" color="textSecondary">
        {t(`wb.outcome.planHelp.${kind}`)}
      </Typography>
      {schedule.map((s, i) => (
        <Stack key={s.key} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <DayField
            label={t('wb.outcome.lineDate', { n: i + 1 })}
            value={s.dueDate}
            onChange={(dueDate) => setLine(i, { dueDate })}
            error={Boolean(errorText(`plan.${i}.date`))}
            helperText={errorText(`plan.${i}.date`)}
            disabled={disabled}
            min={today}
            max={dueBackAt}
          />
          <TextField
            label={t('wb.outcome.lineAmount')}
            value={s.amount}
            onChange={(e) => setLine(i, { amount: e.target.value })}
            error={Boolean(errorText(`plan.${i}.amount`))}
            helperText={errorText(`plan.${i}.amount`)}
            disabled={disabled}
            slotProps={{ input: { endAdornment: <InputAdornment position="end">{t('wb.outcome.yuan')}</InputAdornment> }, htmlInput: { inputMode: 'decimal' } }}
          />
          <Tooltip title={t('wb.outcome.removeLine')}>
            <span>
              <IconButton aria-label={t('wb.outcome.removeLine')} disabled={disabled || schedule.length === 1} onClick={() => onChange({ schedule: schedule.filter((_, j) => j !== i) })} sx={{ mt: 0.5 }}>
                <DeleteOutlined fontSize="small" />
              </IconButton>
            </span>
          </Tooltip>
        </Stack>
      ))}
      {!single && (
        <Button startIcon={<Add />} disabled={disabled || schedule.length >= 36} onClick={() => onChange({ schedule: [...schedule, { key: nextKey, dueDate: '', amount: '' }] })} sx={{ alignSelf: 'flex-start' }}>
          {t('wb.outcome.addLine')}
        </Button>
      )}
      {kind === 'settlement' && (
        <TextField
          label={t('wb.outcome.waiver')}
          value={waiver}
          onChange={(e) => onChange({ waiver: e.target.value })}
          error={Boolean(errorText('plan.waiver'))}
          helperText={errorText('plan.waiver') ?? t('wb.outcome.waiverHelp')}
          disabled={disabled}
          slotProps={{ input: { endAdornment: <InputAdornment position="end">{t('wb.outcome.yuan')}</InputAdornment> }, htmlInput: { inputMode: 'decimal' } }}
        />
      )}
    </Stack>
  );
}
