import { luhn32, normaliseBase32, randomBase32 } from './base32';
import type { ParsedCode } from './enrollment-code';

/**
 * The hub's setup code: printed by a hub no agency has claimed yet, typed once on the first admin station. 20
 * base32 characters (100 bits; it can only be tried online, against one hub) and a check character, printed
 * `XXXXX-XXXXX-XXXXX-XXXXX-C`. It stops working once the hub is claimed.
 */
export const SETUP_CODE_LENGTH = 20;

export function newSetupCode(): string {
  const body = randomBase32(SETUP_CODE_LENGTH);
  return formatSetupCode(body);
}

export function formatSetupCode(body: string): string {
  return `${body.slice(0, 5)}-${body.slice(5, 10)}-${body.slice(10, 15)}-${body.slice(15, 20)}-${luhn32(body)}`;
}

/** The canonical (normalised, check character verified) form of a typed setup code. */
export function parseSetupCode(text: string): ParsedCode<string> {
  const norm = normaliseBase32(text.trim());
  if (norm === null) return { ok: false, reason: 'characters', message: 'A setup code has only letters and digits (and hyphens).' };
  if (norm.length !== SETUP_CODE_LENGTH + 1) return { ok: false, reason: 'length', message: `A setup code has ${SETUP_CODE_LENGTH + 1} letters and digits; this one has ${norm.length}.` };
  const body = norm.slice(0, -1);
  if (luhn32(body) !== norm.slice(-1)) return { ok: false, reason: 'check', message: 'The setup code is mistyped: its check character does not match.' };
  return { ok: true, code: formatSetupCode(body) };
}
