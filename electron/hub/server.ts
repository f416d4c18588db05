import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ClaimRequest, HUB_PATHS, JoinRequest } from '../../shared/replication/api';
import { authenticateRegistration, authenticateStation, type Caller, type SignedRequest } from './auth';
import { EventStreams } from './events';
import { HubError } from './hub-error';
import { parseInput } from './parse-input';
import type { HubService } from './service';
import type { PullPage } from './store/types';

export interface HubServerOptions {
  service: HubService;
  tls: { cert: string; key: string };
  host: string;
  /** 0 picks a free port */
  port: number;
  maxBodyBytes?: number;
  heartbeatMs?: number;
  logError?: (message: string, err: unknown) => void;
}

export interface RunningHub {
  server: Server;
  host: string;
  port: number;
  url: string;
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 32 * 1024 * 1024;
const TOUCH_EVERY_MS = 30_000;

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.pause();
        reject(new BodyTooLarge());
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, json: string): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(json) });
  res.end(json);
}

function refuse(res: ServerResponse, err: HubError): void {
  sendJson(res, err.status, JSON.stringify({ ok: false, error: { code: err.code, message: err.message, details: err.details } }));
}

/** A pull page as JSON, with the stored records spliced in as they are (no parse and re-serialise per record). */
function pullJson(page: PullPage, hubTime: string): string {
  const items = page.items.map((i) => `{"seq":${i.seq},"kind":"${i.kind}","${i.kind === 'change' ? 'change' : 'route'}":${i.body}}`);
  return `{"ok":true,"items":[${items.join(',')}],"next":${page.next},"more":${page.more},"head":${page.head},"hubTime":"${hubTime}"}`;
}

/** The hub over HTTPS: the API of shared/replication/api.ts and the event stream. */
export async function startHubServer(opts: HubServerOptions): Promise<RunningHub> {
  const { service } = opts;
  const limit = opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const streams = new EventStreams(service.store, opts.heartbeatMs);
  const touched = new Map<string, number>();
  const logError = opts.logError ?? ((m, e) => process.stderr.write(`[hub] ${m}: ${String((e as Error)?.stack ?? e)}\n`));

  const server = createServer({ cert: opts.tls.cert, key: opts.tls.key }, (req, res) => {
    void handle(req, res).catch((err: unknown) => {
      if (err instanceof HubError) return refuse(res, err);
      if (err instanceof BodyTooLarge) {
        res.setHeader('Connection', 'close');
        return refuse(res, new HubError('too_large', `The request is larger than ${limit} bytes: send fewer changes at once.`));
      }
      logError(`${req.method} ${req.url}`, err);
      if (!res.headersSent) refuse(res, new HubError('internal', 'The hub failed to handle the request; it is logged on the hub.'));
      else res.destroy();
    });
  });

  async function station(req: IncomingMessage, body: Buffer): Promise<Caller> {
    const caller = await authenticateStation(signed(req, body), service.store, service.config);
    const now = service.config.now();
    if ((touched.get(caller.station.id) ?? 0) + TOUCH_EVERY_MS < now) {
      touched.set(caller.station.id, now);
      await service.store.touchStation(caller.station.id, new Date(now).toISOString());
    }
    return caller;
  }

  function json(body: Buffer): unknown {
    if (body.length === 0) return {};
    try {
      return JSON.parse(body.toString('utf8'));
    } catch {
      throw new HubError('invalid_input', 'The request body is not JSON.');
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === HUB_PATHS.status || path === HUB_PATHS.events) {
      if (req.method !== 'GET') throw new HubError('invalid_input', `Use GET for ${path}.`);
      if (path === HUB_PATHS.status) return sendJson(res, 200, JSON.stringify(await service.status()));
      const caller = await station(req, Buffer.alloc(0));
      return streams.open(caller.station, res, await service.store.head());
    }
    const known = (Object.values(HUB_PATHS) as string[]).includes(path);
    if (!known) throw new HubError('not_found', `The hub has no ${path}.`);
    if (req.method !== 'POST') throw new HubError('invalid_input', `Use POST for ${path}.`);
    const body = await readBody(req, limit);
    const input = json(body);
    const hubTime = (): string => new Date(service.config.now()).toISOString();
    switch (path) {
      case HUB_PATHS.claim: {
        const claim = parseInput(ClaimRequest, input, 'claim');
        await authenticateRegistration(signed(req, body), service.store, service.config, claim.station);
        return sendJson(res, 200, JSON.stringify(await service.claim(claim)));
      }
      case HUB_PATHS.join: {
        const join = parseInput(JoinRequest, input, 'join');
        await authenticateRegistration(signed(req, body), service.store, service.config, join.station);
        return sendJson(res, 200, JSON.stringify(await service.join(join)));
      }
      case HUB_PATHS.enrollmentCodes:
        return sendJson(res, 200, JSON.stringify(await service.issueEnrollmentCode(await station(req, body), input)));
      case HUB_PATHS.push:
        return sendJson(res, 200, JSON.stringify(await service.push(await station(req, body), input)));
      case HUB_PATHS.pull:
        return sendJson(res, 200, pullJson(await service.pull(await station(req, body), input), hubTime()));
      case HUB_PATHS.ack:
        return sendJson(res, 200, JSON.stringify(await service.ack(await station(req, body), input)));
      case HUB_PATHS.stations:
        return sendJson(res, 200, JSON.stringify(await service.stations(await station(req, body))));
      case HUB_PATHS.revoke:
        return sendJson(res, 200, JSON.stringify(await service.revoke(await station(req, body), input)));
      default:
        throw new HubError('not_found', `The hub has no ${path}.`);
    }
  }

  const purge = setInterval(() => void service.store.purgeNonces(service.config.now()).catch((e: unknown) => logError('nonce purge', e)), 60_000);
  purge.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return {
    server,
    host: opts.host,
    port,
    url: `https://${urlHost}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(purge);
        streams.close();
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 2000).unref();
      }),
  };
}

function signed(req: IncomingMessage, body: Buffer): SignedRequest {
  return {
    method: req.method ?? 'GET',
    target: req.url ?? '/',
    header: (name) => {
      const v = req.headers[name];
      return Array.isArray(v) ? v[0] : v;
    },
    body,
  };
}
