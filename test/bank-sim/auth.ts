import type { IncomingHttpHeaders } from 'node:http';
import { canonicalRequest, computeSignature, MAX_SKEW_S, NONCE_PATTERN, sha256Hex, SIGNATURE_HEADERS as H, signaturesEqual } from '../../electron/core/sync/signature';
import type { BankStore } from './store';

/**
 * The bank's check of a signed request (docs/bank-sync-api.yaml, "Signing a request"). Every refusal is a 401 with
 * a reason code: missing_signature, unknown_key, clock_skew, bad_signature, nonce_reused. A nonce is remembered
 * (per key) only once the signature is valid, for twice the allowed skew.
 */
export type Verdict = { ok: true; keyId: string } | { ok: false; code: string; message: string };

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const v = headers[name];
  return typeof v === 'string' && v !== '' ? v : null;
}

export function verifyRequest(
  req: { method: string; target: string; headers: IncomingHttpHeaders; body: Buffer },
  keys: ReadonlyMap<string, string>,
  store: BankStore,
  nowMs: number,
): Verdict {
  const keyId = header(req.headers, H.keyId);
  const ts = header(req.headers, H.timestamp);
  const nonce = header(req.headers, H.nonce);
  const sig = header(req.headers, H.signature);
  if (!keyId || !ts || !nonce || !sig) {
    return { ok: false, code: 'missing_signature', message: `the request must carry ${Object.values(H).filter((h) => h !== H.contentSha256).join(', ')}` };
  }
  const secret = keys.get(keyId);
  if (secret === undefined) return { ok: false, code: 'unknown_key', message: `unknown key id "${keyId.slice(0, 64)}"` };
  if (!/^\d{1,12}$/.test(ts)) return { ok: false, code: 'clock_skew', message: 'the timestamp must be Unix seconds' };
  const skew = Math.abs(nowMs / 1000 - Number(ts));
  if (skew > MAX_SKEW_S) return { ok: false, code: 'clock_skew', message: `the timestamp is ${Math.round(skew)} s away from the bank's clock (at most ${MAX_SKEW_S} s)` };
  if (!NONCE_PATTERN.test(nonce)) return { ok: false, code: 'bad_signature', message: 'the nonce must be 16 to 64 characters of A-Z a-z 0-9 _ -' };
  const bodySha256 = sha256Hex(req.body);
  const claimed = header(req.headers, H.contentSha256);
  if (claimed !== null && claimed !== bodySha256) return { ok: false, code: 'bad_signature', message: 'the body does not match its X-CD-Content-SHA256' };
  const expected = computeSignature(secret, canonicalRequest({ method: req.method, path: req.target, timestamp: Number(ts), nonce, bodySha256 }));
  if (!signaturesEqual(expected, sig)) return { ok: false, code: 'bad_signature', message: 'the signature does not match the request' };
  if (!store.useNonce(keyId, nonce, nowMs, 2 * MAX_SKEW_S * 1000)) return { ok: false, code: 'nonce_reused', message: 'this nonce was used before' };
  return { ok: true, keyId };
}
