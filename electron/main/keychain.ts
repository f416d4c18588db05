import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const KEY_CACHE_FILE = 'db-key.safestorage';
/** the database key's length (scrypt output, electron/core/db/key.ts) */
const KEY_BYTES = 32;

/** The part of Electron's safeStorage the cache uses (injected, so tests need no Electron). */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  getSelectedStorageBackend?(): string;
}

/**
 * The database key, encrypted by the OS keychain (safeStorage), in a file of the data folder. Only a cache:
 * the passphrase always opens the database, so any problem here just means "ask for the passphrase".
 */
export interface Keychain {
  readonly file: string;
  /** whether the OS can protect the key (on Linux without a secret service, safeStorage is plain text: refused) */
  available(): Promise<boolean>;
  save(key: Buffer): Promise<boolean>;
  load(): Promise<Buffer | null>;
  clear(): void;
}

export function createKeychain(dataDir: string, safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): Keychain {
  const file = join(dataDir, KEY_CACHE_FILE);

  const available = async (): Promise<boolean> => {
    try {
      if (platform === 'linux') {
        const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
        if (backend === 'basic_text' || backend === 'unknown') return false;
      }
      return await safeStorage.isAsyncEncryptionAvailable();
    } catch {
      return false;
    }
  };

  const clear = (): void => {
    rmSync(file, { force: true });
  };

  const save = async (key: Buffer): Promise<boolean> => {
    try {
      if (!(await available())) return false;
      const encrypted = await safeStorage.encryptStringAsync(key.toString('base64'));
      mkdirSync(dirname(file), { recursive: true });
      const tmp = `${file}.tmp`;
      writeFileSync(tmp, encrypted, { mode: 0o600 });
      renameSync(tmp, file);
      return true;
    } catch {
      return false;
    }
  };

  const load = async (): Promise<Buffer | null> => {
    if (!existsSync(file)) return null;
    try {
      if (!(await available())) return null;
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(readFileSync(file));
      const key = Buffer.from(result, 'base64');
      if (key.length !== KEY_BYTES || key.toString('base64') !== result) throw new Error('not a key');
      if (shouldReEncrypt) await save(key);
      return key;
    } catch {
      clear();
      return null;
    }
  };

  return { file, available, save, load, clear };
}
