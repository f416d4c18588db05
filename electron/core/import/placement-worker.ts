// The worker thread of worker-source.ts: reads and maps a placement file while the importing thread writes.
import { parentPort, workerData } from 'node:worker_threads';
import { CoreError } from '../errors';
import { localSource } from './local-source';
import { placementMapper, type Mapped } from './mapped-row';
import { resolveColumns } from './columns';
import type { FromWorker, PlacementJob } from './worker-source';

/** Batches posted and not yet taken: the reader runs at most this far ahead of the writes (bounded memory). */
const AHEAD = 4;

const port = parentPort;
if (!port) throw new Error('placement-worker runs as a worker thread.');
const job = workerData as PlacementJob;
let credit = AHEAD;
let wake: (() => void) | null = null;
port.on('message', () => {
  credit++;
  wake?.();
  wake = null;
});

function post(message: FromWorker): void {
  port?.postMessage(message);
}

async function send(rows: Mapped<unknown>[]): Promise<void> {
  while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
  credit--;
  post({ t: 'rows', rows });
}

async function run(): Promise<void> {
  const source = localSource(job.file, 'placement', job.section);
  try {
    const header = await source.header;
    post({ t: 'header', header });
    for await (const batch of source.batches(placementMapper(job.section, job.words), resolveColumns(header.index, job.section))) await send(batch);
    post({ t: 'end' });
  } finally {
    await source.close();
  }
}

run().catch((err: unknown) => {
  if (err instanceof CoreError) post({ t: 'error', error: { code: err.code, message: err.message, details: err.details } });
  else post({ t: 'error', error: { message: err instanceof Error ? err.message : String(err), stack: err instanceof Error ? err.stack : undefined } });
});
