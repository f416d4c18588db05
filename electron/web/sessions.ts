import { randomBytes } from 'node:crypto';
import type { CoreApp } from '../core/app/core-app';
import { newSession, type Session } from '../core/app/sessions';
import type { Clock } from '../core/clock';
import { CoreError } from '../core/errors';

/** Methods that sign a user in: each success starts a new session, under a new id. */
export const SIGN_IN_METHODS: ReadonlySet<string> = new Set(['auth.signIn', 'app.setup', 'app.setupDemo']);

/** Calls an open screen repeats by itself (sync state, import progress): they do not count as the user's activity. */
export const BACKGROUND_METHODS: ReadonlySet<string> = new Set(['sync.status', 'import.status']);

/** How often the host looks for idle sessions between requests. */
export const SWEEP_MS = 15_000;

interface Entry {
  session: Session;
  lastActive: number;
}

/** The session a request carries (`id` null: none, or one that has ended). */
export interface Resolved {
  id: string | null;
  session: Session;
  /** the request carried a session id that is no longer valid: its cookie is cleared */
  stale: boolean;
}

/**
 * The browsers signed in to this web host. Each has a random id, known to the browser only as an HttpOnly,
 * SameSite=Strict cookie, and kept here with the core session and the time of its last request. A session idle past
 * the idle-lock preference is ended by the host, whatever the tab does; when that leaves nobody signed in, the store
 * is locked (core's idle lock). An open store nobody is signed in to is locked after the same time without requests.
 */
export class WebSessions {
  private readonly byId = new Map<string, Entry>();
  private lastRequest: number;
  private sweeping: Promise<void> | null = null;

  constructor(
    private readonly app: CoreApp,
    private readonly clock: Clock,
    readonly cookieName: string,
  ) {
    this.lastRequest = clock.now().getTime();
  }

  /** the idle-lock time in ms; 0: never */
  private limit(): number {
    return this.app.prefs.get().idleLockMinutes * 60_000;
  }

  private isIdle(lastActive: number, now: number): boolean {
    const limit = this.limit();
    return limit > 0 && now - lastActive >= limit;
  }

  /** The session of a request's Cookie header; an idle one is ended first (and the request goes on without it). */
  async resolve(cookieHeader: string | undefined): Promise<Resolved> {
    const id = readCookie(cookieHeader, this.cookieName);
    const entry = id === null ? undefined : this.byId.get(id);
    const none: Resolved = { id: null, session: newSession(), stale: id !== null };
    if (id === null || !entry) return none;
    if (this.isIdle(entry.lastActive, this.clock.now().getTime())) {
      await this.expire(id, entry);
      return none;
    }
    // Signed out by core meanwhile (the store was locked, a backup restored, the user disabled).
    if (!entry.session.user) {
      this.byId.delete(id);
      return none;
    }
    return { id, session: entry.session, stale: false };
  }

  /** A request of the user's (not a screen's own polling) keeps their session, and the store, from idling out. */
  touch(id: string | null, method: string): void {
    if (BACKGROUND_METHODS.has(method)) return;
    const now = this.clock.now().getTime();
    this.lastRequest = now;
    const entry = id === null ? undefined : this.byId.get(id);
    if (entry) entry.lastActive = now;
  }

  /** Keeps a newly signed-in session under a new random id; answers the id for the cookie. */
  open(session: Session): string {
    const id = randomBytes(32).toString('base64url');
    this.byId.set(id, { session, lastActive: this.clock.now().getTime() });
    return id;
  }

  /** Forgets a session whose user core has signed out. */
  forget(id: string): void {
    this.byId.delete(id);
  }

  /** Ends a session the browser replaces with a new sign-in. */
  replace(id: string | null): void {
    const entry = id === null ? undefined : this.byId.get(id);
    if (!id || !entry) return;
    this.byId.delete(id);
    this.app.signOut(entry.session);
  }

  get size(): number {
    return this.byId.size;
  }

  private async expire(id: string, entry: Entry): Promise<void> {
    this.byId.delete(id);
    try {
      await this.app.endIdleSession(entry.session);
    } catch (err) {
      // An import still running keeps the store open; the next sweep locks it once nobody is signed in.
      if (!(err instanceof CoreError && err.code === 'conflict')) throw err;
    }
  }

  /** Ends every idle session; locks an open store nobody is signed in to once it has had no request for the idle time. */
  sweep(): Promise<void> {
    this.sweeping ??= this.runSweep().finally(() => (this.sweeping = null));
    return this.sweeping;
  }

  private async runSweep(): Promise<void> {
    const now = this.clock.now().getTime();
    for (const [id, entry] of [...this.byId]) {
      if (!entry.session.user) this.byId.delete(id);
      else if (this.isIdle(entry.lastActive, now)) await this.expire(id, entry);
    }
    if (this.app.signedInSessions === 0 && this.app.status().state === 'open' && this.isIdle(this.lastRequest, now)) {
      try {
        await this.app.lockForIdle();
      } catch (err) {
        if (!(err instanceof CoreError && err.code === 'conflict')) throw err;
      }
    }
  }
}

/** The value of one cookie in a Cookie header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

/** The Set-Cookie of a session: for this host's pages and calls only, never readable by script, never sent cross-site. */
export function sessionCookie(name: string, id: string): string {
  return `${name}=${id}; Path=/; HttpOnly; SameSite=Strict`;
}

export function clearedCookie(name: string): string {
  return `${name}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;
}
