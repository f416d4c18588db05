import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { FormDialog } from '../components/FormDialog';
import { useNotify } from '../components/Notifier';
import { PasswordField } from '../components/PasswordField';
import { useFields } from '../forms/useFields';
import { useFormSubmit } from '../forms/useFormSubmit';
import { sameAs, secret } from '../forms/validate';

const EMPTY = { currentPassword: '', newPassword: '', confirm: '' };

/** The signed-in user changes their own password (the current one is checked). */
export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const { values, field, check, reset } = useFields(
    EMPTY,
    (v) => ({
      currentPassword: v.currentPassword === '' ? 'validation.required' : null,
      newPassword: secret(v.newPassword),
      confirm: sameAs(v.confirm, v.newPassword),
    }),
    { newPassword: t('validation.passwordHint') },
  );
  const { busy, error, clearError, submit } = useFormSubmit(check, async () => {
    await api.call('auth.changePassword', { currentPassword: values.currentPassword, newPassword: values.newPassword });
    notify(t('changePassword.done'));
    close();
  });

  function close() {
    reset();
    clearError();
    onClose();
  }

  return (
    <FormDialog open={open} title={t('changePassword.title')} submitLabel={t('common.save')} busy={busy} error={error} onClose={close} onSubmit={submit}>
      <PasswordField label={t('changePassword.current')} autoComplete="current-password" autoFocus {...field('currentPassword')} />
      <PasswordField label={t('changePassword.new')} autoComplete="new-password" {...field('newPassword')} />
      <PasswordField label={t('fields.passwordConfirm')} autoComplete="new-password" {...field('confirm')} />
    </FormDialog>
  );
}
