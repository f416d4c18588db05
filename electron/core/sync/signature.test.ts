import { describe, expect, it } from 'vitest';
import { canonicalRequest, computeSignature, sha256Hex, signaturesEqual, signRequest } from './signature';

// The worked example of docs/bank-sync-api.yaml ("Signing a request"), checked there with openssl too.
const EXAMPLE = { method: 'POST', path: '/collectdesk/v1/outcomes', timestamp: 1764000000, nonce: 'bm9uY2UtZXhhbXBsZS0wMQ', body: '{"items":[]}', secret: 'example-secret-0123456789' };

describe('request signatures', () => {
  it('sign the documented canonical request: scheme, method, path with query, timestamp, nonce and body hash, one per line', () => {
    const bodySha256 = sha256Hex(EXAMPLE.body);
    expect(bodySha256).toBe('eef46741adfc3a9f76294d3b78f37a45f113092ac9d44ee77c7a038a88ff09a1');
    const canonical = canonicalRequest({ ...EXAMPLE, bodySha256 });
    expect(canonical).toBe(`CD1-HMAC-SHA256\nPOST\n/collectdesk/v1/outcomes\n1764000000\nbm9uY2UtZXhhbXBsZS0wMQ\n${bodySha256}`);
    expect(computeSignature(EXAMPLE.secret, canonical)).toBe('1V8TRqdQ1Pn/96ph35VCJtelsaxwuEuPLCNs3OZ+9a4=');
  });

  it('give every request its own nonce, the current time and the body hash in the headers', () => {
    const body = Buffer.from(EXAMPLE.body);
    const a = signRequest({ method: 'POST', path: EXAMPLE.path, body, keyId: 'k1', secret: EXAMPLE.secret, nowMs: 1_764_000_000_999 });
    const b = signRequest({ method: 'POST', path: EXAMPLE.path, body, keyId: 'k1', secret: EXAMPLE.secret, nowMs: 1_764_000_000_999 });
    expect(a).toMatchObject({ 'x-cd-key-id': 'k1', 'x-cd-timestamp': '1764000000', 'x-cd-content-sha256': sha256Hex(body) });
    expect(a['x-cd-nonce']).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(a['x-cd-nonce']).not.toBe(b['x-cd-nonce']);
    expect(signRequest({ method: 'POST', path: EXAMPLE.path, body, keyId: 'k1', secret: EXAMPLE.secret, nowMs: 1_764_000_000_000, nonce: EXAMPLE.nonce })['x-cd-signature']).toBe('1V8TRqdQ1Pn/96ph35VCJtelsaxwuEuPLCNs3OZ+9a4=');
  });

  it('compare in constant time, and only equal strings as equal', () => {
    expect(signaturesEqual('abc', 'abc')).toBe(true);
    expect(signaturesEqual('abc', 'abd')).toBe(false);
    expect(signaturesEqual('abc', 'abcd')).toBe(false);
  });
});
