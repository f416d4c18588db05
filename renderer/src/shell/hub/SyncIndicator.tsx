import { AccessTimeOutlined, BlockOutlined, CloudDoneOutlined, CloudOffOutlined, CloudSyncOutlined, SyncProblemOutlined } from '@mui/icons-material';
import { Box, Button, Divider, Popover, Stack, Typography } from '@mui/material';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubStatus } from '../../../../shared/contract/hub';
import { useApp } from '../../app/AppContext';
import { errorText } from '../../app/errorText';
import { useNotify } from '../../components/Notifier';
import { formatDateTime } from '../../format';
import { useHubSync } from './HubSyncContext';
import { errorReason, syncLabel, toneOf } from './syncText';

function iconOf(s: HubStatus): ReactElement {
  const sx = { fontSize: 18 };
  switch (s.state) {
    case 'synced':
      return <CloudDoneOutlined sx={sx} />;
    case 'syncing':
      return <CloudSyncOutlined sx={sx} />;
    case 'offline':
      return <CloudOffOutlined sx={sx} />;
    case 'clock_ahead':
      return <AccessTimeOutlined sx={sx} />;
    case 'revoked':
      return <BlockOutlined sx={sx} />;
    default:
      return <SyncProblemOutlined sx={sx} />;
  }
}

/**
 * The agency hub's sync status in the top bar, on every screen: 已同步 · 2 分钟前, 离线 · 3 条待上传, 同步中…,
 * 本机已被停用. Absent when this store is not a station of a hub. A click shows the details and 立即同步.
 */
export function SyncIndicator() {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const notify = useNotify();
  const { status, syncingNow, syncNow } = useHubSync();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  if (!status || !status.connected) return null;
  const when = (iso: string) => formatDateTime(iso, prefs.language);
  const shown: HubStatus = syncingNow && status.state !== 'revoked' ? { ...status, state: 'syncing' } : status;
  const label = syncLabel(shown, Date.now(), t, when);
  const tone = toneOf(shown);
  const reason = shown.state === 'offline' ? errorReason(status.lastError, t) : null;
  const stopped = status.state === 'revoked';

  async function run() {
    try {
      await syncNow();
    } catch (err) {
      notify(errorText(err, t, prefs.language), 'error');
    }
  }

  const row = (name: string, value: string) => (
    <Stack direction="row" spacing={2} sx={{ justifyContent: 'space-between' }}>
      <Typography variant="body2" color="text.secondary">
        {name}
      </Typography>
      <Typography variant="body2">{value}</Typography>
    </Stack>
  );

  return (
    <>
      <Button
        size="small"
        data-testid="hub-sync-status"
        data-state={shown.state}
        onClick={(e) => setAnchor(e.currentTarget)}
        startIcon={iconOf(shown)}
        color={tone === 'info' ? 'primary' : tone}
        variant={tone === 'error' ? 'contained' : 'text'}
        sx={{ textTransform: 'none', fontWeight: tone === 'success' ? 400 : 600, whiteSpace: 'nowrap' }}
      >
        {label}
      </Button>
      <Popover open={anchor !== null} anchorEl={anchor} onClose={() => setAnchor(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }} transformOrigin={{ vertical: 'top', horizontal: 'right' }}>
        <Box sx={{ p: 2, width: 340 }}>
          <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
            {t('hubSync.title')} · {label}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {t(`hubSync.explain.${shown.state === 'not_connected' ? 'synced' : shown.state}`, { minutes: status.clockAheadMinutes ?? 1 })}
          </Typography>
          {reason && (
            <Typography variant="body2" color="warning.main" sx={{ mb: 1 }}>
              {reason}
            </Typography>
          )}
          <Divider sx={{ my: 1 }} />
          <Stack spacing={0.5}>
            {status.stationName && row(t('hubSync.station'), `${status.stationName} · ${t(`hubSync.replica.${status.replica ?? 'partial'}`)}`)}
            {row(t('hubSync.lastSync'), status.lastSyncAt ? when(status.lastSyncAt) : t('hubSync.never'))}
            {row(t('hubSync.pendingUp'), t('hubSync.pendingUpValue', { count: status.pendingUp }))}
            {status.handoversPending > 0 && row(t('hubSync.handovers'), t('hubSync.handoversValue', { count: status.handoversPending }))}
          </Stack>
          {!stopped && (
            <Stack direction="row" sx={{ justifyContent: 'flex-end', mt: 1.5 }}>
              <Button variant="contained" size="small" startIcon={<CloudSyncOutlined />} disabled={syncingNow} onClick={() => void run()}>
                {t('hubSync.syncNow')}
              </Button>
            </Stack>
          )}
        </Box>
      </Popover>
    </>
  );
}

/** Across the top of every screen when the agency revoked this computer: what happened, and what to do. */
export function RevokedBanner() {
  const { t } = useTranslation();
  const { status } = useHubSync();
  if (status?.state !== 'revoked') return null;
  return (
    <Box role="alert" data-testid="hub-revoked-banner" sx={{ px: 3, py: 1.25, bgcolor: 'error.main', color: 'error.contrastText', display: 'flex', gap: 1.5, alignItems: 'flex-start' }}>
      <BlockOutlined sx={{ mt: 0.25 }} />
      <Box>
        <Typography variant="subtitle2">{t('hubSync.revokedBanner.title')}</Typography>
        <Typography variant="body2">{t('hubSync.revokedBanner.body')}</Typography>
      </Box>
    </Box>
  );
}
