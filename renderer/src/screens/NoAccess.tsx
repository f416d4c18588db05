import { LinkOff } from '@mui/icons-material';
import { Box, Paper } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';

/** Browser mode without a valid token: say where the right address is. */
export function NoAccess() {
  const { t } = useTranslation();
  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default', p: 2 }}>
      <Paper variant="outlined" sx={{ maxWidth: 520 }}>
        <EmptyState icon={<LinkOff />} title={t('noAccess.title')} description={t('noAccess.body')} />
      </Paper>
    </Box>
  );
}
