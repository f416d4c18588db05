import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserRow } from '../../../shared/contract/schemas';
import { api } from '../api/client';
import { useApp } from '../app/AppContext';
import { errorText } from '../app/errorText';
import { PasswordField } from '../components/PasswordField';
import { useFields } from '../forms/useFields';
import { sameAs, secret } from '../forms/validate';

const EMPTY = { password: '', confirm: '' };

/** An admin sets a new password for someone (users.resetPassword); it also lifts a sign-in lock. */
export function ResetPasswordDialog({ user, onClose, onDone }: { user: UserRow | null; onClose(): void; onDone(user: UserRow): void }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { values, field, check, reset } = useFields(EMPTY, (v) => ({ password: secret(v.password), confirm: sameAs(v.confirm, v.password) }), {
    password: t('validation.passwordHint'),
  });

  function close() {
    reset();
    setError(null);
    onClose();
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!user || !check()) return;
    setBusy(true);
    try {
      await api.call('users.resetPassword', { userId: user.id, newPassword: values.password });
      onDone(user);
      close();
    } catch (err) {
      setError(errorText(err, t, prefs.language));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={user !== null} onClose={close}>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <DialogTitle>{t('users.resetTitle', { name: user?.displayName ?? '' })}</DialogTitle>
        <DialogContent>
          <DialogContentText variant="body2" sx={{ mb: 2 }}>
            {t('users.resetExplain')}
          </DialogContentText>
          <Stack spacing={2}>
            <PasswordField label={t('changePassword.new')} autoFocus autoComplete="new-password" {...field('password')} />
            <PasswordField label={t('fields.passwordConfirm')} autoComplete="new-password" {...field('confirm')} />
            {error && <Alert severity="error">{error}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {t('users.resetSubmit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
