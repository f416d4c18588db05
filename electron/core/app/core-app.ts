import { contract, isMethodName, type Access, type MethodInput, type MethodName, type MethodOutput } from '../../../shared/contract/methods';
import type { AppStatus, SessionUser } from '../../../shared/contract/schemas';
import type { ApiResult } from '../../../shared/errors';
import type { Role } from '../../../shared/domain/roles';
import { appendAudit, type Via } from '../audit/audit';
import { signIn } from '../auth/sign-in';
import { createUser, getUser } from '../auth/users';
import { agencyDay, systemClock, type Clock } from '../clock';
import { settlePromises } from '../promises/settle';
import { purgeExpired } from '../retention/purge';
import { databaseExists, openDatabase, type Db } from '../db/open';
import { CoreError, toApiError } from '../errors';
import { generateDemo } from '../demo/demo';
import { ImportJobs } from '../import/jobs';
import { stagePath, stageStream, sweepStaging, type StagedFile } from '../import/staging';
import { APP_VERSION } from '../version';
import type { HandlerContext } from './context';
import { handlers } from './handlers';
import { memoryPreferences, type PreferencesStore } from './preferences';
import { SyncScheduler } from '../sync/scheduler';

export interface CoreAppOptions {
  dataDir: string;
  via: Via;
  clock?: Clock;
  /** called with the derived database key after a successful unlock or setup (the desktop caches it) */
  onKey?: (key: Buffer) => void;
  /** language and theme; defaults to memory only */
  prefs?: PreferencesStore;
  /** log of unexpected errors (never shown to the user) */
  logError?: (method: string, err: unknown) => void;
}

const RANK: Record<Role, number> = { collector: 1, lead: 2, admin: 3 };

/**
 * The application as both transports see it: one database, one signed-in user, and `dispatch`, which parses
 * every input with the contract, checks access, runs the handler and answers with the error envelope.
 */
export class CoreApp {
  readonly dataDir: string;
  readonly via: Via;
  readonly clock: Clock;
  readonly prefs: PreferencesStore;
  readonly imports: ImportJobs;
  /** bank sync: the background schedule and rounds on demand, while the database is open */
  readonly sync: SyncScheduler;
  private db: Db | null = null;
  /** the derived key, kept while the database is open: background work (imports) opens connections of its own */
  private key: Buffer | null = null;
  private user: SessionUser | null = null;

  constructor(private readonly opts: CoreAppOptions) {
    this.dataDir = opts.dataDir;
    this.via = opts.via;
    this.clock = opts.clock ?? systemClock;
    this.prefs = opts.prefs ?? memoryPreferences();
    this.imports = new ImportJobs({
      dataDir: this.dataDir,
      clock: this.clock,
      openConnection: () => this.openConnection(),
      onLog: (err) => this.opts.logError?.('import', err),
    });
    this.sync = new SyncScheduler({ connect: () => this.openConnection(), key: () => this.key, clock: this.clock, log: (err) => this.opts.logError?.('sync', err) });
  }

  /** A second connection to the open database, for work that needs a transaction of its own. */
  async openConnection(): Promise<Db> {
    if (!this.db || !this.key) throw new CoreError('locked', 'The database is locked. Enter the passphrase to open it.');
    return (await openDatabase({ dataDir: this.dataDir, secret: { key: this.key } })).db;
  }

  status(): AppStatus {
    const state = this.db ? 'open' : databaseExists(this.dataDir) ? 'locked' : 'new';
    return { state, version: APP_VERSION, dataDir: this.dataDir, user: this.user };
  }

  /** First run: create the encrypted database and its first admin, and sign that admin in. */
  async setup(i: { passphrase: string; adminName: string; adminDisplayName: string; adminPassword: string }): Promise<SessionUser> {
    if (this.db || databaseExists(this.dataDir)) throw new CoreError('conflict', 'This data folder already has a database.');
    const now = this.clock.now().toISOString();
    const { db, key } = await openDatabase({ dataDir: this.dataDir, secret: { passphrase: i.passphrase }, create: true, now });
    try {
      const admin = await createUser(db, null, { name: i.adminName, displayName: i.adminDisplayName, role: 'admin', password: i.adminPassword }, now);
      this.db = db;
      this.key = key;
      this.user = { id: admin.id, name: admin.name, displayName: admin.displayName, role: admin.role };
      db.transaction(() => appendAudit(db, { actorId: admin.id, via: this.via, action: 'auth.sign_in', entity: 'user', entityId: admin.id }, now))();
    } catch (err) {
      db.close();
      throw err;
    }
    this.opts.onKey?.(key);
    this.sync.start();
    return this.user;
  }

