import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useApp } from '../app/AppContext';
import { errorText } from '../app/errorText';
import { useNotify } from '../components/Notifier';
import { PasswordField } from '../components/PasswordField';
import { useFields } from '../forms/useFields';
import { sameAs, secret } from '../forms/validate';

const EMPTY = { currentPassword: '', newPassword: '', confirm: '' };

/** The signed-in user changes their own password (the current one is checked). */
export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { values, field, check, reset } = useFields(
    EMPTY,
    (v) => ({
      currentPassword: v.currentPassword === '' ? 'validation.required' : null,
      newPassword: secret(v.newPassword),
      confirm: sameAs(v.confirm, v.newPassword),
    }),
    { newPassword: t('validation.passwordHint') },
  );

  function close() {
    reset();
    setError(null);
    onClose();
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!check()) return;
    setBusy(true);
    try {
      await api.call('auth.changePassword', { currentPassword: values.currentPassword, newPassword: values.newPassword });
      notify(t('changePassword.done'));
      close();
    } catch (err) {
      setError(errorText(err, t, prefs.language));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onClose={close}>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <DialogTitle>{t('changePassword.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <PasswordField label={t('changePassword.current')} autoComplete="current-password" autoFocus {...field('currentPassword')} />
            <PasswordField label={t('changePassword.new')} autoComplete="new-password" {...field('newPassword')} />
            <PasswordField label={t('fields.passwordConfirm')} autoComplete="new-password" {...field('confirm')} />
            {error && <Alert severity="error">{error}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {t('common.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
