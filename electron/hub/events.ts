import type { ServerResponse } from 'node:http';
import type { CommitNotice, HubStore, StationRecord } from './store/types';

interface Listener {
  station: StationRecord;
  users: Set<string>;
  res: ServerResponse;
}

/**
 * Server-sent events: each online station keeps GET /v1/events open and hears `changes` (with the log's head) as
 * soon as a commit holds records it may see — from this hub process or, on PostgreSQL, any other. A revoked
 * station hears `revoked` and the stream ends.
 */
export class EventStreams {
  private readonly listeners = new Set<Listener>();
  private readonly unsubscribe: () => void;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly store: HubStore,
    heartbeatMs = 15_000,
  ) {
    this.unsubscribe = store.onCommit((n) => void this.deliver(n).catch(() => undefined));
    this.heartbeat = setInterval(() => {
      for (const l of this.listeners) l.res.write(': ping\n\n');
    }, heartbeatMs);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.listeners.size;
  }

  open(station: StationRecord, res: ServerResponse, head: number): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    res.socket?.setNoDelay(true);
    const l: Listener = { station, users: new Set(station.users.map((u) => u.id)), res };
    this.listeners.add(l);
    res.on('close', () => this.listeners.delete(l));
    send(res, 'ready', { head });
  }

  private async deliver(n: CommitNotice): Promise<void> {
    if (n.revoked) {
      for (const l of this.listeners) {
        if (l.station.id !== n.revoked) continue;
        send(l.res, 'revoked', { head: n.head });
        l.res.end();
        this.listeners.delete(l);
      }
      return;
    }
    const partial = [...this.listeners].filter((l) => l.station.replica !== 'full');
    let holders: Set<string> | null = null;
    if (partial.length > 0 && !n.global && n.keys !== 'all' && n.keys.length > 0) holders = new Set(await this.store.usersOfRoutes(n.keys));
    for (const l of this.listeners) {
      if (l.station.replica === 'full' || n.global || n.keys === 'all' || intersects(l.users, n.audience) || (holders !== null && intersects(l.users, holders))) {
        send(l.res, 'changes', { head: n.head });
      }
    }
  }

  close(): void {
    this.unsubscribe();
    clearInterval(this.heartbeat);
    for (const l of this.listeners) l.res.end();
    this.listeners.clear();
  }
}

function intersects(users: Set<string>, others: Iterable<string>): boolean {
  for (const u of others) if (users.has(u)) return true;
  return false;
}

function send(res: ServerResponse, event: string, data: unknown): void {
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}
