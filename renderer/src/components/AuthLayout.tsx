import { LockOutlined } from '@mui/icons-material';
import { Box, Paper, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/AppContext';
import { BrandMark } from './BrandMark';
import { LanguageSwitch } from './LanguageSwitch';

interface Props {
  title: string;
  subtitle?: string;
  width?: number;
  children: ReactNode;
}

/** The frame of the screens before sign-in: brand and language on top, one card in the middle, a footer. */
export function AuthLayout({ title, subtitle, width = 400, children }: Props) {
  const { t } = useTranslation();
  const { prefs, setPrefs, status } = useApp();
  return (
    <Box
      sx={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        bgcolor: 'background.default',
        backgroundImage: (th) =>
          `radial-gradient(circle at 15% 0%, ${th.palette.mode === 'light' ? 'rgba(31,95,174,0.10)' : 'rgba(120,169,255,0.08)'}, transparent 45%)`,
      }}
    >
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', px: 3, py: 2 }}>
        <BrandMark />
        <LanguageSwitch language={prefs.language} onChange={(language) => setPrefs({ language })} />
      </Stack>
      <Box component="main" sx={{ flex: 1, display: 'grid', placeItems: 'center', px: 2, pb: 4 }}>
        <Paper variant="outlined" sx={{ width: '100%', maxWidth: width, p: 3.5, boxShadow: '0 8px 30px rgba(15,30,60,0.06)' }}>
          <Typography variant="h5" component="h1">
            {title}
          </Typography>
          {subtitle && (
            <Typography variant="body2" color="textSecondary" sx={{ mt: 0.75, mb: 0.5, lineHeight: 1.7 }}>
              {subtitle}
            </Typography>
          )}
          <Box sx={{ mt: 2.5 }}>{children}</Box>
        </Paper>
      </Box>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'center', pb: 2, color: 'text.secondary' }}>
        <LockOutlined sx={{ fontSize: 14 }} />
        <Typography variant="caption">{t('auth.footer', { version: status.version })}</Typography>
      </Stack>
    </Box>
  );
}
