/** Field checks that mirror the contract's schemas; each answers an i18n key (or null when fine). */
export const MIN_SECRET = 8;

export function required(value: string): string | null {
  return value.trim() === '' ? 'validation.required' : null;
}

export function secret(value: string): string | null {
  if (value === '') return 'validation.required';
  return value.length < MIN_SECRET ? 'validation.tooShort' : null;
}

export function userName(value: string): string | null {
  if (value.trim() === '') return 'validation.required';
  if (value.trim().length > 64) return 'validation.tooLong';
  return /^[\p{L}\p{N}._-]+$/u.test(value.trim()) ? null : 'validation.userName';
}

export function displayName(value: string): string | null {
  if (value.trim() === '') return 'validation.required';
  return value.trim().length > 100 ? 'validation.tooLong' : null;
}

export function sameAs(value: string, other: string): string | null {
  if (value === '') return 'validation.required';
  return value === other ? null : 'validation.mismatch';
}

export type Errors<K extends string> = Partial<Record<K, string | null>>;

export function hasErrors<K extends string>(errors: Errors<K>): boolean {
  return Object.values(errors).some((e) => e !== null && e !== undefined);
}
