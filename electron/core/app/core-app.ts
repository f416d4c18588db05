import { basename } from 'node:path';
import { contract, isMethodName, type MethodInput, type MethodName, type MethodOutput } from '../../../shared/contract/methods';
import type { AppStatus, SessionUser } from '../../../shared/contract/schemas';
import type { ApiResult } from '../../../shared/errors';
import { appendAudit, type Via } from '../audit/audit';
import { signIn } from '../auth/sign-in';
import { createUser } from '../auth/users';
import { agencyDay, systemClock, type Clock } from '../clock';
import { settlePromises } from '../promises/settle';
import { purgeExpired } from '../retention/purge';
import { databaseExists, openDatabase, type Db } from '../db/open';
import { CoreError, isBusy, toApiError } from '../errors';
import { generateDemo } from '../demo/demo';
import { ImportJobs } from '../import/jobs';
import { placementWorkerEntry } from '../import/worker-entry';
import { clearStaging, discardStaged, resolveStaged, stagePath, stageStream, type StagedFile } from '../import/staging';
import { backupsDir, createBackup } from '../backup/backup';
import { backupPath } from '../backup/names';
import { BackupScheduler } from '../backup/scheduler';
import { prepareReplacement, recoverInterruptedRestore, resolveBackupName, restoreBackup } from '../backup/restore';
import { APP_VERSION } from '../version';
import { checkAccess } from './access';
import type { HandlerContext } from './context';
import { handlers } from './handlers';
import { memoryPreferences, type PreferencesStore } from './preferences';
import { newSession, SignedInSessions, type Session } from './sessions';
import { SyncScheduler } from '../sync/scheduler';
import { HubSyncLoop } from '../hub/sync-loop';
import { APP_BUSY_TIMEOUT_MS, type CoreAppOptions } from './core-app-options';
import { createStoreByJoining } from '../hub/join-store';

export { APP_BUSY_TIMEOUT_MS, type CoreAppOptions } from './core-app-options';

/**
 * The application as both transports see it: one database, the sessions signed in to it (the desktop window; each
 * browser in browser mode), and `dispatch`, which parses every input with the contract, checks access for the
 * caller's session, runs the handler and answers with the error envelope.
 */
export class CoreApp {
  readonly dataDir: string;
  readonly via: Via;
  readonly clock: Clock;
  readonly prefs: PreferencesStore;
  readonly imports: ImportJobs;
  /** bank sync: the background schedule and rounds on demand, while the database is open */
  readonly sync: SyncScheduler;
  /** the agency hub: the background sync of this station while the database is open */
  readonly hub: HubSyncLoop;
  /** scheduled backups, while the database is open */
  readonly backups: BackupScheduler;
  private db: Db | null = null;
  /** the derived key, kept while the database is open: background work (imports) opens connections of its own */
  private key: Buffer | null = null;
  /** the desktop window's session, and in-process callers' (tests, the CLI): a call without a session uses it */
  private readonly local: Session = newSession();
  private readonly sessions = new SignedInSessions();

  constructor(private readonly opts: CoreAppOptions) {
    this.dataDir = opts.dataDir;
    this.via = opts.via;
    this.clock = opts.clock ?? systemClock;
    this.prefs = opts.prefs ?? memoryPreferences();
    recoverInterruptedRestore(this.dataDir);
    this.imports = new ImportJobs({
      dataDir: this.dataDir,
      clock: this.clock,
      openConnection: () => this.openConnection(),
      worker: placementWorkerEntry(),
      onLog: (err) => this.opts.logError?.('import', err),
      // The import writes in one transaction on this same thread, yielding between chunks: a write on the app's
      // connection that waited for it would freeze the app and hold the import still. It is answered `busy` at once
      // instead, and the screen tries again a little later.
      // An import's rows reach the agency hub at the next round: it comes soon after the import ends.
      onRunning: (running) => {
        this.db?.pragma(`busy_timeout = ${running ? 0 : APP_BUSY_TIMEOUT_MS}`);
        if (!running) this.hub.nudge();
      },
    });
    // A round's writes run on this thread too: they wait for another program no longer than a request does, and not
    // at all for the app's own import (a round answered busy continues from where it stopped, the next time).
    const roundConnection = async (): Promise<Db> => {
      const db = await this.openConnection();
      db.pragma(`busy_timeout = ${this.imports.running ? 0 : APP_BUSY_TIMEOUT_MS}`);
      return db;
    };
    this.sync = new SyncScheduler({ connect: roundConnection, key: () => this.key, clock: this.clock, log: (err) => this.opts.logError?.('sync', err) });
    this.hub = new HubSyncLoop({ db: () => this.db, now: () => this.clock.now().toISOString(), ...opts.hubLoop, log: (err) => this.opts.logError?.('hub', err) });
    this.backups = new BackupScheduler({ db: () => this.db, clock: this.clock, log: (err) => this.opts.logError?.('backup', err) });
  }

