import { Box, List, ListItemButton, ListItemIcon, ListItemText, ListSubheader } from '@mui/material';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/domain/roles';
import { NAV_ICONS } from './navIcons';
import { visibleItems, type ScreenKey } from './navItems';

interface Props {
  role: Role;
  current: ScreenKey;
  onSelect(key: ScreenKey): void;
}

export const NAV_WIDTH = 208;

/** The left navigation: the screens this role may open, grouped, with their Alt+number shortcut. */
export function Navigation({ role, current, onSelect }: Props) {
  const { t } = useTranslation();
  const items = visibleItems(role);
  return (
    <Box
      component="nav"
      aria-label={t('nav.label')}
      sx={{ width: NAV_WIDTH, flexShrink: 0, borderRight: 1, borderColor: 'divider', bgcolor: 'background.paper', overflowY: 'auto' }}
    >
      <List dense disablePadding sx={{ px: 1, py: 1 }}>
        {items.map((item, index) => (
          <Fragment key={item.key}>
            {items[index - 1]?.group !== item.group && (
              <ListSubheader disableSticky sx={{ lineHeight: '30px', mt: index ? 1 : 0, fontSize: 11.5, letterSpacing: 0.4, bgcolor: 'transparent' }}>
                {t(`nav.groups.${item.group}`)}
              </ListSubheader>
            )}
            <ListItemButton
              selected={item.key === current}
              aria-current={item.key === current ? 'page' : undefined}
              onClick={() => onSelect(item.key)}
              title={`Alt+${index + 1}`}
              sx={{
                borderRadius: 1,
                mb: 0.25,
                '&.Mui-selected': { color: 'primary.main', '& .MuiListItemIcon-root': { color: 'primary.main' } },
                '&.Mui-selected .MuiListItemText-primary': { fontWeight: 600 },
              }}
            >
              <ListItemIcon sx={{ minWidth: 32, '& svg': { fontSize: 19 } }}>{NAV_ICONS[item.key]}</ListItemIcon>
              <ListItemText primary={t(`nav.${item.key}`)} />
            </ListItemButton>
          </Fragment>
        ))}
      </List>
    </Box>
  );
}
