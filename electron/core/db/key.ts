import { randomBytes, scrypt } from 'node:crypto';
import { openSync, readSync, closeSync } from 'node:fs';

/**
 * The database key is derived from the operator's passphrase with scrypt (N=2^17, r=8, p=1: 0.6–1.0 s on the 2-core bench machine, once
 * per open) and handed to SQLCipher as a raw key, which skips SQLCipher's own PBKDF2 at every open.
 * The 16-byte salt is SQLCipher's own file salt: the first 16 bytes of the database file. So the salt travels
 * inside the database and inside every copy of it, and the passphrase alone always opens the file.
 */
export const SALT_BYTES = 16;
const KDF = { N: 1 << 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 } as const;

export function newSalt(): Buffer {
  return randomBytes(SALT_BYTES);
}

export function readSalt(file: string): Buffer | null {
  const fd = openSync(file, 'r');
  try {
    const salt = Buffer.alloc(SALT_BYTES);
    return readSync(fd, salt, 0, SALT_BYTES, 0) === SALT_BYTES ? salt : null;
  } finally {
    closeSync(fd);
  }
}

export function deriveKey(passphrase: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 32, KDF, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** The PRAGMA key value: raw key followed by the file salt (SQLCipher's "raw key with salt" form). */
export function keyPragma(key: Buffer, salt: Buffer): string {
  return `key="x'${key.toString('hex')}${salt.toString('hex')}'"`;
}
