import { Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ReturnsHistoryRow } from '../../../shared/contract/returns';
import { useApp } from '../app/AppContext';
import { formatDateTime } from '../format';

const COLUMNS = ['at', 'by', 'client', 'period', 'file', 'rows', 'sha'] as const;

/** Recent returns, from the audit: who produced which file for which period, with its SHA-256. */
export function HistoryPanel({ rows }: { rows: ReturnsHistoryRow[] | null }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  return (
    <Paper variant="outlined" component="section" aria-label={t('returns.history.title')} sx={{ overflow: 'hidden' }}>
      <Typography variant="subtitle1" component="h2" sx={{ px: 2, pt: 1.5, pb: 1 }}>
        {t('returns.history.title')}
      </Typography>
      {rows && rows.length === 0 ? (
        <Typography variant="body2" color="textSecondary" sx={{ px: 2, pb: 2 }}>
          {t('returns.history.empty')}
        </Typography>
      ) : (
        <TableContainer sx={{ maxHeight: 320 }}>
          <Table size="small" stickyHeader aria-label={t('returns.history.title')} sx={{ '& td, & th': { px: 1.25, whiteSpace: 'nowrap' } }}>
            <TableHead>
              <TableRow>
                {COLUMNS.map((c) => (
                  <TableCell key={c} sx={{ fontWeight: 600, bgcolor: 'background.paper' }} align={c === 'rows' ? 'right' : 'left'}>
                    {t(`returns.history.${c}`)}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {(rows ?? []).map((r) => (
                <TableRow key={`${r.at}-${r.sha256}`} hover>
                  <TableCell>{formatDateTime(r.at, prefs.language)}</TableCell>
                  <TableCell>{r.by}</TableCell>
                  <TableCell>{r.client}</TableCell>
                  <TableCell>{r.from === r.to ? r.from : t('returns.history.range', { from: r.from, to: r.to })}</TableCell>
                  <TableCell sx={{ maxWidth: 280, overflow: 'hidden', textOverflow: 'ellipsis' }} title={r.fileName}>
                    {r.fileName}
                  </TableCell>
                  <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                    {new Intl.NumberFormat(prefs.language).format(r.counts.activities + r.counts.promises + r.counts.plans + r.counts.recalls)}
                  </TableCell>
                  <TableCell sx={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' }} title={r.sha256}>
                    {r.sha256.slice(0, 16)}…
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Paper>
  );
}
