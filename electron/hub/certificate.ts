import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { isIP } from 'node:net';
import * as x509 from '@peculiar/x509';

/**
 * The hub's TLS identity: a self-signed certificate (ECDSA P-256, ten years) made on first start and kept in the
 * data folder. Stations pin it by its SHA-256 fingerprint, so it must not change: it is made once, never renewed
 * silently.
 */
export const CERT_FILE = 'hub-cert.pem';
export const KEY_FILE = 'hub-key.pem';

export interface HubCertificate {
  cert: string;
  key: string;
  /** SHA-256 of the certificate, upper-case hex pairs joined by colons */
  fingerprint: string;
  created: boolean;
}

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };

function pem(label: string, der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${b64.join('\n')}\n-----END ${label}-----\n`;
}

export function fingerprintOf(certPem: string): string {
  const der = new X509Certificate(certPem).raw;
  return createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g)?.join(':') ?? '';
}

/** Names the certificate lists: localhost, this computer's name and addresses, and the listening host. */
function subjectNames(listenHost: string): x509.JsonGeneralName[] {
  const dns = new Set(['localhost', hostname()]);
  const ips = new Set(['127.0.0.1', '::1']);
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) if (!a.internal) ips.add(a.address.split('%')[0] ?? a.address);
  if (isIP(listenHost)) {
    if (listenHost !== '0.0.0.0' && listenHost !== '::') ips.add(listenHost);
  } else if (listenHost) dns.add(listenHost);
  return [...[...dns].filter((d) => /^[A-Za-z0-9.-]+$/.test(d)).map((value) => ({ type: 'dns' as const, value })), ...[...ips].map((value) => ({ type: 'ip' as const, value }))];
}

async function create(listenHost: string): Promise<{ cert: string; key: string }> {
  const keys = (await globalThis.crypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name: 'CN=CollectDesk hub',
    notBefore: new Date(now - 86_400_000),
    notAfter: new Date(now + 10 * 365 * 86_400_000),
    keys,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyAgreement, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(subjectNames(listenHost)),
    ],
  });
  const key = pem('PRIVATE KEY', new Uint8Array(await globalThis.crypto.subtle.exportKey('pkcs8', keys.privateKey)));
  return { cert: cert.toString('pem') + '\n', key };
}

export async function loadOrCreateCertificate(dir: string, listenHost: string): Promise<HubCertificate> {
  const certPath = join(dir, CERT_FILE);
  const keyPath = join(dir, KEY_FILE);
  const hasCert = existsSync(certPath);
  const hasKey = existsSync(keyPath);
  if (hasCert !== hasKey) {
    throw new Error(`${hasCert ? keyPath : certPath} is missing while ${hasCert ? certPath : keyPath} exists: restore it from a backup (a new certificate would break every station's pin).`);
  }
  if (hasCert) {
    const cert = readFileSync(certPath, 'utf8');
    return { cert, key: readFileSync(keyPath, 'utf8'), fingerprint: fingerprintOf(cert), created: false };
  }
  const made = await create(listenHost);
  writeFileSync(`${keyPath}.tmp`, made.key, { mode: 0o600 });
  writeFileSync(`${certPath}.tmp`, made.cert, { mode: 0o644 });
  renameSync(`${keyPath}.tmp`, keyPath);
  renameSync(`${certPath}.tmp`, certPath);
  return { ...made, fingerprint: fingerprintOf(made.cert), created: true };
}
