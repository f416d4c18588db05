import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress, Link, Table, TableBody, TableCell, TableContainer, TableHead, TablePagination, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../shared/domain/money';
import { api } from '../../api/client';
import { useApp } from '../../app/AppContext';
import { useScreenActive } from '../../shell/screenActive';
import { errorText } from '../../app/errorText';
import { CaseStatusChip } from '../../screens/caseStatus';
import { ExportButton } from '../ExportButton';
import { ABSENT, formatCount } from '../figures';
import { DRILL_HEADERS, drillSheet, type DrillRow, type DrillSpec } from './drillSheet';
import type { KpiQuery } from './useDashboard';

const PAGE = 50;
const NUM = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
const NUMERIC = new Set<string>(['placed', 'balance', 'recovered']);

interface Props {
  spec: DrillSpec | null;
  query: KpiQuery | null;
  onClose(): void;
  /** opens a case on the case screen */
  onOpenCase?(caseId: string): void;
}

/** The cases behind a number: a page at a time, masked as everywhere, exportable in full. */
export function DrillDialog({ spec, query, onClose, onOpenCase }: Props) {
  const { t, i18n } = useTranslation();
  const { prefs } = useApp();
  const active = useScreenActive();
  const [page, setPage] = useState(0);
  const [data, setData] = useState<{ rows: DrillRow[]; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => setPage(0), [spec]);
  useEffect(() => {
    if (!spec || !query) return;
    let live = true;
    setLoading(true);
    api
      .call('kpi.drill', { ...query, metric: spec.metric, by: spec.by, key: spec.key, page, pageSize: PAGE })
      .then((r) => {
        if (!live) return;
        setData(r);
        setError(null);
      })
      .catch((err: unknown) => live && setError(err))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [spec, query, page]);

  const close = () => {
    setData(null);
    onClose();
  };
  const absent = <span aria-label={t('common.absent')}>{ABSENT}</span>;
  return (
    <Dialog open={spec !== null && active} onClose={close} maxWidth="md" aria-labelledby="drill-title" aria-describedby="drill-what">
      <DialogTitle id="drill-title" sx={{ pb: 0 }}>
        {t('lead.drill.title', { what: spec?.title ?? '' })}
      </DialogTitle>
      <Typography id="drill-what" variant="body2" color="textSecondary" sx={{ px: 3, pb: 1 }}>
        {spec ? t(`lead.drill.metric.${spec.metric}`) : ''}
        {data ? ` · ${t('lead.drill.count', { n: formatCount(data.total, i18n.language) })}` : ''}
      </Typography>
      <Box sx={{ height: 2 }}>{loading && <LinearProgress sx={{ height: 2 }} />}</Box>
      <DialogContent sx={{ px: 0, py: 0 }}>
        {error !== null && <Alert severity="error" sx={{ m: 2 }}>{errorText(error, t, prefs.language)}</Alert>}
        {data && data.total === 0 && (
          <Typography color="textSecondary" sx={{ p: 3, textAlign: 'center' }}>
            {t('lead.drill.empty')}
          </Typography>
        )}
        {data && data.total > 0 && (
          <TableContainer sx={{ maxHeight: '60vh' }}>
            <Table stickyHeader aria-label={t('lead.drill.tableLabel')}>
              <TableHead>
                <TableRow>
                  {DRILL_HEADERS.map((h) => (
                    <TableCell key={h} sx={NUMERIC.has(h) ? NUM : undefined}>
                      {t(`lead.drill.col.${h}`)}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {data.rows.map((r) => (
                  <TableRow key={r.id} hover onClick={onOpenCase ? () => onOpenCase(r.id) : undefined} sx={onOpenCase ? { cursor: 'pointer' } : undefined}>
                    <TableCell className="mono" sx={{ whiteSpace: 'nowrap' }}>
                      {onOpenCase ? (
                        <Link component="button" underline="hover" aria-label={t('lead.openCase', { caseNo: r.caseNo })} onClick={(e) => { e.stopPropagation(); onOpenCase(r.id); }} sx={{ font: 'inherit' }}>
                          {r.caseNo}
                        </Link>
                      ) : (
                        r.caseNo
                      )}
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{r.debtorName ?? absent}</TableCell>
                    <TableCell>{r.stage ?? absent}</TableCell>
                    <TableCell>
                      <CaseStatusChip status={r.status} />
                    </TableCell>
                    <TableCell sx={NUM}>{formatFen(r.placedFen)}</TableCell>
                    <TableCell sx={NUM}>{formatFen(r.balanceFen)}</TableCell>
                    <TableCell sx={NUM}>{formatFen(r.recoveredFen)}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{r.collector ?? t('lead.dash.unassigned')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </DialogContent>
      <DialogActions sx={{ justifyContent: 'space-between', px: 2 }}>
        <Box>
          {data && data.total > PAGE && (
            <TablePagination
              component="div"
              count={data.total}
              page={page}
              onPageChange={(_e, p) => setPage(p)}
              rowsPerPage={PAGE}
              rowsPerPageOptions={[]}
              labelDisplayedRows={({ from, to, count }) => t('lead.drill.pageOf', { from, to, count })}
              getItemAriaLabel={(type) => t(`lead.drill.page.${type}`)}
              sx={{ '& .MuiTablePagination-toolbar': { minHeight: 36, pl: 0 } }}
            />
          )}
        </Box>
        <Box sx={{ display: 'flex', gap: 1 }}>
          {spec && query && <ExportButton sheet={() => drillSheet(t, query, spec)} fileName={t('lead.drill.fileName', { what: spec.title })} disabled={!data || data.total === 0} />}
          <Button onClick={close}>{t('lead.close')}</Button>
        </Box>
      </DialogActions>
    </Dialog>
  );
}
