import { AssignmentTurnedIn } from '@mui/icons-material';
import { Box, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';

/** The product's mark and name; `compact` for the app bar. */
export function BrandMark({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const size = compact ? 28 : 40;
  return (
    <Stack direction="row" spacing={1.25} sx={{ alignItems: 'center' }}>
      <Box
        aria-hidden
        sx={{
          width: size,
          height: size,
          borderRadius: 1.5,
          display: 'grid',
          placeItems: 'center',
          color: 'primary.contrastText',
          background: (th) => `linear-gradient(135deg, ${th.palette.primary.main}, ${th.palette.primary.dark})`,
          '& svg': { fontSize: size * 0.6 },
        }}
      >
        <AssignmentTurnedIn />
      </Box>
      <Box sx={{ lineHeight: 1.1 }}>
        <Typography component="div" sx={{ fontWeight: 700, fontSize: compact ? 15 : 18, letterSpacing: 0.2 }}>
          {t('app.name')}
        </Typography>
        <Typography component="div" color="textSecondary" sx={{ fontSize: compact ? 11 : 12.5 }}>
          {t('app.tagline')}
        </Typography>
      </Box>
    </Stack>
  );
}