  /** First run with a demo data set, so a new user sees a living app at once. */
  async setupWithDemo(i: { passphrase: string; adminName: string; adminDisplayName: string; adminPassword: string }, cases: number): Promise<SessionUser> {
    const admin = await this.setup(i);
    const db = this.db as Db;
    await generateDemo(db, { id: admin.id, role: 'admin', via: this.via }, { cases, password: i.adminPassword, now: this.clock.now() });
    return admin;
  }

  async unlock(secret: { passphrase: string } | { key: Buffer }): Promise<AppStatus> {
    if (!this.db) {
      const { db, key } = await openDatabase({ dataDir: this.dataDir, secret, now: this.clock.now().toISOString() });
      this.db = db;
      this.key = key;
      sweepStaging(this.dataDir, this.clock.now().getTime());
      settlePromises(db, agencyDay(this.clock.now()), this.clock.now().toISOString());
      purgeExpired(db, { id: 'system', role: 'admin', via: 'system' }, agencyDay(this.clock.now()), this.clock.now().toISOString());
      this.opts.onKey?.(key);
      this.sync.start();
    }
    return this.status();
  }

  lock(): AppStatus {
    if (this.imports.running) throw new CoreError('conflict', 'An import is running. Lock the app when it has finished.');
    this.sync.stop();
    this.user = null;
    this.db?.close();
    this.db = null;
    this.key = null;
    return this.status();
  }

  async signIn(name: string, password: string): Promise<SessionUser> {
    if (!this.db) throw new CoreError('locked', 'The database is locked. Enter the passphrase to open it.');
    this.user = null;
    this.user = await signIn(this.db, name, password, this.via, this.clock.now());
    return this.user;
  }

  signOut(): void {
    if (this.db && this.user) {
      const db = this.db;
      const user = this.user;
      db.transaction(() => appendAudit(db, { actorId: user.id, via: this.via, action: 'auth.sign_out', entity: 'user', entityId: user.id }, this.clock.now().toISOString()))();
    }
    this.user = null;
  }

  /** The database, for in-process callers (tests, the CLI). */
  get database(): Db | null {
    return this.db;
  }

  /**
   * Stages a file for import: bytes uploaded to the web host, or a file the desktop's own open dialog returned.
   * Only a signed-in lead or admin may; the import then names the file by its ref alone.
   */
  async stageUpload(name: string, body: AsyncIterable<Buffer>): Promise<StagedFile> {
    this.checkAccess('lead');
    return stageStream(this.dataDir, name, body);
  }

  async stageLocalFile(path: string): Promise<StagedFile> {
    this.checkAccess('lead');
    return stagePath(this.dataDir, path);
  }

  private checkAccess(access: Access): void {
    if (access === 'public') return;
    if (!this.db) throw new CoreError('locked', 'The database is locked. Enter the passphrase to open it.');
    if (access === 'open') return;
    if (!this.user) throw new CoreError('unauthenticated', 'Please sign in.');
    // A user disabled while signed in loses access at once.
    if (getUser(this.db, this.user.id).disabled_at) {
      this.user = null;
      throw new CoreError('unauthenticated', 'Your account has been disabled.');
    }
    if (access !== 'user' && RANK[this.user.role] < RANK[access]) {
      throw new CoreError('forbidden', 'Your role does not allow this.', { required: access });
    }
  }

  /** Typed for in-process callers; the transports pass whatever arrived, which is parsed here. */
  dispatch<M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiResult<MethodOutput<M>>>;
  dispatch(method: string, rawInput: unknown): Promise<ApiResult<unknown>>;
  async dispatch(method: string, rawInput: unknown): Promise<ApiResult<unknown>> {
    try {
      if (!isMethodName(method)) throw new CoreError('not_found', `There is no method "${method}".`);
      return { ok: true, value: await this.run(method, rawInput) };
    } catch (err) {
      if (!(err instanceof CoreError)) this.opts.logError?.(method, err);
      return { ok: false, error: toApiError(err) };
    }
  }

  private async run<M extends MethodName>(method: M, rawInput: unknown): Promise<unknown> {
    const spec = contract[method];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
      const first = issues[0];
      throw new CoreError('invalid_input', first ? `Invalid ${first.field || 'input'}: ${first.message}` : 'Invalid input.', { issues });
    }
    this.checkAccess(spec.access);
    const ctx: HandlerContext = { db: this.db, user: this.user, via: this.via, clock: this.clock };
    const handler = handlers[method] as (input: unknown, ctx: HandlerContext, app: CoreApp) => unknown;
    return await handler(parsed.data, ctx, this);
  }

  close(): void {
    this.lock();
  }
}
