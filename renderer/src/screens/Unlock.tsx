import { FolderOutlined } from '@mui/icons-material';
import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useApp } from '../app/AppContext';
import { errorText } from '../app/errorText';
import { idleLockNote } from '../app/idleLockNote';
import { IdleLockReason } from '../app/IdleWarning';
import { AuthLayout } from '../components/AuthLayout';
import { PasswordField } from '../components/PasswordField';

/** The database exists but is closed: open it with its passphrase. */
export function Unlock() {
  const { t } = useTranslation();
  const { prefs, status, setStatus } = useApp();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [lockedFor] = useState(idleLockNote);
  const [empty, setEmpty] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setEmpty(passphrase === '');
    if (passphrase === '') return;
    setBusy(true);
    try {
      setStatus(await api.call('app.unlock', { passphrase }));
    } catch (err) {
      setError(errorText(err, t, prefs.language));
      setBusy(false);
    }
  }

  return (
    <AuthLayout title={t('unlock.title')} subtitle={t('unlock.subtitle')}>
      <Stack component="form" noValidate spacing={2} onSubmit={(e) => void submit(e)}>
        <IdleLockReason minutes={lockedFor} />
        <Box>
          <Typography variant="caption" color="textSecondary" component="div">
            {t('unlock.dataFolder')}
          </Typography>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 0.5, px: 1, py: 0.75, borderRadius: 1, bgcolor: 'action.hover' }}>
            <FolderOutlined fontSize="small" color="action" />
            <Typography className="mono" variant="body2" sx={{ wordBreak: 'break-all' }} data-testid="data-folder">
              {status.dataDir}
            </Typography>
          </Stack>
        </Box>
        <PasswordField
          label={t('unlock.passphrase')}
          autoComplete="current-password"
          autoFocus
          required
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          error={empty}
          helperText={empty ? t('validation.required') : undefined}
        />
        {error && <Alert severity="error">{error}</Alert>}
        <Button type="submit" variant="contained" size="medium" disabled={busy} fullWidth>
          {busy ? t('unlock.unlocking') : t('unlock.submit')}
        </Button>
        <Typography variant="caption" color="textSecondary" sx={{ lineHeight: 1.6 }}>
          {t('unlock.lostPassphrase')}
        </Typography>
      </Stack>
    </AuthLayout>
  );
}
