import { KeyboardOutlined } from '@mui/icons-material';
import { AppBar, Box, IconButton, Toolbar, Tooltip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/contract/schemas';
import { BrandMark } from '../components/BrandMark';
import { SyncIndicator } from './hub/SyncIndicator';
import { UserMenu } from './UserMenu';

interface Props {
  user: SessionUser;
  onHelp(): void;
  onSignOut(): void;
  onLock(): void;
}

/** Product name on the left; the agency sync status, help and the user's menu on the right. */
export function AppTopBar({ user, onHelp, onSignOut, onLock }: Props) {
  const { t } = useTranslation();
  return (
    <AppBar position="static" sx={{ bgcolor: 'background.paper', borderBottom: 1, borderColor: 'divider' }}>
      <Toolbar variant="dense" sx={{ minHeight: 52, gap: 1 }}>
        <BrandMark compact />
        <Box sx={{ flex: 1 }} />
        <SyncIndicator />
        <Tooltip title={`${t('shortcuts.title')} (?)`}>
          <IconButton aria-label={t('shortcuts.title')} onClick={onHelp}>
            <KeyboardOutlined fontSize="small" />
          </IconButton>
        </Tooltip>
        <UserMenu user={user} onSignOut={onSignOut} onLock={onLock} />
      </Toolbar>
    </AppBar>
  );
}
