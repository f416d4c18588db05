import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { runDueBackup } from './schedule';

export interface BackupSchedulerOptions {
  /** the open store, or null while it is locked */
  db: () => Db | null;
  clock: Clock;
  /** how often the schedule is looked at (default 30 s) */
  tickMs?: number;
  log?: (err: unknown) => void;
}

/**
 * Scheduled backups while the store is open, in the process that holds it (the desktop's main process or the web
 * host): every tick, a backup whose time has come is made. `start` looks at once, so a backup missed while the app
 * was closed is made at the next open.
 */
export class BackupScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly opts: BackupSchedulerOptions) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.opts.tickMs ?? 30_000);
    this.timer.unref();
    // At once, but not inside the caller's turn (opening the store should not wait for a backup).
    setTimeout(() => void this.tick(), 0).unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Makes the backup if one is due (one at a time); resolves when done. */
  tick(): Promise<void> {
    if (this.running) return this.running;
    const db = this.opts.db();
    if (!db) return Promise.resolve();
    this.running = runDueBackup(db, this.opts.clock.now())
      .then(() => undefined)
      .catch((err: unknown) => this.opts.log?.(err))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /** Resolves when no backup is being made. */
  async idle(): Promise<void> {
    await this.running;
  }
}
