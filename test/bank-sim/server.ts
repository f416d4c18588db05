import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { MAX_PULL_LIMIT, PushRequest } from '../../electron/core/sync/wire';
import { verifyRequest } from './auth';
import { dice, NO_FAULTS, type Faults } from './faults';
import type { BankStore } from './store';

/**
 * The bank simulator's HTTP server: the API of docs/bank-sync-api.yaml under `basePath` (default /v1) —
 * POST /outcomes and GET /pull — every request signed, with the failures of `faults` injected.
 */
export interface BankServerOptions {
  store: BankStore;
  /** key id → secret */
  keys: ReadonlyMap<string, string>;
  faults?: Faults;
  basePath?: string;
  /** the bank's clock (ms), for the skew check */
  now?: () => number;
  /** serve https with this certificate and key (PEM) */
  tls?: { cert: string; key: string };
}

const MAX_BODY = 16 << 20;

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req as AsyncIterable<Buffer>) {
    size += c.length;
    if (size > MAX_BODY) throw new Refusal(413, 'too_large', `the body is larger than ${MAX_BODY} bytes`);
    chunks.push(c);
  }
  return Buffer.concat(chunks);
}

function pullQuery(url: URL): { since: string | null; limit: number } {
  const since = url.searchParams.get('since');
  if (since !== null && !/^\d{1,15}$/.test(since)) throw new Refusal(400, 'invalid_request', 'since must be a cursor this bank gave');
  const limitText = url.searchParams.get('limit') ?? '500';
  const limit = Number(limitText);
  if (!/^\d+$/.test(limitText) || limit < 1 || limit > MAX_PULL_LIMIT) throw new Refusal(400, 'invalid_request', `limit must be 1 to ${MAX_PULL_LIMIT}`);
  return { since, limit };
}

function pushItems(body: Buffer): PushRequest {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw new Refusal(400, 'invalid_request', 'the body is not JSON');
  }
  const parsed = PushRequest.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Refusal(400, 'invalid_request', issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid body');
  }
  return parsed.data;
}

export function createBankServer(opts: BankServerOptions): http.Server {
  const base = (opts.basePath ?? '/v1').replace(/\/+$/, '');
  const faults = opts.faults ?? NO_FAULTS;
  const roll = dice(faults.seed);
  const now = opts.now ?? Date.now;
  const { store } = opts;

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const target = req.url ?? '/';
    const url = new URL(target, 'http://bank.invalid');
    const route = url.pathname === `${base}/outcomes` && req.method === 'POST' ? 'outcomes' : url.pathname === `${base}/pull` && req.method === 'GET' ? 'pull' : null;
    if (!route) throw new Refusal(404, 'not_found', `no such endpoint: ${req.method} ${url.pathname}`);
    const body = await readBody(req);
    const verdict = verifyRequest({ method: req.method ?? '', target, headers: req.headers, body }, opts.keys, store, now());
    if (!verdict.ok) {
      store.count(`refused.${verdict.code}`);
      throw new Refusal(401, verdict.code, verdict.message);
    }
    if (faults.latencyMs > 0) await new Promise((r) => setTimeout(r, faults.latencyMs));
    if (roll() < faults.failRate) {
      store.count('injected.fail');
      throw new Refusal(503, 'injected_failure', 'the bank is unavailable (injected failure)');
    }
    let answer: unknown;
    if (route === 'outcomes') answer = store.receive(pushItems(body).items);
    else {
      const q = pullQuery(url);
      answer = store.page(q.since, q.limit);
    }
    store.count(`served.${route}`);
    if (roll() < faults.dropAfterCommit) {
      store.count('injected.drop');
      req.socket.destroy();
      return;
    }
    send(res, 200, answer);
  };

  const listener = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent || req.socket.destroyed) return;
      if (err instanceof Refusal) send(res, err.status, { error: { code: err.code, message: err.message } });
      else send(res, 500, { error: { code: 'internal', message: (err as Error).message } });
    });
  };
  return opts.tls ? https.createServer({ cert: opts.tls.cert, key: opts.tls.key }, listener) : http.createServer(listener);
}

export interface RunningBank {
  server: http.Server;
  port: number;
  /** the API's base address, for a profile's sync.url */
  url: string;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 (port 0: a free one). */
export async function listenBank(opts: BankServerOptions & { port?: number; host?: string }): Promise<RunningBank> {
  const server = createBankServer(opts);
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const scheme = opts.tls ? 'https' : 'http';
  return {
    server,
    port,
    url: `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}${(opts.basePath ?? '/v1').replace(/\/+$/, '')}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
