import { FilterAltOffOutlined } from '@mui/icons-material';
import { Box, Button, MenuItem, Stack, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchRow, ClientSummary } from '../../../../shared/contract/intake';
import { api } from '../../api/client';
import { BALANCE_BANDS, STAGES, STATUSES, type BalanceBand, type QueueFilters as Filters } from './queueState';

interface Props {
  filters: Filters;
  /** leads and admins: the batch filter (batches.list is theirs) */
  team: boolean;
  onChange(filters: Filters): void;
}

function Select({ label, value, options, onChange }: { label: string; value: string | undefined; options: { value: string; label: string }[]; onChange(v: string | undefined): void }) {
  const { t } = useTranslation();
  return (
    <TextField select label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)} sx={{ width: 148 }}>
      <MenuItem value="">
        <em>{t('wb.queue.filters.any')}</em>
      </MenuItem>
      {options.map((o) => (
        <MenuItem key={o.value} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
}

/**
 * The filter controls in one row above the grid — client, stage, status, balance band and (for leads) batch, all sent
 * to the core — so the grid keeps the window's width for its columns (a 1366-pixel laptop shows them all).
 */
export function QueueFilters({ filters, team, onChange }: Props) {
  const { t } = useTranslation();
  const [clients, setClients] = useState<ClientSummary[]>([]);
  const [batches, setBatches] = useState<BatchRow[]>([]);
  useEffect(() => {
    api.call('clients.list', {}).then(setClients, () => setClients([]));
  }, []);
  useEffect(() => {
    if (!team) return;
    api.call('batches.list', filters.clientCode ? { clientCode: filters.clientCode } : {}).then(setBatches, () => setBatches([]));
  }, [team, filters.clientCode]);
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  const active = Object.entries(filters).some(([k, v]) => k !== 'due' && v !== undefined);
  return (
    <Box component="section" aria-label={t('wb.queue.filters.title')}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <Select label={t('queue.columns.client')} value={filters.clientCode} options={clients.map((c) => ({ value: c.code, label: c.name }))} onChange={(v) => set({ clientCode: v, batchId: undefined })} />
        <Select label={t('queue.columns.stage')} value={filters.stage} options={STAGES.map((s) => ({ value: s, label: s }))} onChange={(v) => set({ stage: v })} />
        <Select label={t('queue.columns.status')} value={filters.status} options={STATUSES.map((s) => ({ value: s, label: t(`caseStatus.${s}`) }))} onChange={(v) => set({ status: v })} />
        <Select
          label={t('wb.queue.filters.balance')}
          value={filters.band}
          options={(Object.keys(BALANCE_BANDS) as BalanceBand[]).map((b) => ({ value: b, label: t(`wb.queue.bands.${b}`) }))}
          onChange={(v) => set({ band: v as BalanceBand | undefined })}
        />
        {team && (
          <Select
            label={t('wb.queue.filters.batch')}
            value={filters.batchId}
            options={batches.map((b) => ({ value: b.id, label: b.batchNo ?? b.fileName }))}
            onChange={(v) => set({ batchId: v })}
          />
        )}
        <Button startIcon={<FilterAltOffOutlined />} disabled={!active} onClick={() => onChange({ due: filters.due })}>
          {t('wb.queue.filters.clear')}
        </Button>
      </Stack>
    </Box>
  );
}
