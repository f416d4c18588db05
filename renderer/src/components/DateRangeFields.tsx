import type { SxProps, Theme } from '@mui/material';
import { DayField } from './DayField';

export interface DateRange {
  from: string;
  to: string;
}

interface DateRangeFieldsProps {
  value: DateRange;
  onChange(range: DateRange): void;
  labels: { from: string; to: string };
  /** shown in red; by default when the range runs backwards */
  error?: boolean;
  sx?: SxProps<Theme>;
  testIds?: { from: string; to: string };
}

/** From and to calendar dates side by side, in the app's language; each picker stops at the other's date. */
export function DateRangeFields({ value, onChange, labels, error, sx, testIds }: DateRangeFieldsProps) {
  const red = error ?? Boolean(value.from && value.to && value.from > value.to);
  return (
    <>
      <DayField label={labels.from} value={value.from} onChange={(from) => onChange({ ...value, from })} max={value.to || undefined} error={red} sx={sx} testId={testIds?.from} />
      <DayField label={labels.to} value={value.to} onChange={(to) => onChange({ ...value, to })} min={value.from || undefined} error={red} sx={sx} testId={testIds?.to} />
    </>
  );
}
