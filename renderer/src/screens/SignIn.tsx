import { Alert, Button, Stack, TextField } from '@mui/material';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../api/client';
import { useApp } from '../app/AppContext';
import { errorText } from '../app/errorText';
import { clearIdleLockNote, idleLockNote } from '../app/idleLockNote';
import { IdleLockReason } from '../app/IdleWarning';
import { AuthLayout } from '../components/AuthLayout';
import { PasswordField } from '../components/PasswordField';

/** Sign in with user name and password; the language can be switched here too (top right). */
export function SignIn() {
  const { t } = useTranslation();
  const { prefs, refresh } = useApp();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [lockedFor] = useState(idleLockNote);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    setError(null);
    if (name.trim() === '' || password === '') return;
    setBusy(true);
    try {
      await api.call('auth.signIn', { name: name.trim(), password });
      clearIdleLockNote();
      await refresh();
    } catch (err) {
      // The store was locked meanwhile (the idle lock): the unlock screen comes next.
      if (isApiError(err) && err.code === 'locked') {
        await refresh();
        return;
      }
      setError(errorText(err, t, prefs.language));
      setPassword('');
      setBusy(false);
      passwordRef.current?.focus();
    }
  }

  const missingName = tried && name.trim() === '';
  const missingPassword = tried && password === '' && !error;
  return (
    <AuthLayout title={t('signIn.title')} subtitle={t('signIn.subtitle')}>
      <Stack component="form" noValidate spacing={2} onSubmit={(e) => void submit(e)}>
        <IdleLockReason minutes={lockedFor} />
        <TextField
          label={t('fields.name')}
          autoComplete="username"
          autoFocus
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={missingName}
          helperText={missingName ? t('validation.required') : undefined}
        />
        <PasswordField
          label={t('fields.password')}
          inputRef={passwordRef}
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={missingPassword}
          helperText={missingPassword ? t('validation.required') : undefined}
        />
        {error && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
        <Button type="submit" variant="contained" size="medium" disabled={busy} fullWidth>
          {busy ? t('signIn.signingIn') : t('signIn.submit')}
        </Button>
      </Stack>
    </AuthLayout>
  );
}
