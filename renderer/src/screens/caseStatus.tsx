import { Chip, type ChipProps } from '@mui/material';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, ChipProps['color']> = {
  new: 'default',
  working: 'info',
  ptp: 'primary',
  plan: 'secondary',
  paid: 'success',
  disputed: 'warning',
  legal: 'error',
  recalled: 'default',
  closed: 'default',
};

/** A case status as a small coloured chip, in the current language. */
export function CaseStatusChip({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Chip variant="outlined" color={COLORS[status] ?? 'default'} label={t(`caseStatus.${status}`, { defaultValue: status })} sx={{ height: 20, fontSize: 12 }} />;
}
