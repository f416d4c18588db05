import https from 'node:https';
import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';
import tls, { type PeerCertificate } from 'node:tls';
import type { HubTransport, HubTransportRequest } from '../../../shared/replication/client';

/**
 * The station's transport to its hub, with the hub's self-signed certificate pinned by fingerprint:
 * a first TLS handshake, sending nothing, reads the certificate and checks its SHA-256; every request then trusts
 * that certificate alone and checks the fingerprint again on each connection (never a cached session).
 */
const normalise = (fp: string): string => fp.replace(/:/g, '').toLowerCase();

export class PinMismatch extends Error {
  readonly code = 'pin_mismatch';
}

function probe(host: string, port: number): Promise<PeerCertificate> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host, port, rejectUnauthorized: false, servername: isIP(host) ? undefined : host });
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      socket.end();
      resolve(cert);
    });
    socket.once('error', reject);
  });
}

export interface PinnedTransport extends HubTransport {
  /** opens a streaming GET (the event stream) */
  stream(target: string, headers: Record<string, string>): Promise<IncomingMessage>;
  close(): void;
}

export async function pinnedTransport(url: string, fingerprint: string): Promise<PinnedTransport> {
  const base = new URL(url);
  const host = base.hostname.replace(/^\[|\]$/g, '');
  const port = Number(base.port || 443);
  const pin = normalise(fingerprint);
  const seen = await probe(host, port);
  if (normalise(seen.fingerprint256) !== pin) throw new PinMismatch(`The hub at ${url} shows certificate ${seen.fingerprint256}, not the pinned ${fingerprint}: the connection was refused.`);
  const ca = `-----BEGIN CERTIFICATE-----\n${seen.raw.toString('base64').match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END CERTIFICATE-----\n`;
  const checkServerIdentity = (_host: string, cert: PeerCertificate): Error | undefined => (normalise(cert.fingerprint256) === pin ? undefined : new PinMismatch('The hub certificate changed.'));
  const agent = new https.Agent({ keepAlive: true, ca, checkServerIdentity, maxCachedSessions: 0 });

  const send = (r: HubTransportRequest): Promise<IncomingMessage> =>
    new Promise((resolve, reject) => {
      const req = https.request({ host, port, method: r.method, path: r.target, agent, headers: { ...r.headers, ...(r.body.length ? { 'content-length': String(r.body.length) } : {}) } }, resolve);
      req.on('error', reject);
      req.end(r.body.length ? Buffer.from(r.body) : undefined);
    });

  return {
    async request(r) {
      const res = await send(r);
      const chunks: Buffer[] = [];
      for await (const c of res) chunks.push(c as Buffer);
      return { status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') };
    },
    stream: (target, headers) => send({ method: 'GET', target, headers: { ...headers, accept: 'text/event-stream' }, body: new Uint8Array(0) }),
    close: () => agent.destroy(),
  };
}
