import { Inbox, Refresh, Search, SearchOff } from '@mui/icons-material';
import { Alert, Box, IconButton, InputAdornment, LinearProgress, Paper, TablePagination, TextField, Tooltip } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseListRow, SessionUser } from '../../../shared/contract/schemas';
import { canSeeAllCases } from '../../../shared/domain/roles';
import { api } from '../api/client';
import { useApp } from '../app/AppContext';
import { errorText } from '../app/errorText';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { CaseTable } from './CaseTable';
import { useCaseList } from './useCaseList';

interface Props {
  user: SessionUser;
  /** increments each time `/` asks for the search box */
  searchRequest: number;
  onOpen(row: CaseListRow): void;
}

/** The collector's home: the cases in scope, one search box away (`/`). */
export function WorkQueue({ user, searchRequest, onOpen }: Props) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const searchRef = useRef<HTMLInputElement>(null);
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(50);
  const [reloadKey, setReloadKey] = useState(0);
  const [collectors, setCollectors] = useState<Map<string, string> | undefined>(undefined);
  const team = canSeeAllCases(user.role);
  const list = useCaseList(page, pageSize, search, reloadKey);

  useEffect(() => {
    if (searchRequest > 0) searchRef.current?.focus();
  }, [searchRequest]);

  useEffect(() => {
    if (!team) return;
    api
      .call('users.list', {})
      .then((users) => setCollectors(new Map(users.map((u) => [u.id, u.displayName]))))
      .catch(() => setCollectors(new Map()));
  }, [team]);

  const searching = search.trim() !== '';
  let body;
  if (list.error) body = <Alert severity="error" sx={{ m: 2 }}>{errorText(list.error, t, prefs.language)}</Alert>;
  else if (!list.loading && list.total === 0 && searching) {
    body = <EmptyState icon={<SearchOff />} title={t('queue.noMatchTitle')} description={t('queue.noMatchBody', { search: search.trim() })} />;
  } else if (!list.loading && list.total === 0) {
    body = <EmptyState icon={<Inbox />} title={t('queue.emptyTitle')} description={team ? t('queue.emptyBodyLead') : t('queue.emptyBodyCollector')} />;
  } else {
    body = (
      <>
        <CaseTable rows={list.rows} language={prefs.language} collectors={team ? collectors : undefined} onOpen={onOpen} />
        <TablePagination
          component="div"
          count={list.total}
          page={page}
          rowsPerPage={pageSize}
          rowsPerPageOptions={[25, 50, 100, 200]}
          onPageChange={(_e, p) => setPage(p)}
          onRowsPerPageChange={(e) => {
            setPageSize(Number(e.target.value));
            setPage(0);
          }}
          labelRowsPerPage={t('queue.rowsPerPage')}
          labelDisplayedRows={({ from, to, count }) => t('queue.displayedRows', { from, to, count })}
        />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={t('nav.queue')}
        subtitle={team ? t('queue.subtitleTeam') : t('queue.subtitleMine')}
        actions={
          <>
            <TextField
              inputRef={searchRef}
              type="search"
              value={search}
              onChange={(e) => {
                setSearch(e.target.value);
                setPage(0);
              }}
              placeholder={t('queue.searchPlaceholder')}
              aria-label={t('queue.search')}
              sx={{ width: 340 }}
              slotProps={{
                input: {
                  startAdornment: (
                    <InputAdornment position="start">
                      <Search fontSize="small" />
                    </InputAdornment>
                  ),
                  endAdornment: (
                    <InputAdornment position="end">
                      <Box component="kbd" sx={{ fontSize: 11, px: 0.6, border: 1, borderColor: 'divider', borderRadius: 0.75, color: 'text.secondary' }}>
                        /
                      </Box>
                    </InputAdornment>
                  ),
                },
                htmlInput: { 'aria-label': t('queue.search') },
              }}
            />
            <Tooltip title={t('common.refresh')}>
              <IconButton aria-label={t('common.refresh')} onClick={() => setReloadKey((k) => k + 1)}>
                <Refresh fontSize="small" />
              </IconButton>
            </Tooltip>
          </>
        }
      />
      <Paper variant="outlined" sx={{ overflow: 'hidden' }}>
        <Box sx={{ height: 2 }}>{list.loading && <LinearProgress sx={{ height: 2 }} />}</Box>
        {body}
      </Paper>
    </>
  );
}
