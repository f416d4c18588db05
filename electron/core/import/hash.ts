import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { throwIfCancelled } from './cancel';

export async function sha256File(file: string, signal?: AbortSignal): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    throwIfCancelled(signal);
    h.update(chunk);
  }
  return h.digest('hex');
}
