import { toHalfWidth } from './text';

/** The 18-digit resident identity number of GB 11643-1999, with its ISO 7064 MOD 11-2 check character. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type ResidentIdResult =
  | { ok: true; idNumber: string; gender: 'M' | 'F'; birthDate: string }
  | { ok: false; code: 'invalid' | 'checksum' };

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] ?? '';
}

function validDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d && y >= 1900;
}

/**
 * Validates an ID number (18 digits, or the old 15-digit form, which is upgraded) and derives gender (17th digit:
 * odd = male) and birth date from it.
 */
export function parseResidentId(raw: string): ResidentIdResult {
  let id = toHalfWidth(raw).replace(/\s/g, '').toUpperCase();
  if (/^\d{15}$/.test(id)) {
    const first17 = `${id.slice(0, 6)}19${id.slice(6)}`;
    id = first17 + checkCharacter(first17);
  }
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, code: 'invalid' };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (!validDate(y, m, d)) return { ok: false, code: 'invalid' };
  if (checkCharacter(id.slice(0, 17)) !== id[17]) return { ok: false, code: 'checksum' };
  const gender = Number(id[16]) % 2 === 1 ? 'M' : 'F';
  return { ok: true, idNumber: id, gender, birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` };
}
