import { Refresh, Search } from '@mui/icons-material';
import { Alert, Box, IconButton, InputAdornment, Paper, Stack, TextField, Tooltip, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseListRow, SessionUser } from '../../../../shared/contract/schemas';
import { canSeeAllCases } from '../../../../shared/domain/roles';
import { useApp } from '../../app/AppContext';
import { errorText } from '../../app/errorText';
import { isApiError } from '../../api/client';
import { LoadError } from '../LoadError';
import { PageHeader } from '../../components/PageHeader';
import { DueChips } from './DueChips';
import { QueueFilters } from './QueueFilters';
import { QueueGrid } from './QueueGrid';
import type { QueueStore } from './queueState';
import { useQueue } from './useQueue';
import { useQueueKeys } from './useQueueKeys';

interface Props {
  user: SessionUser;
  store: QueueStore;
  /** increments each time `/` asks for the search box */
  searchRequest: number;
  /** a row opened, with the page it is on (for the case screen's next case) */
  onOpen(row: CaseListRow, page: CaseListRow[]): void;
}

function Kbd({ children }: { children: string }) {
  return (
    <Box component="kbd" sx={{ fontSize: 11, px: 0.6, border: 1, borderColor: 'divider', borderRadius: 0.75, color: 'text.secondary' }}>
      {children}
    </Box>
  );
}

/** The collector's home: today's work on top, filters beside the grid, one key (`/`) from the search box. */
export function QueueScreen({ user, store, searchRequest, onOpen }: Props) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const { state, update, setFilters } = store;
  const searchRef = useRef<HTMLInputElement>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const team = canSeeAllCases(user.role);
  const list = useQueue(state, reloadKey);
  const selectedIndex = list.rows.findIndex((r) => r.id === state.selectedId);

  const { searchHandled } = store;
  useEffect(() => {
    if (searchRequest === searchHandled.current) return;
    searchHandled.current = searchRequest;
    searchRef.current?.focus();
  }, [searchRequest, searchHandled]);

  // The highlight stays on its row while it is on the page; otherwise the first row.
  useEffect(() => {
    if (list.loading || list.rows.length === 0) return;
    if (!list.rows.some((r) => r.id === state.selectedId)) update({ selectedId: list.rows[0]?.id ?? null });
  }, [list.loading, list.rows, state.selectedId, update]);

  const move = (delta: number) => {
    const next = list.rows[Math.min(list.rows.length - 1, Math.max(0, selectedIndex + delta))];
    if (next) update({ selectedId: next.id });
  };
  const open = (row: CaseListRow) => {
    update({ selectedId: row.id });
    onOpen(row, list.rows);
  };
  const openSelected = () => {
    const row = list.rows[selectedIndex];
    if (row) open(row);
  };
  useQueueKeys({ move, open: openSelected });

  const search = state.search.trim();
  const filtered = Object.values(state.filters).some((v) => v !== undefined);
  let empty = team ? t('queue.emptyBodyLead') : t('queue.emptyBodyCollector');
  if (search) empty = t('queue.noMatchBody', { search });
  else if (filtered) empty = t('wb.queue.noRowsFiltered');
  // A refused search says why; any other failure is a failed read, never an empty queue.
  const refused = isApiError(list.error) && list.error.code === 'rate_limited';
  if (list.error !== null && !refused) empty = t('wb.loadError.queueGrid');
  const retry = () => setReloadKey((k) => k + 1);

  return (
    <Box sx={{ height: '100%', display: 'flex', flexDirection: 'column', minHeight: 520 }}>
      <PageHeader
        title={t('nav.queue')}
        subtitle={team ? t('queue.subtitleTeam') : t('queue.subtitleMine')}
        actions={
          <>
            <TextField
              inputRef={searchRef}
              type="search"
              value={state.search}
              onChange={(e) => update({ search: e.target.value, page: 0 })}
              onKeyDown={(e) => {
                if (e.key === 'Enter') openSelected();
                else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                  e.preventDefault();
                  move(e.key === 'ArrowDown' ? 1 : -1);
                } else if (e.key === 'Escape') searchRef.current?.blur();
              }}
              placeholder={t('wb.queue.searchPlaceholder')}
              sx={{ width: 360 }}
              slotProps={{
                input: {
                  startAdornment: (
                    <InputAdornment position="start">
                      <Search fontSize="small" />
                    </InputAdornment>
                  ),
                  endAdornment: (
                    <InputAdornment position="end">
                      <Kbd>/</Kbd>
                    </InputAdornment>
                  ),
                },
                htmlInput: { 'aria-label': t('queue.search') },
              }}
            />
            <Tooltip title={t('common.refresh')}>
              <IconButton aria-label={t('common.refresh')} onClick={retry}>
                <Refresh fontSize="small" />
              </IconButton>
            </Tooltip>
          </>
        }
      />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1.5 }}>
        <DueChips due={state.filters.due} counts={list.counts} onChange={(due) => setFilters({ ...state.filters, due })} />
        <Box sx={{ flex: 1 }} />
        <Typography variant="caption" color="textSecondary" sx={{ whiteSpace: 'nowrap' }}>
          {t('wb.queue.keysHint')}
        </Typography>
      </Stack>
      {refused && (
        <Alert severity="error" sx={{ mb: 1.5 }}>
          {errorText(list.error, t, prefs.language)}
        </Alert>
      )}
      {list.error !== null && !refused && <LoadError error={list.error} title={t('wb.loadError.queue')} onRetry={retry} sx={{ mb: 1.5 }} />}
      <Box sx={{ mb: 1.5 }}>
        <QueueFilters filters={state.filters} team={team} onChange={setFilters} />
      </Box>
      <Stack direction="row" sx={{ flex: 1, minHeight: 0 }}>
        <Paper variant="outlined" sx={{ flex: 1, minWidth: 0, overflow: 'hidden', display: 'flex', flexDirection: 'column' }}>
          <QueueGrid
            rows={list.rows}
            total={list.total}
            loading={list.loading}
            state={state}
            team={team}
            language={prefs.language}
            emptyText={empty}
            onChange={update}
            onOpen={open}
            onMove={move}
          />
        </Paper>
      </Stack>
    </Box>
  );
}
