import type { ApiError } from '../../../shared/errors';
import type { ImportKind } from '../../../shared/profile/schema';
import type { Actor } from '../auth/actor';
import { agencyDay, type Clock } from '../clock';
import { settlePromises } from '../promises/settle';
import type { Db } from '../db/open';
import { CoreError, toApiError } from '../errors';
import { cancelledError } from './cancel';
import { importFile, type ImportSummary } from './import-file';
import { discardStaged, resolveStaged } from './staging';
import type { WorkerEntry } from './worker-source';

export interface ImportJobStatus {
  jobId: string;
  /** cancelled: stopped by cancel(), its transaction rolled back */
  state: 'running' | 'done' | 'failed' | 'cancelled';
  kind: ImportKind;
  clientCode: string;
  rows: number;
  startedAt: string;
  finishedAt: string | null;
  summary: ImportSummary | null;
  error: ApiError | null;
}

export interface StartImport {
  clientCode: string;
  kind: ImportKind;
  fileRef: string;
  batchNo?: string;
  hand?: number;
  actor: Actor;
}

/**
 * Imports started from the UI. Each runs on a connection of its own (its one transaction spans the file's
 * reading, and the app's own connection must not join it), yielding between file chunks so the app keeps
 * answering — progress included — while it runs. One import at a time. A running import, or a preview of a staged
 * file, can be cancelled: its reading stops at the next chunk, the import's transaction is rolled back.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, ImportJobStatus>();
  /** the running imports' cancellation, by job */
  private readonly controllers = new Map<string, AbortController>();
  /** the running previews' cancellation, by staged file (a preview started again for a file replaces the earlier one's) */
  private readonly previews = new Map<string, Set<AbortController>>();
  private seq = 0;

  constructor(
    private readonly deps: {
      dataDir: string;
      clock: Clock;
      openConnection: () => Promise<Db>;
      worker?: WorkerEntry;
      onLog?: (err: unknown) => void;
      /** told when an import starts and ends: it holds the store's write lock meanwhile, across turns of this thread */
      onRunning?: (running: boolean) => void;
    },
  ) {}

  start(req: StartImport): { jobId: string } {
    if ([...this.jobs.values()].some((j) => j.state === 'running')) {
      throw new CoreError('conflict', 'Another import is running. Wait for it to finish.');
    }
    const file = resolveStaged(this.deps.dataDir, req.fileRef);
    const jobId = `import-${++this.seq}-${Date.now().toString(36)}`;
    const status: ImportJobStatus = {
      jobId, state: 'running', kind: req.kind, clientCode: req.clientCode, rows: 0,
      startedAt: this.deps.clock.now().toISOString(), finishedAt: null, summary: null, error: null,
    };
    this.jobs.set(jobId, status);
    const controller = new AbortController();
    this.controllers.set(jobId, controller);
    void this.run(status, req, file, controller.signal);
    return { jobId };
  }

  /** Stops a running import: it ends `cancelled`, nothing of it written. False when it is no longer running. */
  cancel(jobId: string): { cancelled: boolean } {
    this.status(jobId);
    const controller = this.controllers.get(jobId);
    if (!controller) return { cancelled: false };
    controller.abort();
    return { cancelled: true };
  }

  /** A preview of a staged file begins: its signal, aborted by cancelPreview; `done` when it ends, however. */
  beginPreview(fileRef: string): { signal: AbortSignal; done: () => void } {
    const controller = new AbortController();
    const set = this.previews.get(fileRef) ?? new Set<AbortController>();
    set.add(controller);
    this.previews.set(fileRef, set);
    return {
      signal: controller.signal,
      done: () => {
        set.delete(controller);
        if (set.size === 0 && this.previews.get(fileRef) === set) this.previews.delete(fileRef);
      },
    };
  }

  /** Stops the previews of a staged file under way: each answers `cancelled`. False when none was running. */
  cancelPreview(fileRef: string): { cancelled: boolean } {
    const set = this.previews.get(fileRef);
    if (!set || set.size === 0) return { cancelled: false };
    for (const c of set) c.abort();
    return { cancelled: true };
  }

  private async run(status: ImportJobStatus, req: StartImport, file: string, signal: AbortSignal): Promise<void> {
    let db: Db | null = null;
    this.deps.onRunning?.(true);
    try {
      db = await this.deps.openConnection();
      status.summary = await importFile(db, {
        clientCode: req.clientCode, kind: req.kind, file, batchNo: req.batchNo, hand: req.hand, actor: req.actor,
        now: this.deps.clock.now().toISOString(),
        worker: this.deps.worker,
        signal,
        onProgress: (rows) => void (status.rows = rows),
      });
      status.rows = status.summary.rows;
      if (req.kind === 'payments') settlePromises(db, agencyDay(this.deps.clock.now()), this.deps.clock.now().toISOString());
      status.state = 'done';
    } catch (err) {
      // Cancelled: whatever the reading was doing when it stopped, the import's transaction was rolled back.
      if (signal.aborted && status.summary === null) {
        status.error = cancelledError().toApiError();
        status.state = 'cancelled';
      } else {
        if (!(err instanceof CoreError)) this.deps.onLog?.(err);
        status.error = toApiError(err);
        status.state = 'failed';
      }
    } finally {
      this.controllers.delete(status.jobId);
      db?.close();
      this.deps.onRunning?.(false);
      status.finishedAt = this.deps.clock.now().toISOString();
      discardStaged(this.deps.dataDir, req.fileRef);
    }
  }

  /** A job's state; a collector never gets here (the contract asks for a lead). */
  status(jobId: string): ImportJobStatus {
    const s = this.jobs.get(jobId);
    if (!s) throw new CoreError('not_found', 'No such import.', { field: 'jobId' });
    return s;
  }

  get running(): boolean {
    return [...this.jobs.values()].some((j) => j.state === 'running');
  }
}
