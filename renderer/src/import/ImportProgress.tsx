import { Box, LinearProgress, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/AppContext';

/**
 * An import under way: the app reads the file in the background, so the bar moves and the row counter
 * climbs while the window stays usable. Indeterminate: the number of rows is known only at the end.
 */
export function ImportProgress({ rows }: { rows: number }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const count = new Intl.NumberFormat(prefs.language).format(rows);
  return (
    <Box sx={{ mb: 1.5, maxWidth: 760 }} role="status" aria-live="polite">
      <LinearProgress aria-label={t('intake.progressLabel')} sx={{ height: 6, borderRadius: 3, mb: 0.75 }} />
      <Typography variant="body2" color="textSecondary" data-testid="import-progress">
        {rows > 0 ? t('intake.progressRows', { count: rows, formatted: count }) : t('intake.progressStarting')}
      </Typography>
    </Box>
  );
}
