import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Request signatures of the bank exchange API (docs/bank-sync-api.yaml, "Signing a request"): HMAC-SHA256, keyed
 * with the agency's secret, over the scheme, the method, the path with its query, the timestamp, the nonce and the
 * SHA-256 of the body, one per line. The bank refuses a timestamp more than MAX_SKEW_S away from its clock and a
 * nonce it has seen within twice that time.
 */
export const SIGNATURE_SCHEME = 'CD1-HMAC-SHA256';
export const MAX_SKEW_S = 300;

/** Header names, lower case as Node presents them. */
export const SIGNATURE_HEADERS = {
  keyId: 'x-cd-key-id',
  timestamp: 'x-cd-timestamp',
  nonce: 'x-cd-nonce',
  contentSha256: 'x-cd-content-sha256',
  signature: 'x-cd-signature',
} as const;

export const NONCE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

export function sha256Hex(body: Buffer | string): string {
  return createHash('sha256').update(body).digest('hex');
}

export interface SignedParts {
  method: string;
  /** the request target as sent: path and query, e.g. /collectdesk/v1/pull?since=12&limit=500 */
  path: string;
  /** Unix time in seconds */
  timestamp: number;
  nonce: string;
  /** hex SHA-256 of the body (of the empty string when there is none) */
  bodySha256: string;
}

/** The text that is signed: one field per line, no trailing newline. */
export function canonicalRequest(p: SignedParts): string {
  return [SIGNATURE_SCHEME, p.method.toUpperCase(), p.path, String(p.timestamp), p.nonce, p.bodySha256].join('\n');
}

/** Base64 HMAC-SHA256 of the canonical request with the secret (its UTF-8 bytes). */
export function computeSignature(secret: string, canonical: string): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(canonical, 'utf8').digest('base64');
}

/** Compares two signatures in constant time. */
export function signaturesEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

export function newNonce(): string {
  return randomBytes(16).toString('base64url');
}

/** The headers that sign one request. Every attempt, retries included, gets a fresh nonce and timestamp. */
export function signRequest(r: { method: string; path: string; body: Buffer; keyId: string; secret: string; nowMs?: number; nonce?: string }): Record<string, string> {
  const parts: SignedParts = {
    method: r.method,
    path: r.path,
    timestamp: Math.floor((r.nowMs ?? Date.now()) / 1000),
    nonce: r.nonce ?? newNonce(),
    bodySha256: sha256Hex(r.body),
  };
  return {
    [SIGNATURE_HEADERS.keyId]: r.keyId,
    [SIGNATURE_HEADERS.timestamp]: String(parts.timestamp),
    [SIGNATURE_HEADERS.nonce]: parts.nonce,
    [SIGNATURE_HEADERS.contentSha256]: parts.bodySha256,
    [SIGNATURE_HEADERS.signature]: computeSignature(r.secret, canonicalRequest(parts)),
  };
}
