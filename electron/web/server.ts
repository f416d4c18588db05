import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import type { ApiError } from '../../shared/errors';
import type { CoreApp } from '../core/app/core-app';
import { newSession } from '../core/app/sessions';
import type { Clock } from '../core/clock';
import { toApiError } from '../core/errors';
import { MAX_STAGED_BYTES } from '../core/import/staging';
import { isAllowedHost, isAllowedOrigin, tokenMatches } from './security';
import { clearedCookie, SIGN_IN_METHODS, sessionCookie, SWEEP_MS, WebSessions, type Resolved } from './sessions';
import { SECURITY_HEADERS, serveStatic } from './static-files';

export interface WebHostOptions {
  app: CoreApp;
  staticDir: string;
  /** 0 picks a free port */
  port?: number;
  token?: string;
  maxBodyBytes?: number;
  /** the largest file POST /upload takes (default: the staging area's limit, 512 MB) */
  maxUploadBytes?: number;
  /** the time sessions idle by (default: the app's clock) */
  clock?: Clock;
  /** log of unexpected errors of the host's own work (never shown to the user) */
  logError?: (where: string, err: unknown) => void;
}

export interface WebHost {
  port: number;
  token: string;
  url: string;
  server: Server;
  /** the browsers signed in to this host */
  sessions: WebSessions;
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 1024 * 1024;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(json),
  });
  res.end(json);
}

