import { Box, ToggleButton, ToggleButtonGroup } from '@mui/material';

interface Props<T extends string> {
  value: T;
  options: readonly T[];
  label: (option: T) => string;
  /** the rows each option would show; nothing while the rows are loading */
  count: ((option: T) => number) | null;
  onChange: (value: T) => void;
  ariaLabel: string;
}

/** A lead's list filter: one toggle per state, each with how many rows it holds. */
export function CountedFilter<T extends string>({ value, options, label, count, onChange, ariaLabel }: Props<T>) {
  return (
    <ToggleButtonGroup size="small" exclusive value={value} onChange={(_e, v: T | null) => v && onChange(v)} aria-label={ariaLabel} sx={{ flex: 'none' }}>
      {options.map((o) => (
        <ToggleButton key={o} value={o} sx={{ px: 1.25, py: 0.25, whiteSpace: 'nowrap' }}>
          {label(o)}
          <Box component="span" sx={{ ml: 0.75, color: 'text.secondary', fontVariantNumeric: 'tabular-nums' }}>
            {count ? count(o) : ''}
          </Box>
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
