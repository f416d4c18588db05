import type { HubStatus, HubSyncState } from '../../../shared/contract/hub';
import type { Db } from '../db/open';
import { CoreError, isBusy } from '../errors';
import { onLocalChange } from './change-signal';
import { openHubEvents, type HubEvent, type OpenStream } from './event-stream';
import { stationOf, type StationRow } from './station-state';
import { syncOnce, type SyncResult } from './sync';

/**
 * The background sync of a station, owned by the process that holds the open store. While the store is open and is
 * a station of a hub, a round (`syncOnce`) runs soon after each local replicated write, when the hub's event stream
 * says the log holds something new, and every `intervalMs` besides. One round at a time; a round never blocks the
 * app's work (it runs between requests, its transactions are short); a failed round sets the status offline and is
 * tried again with a growing pause. `revoked` wipes the station (as `hub sync --once` does) and stops the loop.
 */
export interface HubSyncLoopOptions {
  /** the app's open store, or null when it is locked */
  db(): Db | null;
  /** the fallback round's period */
  intervalMs?: number;
  /** the pause after a local write before its round (writes meanwhile join the same round) */
  debounceMs?: number;
  /** the first and the longest pause after a failed round */
  backoffMs?: { min: number; max: number };
  /** the app's clock, for what a round writes in the store (the HLC and the hub's requests use the wall clock) */
  now?: () => string;
  /** one round; `syncOnce` unless a test replaces it */
  round?: (db: Db) => Promise<SyncResult>;
  log?: (err: unknown) => void;
}

type Outcome = { state: Exclude<HubSyncState, 'not_connected' | 'syncing'>; error: string | null; aheadMs?: number };

/** Outcomes after which only a round asked for by a person is tried. */
const STOPPED: ReadonlySet<string> = new Set(['revoked', 'update_required', 'reenroll_required']);

