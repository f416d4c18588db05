import type { AppStatus } from '../../shared/contract/schemas';
import type { Keychain } from './keychain';

export interface Unlockable {
  status(): AppStatus;
  unlock(secret: { key: Buffer }): Promise<AppStatus>;
}

/**
 * At start, open the database with the key cached in the OS keychain. Any failure (no cache, no keychain,
 * a key that no longer fits the database) deletes the cache and leaves the app locked: the passphrase opens it.
 */
export async function unlockWithCachedKey(core: Unlockable, keychain: Keychain): Promise<boolean> {
  const { state } = core.status();
  if (state === 'new') {
    keychain.clear();
    return false;
  }
  if (state !== 'locked') return false;
  const key = await keychain.load();
  if (!key) return false;
  try {
    await core.unlock({ key });
    return true;
  } catch {
    keychain.clear();
    return false;
  }
}
