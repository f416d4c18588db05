import type { SessionUser } from '../../../shared/contract/schemas';
import { appendAudit, type Via } from '../audit/audit';
import type { Db } from '../db/open';
import { CoreError } from '../errors';
import { checkPassword, oneCheckPerUser } from './lockout';
import { dummyHash, verifyPassword } from './passwords';
import { findUserByName, getUser, setPassword, type UserRecord } from './users';
import type { Actor } from './actor';

export function toSessionUser(u: UserRecord): SessionUser {
  return { id: u.id, name: u.name, displayName: u.display_name, role: u.role };
}

/**
 * Checks a user name and password. Every failure is audited; the fifth failure in a row locks the account for
 * LOCKOUT_MINUTES, however many tries arrive at once (see lockout.ts). The message never tells whether the name or
 * the password was wrong.
 */
export async function signIn(db: Db, name: string, password: string, via: Via, now: Date): Promise<SessionUser> {
  const at = now.toISOString();
  const found = findUserByName(db, name);
  if (!found) {
    await verifyPassword(password, await dummyHash());
    db.transaction(() => appendAudit(db, { actorId: null, via, action: 'auth.sign_in_failed', entity: 'user', details: { reason: 'unknown_user' } }, at))();
    throw new CoreError('bad_credentials', 'Wrong user name or password.');
  }
  return oneCheckPerUser(found.id, async () => {
    const user = getUser(db, found.id);
    await checkPassword(db, user, password, {
      via,
      now,
      failedAction: 'auth.sign_in_failed',
      refusedAction: 'auth.sign_in_refused',
      wrongPassword: () => new CoreError('bad_credentials', 'Wrong user name or password.'),
    });
    if (user.disabled_at) {
      db.transaction(() => appendAudit(db, { actorId: user.id, via, action: 'auth.sign_in_refused', entity: 'user', entityId: user.id, details: { reason: 'disabled' } }, at))();
      throw new CoreError('forbidden', 'This account has been disabled. Ask an admin if you need access again.', { reason: 'disabled' });
    }
    db.transaction(() => {
      db.prepare('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(user.id);
      appendAudit(db, { actorId: user.id, via, action: 'auth.sign_in', entity: 'user', entityId: user.id }, at);
    })();
    return toSessionUser(user);
  });
}

/**
 * A signed-in user changes their own password: the current one is checked against the same failure count as
 * sign-in (five wrong in a row lock the account), each wrong one audited; the change itself is audited by setPassword.
 */
export async function changeOwnPassword(db: Db, actor: Actor, currentPassword: string, newPassword: string, now: Date): Promise<void> {
  await oneCheckPerUser(actor.id, async () => {
    await checkPassword(db, getUser(db, actor.id), currentPassword, {
      via: actor.via,
      now,
      failedAction: 'auth.password_change_failed',
      refusedAction: 'auth.password_change_refused',
      wrongPassword: () => new CoreError('bad_credentials', 'The current password is wrong.', { field: 'currentPassword' }),
    });
    await setPassword(db, actor, actor.id, newPassword, now.toISOString());
  });
}