export class HubSyncLoop {
  private readonly intervalMs: number;
  private readonly debounceMs: number;
  private readonly backoff: { min: number; max: number };
  private active = false;
  /** bumped by every start and stop: a round or an event of an earlier run reports nothing */
  private run = 0;
  private timer: NodeJS.Timeout | null = null;
  private dueAt = Number.POSITIVE_INFINITY;
  private round: Promise<void> | null = null;
  /** the largest log head an event announced */
  private announced = 0;
  private failures = 0;
  private streamFailures = 0;
  private outcome: Outcome | null = null;
  private lastOkAt: string | null = null;
  private receivedCount = 0;
  private stream: OpenStream | null = null;
  private opening = false;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly opts: HubSyncLoopOptions) {
    this.intervalMs = opts.intervalMs ?? 30_000;
    this.debounceMs = opts.debounceMs ?? 1000;
    this.backoff = opts.backoffMs ?? { min: 2000, max: 60_000 };
  }

  /** The store was opened: sync from now on (a store with no hub is checked again every interval, in case it joins). */
  start(): void {
    if (this.active) return;
    const db = this.opts.db();
    if (!db) return;
    this.active = true;
    this.run++;
    this.outcome = null;
    this.failures = 0;
    this.streamFailures = 0;
    this.announced = 0;
    this.receivedCount = 0;
    this.lastOkAt = null;
    this.unsubscribe = onLocalChange(db, () => this.localChange());
    this.schedule(0);
  }

  /** The store is being locked or closed: no further round or event (a round in flight stops at its next step). */
  stop(): void {
    if (!this.active) return;
    this.active = false;
    this.run++;
    this.clearTimer();
    this.closeStream();
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** Waits for the round in flight, if any. */
  async idle(): Promise<void> {
    while (this.round) await this.round;
  }

  get running(): boolean {
    return this.round !== null;
  }

  /** A round now, after the one running; resolves when it has run. */
  async syncNow(): Promise<void> {
    if (!this.active) {
      // not running (stopped by its owner): one round all the same, outside the loop
      const db = this.opts.db();
      if (db) await this.runRound(db);
      return;
    }
    if (this.outcome && STOPPED.has(this.outcome.state) && this.outcome.state !== 'revoked') this.outcome = null;
    if (this.round) {
      await this.idle();
    }
    this.clearTimer();
    this.startRound();
    await this.idle();
  }

  status(db: Db): HubStatus {
    const station = stationOf(db);
    const count = (sql: string): number => db.prepare(sql).pluck().get() as number;
    if (!station) {
      return { connected: false, state: 'not_connected', stationName: null, replica: null, lastSyncAt: null, pendingUp: 0, handoversPending: 0, lastError: null, clockAheadMinutes: null, revokedAt: null, received: this.receivedCount, nextAttemptAt: null };
    }
    const outcome = this.outcome;
    let state: HubSyncState;
    if (station.revoked_at) state = 'revoked';
    else if (this.round && (!outcome || outcome.state === 'synced')) state = 'syncing';
    else state = outcome?.state ?? 'syncing';
    return {
      connected: true,
      state,
      stationName: station.station_name,
      replica: station.replica,
      lastSyncAt: this.lastOkAt ?? station.last_sync_at,
      pendingUp: count('SELECT count(*) FROM hub_outbox'),
      handoversPending: count('SELECT count(*) FROM hub_wipes'),
      lastError: state === 'revoked' ? 'revoked' : (outcome?.error ?? null),
      clockAheadMinutes: state === 'clock_ahead' && outcome?.aheadMs !== undefined ? Math.max(1, Math.round(outcome.aheadMs / 60_000)) : null,
      revokedAt: station.revoked_at,
      received: this.receivedCount,
      nextAttemptAt: this.active && Number.isFinite(this.dueAt) ? new Date(this.dueAt).toISOString() : null,
    };
  }

  /** Something was written that the next round sends (an import's rows): a round soon, as after a local write. */
  nudge(): void {
    if (this.active) this.localChange();
  }

  /** One round: `syncOnce` unless a test gave another. */
  private runRound(db: Db): Promise<SyncResult> {
    return this.opts.round ? this.opts.round(db) : syncOnce(db, this.opts.now);
  }

  private localChange(): void {
    if (this.outcome && STOPPED.has(this.outcome.state)) return;
    // while the hub is away, a write does not cut the pause short: the status shows it waiting
    if (this.failures > 0 && this.timer) return;
    this.schedule(this.debounceMs);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.dueAt = Number.POSITIVE_INFINITY;
  }

  /**
   * Plans a round in `delayMs` unless one is planned sooner. While a round runs nothing is planned: when it ends it
   * looks for what came meanwhile (writes left in the outbox, a head announced past its cursor).
   */
  private schedule(delayMs: number): void {
    if (!this.active || this.round) return;
    const at = Date.now() + delayMs;
    if (this.timer && this.dueAt <= at) return;
    this.clearTimer();
    this.dueAt = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.dueAt = Number.POSITIVE_INFINITY;
      this.startRound();
    }, delayMs);
    this.timer.unref?.();
  }

  private startRound(): void {
    if (!this.active) return;
    if (this.round) return;
    const run = this.run;
    this.round = this.doRound(run)
      .catch((err: unknown): number | null => {
        this.opts.log?.(err);
        return this.intervalMs;
      })
      .then((next) => {
        this.round = null;
        if (run !== this.run || !this.active) return;
        if (this.outcome && STOPPED.has(this.outcome.state)) return;
        if (next !== null) this.schedule(next);
      });
  }

  /** One round; answers when the next is due (null: none). */
  private async doRound(run: number): Promise<number | null> {
    const db = this.opts.db();
    if (!db) return null;
    const station = stationOf(db);
    if (!station) {
      this.outcome = null;
      this.closeStream();
      return this.intervalMs;
    }
    if (station.revoked_at) {
      this.finishRevoked();
      return null;
    }
    let result: SyncResult;
    try {
      result = await this.runRound(db);
    } catch (err) {
      if (run !== this.run) return null;
      return this.failed(err);
    }
    if (run !== this.run) return null;
    if (result.revoked) {
      this.receivedCount += result.wiped;
      this.finishRevoked();
      return null;
    }
    this.receivedCount += result.pulled + result.wiped;
    this.failures = 0;
    this.outcome = { state: 'synced', error: null };
    this.lastOkAt = new Date().toISOString();
    const cursor = stationOf(db)?.cursor ?? 0;
    this.ensureStream(station, run);
    if (this.announced > cursor) return 0;
    // writes made while the round ran (the round pushed those made before)
    return result.pending > 0 ? this.debounceMs : this.intervalMs;
  }

  private finishRevoked(): void {
    this.outcome = { state: 'revoked', error: 'revoked' };
    this.closeStream();
    this.clearTimer();
  }

  private failed(err: unknown): number | null {
    // the store's write lock is held (an import): the round goes on a little later, the status unchanged
    if (isBusy(err) || (err instanceof CoreError && err.code === 'busy')) return this.backoff.min;
    const details = err instanceof CoreError ? (err.details ?? {}) : {};
    const hubCode = err instanceof CoreError && err.code === 'hub_failed' && typeof details.hubCode === 'string' ? details.hubCode : null;
    if (!hubCode) this.opts.log?.(err);
    const code = hubCode ?? (err instanceof CoreError ? err.code : 'internal');
    this.closeStream();
    if (code === 'update_required' || code === 'reenroll_required') {
      this.outcome = { state: code, error: code };
      return null;
    }
    this.failures++;
    const aheadMs = typeof details.aheadMs === 'number' ? details.aheadMs : undefined;
    this.outcome = code === 'clock_ahead' ? { state: 'clock_ahead', error: code, aheadMs } : { state: 'offline', error: code };
    return Math.min(this.backoff.max, this.backoff.min * 2 ** (this.failures - 1));
  }

  private ensureStream(station: StationRow, run: number): void {
    if (this.stream || this.opening) return;
    this.opening = true;
    openHubEvents(station, (e) => this.onEvent(e, run))
      .then((s) => {
        this.opening = false;
        if (run !== this.run || !this.active) s.close();
        else this.stream = s;
      })
      .catch(() => {
        this.opening = false;
        if (run === this.run) this.streamLost();
      });
  }

  private onEvent(e: HubEvent, run: number): void {
    if (run !== this.run || !this.active) return;
    if (e.kind === 'ready' || e.kind === 'changes') {
      if (e.kind === 'ready') this.streamFailures = 0;
      this.announced = Math.max(this.announced, e.head);
      const db = this.opts.db();
      const cursor = db ? (stationOf(db)?.cursor ?? 0) : 0;
      if (e.head > cursor || (this.outcome && this.outcome.state !== 'synced')) this.schedule(0);
      return;
    }
    if (e.kind === 'revoked' || (e.kind === 'refused' && e.code === 'revoked')) {
      // the round hears `revoked` from the hub and wipes, as `hub sync --once` does
      this.stream = null;
      this.schedule(0);
      return;
    }
    this.stream = null;
    this.streamLost();
  }

  /** The stream ended or could not open: a round later opens it again (and finds out whether the hub is there). */
  private streamLost(): void {
    this.streamFailures++;
    this.schedule(Math.min(this.backoff.max, 1000 * 2 ** (this.streamFailures - 1)));
  }

  private closeStream(): void {
    this.stream?.close();
    this.stream = null;
  }
}