function refuse(res: ServerResponse, status: number, error: ApiError): void {
  sendJson(res, status, { ok: false, error });
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.pause();
        reject(new BodyTooLarge());
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The browser-mode transport: the same contract as the IPC bridge, at POST /api/<method>, on 127.0.0.1 only.
 * Every /api/ request must carry the per-run token; Host and Origin must be our own. The token opens the door, it is
 * no sign-in: each browser that signs in gets a session of its own (an HttpOnly cookie, see sessions.ts), and every
 * call runs as that session's user.
 */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const limit = opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const uploadLimit = opts.maxUploadBytes ?? MAX_STAGED_BYTES;
  let port = 0;
  let sessions: WebSessions | null = null;
  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) refuse(res, 500, { code: 'internal', message: 'An unexpected error occurred.' });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, port)) {
      return refuse(res, 403, { code: 'forbidden', message: 'This host name is not served here.' });
    }
    if (!isAllowedOrigin(req.headers.origin, port)) {
      return refuse(res, 403, { code: 'forbidden', message: 'Requests from another origin are refused.' });
    }
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/upload') {
      if (!tokenMatches(req.headers.authorization, token)) {
        return refuse(res, 401, { code: 'unauthenticated', message: 'Missing or wrong access token. Open the URL printed when CollectDesk started.' });
      }
      if (req.method !== 'POST') return refuse(res, 405, { code: 'invalid_input', message: 'Use POST.' });
      return upload(req, res, await callerSession(req, res, 'upload'));
    }
    if (path === '/api' || path.startsWith('/api/')) {
      if (!tokenMatches(req.headers.authorization, token)) {
        return refuse(res, 401, { code: 'unauthenticated', message: 'Missing or wrong access token. Open the URL printed when CollectDesk started.' });
      }
      if (req.method !== 'POST') {
        res.setHeader('Allow', 'POST');
        return refuse(res, 405, { code: 'invalid_input', message: 'Use POST.' });
      }
      let body: string;
      try {
        body = await readBody(req, limit);
      } catch (err) {
        if (err instanceof BodyTooLarge) {
          res.setHeader('Connection', 'close');
          return refuse(res, 413, { code: 'invalid_input', message: `The request is larger than ${limit} bytes.` });
        }
        throw err;
      }
      let input: unknown = {};
      if (body.trim() !== '') {
        try {
          input = JSON.parse(body);
        } catch {
          return refuse(res, 400, { code: 'invalid_input', message: 'The request body is not valid JSON.' });
        }
      }
      return sendJson(res, 200, await call(req, res, path.slice('/api/'.length), input));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return refuse(res, 405, { code: 'invalid_input', message: 'Only GET is served here.' });
    }
    serveStatic(opts.staticDir, path, res);
  }

  /** The session a request runs in; a stale cookie is cleared. The request counts as the user's activity. */
  async function callerSession(req: IncomingMessage, res: ServerResponse, method: string): Promise<Resolved> {
    const live = requireSessions();
    const caller = await live.resolve(req.headers.cookie);
    if (caller.stale) res.setHeader('Set-Cookie', clearedCookie(live.cookieName));
    live.touch(caller.id, method);
    return caller;
  }

  /**
   * Runs a method in the caller's session. A sign-in runs in a new session: on success the browser's previous one
   * ends and the new one is kept under a new id (set as the cookie), so an id never outlives a change of user. When a
   * call signs its session out (sign-out, lock, restore, idle), the cookie is cleared.
   */
  async function call(req: IncomingMessage, res: ServerResponse, method: string, input: unknown): Promise<unknown> {
    const live = requireSessions();
    const caller = await callerSession(req, res, method);
    if (SIGN_IN_METHODS.has(method)) {
      const fresh = newSession();
      const result = await opts.app.dispatch(method, input, fresh);
      if (fresh.user) {
        live.replace(caller.id);
        res.setHeader('Set-Cookie', sessionCookie(live.cookieName, live.open(fresh)));
      }
      return result;
    }
    const result = await opts.app.dispatch(method, input, caller.session);
    if (caller.id !== null && !caller.session.user) {
      live.forget(caller.id);
      res.setHeader('Set-Cookie', clearedCookie(live.cookieName));
    }
    return result;
  }

  function requireSessions(): WebSessions {
    if (!sessions) throw new Error('The web host is not listening yet.');
    return sessions;
  }

  /**
   * POST /upload: the raw bytes of a file chosen in the browser, its name in X-File-Name (URI-encoded). The body is
   * streamed to the data folder's staging area as it arrives, never held in memory; a body larger than the limit is
   * refused with 413 (at once when its Content-Length says so, else as soon as it has grown past the limit).
   */
  async function upload(req: IncomingMessage, res: ServerResponse, caller: Resolved): Promise<void> {
    const tooLarge = (): void => {
      res.setHeader('Connection', 'close');
      refuse(res, 413, { code: 'invalid_input', message: `The file is larger than ${Math.round(uploadLimit / 1024 / 1024)} MB.`, details: { field: 'file', limit: uploadLimit } });
    };
    if (Number(req.headers['content-length'] ?? 0) > uploadLimit) {
      req.resume();
      return tooLarge();
    }
    let name: string;
    try {
      name = decodeURIComponent(String(req.headers['x-file-name'] ?? ''));
    } catch {
      name = '';
    }
    if (!name) {
      req.resume();
      return sendJson(res, 200, { ok: false, error: { code: 'invalid_input', message: 'The upload names no file (X-File-Name).' } });
    }
    // The request feeds the stager through a pass-through: when the stager gives up (too large, a locked app) the
    // request itself stays usable, so the refusal still reaches the browser.
    let received = 0;
    const body = new PassThrough();
    req.on('data', (chunk: Buffer) => (received += chunk.length));
    // A browser that goes away mid-upload ends the staging with an error (the partial file is removed).
    req.on('close', () => {
      if (!req.complete) body.destroy(new Error('The upload was interrupted.'));
    });
    req.pipe(body);
    try {
      return sendJson(res, 200, { ok: true, value: await opts.app.stageUpload(name, body, uploadLimit, caller.session) });
    } catch (err) {
      req.unpipe(body);
      req.resume();
      if (received > uploadLimit) return tooLarge();
      return sendJson(res, 200, { ok: false, error: toApiError(err) });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  // Cookies are not kept apart by port: the name carries it, so two hosts on one machine never mix their sessions.
  const live = new WebSessions(opts.app, opts.clock ?? opts.app.clock, `collectdesk_session_${port}`);
  sessions = live;
  const sweeper = setInterval(() => void live.sweep().catch((err: unknown) => opts.logError?.('sessions', err)), SWEEP_MS);
  sweeper.unref();
  const url = `http://127.0.0.1:${port}/#token=${token}`;
  return {
    port,
    token,
    url,
    server,
    sessions: live,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(sweeper);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
