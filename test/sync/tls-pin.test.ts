import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BankClient } from '../../electron/core/sync/bank-client';
import { SyncFailure } from '../../electron/core/sync/failure';
import { HttpTransport } from '../../electron/core/sync/http';
import { makeTempDir } from '../helpers/temp-dir';
import { FAST, KEY_ID, SECRET, startAgency, startBank, type Bank } from './support';

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

/** A self-signed certificate for 127.0.0.1, made for this run. */
function selfSigned(dir: string): { cert: string; key: string } {
  const r = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return { cert: readFileSync(join(dir, 'cert.pem'), 'utf8'), key: readFileSync(join(dir, 'key.pem'), 'utf8') };
}

async function failureOf(p: Promise<unknown>): Promise<SyncFailure> {
  try {
    await p;
  } catch (err) {
    if (err instanceof SyncFailure) return err;
    throw err;
  }
  throw new Error('expected a failure');
}

describe.skipIf(!hasOpenssl)('https with certificate pinning', () => {
  const tmp = makeTempDir();
  let tls: { cert: string; key: string };
  let bank: Bank;
  let fingerprint: string;
  beforeAll(async () => {
    tls = selfSigned(tmp.dir);
    fingerprint = new X509Certificate(tls.cert).fingerprint256;
    bank = await startBank(undefined, { tls });
  });
  afterAll(async () => {
    await bank.stop();
    tmp.cleanup();
  });

  const client = (pins: string[], ca?: string) => new BankClient({ url: bank.bank.url, keyId: KEY_ID, secret: SECRET, pins }, { ...FAST, http: { ca } });

  it('talks to the pinned certificate', async () => {
    expect(bank.bank.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/v1$/);
    const c = client([fingerprint.replace(/:/g, '').toLowerCase()], tls.cert);
    try {
      expect(await c.pull(null, 10)).toEqual({ records: [], cursor: '0', more: false });
    } finally {
      c.close();
    }
  });

  it('refuses a trusted certificate that is not the pinned one, naming the fingerprint it saw, without retrying', async () => {
    const c = client(['00'.repeat(32)], tls.cert);
    try {
      const f = await failureOf(c.pull(null, 10));
      expect(f.code).toBe('certificate');
      expect(f.message).toContain(`is not the pinned one (its SHA-256 fingerprint is ${fingerprint.replace(/:/g, '').toLowerCase()})`);
      expect(c.retries).toBe(0);
    } finally {
      c.close();
    }
  });

  it('refuses a certificate it does not trust, pinned or not', async () => {
    const c = client([fingerprint]);
    try {
      const f = await failureOf(c.pull(null, 10));
      expect(f).toMatchObject({ code: 'certificate', retryable: false });
      expect(f.message).toMatch(/^The bank's certificate at 127\.0\.0\.1:\d+ is not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT\): the connection was refused\.$/);
    } finally {
      c.close();
    }
  });

  it('a round with the profile’s pin (colons allowed) syncs over https', async () => {
    const agency = await startAgency(bank.bank.url, { pinSha256: fingerprint });
    try {
      expect(agency.client.profile.sync?.pinSha256).toBe(fingerprint.replace(/:/g, '').toLowerCase());
      expect(await agency.round({ ...FAST, http: { ca: tls.cert } })).toMatchObject({ ok: true, errors: [] });
    } finally {
      agency.close();
    }
  });
});

describe('plain http', () => {
  it('is refused for any host but this computer', () => {
    for (const url of ['http://10.0.0.8/v1', 'http://bank.example.com/v1', 'http://127.0.0.1.example.com/v1']) {
      expect(() => new HttpTransport(new URL(url), { timeoutMs: 1000, pins: [], maxBodyBytes: 1000 })).toThrow(/plain http:\/\/ is accepted only for this computer/);
    }
    for (const url of ['http://127.0.0.1:8080/v1', 'http://[::1]:8080/v1', 'http://localhost/v1', 'https://bank.example.com/v1']) {
      new HttpTransport(new URL(url), { timeoutMs: 1000, pins: [], maxBodyBytes: 1000 }).close();
    }
  });
});
