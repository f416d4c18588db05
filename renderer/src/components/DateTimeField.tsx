import type { SxProps, Theme } from '@mui/material';
import { DateTimePicker } from '@mui/x-date-pickers/DateTimePicker';
import { testIdProps } from './testIdProps';
import { usePickerValue } from './usePickerValue';
import { CALENDAR_HEADER_FORMAT, DATE_TIME_PICKER_FORMAT } from '../format';

/** The workstation-local form a date-time is kept in (as `<input type="datetime-local">` had it). */
const LOCAL_MINUTE = 'YYYY-MM-DDTHH:mm';

interface DateTimeFieldProps {
  label: string;
  /** workstation time, YYYY-MM-DDTHH:mm, or '' */
  value: string;
  onChange(value: string): void;
  error?: boolean;
  helperText?: string;
  color?: 'warning';
  helperSx?: SxProps<Theme>;
  disabled?: boolean;
  required?: boolean;
  sx?: SxProps<Theme>;
  testId?: string;
}

/** A date and a 24-hour time in the app's language: 2026/11/24 14:30 in Chinese, 24 Nov 2026 14:30 in English. */
export function DateTimeField({ label, value, onChange, error, helperText, color, helperSx, disabled, required, sx, testId }: DateTimeFieldProps) {
  const { language, inner, change } = usePickerValue(value, onChange, LOCAL_MINUTE);
  return (
    <DateTimePicker
      label={label}
      value={inner}
      onChange={change}
      ampm={false}
      format={DATE_TIME_PICKER_FORMAT[language]}
      disabled={disabled}
      sx={sx}
      slotProps={{
        calendarHeader: { format: CALENDAR_HEADER_FORMAT[language] },
        textField: { size: 'small', fullWidth: true, required, error, helperText, color, slotProps: { formHelperText: { sx: helperSx }, htmlInput: testIdProps(testId) } },
      }}
    />
  );
}
