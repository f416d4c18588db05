import { Worker } from 'node:worker_threads';
import type { Relation } from '../../../shared/domain/relations';
import type { ErrorCode } from '../../../shared/errors';
import type { PlacementSection } from '../../../shared/profile/schema';
import { CoreError } from '../errors';
import { cancelledError } from './cancel';
import type { Header } from './header';
import type { Mapped, MappedSource } from './mapped-row';

/** Where the worker's script is: placement-worker.ts, or its bundle beside a bundled program. */
export interface WorkerEntry {
  url: URL;
  /** e.g. a TypeScript loader when the script is the .ts source */
  execArgv?: string[];
}

/** What the worker is given. */
export interface PlacementJob {
  file: string;
  section: PlacementSection;
  words: Record<string, Relation>;
}

export type FromWorker =
  | { t: 'header'; header: Header }
  | { t: 'rows'; rows: Mapped<unknown>[] }
  | { t: 'end' }
  | { t: 'error'; error: { code?: ErrorCode; message: string; details?: Record<string, unknown>; stack?: string } };

/** The worker could not start (its script missing or unloadable): the file can still be read on the importing thread. */
export class WorkerUnavailable extends Error {
  constructor(readonly reason: Error) {
    super(`The import's reading thread could not start: ${reason.message}`);
  }
}

/**
 * A placement file read and mapped on a worker thread, so that decoding, parsing and checking the rows (about a
 * third of a large import's time) runs on the second core while this thread writes. The worker stays at most a few
 * batches ahead. A file-level fault comes back as the CoreError it was. When `signal` is aborted the worker is
 * stopped at once (however long its reading takes) and the source throws CoreError cancelled.
 */
export function workerSource(entry: WorkerEntry, job: PlacementJob, signal?: AbortSignal): MappedSource {
  const worker = new Worker(entry.url, { workerData: job, execArgv: entry.execArgv });
  const queue: FromWorker[] = [];
  let waiting: (() => void) | null = null;
  let failure: Error | null = null;
  const wakeUp = (): void => {
    waiting?.();
    waiting = null;
  };
  let heard = false;
  worker.on('message', (m: FromWorker) => {
    if (signal?.aborted) return;
    heard = true;
    queue.push(m);
    wakeUp();
  });
  worker.on('error', (err) => {
    failure = heard ? err : new WorkerUnavailable(err);
    wakeUp();
  });
  worker.on('exit', (code) => {
    const stopped = new Error(`The import's reading thread stopped (exit code ${code}).`);
    failure ??= heard ? stopped : new WorkerUnavailable(stopped);
    wakeUp();
  });
  const cancel = (): void => {
    failure = cancelledError();
    queue.length = 0;
    wakeUp();
    void worker.terminate();
  };
  if (signal?.aborted) cancel();
  else signal?.addEventListener('abort', cancel, { once: true });
  async function next(): Promise<FromWorker> {
    for (;;) {
      const m = queue.shift();
      if (m) {
        if (m.t === 'error') throw m.error.code ? new CoreError(m.error.code, m.error.message, m.error.details) : Object.assign(new Error(m.error.message), { stack: m.error.stack });
        return m;
      }
      if (failure) throw failure;
      await new Promise<void>((resolve) => (waiting = resolve));
    }
  }
  const header = next().then((m) => {
    if (m.t !== 'header') throw new Error(`The import's reading thread sent ${m.t} before the header.`);
    return m.header;
  });
  header.catch(() => undefined);
  return {
    header,
    async *batches() {
      await header;
      for (;;) {
        const m = await next();
        if (m.t === 'end') return;
        if (m.t !== 'rows') throw new Error(`The import's reading thread sent ${m.t} among the rows.`);
        worker.postMessage('more');
        yield m.rows;
      }
    },
    async close() {
      signal?.removeEventListener('abort', cancel);
      worker.removeAllListeners();
      await worker.terminate();
    },
  };
}
