import { join } from 'node:path';
import { CoreApp } from '../../electron/core/app/core-app';
import type { Clock } from '../../electron/core/clock';
import type { Db } from '../../electron/core/db/open';
import { makeTempDir } from './temp-dir';

export const PASSPHRASE = 'correct horse battery staple';
export const ADMIN = { name: 'admin', displayName: '系统管理员', password: 'admin-password-1' };

/** A clock the test moves by hand. */
export function manualClock(start: string): Clock & { advance(ms: number): void; set(iso: string): void } {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    advance: (ms) => void (t += ms),
    set: (iso) => void (t = Date.parse(iso)),
  };
}

/** A CoreApp on a real encrypted database in a temp dir, set up with an admin who is signed in. */
export async function setupApp(clock?: Clock): Promise<{ app: CoreApp; db: Db; dataDir: string; cleanup: () => void }> {
  const tmp = makeTempDir();
  const dataDir = join(tmp.dir, 'data');
  const app = new CoreApp({ dataDir, via: 'ui', clock });
  const r = await app.dispatch('app.setup', {
    passphrase: PASSPHRASE,
    adminName: ADMIN.name,
    adminDisplayName: ADMIN.displayName,
    adminPassword: ADMIN.password,
  });
  if (!r.ok) throw new Error(`setup failed: ${r.error.message}`);
  const db = app.database;
  if (!db) throw new Error('database not open after setup');
  return {
    app,
    db,
    dataDir,
    cleanup: () => {
      app.close();
      tmp.cleanup();
    },
  };
}

/** Unwraps a dispatch result, failing the test with the error's message. */
export function value<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
