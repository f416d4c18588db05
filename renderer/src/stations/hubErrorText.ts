import type { TFunction } from 'i18next';
import { errorText } from '../app/errorText';
import type { Language } from '../i18n';
import { hubErrorKey } from './hubErrorKey';

export { hubCodeKey, hubErrorKey } from './hubErrorKey';

/** One sentence for a failed hub request: wrong code, code used or expired, fingerprint mismatch, hub unreachable… */
export function hubErrorText(err: unknown, t: TFunction, language: Language): string {
  const key = hubErrorKey(err);
  return key ? t(key) : errorText(err, t, language);
}
