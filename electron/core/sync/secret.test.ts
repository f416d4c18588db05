import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CoreError } from '../errors';
import { openSecret, sealSecret } from './secret';

const SECRET = '一个足够长的同步密钥 with ASCII too';

describe('the sync secret, sealed with an HKDF of the database key', () => {
  const dbKey = randomBytes(32);

  it('opens with the same database key and client, and never holds the secret as text', () => {
    const blob = sealSecret(dbKey, 'client-1', SECRET);
    expect(blob[0]).toBe(1);
    expect(blob.includes(Buffer.from(SECRET))).toBe(false);
    expect(openSecret(dbKey, 'client-1', blob)).toBe(SECRET);
    expect(sealSecret(dbKey, 'client-1', SECRET).equals(blob)).toBe(false); // a fresh IV each time
  });

  it('refuses another database key, another client’s row, or a changed byte', () => {
    const blob = sealSecret(dbKey, 'client-1', SECRET);
    expect(() => openSecret(randomBytes(32), 'client-1', blob)).toThrow(CoreError);
    expect(() => openSecret(dbKey, 'client-2', blob)).toThrow(/cannot be read/);
    const tampered = Buffer.from(blob);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(() => openSecret(dbKey, 'client-1', tampered)).toThrow(/cannot be read/);
    expect(() => openSecret(dbKey, 'client-1', Buffer.from([2, 0, 0]))).toThrow(/cannot be read/);
  });
});
