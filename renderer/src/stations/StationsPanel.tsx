import { AddOutlined, Refresh } from '@mui/icons-material';
import { Alert, Box, Button, CircularProgress, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationEntry, ThisStation } from '../../../shared/contract/stations';
import { api } from '../api/client';
import { useApp } from '../app/AppContext';
import { formatDateTime } from '../format';
import { ConnectHubForm } from './ConnectHubForm';
import { EnrollStationDialog } from './EnrollStationDialog';
import { hubErrorText } from './hubErrorText';
import { RevokeStationDialog } from './RevokeStationDialog';
import { StationsTable } from './StationsTable';

const SECTION = { p: 2, borderBottom: 1, borderColor: 'divider' } as const;

/**
 * Admin → Stations: connect this computer to a new agency hub; once connected, this station, adding a station
 * (the one-time code to type or scan), and the agency's stations with their users, last contact, what waits, and revoke.
 */
export function StationsPanel() {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const [self, setSelf] = useState<ThisStation | null>(null);
  const [stations, setStations] = useState<StationEntry[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [enrolling, setEnrolling] = useState(false);
  const [revoking, setRevoking] = useState<StationEntry | null>(null);

  const loadList = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setStations(await api.call('station.list', {}));
      setSelf(await api.call('station.self', {}));
    } catch (err) {
      setError(hubErrorText(err, t, prefs.language));
    } finally {
      setLoading(false);
    }
  }, [t, prefs.language]);

  useEffect(() => {
    api
      .call('station.self', {})
      .then((s) => {
        setSelf(s);
        if (s.connected) void loadList();
      })
      .catch((err: unknown) => setError(hubErrorText(err, t, prefs.language)));
  }, [loadList, t, prefs.language]);

  if (!self) return <Box sx={{ p: 2 }}>{error ? <Alert severity="error">{error}</Alert> : <CircularProgress size={20} aria-label={t('common.loading')} />}</Box>;
  if (!self.connected) {
    return (
      <ConnectHubForm
        onConnected={(s) => {
          setSelf(s);
          void loadList();
        }}
      />
    );
  }

  const lang = prefs.language;
  const facts: Array<[string, string, boolean?]> = [
    [t('stations.self.hub'), self.hubUrl ?? ''],
    [t('stations.self.name'), self.stationName ?? ''],
    [t('stations.self.replica'), self.replica ? t(`stations.replica.${self.replica}`) : ''],
    [t('stations.self.lastSync'), self.lastSyncAt ? formatDateTime(self.lastSyncAt, lang) : t('stations.self.never')],
    [t('stations.self.fingerprint'), self.fingerprint ?? '', true],
  ];
  return (
    <>
      <Box component="section" aria-label={t('stations.self.title')} sx={SECTION}>
        <Typography variant="subtitle2" component="h2" sx={{ mb: 1 }}>
          {t('stations.self.title')}
        </Typography>
        {self.revokedAt && (
          <Alert severity="error" sx={{ mb: 1.5 }}>
            {t('hub.errors.revoked')}
          </Alert>
        )}
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0, fontSize: 13 }}>
          {facts.map(([k, v, mono]) => (
            <Box key={k} sx={{ display: 'contents' }}>
              <Box component="dt" sx={{ color: 'text.secondary' }}>
                {k}
              </Box>
              <Box component="dd" className={mono ? 'mono' : undefined} sx={{ m: 0, wordBreak: 'break-all', fontSize: mono ? 12 : 13 }} data-testid={mono ? 'self-fingerprint' : undefined}>
                {v}
              </Box>
            </Box>
          ))}
        </Box>
      </Box>
      <Box component="section" aria-label={t('stations.list.title')} sx={{ p: 2 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1.5 }}>
          <Typography variant="subtitle2" component="h2" sx={{ flex: 1 }}>
            {t('stations.list.title')}
          </Typography>
          <Tooltip title={t('stations.list.refresh')}>
            <span>
              <IconButton size="small" aria-label={t('stations.list.refresh')} onClick={() => void loadList()} disabled={loading}>
                <Refresh fontSize="small" />
              </IconButton>
            </span>
          </Tooltip>
          <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setEnrolling(true)} disabled={self.revokedAt !== null}>
            {t('stations.enroll.open')}
          </Button>
        </Stack>
        {error && (
          <Alert severity="error" sx={{ mb: 1.5 }}>
            {error}
          </Alert>
        )}
        {stations === null ? (
          loading && <CircularProgress size={20} aria-label={t('common.loading')} />
        ) : (
          <>
            <StationsTable stations={stations} onRevoke={setRevoking} />
            {stations.length <= 1 && (
              <Typography variant="body2" color="textSecondary" sx={{ mt: 1.5 }}>
                {t('stations.list.empty')}
              </Typography>
            )}
          </>
        )}
      </Box>
      <EnrollStationDialog
        open={enrolling}
        self={self}
        onClose={(issued) => {
          setEnrolling(false);
          if (issued) void loadList();
        }}
      />
      <RevokeStationDialog
        station={revoking}
        onClose={(revoked) => {
          setRevoking(null);
          if (revoked) void loadList();
        }}
      />
    </>
  );
}
