import { InputAdornment, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/AppContext';
import { DayField } from '../../components/DayField';
import { formatFen } from '../../format';
import { formatDay } from '../dates';

interface Props {
  amount: string;
  date: string;
  onChange(patch: { promiseAmount?: string; promiseDate?: string }): void;
  amountError?: string;
  dateError?: string;
  balanceFen: number;
  today: string;
  dueBackAt: string | null;
  disabled: boolean;
}

/** Promise to pay: amount in yuan (≤ balance) and date (today … due-back). */
export function PromiseFields({ amount, date, onChange, amountError, dateError, balanceFen, today, dueBackAt, disabled }: Props) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  return (
    <Stack direction="row" spacing={1}>
      <TextField
        required
        label={t('wb.outcome.promiseAmount')}
        value={amount}
        onChange={(e) => onChange({ promiseAmount: e.target.value })}
        error={Boolean(amountError)}
        helperText={amountError ?? t('wb.outcome.atMost', { balance: formatFen(balanceFen) })}
        disabled={disabled}
        slotProps={{ input: { endAdornment: <InputAdornment position="end">{t('wb.outcome.yuan')}</InputAdornment> }, htmlInput: { inputMode: 'decimal' } }}
      />
      <DayField
        required
        label={t('wb.outcome.promiseDate')}
        value={date}
        onChange={(promiseDate) => onChange({ promiseDate })}
        error={Boolean(dateError)}
        helperText={dateError ?? (dueBackAt ? t('wb.outcome.until', { date: formatDay(dueBackAt, prefs.language) }) : ' ')}
        disabled={disabled}
        min={today}
        max={dueBackAt}
      />
    </Stack>
  );
}
