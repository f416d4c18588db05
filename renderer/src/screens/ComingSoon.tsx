import { CheckCircleOutlined } from '@mui/icons-material';
import { List, ListItem, ListItemIcon, ListItemText, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { NAV_ICONS } from '../shell/navIcons';
import type { ScreenKey } from '../shell/navItems';

const POINTS = ['p1', 'p2', 'p3'] as const;

/** A screen not built yet: says honestly what it will do, and shows no invented data. */
export function ComingSoon({ screen }: { screen: ScreenKey }) {
  const { t } = useTranslation();
  const base = `screens.${screen}`;
  return (
    <>
      <PageHeader title={t(`nav.${screen}`)} subtitle={t(`${base}.subtitle`)} />
      <Paper variant="outlined" sx={{ maxWidth: 880 }}>
        <EmptyState icon={NAV_ICONS[screen]} title={t('comingSoon.title')} description={t(`${base}.body`)}>
          <Typography variant="caption" color="textSecondary" sx={{ pt: 1 }}>
            {t('comingSoon.willDo')}
          </Typography>
          <List dense disablePadding sx={{ maxWidth: 520, textAlign: 'left' }}>
            {POINTS.map((p) => (
              <ListItem key={p} disableGutters>
                <ListItemIcon sx={{ minWidth: 30 }}>
                  <CheckCircleOutlined fontSize="small" color="primary" />
                </ListItemIcon>
                <ListItemText primary={t(`${base}.${p}`)} />
              </ListItem>
            ))}
          </List>
        </EmptyState>
      </Paper>
    </>
  );
}
