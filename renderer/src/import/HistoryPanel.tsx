import { Inventory2Outlined, Refresh, HistoryOutlined } from '@mui/icons-material';
import { Box, IconButton, LinearProgress, Paper, Stack, Tab, Tabs, Tooltip } from '@mui/material';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportRow } from '../../../shared/contract/intake';
import { useApp } from '../app/AppContext';
import { EmptyState } from '../components/EmptyState';
import { BatchesTable } from './BatchesTable';
import { ImportsTable } from './ImportsTable';
import { RejectsDialog } from './RejectsDialog';
import type { IntakeLists } from './useIntakeLists';

type HistoryTab = 'batches' | 'imports';

/** Below the import: the placement batches and the recent imports, each import's rejected rows a click away. */
export function HistoryPanel({ lists }: { lists: IntakeLists }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const [tab, setTab] = useState<HistoryTab>('batches');
  const [rejectsOf, setRejectsOf] = useState<ImportRow | null>(null);
  const clientNames = useMemo(() => new Map((lists.clients ?? []).map((c) => [c.code, c.name])), [lists.clients]);
  const batches = lists.batches ?? [];
  const imports = lists.imports ?? [];

  let body;
  if (tab === 'batches') {
    body =
      batches.length > 0 ? (
        <BatchesTable batches={batches} clientNames={clientNames} language={prefs.language} />
      ) : (
        <EmptyState icon={<Inventory2Outlined />} title={t('intake.batches.emptyTitle')} description={t('intake.batches.emptyBody')} />
      );
  } else {
    body =
      imports.length > 0 ? (
        <ImportsTable imports={imports} clientNames={clientNames} language={prefs.language} onRejects={setRejectsOf} />
      ) : (
        <EmptyState icon={<HistoryOutlined />} title={t('intake.history.emptyTitle')} description={t('intake.history.emptyBody')} />
      );
  }

  return (
    <Paper variant="outlined" sx={{ overflow: 'hidden', mt: 2 }} component="section" aria-label={t('intake.historyLabel')}>
      <Stack direction="row" sx={{ alignItems: 'center', borderBottom: 1, borderColor: 'divider', pr: 1 }}>
        <Tabs value={tab} onChange={(_e, v: HistoryTab) => setTab(v)} sx={{ px: 1.5, minHeight: 40, flex: 1, '& .MuiTab-root': { minHeight: 40 } }}>
          <Tab value="batches" label={t('intake.batches.tab', { count: batches.length })} />
          <Tab value="imports" label={t('intake.history.tab', { count: imports.length })} />
        </Tabs>
        <Tooltip title={t('common.refresh')}>
          <IconButton aria-label={t('common.refresh')} onClick={lists.reload}>
            <Refresh fontSize="small" />
          </IconButton>
        </Tooltip>
      </Stack>
      <Box sx={{ height: 2 }}>{lists.loading && <LinearProgress sx={{ height: 2 }} />}</Box>
      <Box role="tabpanel">{body}</Box>
      <RejectsDialog of={rejectsOf} onClose={() => setRejectsOf(null)} />
    </Paper>
  );
}
