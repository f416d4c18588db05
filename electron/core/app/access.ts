import type { Access } from '../../../shared/contract/methods';
import type { Role } from '../../../shared/domain/roles';
import { getUser } from '../auth/users';
import type { Db } from '../db/open';
import { CoreError } from '../errors';
import type { Session, SignedInSessions } from './sessions';

const RANK: Record<Role, number> = { collector: 1, lead: 2, admin: 3 };

/** Whether the caller's session may use a method of this access level; throws `locked`, `unauthenticated` or `forbidden`. */
export function checkAccess(access: Access, db: Db | null, session: Session, sessions: SignedInSessions): void {
  if (access === 'public') return;
  if (!db) throw new CoreError('locked', 'The database is locked. Enter the passphrase to open it.');
  if (access === 'open') return;
  const user = session.user;
  if (!user) throw new CoreError('unauthenticated', 'Please sign in.');
  // A user disabled while signed in loses access at once.
  if (getUser(db, user.id).disabled_at) {
    sessions.leave(session);
    throw new CoreError('unauthenticated', 'Your account has been disabled.');
  }
  if (access !== 'user' && RANK[user.role] < RANK[access]) {
    throw new CoreError('forbidden', 'Your role does not allow this.', { required: access });
  }
}
