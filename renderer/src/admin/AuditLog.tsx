import { HistoryOutlined } from '@mui/icons-material';
import { Alert, Box, LinearProgress, TablePagination } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditRow } from '../../../shared/contract/admin';
import { api } from '../api/client';
import { useApp } from '../app/AppContext';
import { errorText } from '../app/errorText';
import { EmptyState } from '../components/EmptyState';
import { AuditLogFilters, NO_FILTER, type AuditLogFilter } from './AuditLogFilters';
import { AuditLogTable } from './AuditLogTable';

const PAGE_SIZE = 100;

/** The audit log, paged on the server (audit.list), filtered by action prefix and dates. */
export function AuditLog({ generation }: { generation: number }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const [filter, setFilter] = useState<AuditLogFilter>(NO_FILTER);
  const [page, setPage] = useState(0);
  const [data, setData] = useState<{ rows: AuditRow[]; total: number } | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (filter.from && filter.to && filter.from > filter.to) return;
    let live = true;
    setLoading(true);
    api
      .call('audit.list', {
        action: filter.action || undefined,
        from: filter.from || undefined,
        to: filter.to || undefined,
        page,
        pageSize: PAGE_SIZE,
      })
      .then((d) => {
        if (!live) return;
        setData(d);
        setError(null);
      })
      .catch((err: unknown) => live && setError(err))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [filter, page, generation]);

  function changeFilter(next: AuditLogFilter) {
    setFilter(next);
    setPage(0);
  }

  return (
    <Box component="section" aria-label={t('auditLog.title')} sx={{ borderTop: 1, borderColor: 'divider' }}>
      <AuditLogFilters value={filter} onChange={changeFilter} total={data?.total ?? null} />
      <Box sx={{ height: 2 }}>{loading && <LinearProgress sx={{ height: 2 }} />}</Box>
      {error !== null && (
        <Alert severity="error" sx={{ m: 2 }}>
          {errorText(error, t, prefs.language)}
        </Alert>
      )}
      {data && data.rows.length === 0 && <EmptyState icon={<HistoryOutlined />} title={t('auditLog.empty')} />}
      {data && data.rows.length > 0 && (
        <>
          <AuditLogTable rows={data.rows} language={prefs.language} />
          <TablePagination
            component="div"
            count={data.total}
            page={page}
            onPageChange={(_e, p: number) => setPage(p)}
            rowsPerPage={PAGE_SIZE}
            rowsPerPageOptions={[PAGE_SIZE]}
            labelRowsPerPage={t('auditLog.rowsPerPage')}
            labelDisplayedRows={({ from, to, count }) => t('auditLog.range', { from, to, count })}
            sx={{ borderTop: 1, borderColor: 'divider', '& .MuiTablePagination-toolbar': { minHeight: 36 } }}
          />
        </>
      )}
    </Box>
  );
}
