import { ListSubheader, MenuItem, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { NOT_REACHED, RESULT_CODES, type ResultCode } from '../../../../shared/compliance/types';

const REACHED = RESULT_CODES.filter((c) => !NOT_REACHED.includes(c));
/** Negotiation is with the debtor only (CN-3P). */
const DEBTOR_ONLY: ResultCode[] = ['PTP', 'HARDSHIP'];

interface Props {
  value: ResultCode | '';
  onChange(code: ResultCode): void;
  debtorOnLine: boolean;
  error?: string;
  disabled: boolean;
}

/** The result code, grouped: someone reached / nobody reached. */
export function ResultSelect({ value, onChange, debtorOnLine, error, disabled }: Props) {
  const { t } = useTranslation();
  const item = (c: ResultCode) => (
    <MenuItem key={c} value={c} disabled={!debtorOnLine && DEBTOR_ONLY.includes(c)}>
      {t(`wb.results.${c}`)}
    </MenuItem>
  );
  return (
    <TextField
      select
      required
      label={t('wb.outcome.result')}
      value={value}
      onChange={(e) => onChange(e.target.value as ResultCode)}
      error={Boolean(error)}
      helperText={error}
      disabled={disabled}
      slotProps={{ select: { MenuProps: { slotProps: { paper: { sx: { maxHeight: 420 } } } } } }}
    >
      <ListSubheader>{t('wb.outcome.reachedGroup')}</ListSubheader>
      {REACHED.map(item)}
      <ListSubheader>{t('wb.outcome.notReachedGroup')}</ListSubheader>
      {NOT_REACHED.map(item)}
    </TextField>
  );
}