  /** The store is open: bank sync, the hub's sync and scheduled backups run from now on. */
  private startBackground(): void {
    this.sync.start();
    this.hub.start();
    this.backups.start();
  }

  /** The store is about to close: no further background round starts (one in flight ends at its next step). */
  private stopBackground(): void {
    this.sync.stop();
    this.hub.stop();
    this.backups.stop();
  }

  /** Logs an unexpected error of background work (never shown to the user). */
  reportError(what: string, err: unknown): void {
    this.opts.logError?.(what, err);
  }

  /** The database key while the database is open: what seals a client's sync secret. */
  databaseKey(): Buffer {
    if (!this.db || !this.key) throw new CoreError('locked', 'The database is locked. Enter the passphrase to open it.');
    return this.key;
  }

  /** A second connection to the open database, for work that needs a transaction of its own. */
  async openConnection(): Promise<Db> {
    if (!this.db || !this.key) throw new CoreError('locked', 'The database is locked. Enter the passphrase to open it.');
    return (await openDatabase({ dataDir: this.dataDir, secret: { key: this.key } })).db;
  }

  status(session: Session = this.local): AppStatus {
    const state = this.db ? 'open' : databaseExists(this.dataDir) ? 'locked' : 'new';
    return { state, version: APP_VERSION, dataDir: this.dataDir, user: session.user };
  }

  /** how many sessions have someone signed in (the web host locks the store when the last one idles out) */
  get signedInSessions(): number {
    return this.sessions.size;
  }

  /** First run: create the encrypted database and its first admin, and sign that admin in (in the caller's session). */
  async setup(i: { passphrase: string; adminName: string; adminDisplayName: string; adminPassword: string }, session: Session = this.local): Promise<SessionUser> {
    if (this.db || databaseExists(this.dataDir)) throw new CoreError('conflict', 'This data folder already has a database.');
    const now = this.clock.now().toISOString();
    const { db, key } = await openDatabase({ dataDir: this.dataDir, secret: { passphrase: i.passphrase }, create: true, now });
    let user: SessionUser;
    try {
      const admin = await createUser(db, null, { name: i.adminName, displayName: i.adminDisplayName, role: 'admin', password: i.adminPassword }, now);
      db.pragma(`busy_timeout = ${APP_BUSY_TIMEOUT_MS}`);
      this.db = db;
      this.key = key;
      user = { id: admin.id, name: admin.name, displayName: admin.displayName, role: admin.role };
      this.sessions.enter(session, user);
      db.transaction(() => appendAudit(db, { actorId: admin.id, via: this.via, action: 'auth.sign_in', entity: 'user', entityId: admin.id }, now))();
    } catch (err) {
      db.close();
      throw err;
    }
    this.opts.onKey?.(key);
    this.startBackground();
    return user;
  }

  /** First run with a demo data set, so a new user sees a living app at once. */
  async setupWithDemo(i: { passphrase: string; adminName: string; adminDisplayName: string; adminPassword: string }, cases: number, session: Session = this.local): Promise<SessionUser> {
    const admin = await this.setup(i, session);
    const db = this.db as Db;
    await generateDemo(db, { id: admin.id, role: 'admin', via: this.via }, { cases, password: i.adminPassword, now: this.clock.now() });
    return admin;
  }

  async unlock(secret: { passphrase: string } | { key: Buffer }): Promise<AppStatus> {
    if (!this.db) {
      const { db, key } = await openDatabase({ dataDir: this.dataDir, secret, now: this.clock.now().toISOString() });
      db.pragma(`busy_timeout = ${APP_BUSY_TIMEOUT_MS}`);
      this.db = db;
      this.key = key;
      // Whatever a crash left staged: no bank file outlives the session that chose it.
      clearStaging(this.dataDir);
      settlePromises(db, agencyDay(this.clock.now()), this.clock.now().toISOString());
      purgeExpired(db, { id: 'system', role: 'admin', via: 'system' }, agencyDay(this.clock.now()), this.clock.now().toISOString());
      this.opts.onKey?.(key);
      this.startBackground();
    }
    return this.status();
  }

