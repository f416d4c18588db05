import { createDecipheriv } from 'node:crypto';
import type { ChangeRecord, FieldValue } from '../../../shared/replication/change';
import { fromUtf8 } from '../../../shared/replication/bytes';
import { fieldContext, isEncryptedValue, SealError, type EncryptedValue, type JsonValue } from '../../../shared/replication/sealed-value';
import type { Db } from '../db/open';
import { dataKeys } from './station-state';

/**
 * Opens the sealed fields of pulled changes with Node's own AES-256-GCM, synchronously: the same values, context
 * (additional data) and errors as `openFields` of shared/replication/change.ts, without a WebCrypto job and two
 * promises per field (a pull of 50,000 calls opens 100,000 fields).
 */
export type RawKeyring = ReadonlyMap<string, Buffer>;

const TAG_BYTES = 16;

/** The agency data keys this station holds, by id, as raw bytes. */
export function rawKeyring(db: Db): RawKeyring {
  return new Map(dataKeys(db).map((k) => [k.id, Buffer.from(k.raw)]));
}

export function openValueNow(keys: RawKeyring, sealed: EncryptedValue, context: string): JsonValue {
  const key = keys.get(sealed.k);
  if (!key) throw new SealError('unknown_key', `The value at ${context} is sealed with key ${sealed.k}, which this station does not hold.`);
  let plain: Buffer;
  try {
    const ct = Buffer.from(sealed.ct, 'base64url');
    if (ct.length < TAG_BYTES || sealed.ct.length % 4 === 1) throw new Error('not base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64url'), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(ct.subarray(ct.length - TAG_BYTES));
    plain = Buffer.concat([decipher.update(ct.subarray(0, ct.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new SealError('undecryptable', `The value at ${context} does not decrypt with key ${sealed.k}: it was altered or belongs elsewhere.`);
  }
  return JSON.parse(fromUtf8(plain)) as JsonValue;
}

/** Opens every sealed field of a change with the raw keyring. */
export function openFieldsNow<T extends ChangeRecord>(change: T, keys: RawKeyring): T {
  const fields: Record<string, FieldValue> = {};
  for (const [name, value] of Object.entries(change.fields)) {
    // only an object can be a sealed value: the others skip the schema check
    fields[name] = typeof value === 'object' && value !== null && isEncryptedValue(value) ? openValueNow(keys, value, fieldContext(change.entity, change.id, name)) : value;
  }
  return { ...change, fields };
}
