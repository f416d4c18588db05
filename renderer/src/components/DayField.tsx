import type { SxProps, Theme } from '@mui/material';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { testIdProps } from './testIdProps';
import { CALENDAR_HEADER_FORMAT, DAY_PICKER_FORMAT } from '../format';
import type { Language } from '../i18n';

const ISO_DAY = 'YYYY-MM-DD';

interface DayFieldProps {
  label: string;
  /** a calendar date, YYYY-MM-DD, or '' */
  value: string;
  /** YYYY-MM-DD, or '' while the field is empty or half typed */
  onChange(day: string): void;
  min?: string | null;
  max?: string | null;
  error?: boolean;
  helperText?: string;
  required?: boolean;
  disabled?: boolean;
  sx?: SxProps<Theme>;
  testId?: string;
}

const toDayjs = (day: string | null | undefined): Dayjs | null => (day ? dayjs(day) : null);
const toDay = (d: Dayjs | null): string => (d && d.isValid() ? d.format(ISO_DAY) : '');

/**
 * A calendar date typed or picked in the app's language: 2026/11/24 in Chinese, 24 Nov 2026 in English — never the
 * browser's locale. The value stays YYYY-MM-DD.
 */
export function DayField({ label, value, onChange, min, max, error, helperText, required, disabled, sx, testId }: DayFieldProps) {
  const { i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const [inner, setInner] = useState<Dayjs | null>(() => toDayjs(value));
  const [seen, setSeen] = useState(value);
  // A new value from outside (a preset, a reset) replaces what is typed; a half-typed date is kept while it says ''.
  if (value !== seen) {
    setSeen(value);
    if (value !== toDay(inner)) setInner(toDayjs(value));
  }
  return (
    <DatePicker
      label={label}
      value={inner}
      onChange={(d) => {
        setInner(d);
        onChange(toDay(d));
      }}
      format={DAY_PICKER_FORMAT[language]}
      minDate={toDayjs(min) ?? undefined}
      maxDate={toDayjs(max) ?? undefined}
      disabled={disabled}
      sx={sx}
      slotProps={{
        calendarHeader: { format: CALENDAR_HEADER_FORMAT[language] },
        textField: { size: 'small', fullWidth: true, error, helperText, required, slotProps: { htmlInput: testIdProps(testId) } },
      }}
    />
  );
}
