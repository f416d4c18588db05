import type { SessionUser } from '../../../shared/contract/schemas';
import type { Actor } from '../auth/actor';
import type { Via } from '../audit/audit';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { CoreError } from '../errors';
import type { Session } from './sessions';

/** What a handler gets: the open database (if any), the caller's session and its user (if any), the clock and the transport. */
export interface HandlerContext {
  db: Db | null;
  user: SessionUser | null;
  session: Session;
  via: Via;
  clock: Clock;
}

export function requireDb(ctx: HandlerContext): Db {
  if (!ctx.db) throw new CoreError('locked', 'The database is locked. Enter the passphrase to open it.');
  return ctx.db;
}

export function requireActor(ctx: HandlerContext): Actor {
  if (!ctx.user) throw new CoreError('unauthenticated', 'Please sign in.');
  return { id: ctx.user.id, role: ctx.user.role, via: ctx.via };
}
