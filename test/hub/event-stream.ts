import type { IncomingMessage } from 'node:http';
import { HUB_PATHS } from '../../shared/replication/api';
import type { HubClient } from '../../shared/replication/client';
import type { PinnedTransport } from './pinned-transport';

export interface HubEvent {
  event: string;
  data: unknown;
  at: number;
}

/** A station's open event stream, read event by event. */
export class EventReader {
  private readonly queue: HubEvent[] = [];
  private waiters: Array<() => void> = [];
  private buffer = '';
  ended = false;

  constructor(readonly res: IncomingMessage) {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      this.buffer += chunk;
      let i: number;
      while ((i = this.buffer.indexOf('\n\n')) >= 0) {
        const block = this.buffer.slice(0, i);
        this.buffer = this.buffer.slice(i + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event) this.queue.push({ event, data: data ? JSON.parse(data) : null, at: Date.now() });
      }
      this.wake();
    });
    res.on('end', () => {
      this.ended = true;
      this.wake();
    });
    res.on('error', () => undefined);
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** The next event, or null when none comes within the time. */
  async next(timeoutMs = 2000): Promise<HubEvent | null> {
    const deadline = Date.now() + timeoutMs;
    while (this.queue.length === 0) {
      if (this.ended) return null;
      const left = deadline - Date.now();
      if (left <= 0) return null;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    return this.queue.shift() ?? null;
  }

  close(): void {
    this.res.destroy();
  }
}

export async function openEvents(transport: PinnedTransport, client: HubClient): Promise<EventReader> {
  const res = await transport.stream(HUB_PATHS.events, await client.signedHeaders('GET', HUB_PATHS.events));
  return new EventReader(res);
}
