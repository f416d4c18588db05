import { z } from 'zod';
import { randomBase32 } from './base32';
import { fromBase64Url, fromUtf8, randomBytes, toBase64Url, utf8 } from './bytes';

/**
 * Personal fields travel sealed: AES-256-GCM with the agency's data key, as `{k, iv, ct}` — the key's id, the
 * 96-bit nonce and the ciphertext with its 128-bit tag (base64url). The additional data binds a value to its place
 * (entity, row id, field), so a value copied into another row or field does not decrypt. The hub stores and
 * forwards these as they are and never holds the key.
 */
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const KeyId = z.string().regex(KEY_ID_PATTERN, 'a key id is 1-64 letters, digits, _ or -');

export const EncryptedValue = z.strictObject({
  k: KeyId,
  iv: z.string().regex(/^[A-Za-z0-9_-]{16}$/, 'iv is 12 bytes of base64url'),
  ct: z.string().min(22).max(1_400_000).regex(/^[A-Za-z0-9_-]+$/, 'ct is base64url'),
});
export type EncryptedValue = z.infer<typeof EncryptedValue>;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export function isEncryptedValue(value: unknown): value is EncryptedValue {
  return EncryptedValue.safeParse(value).success;
}

export interface DataKey {
  id: string;
  key: CryptoKey;
}

/** The keys a station holds, by id (the current one and those it rotated from). */
export type Keyring = ReadonlyMap<string, CryptoKey>;

export class SealError extends Error {
  constructor(
    readonly code: 'unknown_key' | 'undecryptable',
    message: string,
  ) {
    super(message);
  }
}

/** A new agency data key: 32 random bytes and a short id every sealed value will name. */
export function generateDataKeyBytes(): { id: string; raw: Uint8Array<ArrayBuffer> } {
  return { id: `dk${randomBase32(10)}`, raw: randomBytes(32) };
}

export async function importDataKey(id: string, raw: Uint8Array<ArrayBuffer>): Promise<DataKey> {
  if (!KEY_ID_PATTERN.test(id)) throw new RangeError(`"${id}" is not a key id`);
  if (raw.length !== 32) throw new RangeError('an agency data key is 32 bytes');
  return { id, key: await globalThis.crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']) };
}

/** Where a field value sits: entity/id/field. */
export function fieldContext(entity: string, id: string, field: string): string {
  return `${entity}/${id}/${field}`;
}

export async function sealValue(key: DataKey, value: JsonValue, context: string): Promise<EncryptedValue> {
  const iv = randomBytes(12);
  const ct = await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8(context) }, key.key, utf8(JSON.stringify(value)));
  return { k: key.id, iv: toBase64Url(iv), ct: toBase64Url(new Uint8Array(ct)) };
}

export async function openValue(keyring: Keyring, sealed: EncryptedValue, context: string): Promise<JsonValue> {
  const key = keyring.get(sealed.k);
  if (!key) throw new SealError('unknown_key', `The value at ${context} is sealed with key ${sealed.k}, which this station does not hold.`);
  let plain: ArrayBuffer;
  try {
    plain = await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64Url(sealed.iv), additionalData: utf8(context) }, key, fromBase64Url(sealed.ct));
  } catch {
    throw new SealError('undecryptable', `The value at ${context} does not decrypt with key ${sealed.k}: it was altered or belongs elsewhere.`);
  }
  return JSON.parse(fromUtf8(new Uint8Array(plain))) as JsonValue;
}
