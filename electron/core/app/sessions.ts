import type { SessionUser } from '../../../shared/contract/schemas';

/**
 * Where one person works: the desktop window, or one browser in browser mode (the web host keeps it behind a cookie).
 * Core records who is signed in there (only through SignedInSessions); the transport keeps the session and passes it
 * with every call.
 */
export interface Session {
  user: SessionUser | null;
}

export function newSession(): Session {
  return { user: null };
}

/** Every session with a user signed in: locking the store or restoring a backup signs them all out at once. */
export class SignedInSessions {
  private readonly live = new Set<Session>();

  enter(session: Session, user: SessionUser): void {
    session.user = user;
    this.live.add(session);
  }

  leave(session: Session): void {
    session.user = null;
    this.live.delete(session);
  }

  /** Signs a user out of every session but `keep` (their password changed); answers how many ended. */
  leaveUser(userId: string, keep?: Session): number {
    let ended = 0;
    for (const s of [...this.live]) {
      if (s !== keep && s.user?.id === userId) {
        this.leave(s);
        ended++;
      }
    }
    return ended;
  }

  leaveAll(): void {
    for (const s of this.live) s.user = null;
    this.live.clear();
  }

  /** how many sessions have someone signed in */
  get size(): number {
    return this.live.size;
  }
}
