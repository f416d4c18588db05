import { HubOutlined } from '@mui/icons-material';
import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThisStation } from '../../../shared/contract/stations';
import { api } from '../api/client';
import { useApp } from '../app/AppContext';
import { useNotify } from '../components/Notifier';
import { useFields } from '../forms/useFields';
import { required } from '../forms/validate';
import { hubErrorText } from './hubErrorText';

const EMPTY = { hubUrl: '', fingerprint: '', setupCode: '', stationName: '' };

/** Admin → Stations, when this computer is not a station yet: claim a fresh hub with the setup code it printed. */
export function ConnectHubForm({ onConnected }: { onConnected: (self: ThisStation) => void }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { values, field, check } = useFields(
    EMPTY,
    (v) => ({ hubUrl: required(v.hubUrl), fingerprint: required(v.fingerprint), setupCode: required(v.setupCode), stationName: null }),
    { hubUrl: t('hub.join.hubUrlHint'), stationName: t('stations.connect.stationNameHint') },
  );

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!check()) return;
    setBusy(true);
    try {
      const name = values.stationName.trim();
      const self = await api.call('hub.connect', { hubUrl: values.hubUrl.trim(), fingerprint: values.fingerprint.trim(), setupCode: values.setupCode.trim(), ...(name ? { stationName: name } : {}) });
      notify(t('stations.connect.done'));
      onConnected(self);
    } catch (err) {
      setError(hubErrorText(err, t, prefs.language));
      setBusy(false);
    }
  }

  return (
    <Box component="section" aria-label={t('stations.connect.title')} sx={{ p: 2 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <HubOutlined color="primary" fontSize="small" />
        <Typography variant="subtitle2" component="h2">
          {t('stations.connect.title')}
        </Typography>
      </Stack>
      <Typography variant="body2" color="textSecondary" sx={{ mb: 2, maxWidth: 760 }}>
        {t('stations.connect.intro')}
      </Typography>
      <Stack component="form" noValidate spacing={2} onSubmit={(e) => void submit(e)} sx={{ maxWidth: 760 }}>
        <Stack direction="row" spacing={1.5}>
          <TextField label={t('hub.join.hubUrl')} required autoComplete="off" {...field('hubUrl')} />
          <TextField label={t('stations.connect.stationName')} autoComplete="off" {...field('stationName')} />
        </Stack>
        <TextField label={t('hub.join.fingerprint')} required autoComplete="off" slotProps={{ htmlInput: { className: 'mono', spellCheck: false } }} {...field('fingerprint')} />
        <TextField label={t('stations.connect.setupCode')} required autoComplete="off" slotProps={{ htmlInput: { className: 'mono', spellCheck: false } }} sx={{ maxWidth: 360 }} {...field('setupCode')} />
        {error && <Alert severity="error">{error}</Alert>}
        <Box>
          <Button type="submit" variant="contained" disabled={busy} sx={{ minWidth: 120 }}>
            {busy ? t('stations.connect.connecting') : t('stations.connect.submit')}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
