import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportRow, Rejection } from '../../../shared/contract/intake';
import { api } from '../api/client';
import { useApp } from '../app/AppContext';
import { errorText } from '../app/errorText';
import { formatDateTime } from '../format';
import { ExportRejectsButton, RejectsTable } from './RejectsTable';

/** The rejected rows of a past import (import.rejects), exportable like those of a fresh one. */
export function RejectsDialog({ of, onClose }: { of: ImportRow | null; onClose(): void }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const [loaded, setLoaded] = useState<{ id: string; rows: Rejection[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = of?.id;

  useEffect(() => {
    if (!id) return;
    let live = true;
    setError(null);
    api
      .call('import.rejects', { importId: id })
      .then((rows) => live && setLoaded({ id, rows }))
      .catch((err: unknown) => live && setError(errorText(err, t, prefs.language)));
    return () => {
      live = false;
    };
  }, [id, t, prefs.language]);

  const rows = loaded && loaded.id === id ? loaded.rows : null;
  return (
    <Dialog open={of !== null} onClose={onClose} maxWidth="lg">
      <DialogTitle>{t('intake.history.rejectsTitle', { file: of?.fileName ?? '' })}</DialogTitle>
      <DialogContent sx={{ px: 0, pb: 0 }}>
        {of && (
          <Typography variant="body2" color="textSecondary" sx={{ px: 3, pb: 1.5 }}>
            {t('intake.history.rejectsSubtitle', { when: formatDateTime(of.importedAt, prefs.language), count: of.rejected, rows: of.rows })}
          </Typography>
        )}
        <Box sx={{ height: 2 }}>{rows === null && !error && <LinearProgress sx={{ height: 2 }} />}</Box>
        {error && <Alert severity="error" sx={{ mx: 3, mb: 2 }}>{error}</Alert>}
        {rows && <RejectsTable rows={rows} maxHeight={480} />}
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 1.5 }}>
        {rows && of && <ExportRejectsButton rows={rows} file={of.fileName} />}
        <Box sx={{ flex: 1 }} />
        <Button onClick={onClose}>{t('intake.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
