import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserRow } from '../../../shared/contract/schemas';
import { ROLES, type Role } from '../../../shared/domain/roles';
import { api } from '../api/client';
import { useApp } from '../app/AppContext';
import { errorText } from '../app/errorText';
import { PasswordField } from '../components/PasswordField';
import { useFields } from '../forms/useFields';
import { displayName, sameAs, secret, userName } from '../forms/validate';

const EMPTY = { name: '', displayName: '', password: '', confirm: '' };

/** Adds a user (users.add) with a role and a first password to hand over. */
export function AddUserDialog({ open, onClose, onAdded }: { open: boolean; onClose(): void; onAdded(user: UserRow): void }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const [role, setRole] = useState<Role>('collector');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { values, field, check, reset } = useFields(
    EMPTY,
    (v) => ({ name: userName(v.name), displayName: displayName(v.displayName), password: secret(v.password), confirm: sameAs(v.confirm, v.password) }),
    { name: t('firstRun.adminNameHint'), password: t('validation.passwordHint') },
  );

  function close() {
    reset();
    setRole('collector');
    setError(null);
    onClose();
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!check()) return;
    setBusy(true);
    try {
      const user = await api.call('users.add', { name: values.name.trim(), displayName: values.displayName.trim(), role, password: values.password });
      onAdded(user);
      close();
    } catch (err) {
      setError(errorText(err, t, prefs.language));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onClose={close} maxWidth="sm">
      <form noValidate onSubmit={(e) => void submit(e)}>
        <DialogTitle>{t('users.addTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Stack direction="row" spacing={1.5}>
              <TextField label={t('fields.name')} autoFocus required autoComplete="off" {...field('name')} />
              <TextField label={t('fields.displayName')} required autoComplete="off" {...field('displayName')} />
            </Stack>
            <TextField select label={t('fields.role')} value={role} onChange={(e) => setRole(e.target.value as Role)} helperText={t(`roles.hint.${role}`)}>
              {ROLES.map((r) => (
                <MenuItem key={r} value={r}>
                  {t(`roles.${r}`)}
                </MenuItem>
              ))}
            </TextField>
            <Stack direction="row" spacing={1.5}>
              <PasswordField label={t('fields.password')} required autoComplete="new-password" {...field('password')} />
              <PasswordField label={t('fields.passwordConfirm')} required autoComplete="new-password" {...field('confirm')} />
            </Stack>
            {error && <Alert severity="error">{error}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {t('users.add')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
