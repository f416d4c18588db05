import { HUB_PATHS } from '../../../shared/replication/api';
import { HubErrorBody } from '../../../shared/replication/errors';
import { connectStation, type StationRow } from './station-state';

/**
 * The station's end of the hub's server-sent events (`GET /v1/events`, signed): `ready {head}` when it opens,
 * `changes {head}` when the log holds something new for this station, `revoked` (then the hub ends the stream).
 */
export type HubEvent = { kind: 'ready' | 'changes' | 'revoked'; head: number } | { kind: 'refused'; code: string } | { kind: 'ended' };

/** How long the stream may stay silent before it is taken for dead and opened again. */
const SILENT_MS = 45_000;

export interface OpenStream {
  close(): void;
}

function headOf(data: string | undefined): number {
  try {
    const v = (JSON.parse(data ?? '{}') as { head?: unknown }).head;
    return typeof v === 'number' ? v : 0;
  } catch {
    return 0;
  }
}

/**
 * Opens the stream and reports each event; exactly one `ended` (or `refused`) comes last. Throws when the hub cannot
 * be reached at all (the caller treats it as offline).
 */
export async function openHubEvents(station: StationRow, onEvent: (e: HubEvent) => void): Promise<OpenStream> {
  const conn = await connectStation(station);
  let closed = false;
  let finished = false;
  const finish = (e: HubEvent): void => {
    if (finished) return;
    finished = true;
    conn.close();
    if (!closed) onEvent(e);
  };
  try {
    const res = await conn.transport.stream(HUB_PATHS.events, await conn.client.signedHeaders('GET', HUB_PATHS.events));
    res.setEncoding('utf8');
    if (res.statusCode !== 200) {
      let body = '';
      res.on('data', (c: string) => (body += c));
      res.on('end', () => {
        let code = 'protocol';
        try {
          const refused = HubErrorBody.safeParse(JSON.parse(body));
          if (refused.success) code = refused.data.error.code;
        } catch {
          // not JSON: a protocol error
        }
        finish({ kind: 'refused', code });
      });
      res.on('error', () => finish({ kind: 'ended' }));
      return { close: () => ((closed = true), res.destroy(), conn.close()) };
    }
    // the hub writes a comment every 15 s: a stream silent for longer went away without a word (a dropped network)
    res.setTimeout(SILENT_MS, () => res.destroy());
    let buffer = '';
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let i: number;
      while ((i = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (!closed && (event === 'ready' || event === 'changes' || event === 'revoked')) onEvent({ kind: event, head: headOf(data) });
      }
    });
    res.on('end', () => finish({ kind: 'ended' }));
    res.on('close', () => finish({ kind: 'ended' }));
    res.on('error', () => finish({ kind: 'ended' }));
    return {
      close: () => {
        closed = true;
        res.destroy();
        conn.close();
      },
    };
  } catch (err) {
    conn.close();
    throw err;
  }
}
