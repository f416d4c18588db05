import { toHalfWidth } from './text';

/**
 * Normalises a phone number as banks write it: full-width digits, spaces, dashes, dots and brackets removed;
 * the +86 / 0086 country prefix dropped before a mainland number. Returns null when nothing is left.
 */
export function normalisePhone(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let digits = toHalfWidth(raw).replace(/[\s\-–—.()（）]/g, '');
  if (digits.startsWith('+')) digits = digits.slice(1);
  if (/^(0086|86)1\d{10}$/.test(digits)) digits = digits.replace(/^(0086|86)/, '');
  if (/^(0086|86)0?\d{9,11}$/.test(digits) && !/^1\d{10}$/.test(digits)) digits = digits.replace(/^(0086|86)/, '');
  return digits === '' ? null : digits;
}

/** A mainland mobile (1[3-9]xxxxxxxxx) or a landline with its area code (0xx…). */
export function isValidPhone(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone) || /^0\d{9,11}$/.test(phone);
}
