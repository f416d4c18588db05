import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeychain, KEY_CACHE_FILE, type SafeStorageLike } from './keychain';

/** A stand-in for Electron's safeStorage: reversible, and visibly not the plain text. */
function fakeSafeStorage(o: { available?: boolean; backend?: string; reEncrypt?: boolean } = {}): SafeStorageLike & { encrypted: number } {
  const mask = (b: Buffer): Buffer => Buffer.from(b.map((x) => x ^ 0x5a));
  const fake = {
    encrypted: 0,
    isAsyncEncryptionAvailable: async () => o.available ?? true,
    getSelectedStorageBackend: () => o.backend ?? 'gnome_libsecret',
    encryptStringAsync: async (plain: string) => {
      fake.encrypted++;
      return Buffer.concat([Buffer.from('v11'), mask(Buffer.from(plain))]);
    },
    decryptStringAsync: async (enc: Buffer) => {
      if (enc.subarray(0, 3).toString() !== 'v11') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return { result: mask(enc.subarray(3)).toString(), shouldReEncrypt: o.reEncrypt ?? false };
    },
  };
  return fake;
}

describe('keychain (the safeStorage cache of the database key)', () => {
  let dir: string;
  const key = Buffer.alloc(32, 7);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cd-keychain-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips the key through safeStorage, never writing it in the clear', async () => {
    const kc = createKeychain(dir, fakeSafeStorage(), 'linux');
    expect(await kc.load()).toBeNull();
    expect(await kc.save(key)).toBe(true);
    const onDisk = readFileSync(join(dir, KEY_CACHE_FILE));
    expect(onDisk.includes(Buffer.from(key.toString('base64')))).toBe(false);
    expect(onDisk.includes(key)).toBe(false);
    if (process.platform !== 'win32') expect(statSync(kc.file).mode & 0o077).toBe(0);
    expect((await kc.load())?.equals(key)).toBe(true);
    kc.clear();
    expect(await kc.load()).toBeNull();
  });

  it('caches nothing where the OS cannot protect the key', async () => {
    expect(await createKeychain(dir, fakeSafeStorage({ available: false }), 'darwin').save(key)).toBe(false);
    expect(await createKeychain(dir, fakeSafeStorage({ backend: 'basic_text' }), 'linux').save(key)).toBe(false);
    expect(await createKeychain(dir, fakeSafeStorage({ backend: 'basic_text' }), 'win32').save(key)).toBe(true);
  });

  it('deletes a cache it cannot read and answers "no key"', async () => {
    const kc = createKeychain(dir, fakeSafeStorage(), 'linux');
    writeFileSync(kc.file, 'garbage');
    expect(await kc.load()).toBeNull();
    expect(() => statSync(kc.file)).toThrow();
    const short = await fakeSafeStorage().encryptStringAsync(Buffer.alloc(8).toString('base64'));
    writeFileSync(kc.file, short);
    expect(await kc.load()).toBeNull();
  });

  it('re-encrypts when safeStorage asks for it', async () => {
    const ss = fakeSafeStorage({ reEncrypt: true });
    const kc = createKeychain(dir, ss, 'linux');
    await kc.save(key);
    expect((await kc.load())?.equals(key)).toBe(true);
    expect(ss.encrypted).toBe(2);
  });
});