  /**
   * First run, instead of setup: restores a staged backup file into this data folder, which has no database. The
   * backup is opened with its passphrase before it takes the database's name (a wrong one leaves no database behind;
   * the staged file stays, so the user can try another passphrase). Then the restored database is opened: sign-in next.
   */
  async restoreFirstRun(fileRef: string, passphrase: string): Promise<AppStatus> {
    if (this.db || databaseExists(this.dataDir)) throw new CoreError('conflict', 'This data folder already has a database: a backup is restored here only on first run.');
    const file = resolveStaged(this.dataDir, fileRef);
    await restoreBackup(file, this.dataDir, passphrase, { requireEmpty: false });
    discardStaged(this.dataDir, fileRef);
    return this.unlock({ passphrase });
  }

  /**
   * First run, instead of setup: creates the store by joining an agency hub with an enrollment code (as `station
   * join` does) and opens it; the station's users then sign in with their own passwords. A refused join leaves no
   * database; a first pull that fails after the join leaves the store joined (the next sync round pulls).
   */
  async joinFirstRun(i: { hubUrl: string; fingerprint: string; code: string; passphrase: string; stationName?: string }): Promise<AppStatus> {
    if (this.db || databaseExists(this.dataDir)) throw new CoreError('conflict', 'This data folder already has a database: a hub is joined here only on first run.');
    const r = await createStoreByJoining(this.dataDir, i.passphrase, { hubUrl: i.hubUrl, fingerprint: i.fingerprint, code: i.code, stationName: i.stationName }, () => this.clock.now().toISOString());
    if (r.firstError) this.opts.logError?.('hub.join', r.firstError);
    return this.unlock({ passphrase: i.passphrase });
  }

  /**
   * Admin → Data → Restore: replaces the open database with a listed backup. The backup is checked with its passphrase
   * first (a wrong one changes nothing); then a safety backup of the current database goes to the backups folder,
   * the database is closed, the restored copy swapped in and opened, and `backup.restore` audited in it. Everyone is
   * signed out: the answer is the status of the restored database, open, nobody signed in.
   */
  async restoreFromBackup(name: string, passphrase: string, session: Session = this.local): Promise<AppStatus> {
    const db = this.db;
    const user = session.user;
    if (!db || !user) throw new CoreError('locked', 'The database is locked. Enter the passphrase to open it.');
    if (this.imports.running) throw new CoreError('conflict', 'An import is running. Restore a backup when it has finished.');
    const source = resolveBackupName(this.dataDir, name);
    const replacement = await prepareReplacement(source, this.dataDir, passphrase);
    const actor = { id: user.id, role: user.role, via: this.via };
    let safety: string;
    try {
      const now = this.clock.now();
      safety = basename((await createBackup(db, actor, backupPath(backupsDir(this.dataDir), now, 'before-restore'), now.toISOString())).file);
      // An import started meanwhile holds a connection of its own: nothing may be swapped under it.
      if (this.imports.running) throw new CoreError('conflict', 'An import is running. Restore a backup when it has finished.');
    } catch (err) {
      replacement.discard();
      throw err;
    }
    this.stopBackground();
    await Promise.all([this.sync.idle(), this.hub.idle(), this.backups.idle()]);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    this.db = null;
    this.key = null;
    this.sessions.leaveAll();
    try {
      replacement.swap();
    } catch (err) {
      replacement.discard();
      throw err;
    }
    try {
      await this.unlock({ passphrase });
    } catch (err) {
      this.lock();
      replacement.rollback();
      throw err;
    }
    replacement.finish();
    const restored = this.database;
    if (restored) {
      restored.transaction(() =>
        appendAudit(restored, { actorId: user.id, via: this.via, action: 'backup.restore', details: { file: name, sha256: replacement.sha256, safetyBackup: safety } }, this.clock.now().toISOString()),
      )();
    }
    return this.status(session);
  }

  /** Closes the database; everyone signed in anywhere is signed out. */
  lock(): AppStatus {
    if (this.imports.running) throw new CoreError('conflict', 'An import is running. Lock the app when it has finished.');
    this.stopBackground();
    this.sessions.leaveAll();
    this.db?.close();
    this.db = null;
    this.key = null;
    clearStaging(this.dataDir);
    return this.status();
  }

  /**
   * The idle lock: the database is closed (and the user signed out); with a key cached in the OS keychain it is opened
   * again at once, so sign-in comes next. A cached key that no longer fits is forgotten: the passphrase opens it.
   */
  async lockForIdle(): Promise<AppStatus> {
    this.lock();
    const cache = this.opts.keyCache;
    const key = cache ? await cache.load() : null;
    if (!cache || !key) return this.status();
    try {
      return await this.unlock({ key });
    } catch {
      cache.clear();
      return this.status();
    }
  }

