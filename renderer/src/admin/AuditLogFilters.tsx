import { Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { DateRangeFields } from '../components/DateRangeFields';

/** The actions the viewer names in the user's language; anything else is shown as recorded. */
export const AUDIT_ACTIONS = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_out',
  'auth.password_change_failed',
  'user.create',
  'user.password_change',
  'user.password_reset',
  'user.disable',
  'client.create',
  'import.placement',
  'import.payments',
  'import.recalls',
  'activity.record',
  'compliance.override',
  'pii.unmask',
  'pii.search',
  'case.assign',
  'plan.approve',
  'plan.reject',
  'backup.create',
  'backup.restore',
  'case.purge',
  'returns.export',
  'promise.settle',
] as const;

export interface AuditLogFilter {
  action: string;
  from: string;
  to: string;
}

export const NO_FILTER: AuditLogFilter = { action: '', from: '', to: '' };

const DATE_SX = { width: 150, flex: 'none' } as const;

interface Props {
  value: AuditLogFilter;
  onChange(next: AuditLogFilter): void;
  total: number | null;
}

/** Action (sent as a prefix) and a date range; the total on the right. */
export function AuditLogFilters({ value, onChange, total }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<AuditLogFilter>) => onChange({ ...value, ...patch });
  const filtered = Boolean(value.action || value.from || value.to);
  return (
    <Stack direction="row" spacing={1.25} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', px: 1.5, py: 1, borderBottom: 1, borderColor: 'divider' }}>
      <TextField
        select
        label={t('auditLog.filterAction')}
        value={value.action}
        onChange={(e) => set({ action: e.target.value })}
        slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
        sx={{ width: 220, flex: 'none' }}
      >
        <MenuItem value="">{t('auditLog.allActions')}</MenuItem>
        {AUDIT_ACTIONS.map((a) => (
          <MenuItem key={a} value={a}>
            {t(`auditLog.actions.${a}`)}
          </MenuItem>
        ))}
      </TextField>
      <DateRangeFields value={{ from: value.from, to: value.to }} onChange={set} labels={{ from: t('auditLog.from'), to: t('auditLog.to') }} sx={DATE_SX} />
      {filtered && (
        <Button size="small" onClick={() => onChange(NO_FILTER)}>
          {t('auditLog.clear')}
        </Button>
      )}
      <Typography variant="body2" color="textSecondary" sx={{ ml: 'auto', fontVariantNumeric: 'tabular-nums' }}>
        {total === null ? '' : t('auditLog.total', { count: total })}
      </Typography>
    </Stack>
  );
}
