import http from 'node:http';
import https from 'node:https';
import { checkServerIdentity, type PeerCertificate } from 'node:tls';
import { syncUrlProblem } from '../../../shared/profile/sync-schema';
import { networkFailure, SyncFailure } from './failure';

/**
 * One HTTP exchange with the bank. https:// always; plain http:// only to a loopback address (the simulator, tests).
 * With pinned fingerprints, the certificate must be trusted AND be one of them. A pinned connection is never
 * resumed from a cached TLS session, so every connection is checked.
 */
export interface HttpOptions {
  timeoutMs: number;
  /** SHA-256 fingerprints (lower-case hex, no colons) the bank's certificate must match; empty: no pinning */
  pins: string[];
  /** extra trusted CA certificates (PEM), e.g. a test's self-signed certificate */
  ca?: string;
  /** the most bytes of an answer that are read */
  maxBodyBytes: number;
}

export interface HttpAnswer {
  status: number;
  body: Buffer;
}

const normalise = (fp: string): string => fp.replace(/:/g, '').toLowerCase();
const seconds = (ms: number): string => (ms >= 10_000 ? String(Math.round(ms / 1000)) : String(Math.round(ms / 100) / 10));

function pinCheck(pins: string[]): ((host: string, cert: PeerCertificate) => Error | undefined) | undefined {
  if (pins.length === 0) return undefined;
  return (host, cert) => {
    const err = checkServerIdentity(host, cert);
    if (err) return err;
    const seen = normalise(cert.fingerprint256 ?? '');
    if (pins.includes(seen)) return undefined;
    return new SyncFailure(
      'certificate',
      `The bank's certificate at ${host} is not the pinned one (its SHA-256 fingerprint is ${seen}): the connection was refused. If the bank has changed its certificate, ask it for the new fingerprint and update sync.pinSha256.`,
      false,
    );
  };
}

export class HttpTransport {
  private readonly agent: http.Agent;
  private readonly isHttps: boolean;

  constructor(
    readonly base: URL,
    private readonly opts: HttpOptions,
  ) {
    const problem = syncUrlProblem(base.href);
    if (problem) throw new SyncFailure('not_configured', `The sync address ${base.href} is refused: ${problem}.`, false);
    this.isHttps = base.protocol === 'https:';
    this.agent = this.isHttps
      ? new https.Agent({ keepAlive: true, maxSockets: 4, ca: opts.ca, checkServerIdentity: pinCheck(opts.pins), maxCachedSessions: opts.pins.length ? 0 : 100 })
      : new http.Agent({ keepAlive: true, maxSockets: 4 });
  }

  /** The request target (path and query) under the base address, as it is signed. */
  target(path: string, query?: Record<string, string>): string {
    const basePath = this.base.pathname.replace(/\/+$/, '');
    const qs = query ? new URLSearchParams(query).toString() : '';
    return `${basePath}${path}${qs ? `?${qs}` : ''}`;
  }

  send(method: 'GET' | 'POST', target: string, headers: Record<string, string>, body: Buffer): Promise<HttpAnswer> {
    const host = this.base.host;
    const options: http.RequestOptions = {
      protocol: this.base.protocol,
      hostname: this.base.hostname.replace(/^\[|\]$/g, ''),
      port: this.base.port || undefined,
      method,
      path: target,
      agent: this.agent,
      headers: { ...headers, accept: 'application/json', ...(body.length ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {}) },
    };
    return new Promise<HttpAnswer>((resolve, reject) => {
      const req = (this.isHttps ? https : http).request(options, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > this.opts.maxBodyBytes) {
            req.destroy(new SyncFailure('protocol', `The bank's answer is larger than ${Math.round(this.opts.maxBodyBytes / 1048576)} MB: refused.`, false));
            return;
          }
          chunks.push(c);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', (err) => reject(networkFailure(err, host)));
        res.on('aborted', () => reject(new SyncFailure('connection_lost', `The connection to ${host} broke off while the bank was answering.`, true)));
      });
      req.setTimeout(this.opts.timeoutMs, () => {
        req.destroy(new SyncFailure('timeout', `The bank at ${host} did not answer within ${seconds(this.opts.timeoutMs)} seconds.`, true));
      });
      req.on('error', (err) => reject(networkFailure(err, host)));
      req.end(body.length ? body : undefined);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
