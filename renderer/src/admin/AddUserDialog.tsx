import { MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserRow } from '../../../shared/contract/schemas';
import { ROLES, type Role } from '../../../shared/domain/roles';
import { api } from '../api/client';
import { FormDialog } from '../components/FormDialog';
import { PasswordField } from '../components/PasswordField';
import { useFields } from '../forms/useFields';
import { useFormSubmit } from '../forms/useFormSubmit';
import { displayName, sameAs, secret, userName } from '../forms/validate';

const EMPTY = { name: '', displayName: '', password: '', confirm: '' };

/** Adds a user (users.add) with a role and a first password to hand over. */
export function AddUserDialog({ open, onClose, onAdded }: { open: boolean; onClose(): void; onAdded(user: UserRow): void }) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>('collector');
  const { values, field, check, reset } = useFields(
    EMPTY,
    (v) => ({ name: userName(v.name), displayName: displayName(v.displayName), password: secret(v.password), confirm: sameAs(v.confirm, v.password) }),
    { name: t('firstRun.adminNameHint'), password: t('validation.passwordHint') },
  );
  const { busy, error, clearError, submit } = useFormSubmit(check, async () => {
    const user = await api.call('users.add', { name: values.name.trim(), displayName: values.displayName.trim(), role, password: values.password });
    onAdded(user);
    close();
  });

  function close() {
    reset();
    setRole('collector');
    clearError();
    onClose();
  }

  return (
    <FormDialog open={open} title={t('users.addTitle')} submitLabel={t('users.add')} busy={busy} error={error} onClose={close} onSubmit={submit} maxWidth="sm">
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
    </FormDialog>
  );
}
