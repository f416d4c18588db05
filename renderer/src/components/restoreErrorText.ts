import type { TFunction } from 'i18next';
import { isApiError } from '../api/client';
import { errorText } from '../app/errorText';
import type { Language } from '../i18n';

/** The sentence for a failed restore: a wrong passphrase names the backup's passphrase, not the open database's. */
export function restoreErrorText(err: unknown, t: TFunction, language: Language): string {
  if (isApiError(err)) {
    if (err.code === 'wrong_passphrase') return t('restore.wrongPassphrase');
    if (err.code === 'invalid_input' && err.field === 'file') return t('restore.tooLarge');
  }
  return errorText(err, t, language);
}
