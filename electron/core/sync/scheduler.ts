import type { SyncRoundResult } from '../../../shared/contract/sync';
import type { Actor } from '../auth/actor';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { CoreError } from '../errors';
import type { BankClientOptions } from './bank-client';
import { runClientRound } from './round';
import { dueClients, syncActor } from './status';

export interface SchedulerOptions {
  /** a connection of its own for each round (the database must be open) */
  connect: () => Promise<Db>;
  /** the database key while the database is open, for the stored sync secrets */
  key: () => Buffer | null;
  clock: Clock;
  /** false while the computer is offline: scheduled rounds wait */
  isOnline?: () => boolean;
  /** how often due clients are looked for (default 30 s) */
  tickMs?: number;
  bank?: BankClientOptions;
  log?: (err: unknown) => void;
}

/**
 * The background schedule while the app is open: every tick, each client with sync on whose next attempt is due
 * (its interval after a success, a backoff after a failure) gets a round. Rounds of one client never overlap: a
 * round asked for while another runs waits for it, and a scheduled one is skipped.
 */
export class SyncScheduler {
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;
  /** per client: the tail of its queue of rounds */
  private readonly chains = new Map<string, Promise<unknown>>();
  private readonly active = new Set<string>();

  constructor(private readonly opts: SchedulerOptions) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.opts.tickMs ?? 30_000);
    this.timer.unref();
  }

  /** Stops scheduling; a round already running finishes on its own connection. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  get started(): boolean {
    return this.timer !== null;
  }

  isRunning(clientCode: string): boolean {
    return this.active.has(clientCode);
  }

  /** A round for the client now, after any round of it that is running or waiting. */
  runNow(clientCode: string, actor?: Actor): Promise<SyncRoundResult> {
    return this.exclusive(clientCode, () => this.round(clientCode, actor));
  }

  /** Looks for due clients and runs their rounds one after another. */
  async tick(): Promise<void> {
    if (this.ticking || this.opts.isOnline?.() === false || !this.opts.key()) return;
    this.ticking = true;
    try {
      const db = await this.opts.connect();
      let due: string[];
      try {
        due = dueClients(db, this.opts.clock.now());
      } finally {
        db.close();
      }
      for (const code of due) {
        if (this.chains.has(code)) continue;
        await this.exclusive(code, () => this.round(code)).catch((err: unknown) => this.opts.log?.(err));
      }
    } catch (err) {
      this.opts.log?.(err);
    } finally {
      this.ticking = false;
    }
  }

  /** Resolves when no round is running or waiting. */
  async idle(): Promise<void> {
    while (this.chains.size > 0) await Promise.all([...this.chains.values()]);
  }

  private async round(clientCode: string, actor?: Actor): Promise<SyncRoundResult> {
    const key = this.opts.key();
    if (!key) throw new CoreError('locked', 'The database is locked. Enter the passphrase to open it.');
    const db = await this.opts.connect();
    this.active.add(clientCode);
    try {
      return await runClientRound(db, key, clientCode, { now: () => this.opts.clock.now(), actor: actor ?? syncActor(db), bank: this.opts.bank });
    } finally {
      this.active.delete(clientCode);
      db.close();
    }
  }

  private exclusive<T>(clientCode: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.chains.get(clientCode) ?? Promise.resolve();
    const next = previous.then(fn);
    const tail = next.catch(() => undefined);
    this.chains.set(clientCode, tail);
    void tail.then(() => {
      if (this.chains.get(clientCode) === tail) this.chains.delete(clientCode);
    });
    return next;
  }
}
