import type { SessionUser } from '../../../shared/contract/schemas';
import { appendAudit, type Via } from '../audit/audit';
import type { Db } from '../db/open';
import { CoreError } from '../errors';
import { dummyHash, verifyPassword } from './passwords';
import { findUserByName, type UserRecord } from './users';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 5;

export function toSessionUser(u: UserRecord): SessionUser {
  return { id: u.id, name: u.name, displayName: u.display_name, role: u.role };
}

/**
 * Checks a user name and password. Every failure is audited; the fifth failure in a row locks the account for
 * LOCKOUT_MINUTES. The message never tells whether the name or the password was wrong.
 */
export async function signIn(db: Db, name: string, password: string, via: Via, now: Date): Promise<SessionUser> {
  const at = now.toISOString();
  const user = findUserByName(db, name);
  if (user?.locked_until && Date.parse(user.locked_until) > now.getTime()) {
    db.transaction(() => appendAudit(db, { actorId: user.id, via, action: 'auth.sign_in_refused', entity: 'user', entityId: user.id, details: { reason: 'locked' } }, at))();
    throw new CoreError('account_locked', `This account is locked after ${MAX_FAILED_SIGN_INS} failed sign-ins. Try again after ${user.locked_until}.`, {
      lockedUntil: user.locked_until,
    });
  }
  const ok = await verifyPassword(password, user?.password_hash ?? (await dummyHash()));
  if (user && ok && user.disabled_at) {
    db.transaction(() => appendAudit(db, { actorId: user.id, via, action: 'auth.sign_in_refused', entity: 'user', entityId: user.id, details: { reason: 'disabled' } }, at))();
    throw new CoreError('forbidden', 'This account has been disabled. Ask an admin if you need access again.', { reason: 'disabled' });
  }
  if (!user || !ok) {
    let lockedUntil: string | null = null;
    db.transaction(() => {
      if (user && !ok) {
        const failures = user.failed_attempts + 1;
        lockedUntil = failures >= MAX_FAILED_SIGN_INS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null;
        db.prepare('UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?').run(lockedUntil ? 0 : failures, lockedUntil, user.id);
      }
      const reason = user ? 'wrong_password' : 'unknown_user';
      appendAudit(db, { actorId: user?.id ?? null, via, action: 'auth.sign_in_failed', entity: 'user', entityId: user?.id, details: { reason } }, at);
    })();
    if (lockedUntil) {
      throw new CoreError('account_locked', `Too many failed sign-ins: this account is locked until ${lockedUntil}.`, { lockedUntil });
    }
    throw new CoreError('bad_credentials', 'Wrong user name or password.');
  }
  db.transaction(() => {
    db.prepare('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(user.id);
    appendAudit(db, { actorId: user.id, via, action: 'auth.sign_in', entity: 'user', entityId: user.id }, at);
  })();
  return toSessionUser(user);
}
