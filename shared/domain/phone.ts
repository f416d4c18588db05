import { toHalfWidth } from './text';

/** A note in brackets without a digit (`（本人）`, `(母亲)`): not part of the number; `(0394)` is an area code and stays. */
const NOTE = /[(（][^()（）\d]*[)）]/g;
/** An extension after the number: `转802`, `分机802`, `ext. 802`, `x802`. */
const EXTENSION = /\s*(?:转|分机|ext\.?|x)\s*\d{1,6}\s*$/i;
/** A landline written with its extension after a second dash: `0371-6234567-802`. */
const DASHED_EXTENSION = /^(0\d{2,3})[-–—](\d{7,8})[-–—]\d{1,6}$/;

/**
 * Normalises a phone number as banks write it: full-width digits, spaces, dashes, dots and brackets removed; a note in
 * brackets (`（本人）`) and an extension (`转802`, `0371-6234567-802`) dropped — the number is the line to dial; the
 * +86 / 0086 country prefix dropped before a mainland number. Returns null when nothing is left.
 */
export function normalisePhone(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = toHalfWidth(raw).replace(NOTE, '').trim().replace(EXTENSION, '');
  const dashed = DASHED_EXTENSION.exec(text);
  let digits = dashed ? `${dashed[1]}${dashed[2]}` : text.replace(/[\s\-–—.()（）]/g, '');
  if (digits.startsWith('+')) digits = digits.slice(1);
  if (/^(0086|86)1\d{10}$/.test(digits)) digits = digits.replace(/^(0086|86)/, '');
  if (/^(0086|86)0?\d{9,11}$/.test(digits) && !/^1\d{10}$/.test(digits)) digits = digits.replace(/^(0086|86)/, '');
  return digits === '' ? null : digits;
}

/** A mainland mobile (1[3-9]xxxxxxxxx) or a landline with its area code (0xx…); not one digit repeated (00000000000). */
export function isValidPhone(phone: string): boolean {
  return (/^1[3-9]\d{9}$/.test(phone) || /^0\d{9,11}$/.test(phone)) && !/^(\d)\1+$/.test(phone);
}

/** What banks write in a phone cell for "no number": a word (无, 暂无, 不详, NULL…), a dash, or one digit repeated. */
const NO_NUMBER = /^(?:无|暂无|没有|空|不详|未知|无号码|无电话|null|n\/?a|none|[-–—_/\\.*]+|(\d)\1*)$/i;

/** Whether a phone cell's entry says there is no number (it is then no number, not a wrong one). */
export function isNoNumber(raw: string): boolean {
  return NO_NUMBER.test(toHalfWidth(raw).replace(/[\s\-–—]/g, '') || '-');
}
