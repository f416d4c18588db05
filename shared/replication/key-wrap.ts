import { z } from 'zod';
import { fromBase64Url, randomBytes, toBase64Url, utf8 } from './bytes';
import { KeyId } from './sealed-value';

/**
 * An agency data key wrapped for transport through the hub: AES-256-GCM under a key-encryption key derived
 * (HKDF-SHA-256) from an enrollment code's secret part, which never reaches the hub. The additional data names the
 * code and the key, so a wrapped key cannot be moved to another code.
 */
export const WrappedKey = z.strictObject({
  keyId: KeyId,
  iv: z.string().regex(/^[A-Za-z0-9_-]{16}$/),
  ct: z.string().regex(/^[A-Za-z0-9_-]{64}$/, 'a wrapped key is 48 bytes of base64url'),
});
export type WrappedKey = z.infer<typeof WrappedKey>;

export class UnwrapError extends Error {
  readonly code = 'wrong_secret';
}

async function hkdf(secret: string, salt: string, info: string, usage: 'wrap' | 'bits'): Promise<CryptoKey | Uint8Array<ArrayBuffer>> {
  const base = await globalThis.crypto.subtle.importKey('raw', utf8(secret), 'HKDF', false, ['deriveKey', 'deriveBits']);
  const params = { name: 'HKDF', hash: 'SHA-256', salt: utf8(salt), info: utf8(info) };
  if (usage === 'bits') return new Uint8Array(await globalThis.crypto.subtle.deriveBits(params, base, 256));
  return globalThis.crypto.subtle.deriveKey(params, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** The key that wraps the data keys for one enrollment code. */
export async function deriveWrappingKey(secret: string, codeId: string): Promise<CryptoKey> {
  return (await hkdf(secret, codeId, 'collectdesk/enroll/wrap/v1', 'wrap')) as CryptoKey;
}

/**
 * What a joining station shows the hub to prove it holds the code's secret (without revealing it): 32 bytes derived
 * from the secret, base64url. The hub keeps only its SHA-256.
 */
export async function deriveJoinProof(secret: string, codeId: string): Promise<string> {
  return toBase64Url((await hkdf(secret, codeId, 'collectdesk/enroll/proof/v1', 'bits')) as Uint8Array);
}

function wrapAad(codeId: string, keyId: string): Uint8Array<ArrayBuffer> {
  return utf8(`collectdesk/enroll/${codeId}/${keyId}`);
}

export async function wrapDataKey(kek: CryptoKey, codeId: string, keyId: string, raw: Uint8Array<ArrayBuffer>): Promise<WrappedKey> {
  const iv = randomBytes(12);
  const ct = await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: wrapAad(codeId, keyId) }, kek, raw);
  return { keyId, iv: toBase64Url(iv), ct: toBase64Url(new Uint8Array(ct)) };
}

export async function unwrapDataKey(kek: CryptoKey, codeId: string, wrapped: WrappedKey): Promise<Uint8Array<ArrayBuffer>> {
  try {
    const raw = await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64Url(wrapped.iv), additionalData: wrapAad(codeId, wrapped.keyId) }, kek, fromBase64Url(wrapped.ct));
    return new Uint8Array(raw);
  } catch {
    throw new UnwrapError('The enrollment code does not open the agency key: check the code as typed (its secret part).');
  }
}
