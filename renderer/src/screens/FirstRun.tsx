import { HubOutlined, RestoreOutlined, ShieldOutlined } from '@mui/icons-material';
import { Alert, AlertTitle, Box, Button, Divider, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useApp } from '../app/AppContext';
import { errorText } from '../app/errorText';
import { AuthLayout } from '../components/AuthLayout';
import { PasswordField } from '../components/PasswordField';
import { useFields } from '../forms/useFields';
import { displayName, sameAs, secret, userName } from '../forms/validate';
import { JoinHubDialog } from '../stations/JoinHubDialog';
import { RestoreFromBackup } from './RestoreFromBackup';

const EMPTY = { passphrase: '', passphraseConfirm: '', adminName: '', adminDisplayName: '', adminPassword: '', adminPasswordConfirm: '' };

/** First run: create the encrypted database with its passphrase and the first admin, try demo data, restore a backup, or join an agency hub. */
export function FirstRun() {
  const { t } = useTranslation();
  const { prefs, refresh } = useApp();
  const [busy, setBusy] = useState(false);
  const [demoBusy, setDemoBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [joining, setJoining] = useState(false);
  const { values, field, check } = useFields(
    EMPTY,
    (v) => ({
      passphrase: secret(v.passphrase),
      passphraseConfirm: sameAs(v.passphraseConfirm, v.passphrase),
      adminName: userName(v.adminName),
      adminDisplayName: displayName(v.adminDisplayName),
      adminPassword: secret(v.adminPassword),
      adminPasswordConfirm: sameAs(v.adminPasswordConfirm, v.adminPassword),
    }),
    { passphrase: t('firstRun.passphraseHint'), adminName: t('firstRun.adminNameHint'), adminPassword: t('validation.passwordHint') },
  );

  async function submit(e: FormEvent, demo = false) {
    e.preventDefault();
    setError(null);
    if (!check()) return;
    setBusy(true);
    setDemoBusy(demo);
    try {
      const input = {
        passphrase: values.passphrase,
        adminName: values.adminName.trim(),
        adminDisplayName: values.adminDisplayName.trim(),
        adminPassword: values.adminPassword,
      };
      if (demo) await api.call('app.setupDemo', { ...input, cases: 2000 });
      else await api.call('app.setup', input);
      await refresh();
    } catch (err) {
      setError(errorText(err, t, prefs.language));
      setBusy(false);
    }
  }

  return (
    <AuthLayout title={t('firstRun.title')} subtitle={t('firstRun.subtitle')} width={560}>
      <Stack component="form" noValidate spacing={2} onSubmit={(e) => void submit(e)}>
        <Alert severity="warning" icon={<ShieldOutlined />}>
          <AlertTitle>{t('firstRun.warningTitle')}</AlertTitle>
          {t('firstRun.warningBody')}
        </Alert>
        <Typography variant="subtitle2" component="h2">
          {t('firstRun.databaseSection')}
        </Typography>
        <Stack direction="row" spacing={1.5}>
          <PasswordField label={t('firstRun.passphrase')} autoComplete="new-password" autoFocus required {...field('passphrase')} />
          <PasswordField label={t('firstRun.passphraseConfirm')} autoComplete="new-password" required {...field('passphraseConfirm')} />
        </Stack>
        <Divider />
        <Typography variant="subtitle2" component="h2">
          {t('firstRun.adminSection')}
        </Typography>
        <Stack direction="row" spacing={1.5}>
          <TextField label={t('fields.name')} autoComplete="username" required {...field('adminName')} />
          <TextField label={t('fields.displayName')} required {...field('adminDisplayName')} />
        </Stack>
        <Stack direction="row" spacing={1.5}>
          <PasswordField label={t('fields.password')} autoComplete="new-password" required {...field('adminPassword')} />
          <PasswordField label={t('fields.passwordConfirm')} autoComplete="new-password" required {...field('adminPasswordConfirm')} />
        </Stack>
        {error && <Alert severity="error">{error}</Alert>}
        <Stack direction="row" spacing={1.5} sx={{ justifyContent: 'flex-end', alignItems: 'center' }}>
          <Typography variant="caption" color="textSecondary" sx={{ flex: 1 }}>
            {t('firstRun.demoHint')}
          </Typography>
          <Button variant="outlined" size="medium" disabled={busy} onClick={(e) => void submit(e, true)}>
            {demoBusy ? t('firstRun.demoCreating') : t('firstRun.demo')}
          </Button>
          <Button type="submit" variant="contained" size="medium" disabled={busy} sx={{ minWidth: 160 }}>
            {busy && !demoBusy ? t('firstRun.creating') : t('firstRun.create')}
          </Button>
        </Stack>
        <Divider />
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
          <Box sx={{ flex: 1 }}>
            <Typography variant="subtitle2" component="h2">
              {t('restore.choiceTitle')}
            </Typography>
            <Typography variant="caption" color="textSecondary" component="p" sx={{ lineHeight: 1.6 }}>
              {t('restore.choiceHint')}
            </Typography>
          </Box>
          <Button variant="outlined" startIcon={<RestoreOutlined />} disabled={busy} onClick={() => setRestoring(true)} sx={{ flex: 'none', minWidth: 168 }}>
            {t('restore.choice')}
          </Button>
        </Stack>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
          <Box sx={{ flex: 1 }}>
            <Typography variant="subtitle2" component="h2">
              {t('hub.join.choiceTitle')}
            </Typography>
            <Typography variant="caption" color="textSecondary" component="p" sx={{ lineHeight: 1.6 }}>
              {t('hub.join.choiceHint')}
            </Typography>
          </Box>
          <Button variant="outlined" startIcon={<HubOutlined />} disabled={busy} onClick={() => setJoining(true)} sx={{ flex: 'none', minWidth: 168 }}>
            {t('hub.join.choice')}
          </Button>
        </Stack>
      </Stack>
      <RestoreFromBackup open={restoring} onClose={() => setRestoring(false)} />
      <JoinHubDialog open={joining} onClose={() => setJoining(false)} />
    </AuthLayout>
  );
}
