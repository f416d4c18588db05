import { Alert, Box, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PurgePreview } from '../../../shared/contract/backups';
import { api } from '../api/client';
import { useApp } from '../app/AppContext';
import { errorText } from '../app/errorText';
import { formatCalendarDay } from '../format';

const NUM = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/**
 * Before the irreversible purge: how many cases and debtors it will touch, by client and batch, what is kept back and
 * what stays; the confirm button names the count, and the purge is refused if another count is due by then.
 */
export function PurgePreviewDialog({ open, onClose, onConfirm }: { open: boolean; onClose(): void; onConfirm(expectCases: number): void }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const [preview, setPreview] = useState<PurgePreview | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    setPreview(null);
    setError(null);
    api
      .call('retention.preview', {})
      .then((p) => live && setPreview(p))
      .catch((err: unknown) => live && setError(errorText(err, t, prefs.language)));
    return () => {
      live = false;
    };
  }, [open, t, prefs.language]);

  const n = (x: number) => new Intl.NumberFormat(prefs.language).format(x);
  const retention = preview?.retention.map((r) => t('data.purgePreview.retentionItem', { client: r.clientName, days: r.purgeAfterDays, cutoff: formatCalendarDay(r.cutoff, prefs.language) })).join(prefs.language === 'zh-CN' ? '；' : '; ');
  return (
    <Dialog open={open} onClose={onClose} maxWidth="md" fullWidth aria-labelledby="purge-title">
      <DialogTitle id="purge-title">{t('data.purgeConfirmTitle')}</DialogTitle>
      <DialogContent sx={{ display: 'grid', gap: 1.5 }} data-testid="purge-preview">
        <DialogContentText variant="body2">{t('data.purgeConfirmBody')}</DialogContentText>
        {!preview && !error && (
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
            <CircularProgress size={18} />
            <Typography variant="body2">{t('data.purgePreview.loading')}</Typography>
          </Stack>
        )}
        {error && <Alert severity="error">{error}</Alert>}
        {preview && preview.cases === 0 && <Alert severity="info">{t('data.purgeNothing')}</Alert>}
        {preview && preview.cases > 0 && (
          <>
            <Alert severity="warning" data-testid="purge-summary">{t('data.purgePreview.summary', { cases: n(preview.cases), debtors: n(preview.debtors) })}</Alert>
            <Typography variant="subtitle2" component="h3">{t('data.purgePreview.byBatch')}</Typography>
            <Box sx={{ maxHeight: 240, overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 1 }}>
              <Table size="small" stickyHeader aria-label={t('data.purgePreview.byBatch')}>
                <TableHead>
                  <TableRow>
                    <TableCell>{t('data.purgePreview.col.client')}</TableCell>
                    <TableCell>{t('data.purgePreview.col.batch')}</TableCell>
                    <TableCell sx={NUM}>{t('data.purgePreview.col.cases')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {preview.byBatch.map((b) => (
                    <TableRow key={b.batchId}>
                      <TableCell>{b.clientName}</TableCell>
                      <TableCell className="mono">{b.batchNo ?? b.fileName}</TableCell>
                      <TableCell sx={NUM}>{n(b.cases)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
          </>
        )}
        {preview && preview.held.cases > 0 && <Typography variant="body2">{t('data.purgePreview.held', { cases: n(preview.held.cases), debtors: n(preview.held.debtors) })}</Typography>}
        {preview && (
          <>
            <Typography variant="body2" color="textSecondary">{t('data.purgePreview.kept')}</Typography>
            {retention && <Typography variant="body2" color="textSecondary">{t('data.purgePreview.retention', { list: retention })}</Typography>}
          </>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" color="error" disabled={!preview || preview.cases === 0} onClick={() => preview && onConfirm(preview.cases)}>
          {t('data.purgePreview.confirm', { count: preview ? n(preview.cases) : '…' })}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
