import { luhn32, normaliseBase32, randomBase32 } from './base32';
import { sha256Hex } from './bytes';
import { deriveJoinProof, deriveWrappingKey, unwrapDataKey, wrapDataKey, type WrappedKey } from './key-wrap';

/**
 * A one-time enrollment code, as an admin hands it to a new station: an id part the hub sees (8 base32
 * characters, 40 bits) and a secret part that never reaches it (26 base32 characters, 130 bits), then one check
 * character over both. Printed `ABCD-EFGH-SSSSS-SSSSS-SSSSS-SSSSS-SSSSS-SC`; typed in any case, with or without the
 * hyphens.
 *
 * The secret wraps the agency's data keys (the hub stores only the wrapped keys, which 130 bits keep out of reach of
 * an offline guess) and yields the join proof whose SHA-256 the hub keeps, so the id part alone cannot enroll.
 */
export const ENROLLMENT_ID_LENGTH = 8;
export const ENROLLMENT_SECRET_LENGTH = 26;
export const ENROLLMENT_CODE_LENGTH = ENROLLMENT_ID_LENGTH + ENROLLMENT_SECRET_LENGTH + 1;
export const ENROLLMENT_ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{8}$/;

export interface EnrollmentCode {
  /** what the hub sees */
  id: string;
  /** what only the two stations see */
  secret: string;
}

export type ParsedCode<T> = { ok: true; code: T } | { ok: false; reason: 'characters' | 'length' | 'check'; message: string };

export function newEnrollmentCode(): EnrollmentCode {
  return { id: randomBase32(ENROLLMENT_ID_LENGTH), secret: randomBase32(ENROLLMENT_SECRET_LENGTH) };
}

function groups(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

export function formatEnrollmentCode(code: EnrollmentCode): string {
  const body = code.id + code.secret;
  return [...groups(code.id, 4), ...groups(code.secret + luhn32(body), 5)].join('-');
}

export function parseEnrollmentCode(text: string): ParsedCode<EnrollmentCode> {
  const norm = normaliseBase32(text.trim());
  if (norm === null) return { ok: false, reason: 'characters', message: 'An enrollment code has only letters and digits (and hyphens).' };
  if (norm.length !== ENROLLMENT_CODE_LENGTH) {
    return { ok: false, reason: 'length', message: `An enrollment code has ${ENROLLMENT_CODE_LENGTH} letters and digits; this one has ${norm.length}.` };
  }
  const body = norm.slice(0, -1);
  if (luhn32(body) !== norm.slice(-1)) return { ok: false, reason: 'check', message: 'The enrollment code is mistyped: its check character does not match. Type it again.' };
  return { ok: true, code: { id: body.slice(0, ENROLLMENT_ID_LENGTH), secret: body.slice(ENROLLMENT_ID_LENGTH) } };
}

/** What the issuing admin station sends the hub: the code's id, the proof's hash and the wrapped keys. */
export interface PreparedEnrollment {
  code: EnrollmentCode;
  /** the text to hand to the new station's user */
  text: string;
  /** SHA-256 (hex) of the join proof */
  verifier: string;
  wrappedKeys: WrappedKey[];
}

export async function prepareEnrollment(dataKeys: ReadonlyArray<{ id: string; raw: Uint8Array<ArrayBuffer> }>, code: EnrollmentCode = newEnrollmentCode()): Promise<PreparedEnrollment> {
  if (dataKeys.length === 0) throw new RangeError('an enrollment carries at least one data key');
  const kek = await deriveWrappingKey(code.secret, code.id);
  const wrappedKeys = await Promise.all(dataKeys.map((k) => wrapDataKey(kek, code.id, k.id, k.raw)));
  const verifier = await sha256Hex(await deriveJoinProof(code.secret, code.id));
  return { code, text: formatEnrollmentCode(code), verifier, wrappedKeys };
}

/** On the joining station: the proof to send with the join request. */
export function joinProof(code: EnrollmentCode): Promise<string> {
  return deriveJoinProof(code.secret, code.id);
}

/** On the joining station: the agency's data keys out of the hub's answer. */
export async function openEnrollment(code: EnrollmentCode, wrapped: readonly WrappedKey[]): Promise<Array<{ id: string; raw: Uint8Array<ArrayBuffer> }>> {
  const kek = await deriveWrappingKey(code.secret, code.id);
  return Promise.all(wrapped.map(async (w) => ({ id: w.keyId, raw: await unwrapDataKey(kek, code.id, w) })));
}
