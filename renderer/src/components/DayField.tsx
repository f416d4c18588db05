import type { SxProps, Theme } from '@mui/material';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { testIdProps } from './testIdProps';
import { toDayjs, usePickerValue } from './usePickerValue';
import { CALENDAR_HEADER_FORMAT, DAY_PICKER_FORMAT } from '../format';

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

/**
 * A calendar date typed or picked in the app's language: 2026/11/24 in Chinese, 24 Nov 2026 in English — never the
 * browser's locale. The value stays YYYY-MM-DD.
 */
export function DayField({ label, value, onChange, min, max, error, helperText, required, disabled, sx, testId }: DayFieldProps) {
  const { language, inner, change } = usePickerValue(value, onChange, ISO_DAY);
  return (
    <DatePicker
      label={label}
      value={inner}
      onChange={change}
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
