import { FileDownloadOutlined, HistoryOutlined } from '@mui/icons-material';
import { Alert, Box, Button, LinearProgress, Stack, TablePagination } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditRow } from '../../../shared/contract/admin';
import { api } from '../api/client';
import { useApp } from '../app/AppContext';
import { errorText } from '../app/errorText';
import { EmptyState } from '../components/EmptyState';
import { useNotify } from '../components/Notifier';
import { downloadCsv } from '../export/csv';
import { downloadXlsx, safeFileName } from '../export/xlsx';
import { auditSheet } from './auditText';
import { AuditLogFilters, NO_FILTER, type AuditLogFilter } from './AuditLogFilters';
import { AuditLogTable } from './AuditLogTable';

const PAGE_SIZE = 100;
const EXPORT_PAGE = 500;
/** the most events one export holds */
const EXPORT_LIMIT = 50_000;

/** The audit log, paged on the server (audit.list), filtered by action prefix and dates. */
export function AuditLog({ generation }: { generation: number }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const [filter, setFilter] = useState<AuditLogFilter>(NO_FILTER);
  const [page, setPage] = useState(0);
  const [data, setData] = useState<{ rows: AuditRow[]; total: number } | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const [exporting, setExporting] = useState(false);
  const notify = useNotify();

  useEffect(() => {
    api
      .call('users.list', {})
      .then((users) => setNames(new Map(users.map((u) => [u.id, u.displayName]))))
      .catch(() => setNames(new Map()));
  }, [generation]);

  const query = () => ({ action: filter.action || undefined, from: filter.from || undefined, to: filter.to || undefined });

  /** Every event of the filter (up to EXPORT_LIMIT), in words, as .xlsx or .csv. */
  async function exportAll(kind: 'xlsx' | 'csv') {
    setExporting(true);
    try {
      const rows: AuditRow[] = [];
      for (let p = 0; rows.length < EXPORT_LIMIT; p++) {
        const r = await api.call('audit.list', { ...query(), page: p, pageSize: EXPORT_PAGE });
        rows.push(...r.rows);
        if (r.rows.length < EXPORT_PAGE || rows.length >= r.total) break;
      }
      const sheet = auditSheet(t, rows, names, prefs.language);
      const file = safeFileName(t('auditLog.export.fileName'));
      if (kind === 'xlsx') await downloadXlsx(sheet, `${file}.xlsx`);
      else downloadCsv(sheet, `${file}.csv`);
    } catch {
      notify(t('auditLog.export.failed'), 'error');
    } finally {
      setExporting(false);
    }
  }

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
      <Stack direction="row" sx={{ alignItems: 'center', pr: 2 }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <AuditLogFilters value={filter} onChange={changeFilter} total={data?.total ?? null} />
        </Box>
        <Stack direction="row" spacing={1}>
          {(['xlsx', 'csv'] as const).map((kind) => (
            <Button key={kind} variant="outlined" size="small" startIcon={<FileDownloadOutlined />} disabled={exporting || !data || data.total === 0} onClick={() => void exportAll(kind)}>
              {exporting ? t('auditLog.export.busy') : t(`auditLog.export.${kind}`)}
            </Button>
          ))}
        </Stack>
      </Stack>
      <Box sx={{ height: 2 }}>{loading && <LinearProgress sx={{ height: 2 }} />}</Box>
      {error !== null && (
        <Alert severity="error" sx={{ m: 2 }}>
          {errorText(error, t, prefs.language)}
        </Alert>
      )}
      {data && data.rows.length === 0 && <EmptyState icon={<HistoryOutlined />} title={t('auditLog.empty')} />}
      {data && data.rows.length > 0 && (
        <>
          <AuditLogTable rows={data.rows} language={prefs.language} names={names} />
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
