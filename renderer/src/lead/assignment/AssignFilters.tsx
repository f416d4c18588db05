import { InputAdornment, ListSubheader, MenuItem, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { BatchRow, ClientSummary } from '../../../../shared/contract/intake';
import type { UserRow } from '../../../../shared/contract/schemas';
import { batchName } from '../useLeadLists';
import { ASSIGNABLE_STATUSES, STAGES, type AssignForm, type ParsedForm } from './assignForm';

interface Props {
  clients: ClientSummary[];
  batches: BatchRow[];
  collectors: UserRow[];
  value: AssignForm;
  errors: ParsedForm['errors'];
  onChange(next: AssignForm): void;
}

const W = { width: 160 } as const;
/** '' is a real choice (“any”): show it, with the label above */
const SHOW_EMPTY = { select: { displayEmpty: true }, inputLabel: { shrink: true } } as const;

/** Which cases: client, batch, stage, status, balance band and who has them now. */
export function AssignFilters({ clients, batches, collectors, value, errors, onChange }: Props) {
  const { t } = useTranslation();
  const set = (change: Partial<AssignForm>) => onChange({ ...value, ...change });
  const ofClient = batches.filter((b) => !value.clientCode || b.clientCode === value.clientCode);
  const clientName = new Map(clients.map((c) => [c.code, c.name]));
  const amountError = (e: 'amount' | 'band' | undefined) => (e ? t(`lead.assign.error.${e}`) : undefined);
  return (
    <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <TextField select label={t('lead.filter.client')} value={value.clientCode} onChange={(e) => set({ clientCode: e.target.value, batchId: '' })} slotProps={SHOW_EMPTY} sx={W}>
        <MenuItem value="">{t('lead.filter.allClients')}</MenuItem>
        {clients.map((c) => (
          <MenuItem key={c.code} value={c.code}>
            {c.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField select label={t('lead.filter.batch')} value={value.batchId} onChange={(e) => set({ batchId: e.target.value })} slotProps={SHOW_EMPTY} sx={{ width: 200 }}>
        <MenuItem value="">{t('lead.filter.allBatches')}</MenuItem>
        {ofClient.map((b) => (
          <MenuItem key={b.id} value={b.id}>
            {value.clientCode ? batchName(b) : `${clientName.get(b.clientCode) ?? b.clientCode} · ${batchName(b)}`}
          </MenuItem>
        ))}
      </TextField>
      <TextField select label={t('lead.filter.stage')} value={value.stage} onChange={(e) => set({ stage: e.target.value })} slotProps={SHOW_EMPTY} sx={{ width: 100 }}>
        <MenuItem value="">{t('lead.filter.any')}</MenuItem>
        {STAGES.map((s) => (
          <MenuItem key={s} value={s}>
            {s}
          </MenuItem>
        ))}
      </TextField>
      <TextField select label={t('lead.filter.status')} value={value.status} onChange={(e) => set({ status: e.target.value })} slotProps={SHOW_EMPTY} sx={{ width: 120 }}>
        <MenuItem value="">{t('lead.filter.any')}</MenuItem>
        {ASSIGNABLE_STATUSES.map((s) => (
          <MenuItem key={s} value={s}>
            {t(`caseStatus.${s}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        label={t('lead.filter.minBalance')}
        value={value.minYuan}
        onChange={(e) => set({ minYuan: e.target.value })}
        error={Boolean(errors.min)}
        helperText={amountError(errors.min)}
        slotProps={{ htmlInput: { inputMode: 'decimal' }, input: { startAdornment: <InputAdornment position="start">¥</InputAdornment> } }}
        sx={{ width: 130 }}
      />
      <TextField
        label={t('lead.filter.maxBalance')}
        value={value.maxYuan}
        onChange={(e) => set({ maxYuan: e.target.value })}
        error={Boolean(errors.max)}
        helperText={amountError(errors.max)}
        slotProps={{ htmlInput: { inputMode: 'decimal' }, input: { startAdornment: <InputAdornment position="start">¥</InputAdornment> } }}
        sx={{ width: 130 }}
      />
      <TextField select label={t('lead.filter.assignedTo')} value={value.assignedTo} onChange={(e) => set({ assignedTo: e.target.value })} slotProps={SHOW_EMPTY} sx={W}>
        <MenuItem value="">{t('lead.filter.anyone')}</MenuItem>
        <MenuItem value="none">{t('lead.filter.unassigned')}</MenuItem>
        <ListSubheader sx={{ lineHeight: '28px' }}>{t('lead.filter.collectors')}</ListSubheader>
        {collectors.map((u) => (
          <MenuItem key={u.id} value={u.id}>
            {u.disabled ? t('lead.assign.disabledName', { name: u.displayName }) : u.displayName}
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  );
}
