import { TextField, type SxProps, type Theme } from '@mui/material';

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

/** From and to calendar dates side by side; each picker stops at the other's date. */
export function DateRangeFields({ value, onChange, labels, error, sx, testIds }: DateRangeFieldsProps) {
  const red = error ?? Boolean(value.from && value.to && value.from > value.to);
  return (
    <>
      <TextField
        type="date"
        label={labels.from}
        value={value.from}
        onChange={(e) => onChange({ ...value, from: e.target.value })}
        error={red}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: value.to || undefined, 'data-testid': testIds?.from } }}
        sx={sx}
      />
      <TextField
        type="date"
        label={labels.to}
        value={value.to}
        onChange={(e) => onChange({ ...value, to: e.target.value })}
        error={red}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: value.from || undefined, 'data-testid': testIds?.to } }}
        sx={sx}
      />
    </>
  );
}
