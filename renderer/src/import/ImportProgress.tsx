import { CloseOutlined } from '@mui/icons-material';
import { Box, Button, LinearProgress, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/AppContext';

interface Props {
  rows: number;
  /** stops the import (nothing of it is written); absent until the import has started */
  onCancel?: () => void;
  /** the import was asked to stop and has not yet */
  cancelling?: boolean;
}

/**
 * An import under way: the app reads the file in the background, so the bar moves and the row counter
 * climbs while the window stays usable. Indeterminate: the number of rows is known only at the end. Cancel stops it.
 */
export function ImportProgress({ rows, onCancel, cancelling = false }: Props) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const count = new Intl.NumberFormat(prefs.language).format(rows);
  return (
    <Box sx={{ mb: 1.5, maxWidth: 760 }} role="status" aria-live="polite">
      <LinearProgress aria-label={t('intake.progressLabel')} sx={{ height: 6, borderRadius: 3, mb: 0.75 }} />
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
        <Typography variant="body2" color="textSecondary" data-testid="import-progress">
          {cancelling ? t('intake.cancelling') : rows > 0 ? t('intake.progressRows', { count: rows, formatted: count }) : t('intake.progressStarting')}
        </Typography>
        <Button size="small" color="inherit" startIcon={<CloseOutlined />} onClick={onCancel} disabled={!onCancel || cancelling} data-testid="cancel-import">
          {t('intake.cancel')}
        </Button>
      </Stack>
    </Box>
  );
}
