import { FolderOutlined, LockOutlined } from '@mui/icons-material';
import { Box, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useApp } from '../app/AppContext';

/** The bottom line: where the data lives, that it is encrypted, how the window talks to the app, the version. */
export function StatusBar() {
  const { t } = useTranslation();
  const { status } = useApp();
  return (
    <Stack
      component="footer"
      direction="row"
      spacing={2}
      sx={{ alignItems: 'center', height: 24, px: 1.5, borderTop: 1, borderColor: 'divider', bgcolor: 'background.paper', color: 'text.secondary', flexShrink: 0 }}
    >
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
        <LockOutlined sx={{ fontSize: 13 }} />
        <Typography variant="caption">{t('statusBar.encrypted')}</Typography>
      </Stack>
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', minWidth: 0 }}>
        <FolderOutlined sx={{ fontSize: 13 }} />
        <Typography variant="caption" noWrap title={status.dataDir}>
          {status.dataDir}
        </Typography>
      </Stack>
      <Box sx={{ flex: 1 }} />
      <Typography variant="caption">{api.transport === 'bridge' ? t('statusBar.desktop') : t('statusBar.browser')}</Typography>
      <Typography variant="caption">{t('statusBar.version', { version: status.version })}</Typography>
    </Stack>
  );
}
