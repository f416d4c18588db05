import { Box, Button, CircularProgress, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { BrandMark } from '../components/BrandMark';

/** While app.status loads, or when it failed (with a retry). */
export function Splash({ error, onRetry }: { error?: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default' }}>
      <Stack spacing={3} sx={{ alignItems: 'center' }}>
        <BrandMark />
        {error === undefined ? (
          <CircularProgress size={24} aria-label={t('common.loading')} />
        ) : (
          <Stack spacing={1.5} sx={{ alignItems: 'center' }}>
            <Typography color="error">{t('errors.unreachable')}</Typography>
            <Button variant="outlined" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          </Stack>
        )}
      </Stack>
    </Box>
  );
}
