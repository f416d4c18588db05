import { resolve } from 'node:path';
import type { Actor } from '../core/auth/actor';
import { findUserByName, type UserRecord } from '../core/auth/users';
import type { Db } from '../core/db/open';
import { openDatabase } from '../core/db/open';
import { defaultDataDir } from '../core/db/paths';
import { CoreError } from '../core/errors';
import { UsageError } from './errors';

export function dataDirFrom(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return resolve(flag ?? defaultDataDir(env));
}

export function requireEnv(env: NodeJS.ProcessEnv, name: string, what: string): string {
  const v = env[name];
  if (!v) throw new UsageError(`Set ${name} to ${what}.`);
  return v;
}

export async function openFromEnv(dataDir: string, env: NodeJS.ProcessEnv): Promise<Db> {
  const passphrase = requireEnv(env, 'COLLECTDESK_PASSPHRASE', 'the database passphrase');
  return (await openDatabase({ dataDir, secret: { passphrase } })).db;
}

/**
 * The actor of a command: the user named by --as with that user's role, or else the database's first active
 * admin, recorded as acting from the command line.
 */
export function resolveActor(db: Db, as: string | undefined): Actor {
  let user: UserRecord | undefined;
  if (as !== undefined) {
    user = findUserByName(db, as);
    if (!user) throw new CoreError('not_found', `There is no user named "${as}".`, { field: 'as' });
    if (user.disabled_at) throw new CoreError('forbidden', `The user "${as}" is disabled.`, { field: 'as' });
  } else {
    user = db.prepare("SELECT * FROM users WHERE role = 'admin' AND disabled_at IS NULL ORDER BY created_at, id LIMIT 1").get() as UserRecord | undefined;
    if (!user) throw new CoreError('not_found', 'This database has no active admin.');
  }
  return { id: user.id, role: user.role, via: 'cli' };
}
