import { useTranslation } from 'react-i18next';
import { PasswordField } from './PasswordField';

/** The passphrase a backup was made with, asked by both restore dialogs. */
export function BackupPassphraseField(props: { value: string; onChange: (value: string) => void; missing: boolean; autoFocus?: boolean }) {
  const { t } = useTranslation();
  return (
    <PasswordField
      label={t('restore.passphrase')}
      autoComplete="off"
      autoFocus={props.autoFocus}
      required
      fullWidth
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      error={props.missing}
      helperText={props.missing ? t('validation.required') : t('restore.passphraseHint')}
    />
  );
}
