import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationEntry } from '../../../shared/contract/stations';
import { api } from '../api/client';
import { useApp } from '../app/AppContext';
import { useNotify } from '../components/Notifier';
import { hubErrorText } from './hubErrorText';
import { userList } from './stationText';

/** Confirms revoking a station and says what follows: at its next contact it wipes every case it holds. */
export function RevokeStationDialog({ station, onClose }: { station: StationEntry | null; onClose: (revoked: boolean) => void }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function revoke(s: StationEntry) {
    setBusy(true);
    setError(null);
    try {
      await api.call('station.revoke', { stationId: s.id });
      notify(t('stations.revoke.done', { name: s.name }));
      onClose(true);
    } catch (err) {
      setError(hubErrorText(err, t, prefs.language));
    } finally {
      setBusy(false);
    }
  }

  const close = () => {
    setError(null);
    onClose(false);
  };
  return (
    <Dialog open={station !== null} onClose={busy ? undefined : close} maxWidth="sm" aria-labelledby="revoke-station-title">
      <DialogTitle id="revoke-station-title">{station ? t('stations.revoke.title', { name: station.name }) : ''}</DialogTitle>
      <DialogContent>
        <DialogContentText variant="body2" sx={{ mb: 1.5 }}>
          {t('stations.revoke.body')}
        </DialogContentText>
        {station && (
          <Typography variant="body2">{t('stations.revoke.users', { names: userList(station.users, prefs.language) })}</Typography>
        )}
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={close} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button variant="contained" color="error" disabled={busy} onClick={() => station && void revoke(station)}>
          {t('stations.revoke.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
