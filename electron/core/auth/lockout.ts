import { appendAudit, type Via } from '../audit/audit';
import type { Db } from '../db/open';
import { CoreError } from '../errors';
import { oneAtATime } from './one-at-a-time';
import { verifyPassword } from './passwords';
import type { UserRecord } from './users';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 5;

/** One password check per user at a time, whatever asks for it (sign-in, password change): the count stays exact. */
export function oneCheckPerUser<T>(userId: string, work: () => Promise<T>): Promise<T> {
  return oneAtATime(`user:${userId}`, work);
}

/** What a check is for: the audit actions it writes and the error a wrong password gets. */
export interface PasswordAttempt {
  via: Via;
  now: Date;
  /** audited for each wrong password, with { reason: 'wrong_password' } */
  failedAction: string;
  /** audited for each try refused while the account is locked, with { reason: 'locked' } */
  refusedAction: string;
  wrongPassword: () => CoreError;
}

function lockedError(lockedUntil: string, justNow: boolean): CoreError {
  const message = justNow
    ? `Too many failed sign-ins: this account is locked until ${lockedUntil}.`
    : `This account is locked after ${MAX_FAILED_SIGN_INS} failed sign-ins. Try again after ${lockedUntil}.`;
  return new CoreError('account_locked', message, { lockedUntil });
}

function activeLock(lockedUntil: string | null, now: Date): string | null {
  return lockedUntil && Date.parse(lockedUntil) > now.getTime() ? lockedUntil : null;
}

type Outcome = { kind: 'ok' } | { kind: 'wrong' } | { kind: 'locked'; lockedUntil: string; justNow: boolean };

/**
 * Checks a user's password against the shared failure count; call it inside `oneCheckPerUser`. While the account is
 * locked the try is refused (and audited) without checking. After hashing, one IMMEDIATE transaction reads the lock
 * and the count again (another process may have changed them), counts this failure and locks the account at the
 * MAX_FAILED_SIGN_INS-th failure in a row, audited in the same transaction. Throws `account_locked` or the attempt's
 * own error; returns when the password is right (the caller resets the count in its success transaction).
 */
export async function checkPassword(db: Db, user: UserRecord, password: string, a: PasswordAttempt): Promise<void> {
  const at = a.now.toISOString();
  const refuse = (): void =>
    appendAudit(db, { actorId: user.id, via: a.via, action: a.refusedAction, entity: 'user', entityId: user.id, details: { reason: 'locked' } }, at);
  const early = activeLock(user.locked_until, a.now);
  if (early) {
    db.transaction(refuse)();
    throw lockedError(early, false);
  }
  const ok = await verifyPassword(password, user.password_hash);
  const outcome = db
    .transaction((): Outcome => {
      const row = db.prepare('SELECT failed_attempts, locked_until FROM users WHERE id = ?').get(user.id) as Pick<UserRecord, 'failed_attempts' | 'locked_until'>;
      const locked = activeLock(row.locked_until, a.now);
      if (locked) {
        refuse();
        return { kind: 'locked', lockedUntil: locked, justNow: false };
      }
      if (ok) return { kind: 'ok' };
      const failures = row.failed_attempts + 1;
      const lockedUntil = failures >= MAX_FAILED_SIGN_INS ? new Date(a.now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null;
      db.prepare('UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?').run(lockedUntil ? 0 : failures, lockedUntil, user.id);
      appendAudit(db, { actorId: user.id, via: a.via, action: a.failedAction, entity: 'user', entityId: user.id, details: { reason: 'wrong_password' } }, at);
      return lockedUntil ? { kind: 'locked', lockedUntil, justNow: true } : { kind: 'wrong' };
    })
    .immediate();
  if (outcome.kind === 'locked') throw lockedError(outcome.lockedUntil, outcome.justNow);
  if (outcome.kind === 'wrong') throw a.wrongPassword();
}
