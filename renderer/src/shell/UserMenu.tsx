import { DarkModeOutlined, KeyOutlined, LightModeOutlined, LockOutlined, Logout, TimerOutlined, Translate } from '@mui/icons-material';
import { Avatar, Box, Button, Divider, ListItemIcon, ListItemText, Menu, MenuItem, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IDLE_LOCK_CHOICES, type SessionUser } from '../../../shared/contract/schemas';
import { useApp } from '../app/AppContext';
import { ChangePasswordDialog } from './ChangePasswordDialog';

interface Props {
  user: SessionUser;
  onSignOut(): void;
  onLock(): void;
}

/** The next idle-lock choice in the cycle 5 → 15 → 30 → 60 → off → 5. */
function nextIdle(current: number): number {
  const choices = [...IDLE_LOCK_CHOICES.filter((m) => m > 0), 0];
  const i = choices.indexOf(current);
  return choices[(i + 1) % choices.length] ?? 15;
}

/** The signed-in user (name and role) and what they can do about their session and preferences. */
export function UserMenu({ user, onSignOut, onLock }: Props) {
  const { t } = useTranslation();
  const { prefs, setPrefs } = useApp();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [changing, setChanging] = useState(false);
  const otherLanguage = prefs.language === 'zh-CN' ? 'en' : 'zh-CN';
  const run = (action: () => void) => () => {
    setAnchor(null);
    action();
  };
  return (
    <>
      <Button color="inherit" onClick={(e) => setAnchor(e.currentTarget)} aria-haspopup="menu" aria-label={t('userMenu.open')} sx={{ pl: 0.5, pr: 1 }}>
        <Avatar sx={{ width: 26, height: 26, fontSize: 13, mr: 1, bgcolor: 'primary.main' }}>{user.displayName.slice(0, 1)}</Avatar>
        <Box sx={{ textAlign: 'left', lineHeight: 1.15 }}>
          <Typography component="div" sx={{ fontSize: 13, fontWeight: 600 }} data-testid="signed-in-user">
            {user.displayName}
          </Typography>
          <Typography component="div" color="textSecondary" sx={{ fontSize: 11 }} data-testid="signed-in-role">
            {t(`roles.${user.role}`)}
          </Typography>
        </Box>
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }} transformOrigin={{ vertical: 'top', horizontal: 'right' }}>
        <Box sx={{ px: 2, py: 1, minWidth: 220 }}>
          <Typography variant="subtitle2">{user.displayName}</Typography>
          <Typography variant="caption" color="textSecondary">
            {user.name} · {t(`roles.${user.role}`)}
          </Typography>
        </Box>
        <Divider />
        <MenuItem onClick={run(() => setChanging(true))}>
          <ListItemIcon><KeyOutlined fontSize="small" /></ListItemIcon>
          <ListItemText>{t('userMenu.changePassword')}</ListItemText>
        </MenuItem>
        <MenuItem onClick={run(() => setPrefs({ language: otherLanguage }))} lang={otherLanguage}>
          <ListItemIcon><Translate fontSize="small" /></ListItemIcon>
          <ListItemText>{t(`language.useOther.${otherLanguage}`)}</ListItemText>
        </MenuItem>
        <MenuItem onClick={run(() => setPrefs({ theme: prefs.theme === 'light' ? 'dark' : 'light' }))}>
          <ListItemIcon>{prefs.theme === 'light' ? <DarkModeOutlined fontSize="small" /> : <LightModeOutlined fontSize="small" />}</ListItemIcon>
          <ListItemText>{prefs.theme === 'light' ? t('userMenu.darkTheme') : t('userMenu.lightTheme')}</ListItemText>
        </MenuItem>
        {/* The idle lock is the workstation's, for everyone who signs in on it: an admin's to set, shown to the others. */}
        <MenuItem onClick={run(() => setPrefs({ idleLockMinutes: nextIdle(prefs.idleLockMinutes) }))} disabled={user.role !== 'admin'} data-testid="idle-lock-setting">
          <ListItemIcon><TimerOutlined fontSize="small" /></ListItemIcon>
          <ListItemText secondary={user.role === 'admin' ? t('userMenu.idleLockHint') : t('userMenu.idleLockAdminOnly')}>
            {prefs.idleLockMinutes === 0 ? t('userMenu.idleLockOff') : t('userMenu.idleLockAfter', { minutes: prefs.idleLockMinutes })}
          </ListItemText>
        </MenuItem>
        <Divider />
        <MenuItem onClick={run(onLock)}>
          <ListItemIcon><LockOutlined fontSize="small" /></ListItemIcon>
          <ListItemText secondary={t('userMenu.lockHint')}>{t('userMenu.lock')}</ListItemText>
        </MenuItem>
        <MenuItem onClick={run(onSignOut)}>
          <ListItemIcon><Logout fontSize="small" /></ListItemIcon>
          <ListItemText>{t('userMenu.signOut')}</ListItemText>
        </MenuItem>
      </Menu>
      <ChangePasswordDialog open={changing} onClose={() => setChanging(false)} />
    </>
  );
}