  /**
   * The idle lock of one session (its window or browser went without input for the idle-lock time): the user there is
   * signed out, and when nobody is signed in anywhere any more the store is locked as by lockForIdle.
   */
  async endIdleSession(session: Session = this.local): Promise<AppStatus> {
    this.signOut(session, 'idle');
    if (this.sessions.size === 0) await this.lockForIdle();
    return this.status(session);
  }

  /** Signs a user in, in the caller's session (whoever was signed in there is signed out first). */
  async signIn(name: string, password: string, session: Session = this.local): Promise<SessionUser> {
    if (!this.db) throw new CoreError('locked', 'The database is locked. Enter the passphrase to open it.');
    this.sessions.leave(session);
    const user = await signIn(this.db, name, password, this.via, this.clock.now());
    // The store may have been locked while the password was being checked.
    if (!this.db) throw new CoreError('locked', 'The database is locked. Enter the passphrase to open it.');
    this.sessions.enter(session, user);
    return user;
  }

  /** Signs out the caller's session only; `reason` is audited when the host, not the user, ends it. */
  signOut(session: Session = this.local, reason?: 'idle'): void {
    const db = this.db;
    const user = session.user;
    if (db && user) {
      const details = reason ? { reason } : undefined;
      db.transaction(() => appendAudit(db, { actorId: user.id, via: this.via, action: 'auth.sign_out', entity: 'user', entityId: user.id, details }, this.clock.now().toISOString()))();
    }
    this.sessions.leave(session);
    // Staged files nobody imported go when the last user signs out (a running import removes its own when done).
    if (user && this.sessions.size === 0 && !this.imports.running) clearStaging(this.dataDir);
  }

  /** Signs a user out everywhere but `keep`: after their password was changed or reset, an old session ends. */
  endSessionsOf(userId: string, keep?: Session): void {
    this.sessions.leaveUser(userId, keep);
  }

  /** The database, for in-process callers (tests, the CLI). */
  get database(): Db | null {
    return this.db;
  }

  /**
   * Stages a file for import: bytes uploaded to the web host, or a file the desktop's own open dialog returned.
   * Only a signed-in lead or admin may (or anyone on first run, for a backup to restore); the import (or app.restore)
   * then names the file by its ref alone.
   */
  async stageUpload(name: string, body: AsyncIterable<Buffer>, maxBytes?: number, session: Session = this.local): Promise<StagedFile> {
    this.checkStaging(session);
    return stageStream(this.dataDir, name, body, maxBytes);
  }

  async stageLocalFile(path: string, session: Session = this.local): Promise<StagedFile> {
    this.checkStaging(session);
    return stagePath(this.dataDir, path);
  }

  /** Staging is for a signed-in lead or admin (imports), or on first run, when there is no database (a backup to restore). */
  private checkStaging(session: Session): void {
    if (!this.db && !databaseExists(this.dataDir)) return;
    checkAccess('lead', this.db, session, this.sessions);
  }

  /**
   * Typed for in-process callers; the transports pass whatever arrived, which is parsed here. `session` is the
   * caller's (a browser's, from the web host); without one, the desktop window's.
   */
  dispatch<M extends MethodName>(method: M, input: MethodInput<M>, session?: Session): Promise<ApiResult<MethodOutput<M>>>;
  dispatch(method: string, rawInput: unknown, session?: Session): Promise<ApiResult<unknown>>;
  async dispatch(method: string, rawInput: unknown, session: Session = this.local): Promise<ApiResult<unknown>> {
    try {
      if (!isMethodName(method)) throw new CoreError('not_found', `There is no method "${method}".`);
      return { ok: true, value: await this.run(method, rawInput, session) };
    } catch (err) {
      if (!(err instanceof CoreError) && !isBusy(err)) this.opts.logError?.(method, err);
      return { ok: false, error: toApiError(err) };
    }
  }

  private async run<M extends MethodName>(method: M, rawInput: unknown, session: Session): Promise<unknown> {
    const spec = contract[method];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
      const first = issues[0];
      throw new CoreError('invalid_input', first ? `Invalid ${first.field || 'input'}: ${first.message}` : 'Invalid input.', { issues });
    }
    checkAccess(spec.access, this.db, session, this.sessions);
    const ctx: HandlerContext = { db: this.db, user: session.user, session, via: this.via, clock: this.clock };
    const handler = handlers[method] as (input: unknown, ctx: HandlerContext, app: CoreApp) => unknown;
    return await handler(parsed.data, ctx, this);
  }

  close(): void {
    this.lock();
  }
}
