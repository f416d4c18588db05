import { DialogContentText } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { UserRow } from '../../../shared/contract/schemas';
import { api } from '../api/client';
import { FormDialog } from '../components/FormDialog';
import { PasswordField } from '../components/PasswordField';
import { useFields } from '../forms/useFields';
import { useFormSubmit } from '../forms/useFormSubmit';
import { sameAs, secret } from '../forms/validate';

const EMPTY = { password: '', confirm: '' };

/** An admin sets a new password for someone (users.resetPassword); it also lifts a sign-in lock. */
export function ResetPasswordDialog({ user, onClose, onDone }: { user: UserRow | null; onClose(): void; onDone(user: UserRow): void }) {
  const { t } = useTranslation();
  const { values, field, check, reset } = useFields(EMPTY, (v) => ({ password: secret(v.password), confirm: sameAs(v.confirm, v.password) }), {
    password: t('validation.passwordHint'),
  });
  const { busy, error, clearError, submit } = useFormSubmit(
    () => user !== null && check(),
    async () => {
      if (!user) return;
      await api.call('users.resetPassword', { userId: user.id, newPassword: values.password });
      onDone(user);
      close();
    },
  );

  function close() {
    reset();
    clearError();
    onClose();
  }

  return (
    <FormDialog
      open={user !== null}
      title={t('users.resetTitle', { name: user?.displayName ?? '' })}
      submitLabel={t('users.resetSubmit')}
      busy={busy}
      error={error}
      onClose={close}
      onSubmit={submit}
      intro={
        <DialogContentText variant="body2" sx={{ mb: 2 }}>
          {t('users.resetExplain')}
        </DialogContentText>
      }
    >
      <PasswordField label={t('changePassword.new')} autoFocus autoComplete="new-password" {...field('password')} />
      <PasswordField label={t('fields.passwordConfirm')} autoComplete="new-password" {...field('confirm')} />
    </FormDialog>
  );
}
