import type { TFunction } from 'i18next';
import { isApiError } from '../api/client';
import { fieldLabel } from '../fieldLabel';
import { formatDateTime } from '../format';
import type { Language } from '../i18n';

/** One sentence a collector understands, in the current language, for any failure. */
export function errorText(err: unknown, t: TFunction, language: Language): string {
  if (!isApiError(err)) return t('errors.internal');
  const { code, details } = err;
  if (code === 'account_locked') {
    const until = typeof details.lockedUntil === 'string' ? formatDateTime(details.lockedUntil, language) : '';
    return until ? t('errors.account_locked', { time: until }) : t('errors.account_locked_unknown');
  }
  if (code === 'rate_limited') {
    const at = typeof details.retryAt === 'string' ? formatDateTime(details.retryAt, language) : '';
    return at ? t('errors.rate_limited', { time: at }) : t('errors.rate_limited_unknown');
  }
  if (code === 'forbidden' && details.reason === 'disabled') return t('errors.account_disabled');
  if (code === 'conflict' && err.field === 'name') return t('errors.user_exists');
  if (code === 'bad_credentials' && err.field === 'currentPassword') return t('errors.wrong_current_password');
  if (code === 'invalid_input' && err.field) {
    return t('errors.invalid_field', { field: fieldLabel(t, err.field) });
  }
  return t(`errors.${code}`, { defaultValue: t('errors.internal') });
}
