import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoreApp } from '../core/app/core-app';
import { unlockWithCachedKey } from './cached-unlock';
import type { Keychain } from './keychain';

function memoryKeychain(initial: Buffer | null = null): Keychain & { key: Buffer | null } {
  const kc = {
    key: initial,
    file: '(memory)',
    available: async () => true,
    save: async (k: Buffer) => ((kc.key = k), true),
    load: async () => kc.key,
    clear: () => {
      kc.key = null;
    },
  };
  return kc;
}

describe('unlockWithCachedKey', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cd-unlock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('opens the database with the key cached at setup, and forgets a key that no longer fits', async () => {
    const kc = memoryKeychain();
    const first = new CoreApp({ dataDir: dir, via: 'ui', onKey: (k) => void kc.save(k) });
    await first.setup({ passphrase: 'correct horse battery', adminName: 'admin', adminDisplayName: 'Admin', adminPassword: 'admin-pass-1' });
    first.close();
    expect(kc.key).not.toBeNull();

    const second = new CoreApp({ dataDir: dir, via: 'ui' });
    expect(await unlockWithCachedKey(second, kc)).toBe(true);
    expect(second.status().state).toBe('open');
    second.close();

    kc.key = Buffer.alloc(32, 1);
    const third = new CoreApp({ dataDir: dir, via: 'ui' });
    expect(await unlockWithCachedKey(third, kc)).toBe(false);
    expect(third.status().state).toBe('locked');
    expect(kc.key).toBeNull();
    third.close();
  });

  it('drops a stale cache when the folder has no database', async () => {
    const kc = memoryKeychain(Buffer.alloc(32, 2));
    expect(await unlockWithCachedKey(new CoreApp({ dataDir: dir, via: 'ui' }), kc)).toBe(false);
    expect(kc.key).toBeNull();
  });

  it('after the idle lock the desktop opens the database again with the cached key: only sign-in is asked', async () => {
    const kc = memoryKeychain();
    const app = new CoreApp({ dataDir: dir, via: 'ui', onKey: (k) => void kc.save(k), keyCache: kc });
    await app.setup({ passphrase: 'correct horse battery', adminName: 'admin', adminDisplayName: 'Admin', adminPassword: 'admin-pass-1' });
    const idle = await app.dispatch('app.lock', { idle: true });
    expect(idle).toMatchObject({ ok: true, value: { state: 'open', user: null } });
    expect(await app.dispatch('users.list', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await app.dispatch('auth.signIn', { name: 'admin', password: 'admin-pass-1' })).toMatchObject({ ok: true });

    // The Lock menu item still closes the database until the passphrase is given.
    expect(await app.dispatch('app.lock', {})).toMatchObject({ ok: true, value: { state: 'locked' } });
    expect(await app.dispatch('app.unlock', { passphrase: 'correct horse battery' })).toMatchObject({ ok: true, value: { state: 'open' } });

    // A cached key that no longer fits is forgotten, and the passphrase is asked.
    kc.key = Buffer.alloc(32, 3);
    expect(await app.dispatch('app.lock', { idle: true })).toMatchObject({ ok: true, value: { state: 'locked' } });
    expect(kc.key).toBeNull();
    app.close();
  });

  it('without a keychain cache (browser mode) the idle lock leaves the database locked: the passphrase is asked again', async () => {
    const app = new CoreApp({ dataDir: dir, via: 'web' });
    await app.setup({ passphrase: 'correct horse battery', adminName: 'admin', adminDisplayName: 'Admin', adminPassword: 'admin-pass-1' });
    expect(await app.dispatch('app.lock', { idle: true })).toMatchObject({ ok: true, value: { state: 'locked', user: null } });
    app.close();
  });

  it('with an empty keychain the idle lock leaves the database locked', async () => {
    const kc = memoryKeychain();
    const app = new CoreApp({ dataDir: dir, via: 'ui', keyCache: kc });
    await app.setup({ passphrase: 'correct horse battery', adminName: 'admin', adminDisplayName: 'Admin', adminPassword: 'admin-pass-1' });
    expect(await app.dispatch('app.lock', { idle: true })).toMatchObject({ ok: true, value: { state: 'locked' } });
    app.close();
  });
});
