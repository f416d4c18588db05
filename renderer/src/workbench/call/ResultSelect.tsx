import { Box, ListSubheader, MenuItem, TextField } from '@mui/material';
import { useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { NOT_REACHED, RESULT_CODES, type ResultCode } from '../../../../shared/compliance/types';

/** Negotiation is with the debtor only (CN-3P). */
const DEBTOR_ONLY: ResultCode[] = ['PTP', 'HARDSHIP'];

/**
 * The keys 1…9 and 0 choose the commonest codes, in the order a collector meets them: nobody reached first, then
 * someone reached. The rarer codes (hardship, dispute, deceased, complaint) are chosen from the list.
 */
export const RESULT_KEYS: readonly ResultCode[] = ['NO_ANSWER', 'BUSY', 'POWERED_OFF', 'DISCONNECTED', 'PTP', 'CALLBACK', 'REFUSED', 'LEFT_MESSAGE', 'WRONG_NUMBER', 'PAID_CLAIM'];
export const keyOf = (code: ResultCode): string | null => {
  const i = RESULT_KEYS.indexOf(code);
  return i < 0 ? null : String((i + 1) % 10);
};
const REACHED = [...RESULT_KEYS.filter((c) => !NOT_REACHED.includes(c)), ...RESULT_CODES.filter((c) => !NOT_REACHED.includes(c) && !RESULT_KEYS.includes(c))];
const NONE = RESULT_KEYS.filter((c) => NOT_REACHED.includes(c));

interface Props {
  value: ResultCode | '';
  onChange(code: ResultCode): void;
  debtorOnLine: boolean;
  error?: string;
  disabled: boolean;
  /** `.focus()` on it focuses the field */
  inputRef?: Ref<HTMLInputElement>;
}

/** The result code, grouped (nobody reached / someone reached), each common one with its number key. */
export function ResultSelect({ value, onChange, debtorOnLine, error, disabled, inputRef }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const allowed = (c: ResultCode) => debtorOnLine || !DEBTOR_ONLY.includes(c);
  // A number key on the field or in its open list chooses the code (the list's own keys stay: arrows, Enter, letters).
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || !/^[0-9]$/.test(e.key)) return;
    const code = RESULT_KEYS[(Number(e.key) + 9) % 10];
    if (!code || !allowed(code)) return;
    e.preventDefault();
    e.stopPropagation();
    onChange(code);
    setOpen(false);
  };
  const item = (c: ResultCode) => {
    const k = keyOf(c);
    return (
      <MenuItem key={c} value={c} disabled={!allowed(c)}>
        <Box component="span" sx={{ flex: 1 }}>
          {t(`wb.results.${c}`)}
        </Box>
        {k && (
          <Box component="kbd" aria-hidden sx={{ ml: 2, minWidth: 18, textAlign: 'center', fontSize: 11, border: 1, borderColor: 'divider', borderRadius: 0.75, color: 'text.secondary' }}>
            {k}
          </Box>
        )}
      </MenuItem>
    );
  };
  return (
    <TextField
      select
      required
      label={t('wb.outcome.result')}
      value={value}
      onChange={(e) => onChange(e.target.value as ResultCode)}
      onKeyDown={onKeyDown}
      inputRef={inputRef}
      error={Boolean(error)}
      helperText={error}
      disabled={disabled}
      sx={{ flex: 1, minWidth: 0 }}
      slotProps={{
        select: {
          open,
          onOpen: () => setOpen(true),
          onClose: () => setOpen(false),
          // The chosen code without its key hint in the closed field.
          renderValue: (v) => (v ? t(`wb.results.${v as ResultCode}`) : ''),
          SelectDisplayProps: { 'aria-keyshortcuts': '1 2 3 4 5 6 7 8 9 0' },
          MenuProps: { slotProps: { paper: { sx: { maxHeight: 440 } } } },
        },
      }}
    >
      <ListSubheader>{t('wb.outcome.notReachedGroup')}</ListSubheader>
      {NONE.map(item)}
      <ListSubheader>{t('wb.outcome.reachedGroup')}</ListSubheader>
      {REACHED.map(item)}
    </TextField>
  );
}
