import { fromBase64Url, randomBytes, sha256Hex, toBase64Url, utf8 } from './bytes';

/**
 * Request signatures between a station and the hub: Ed25519 (WebCrypto) over a canonical string, one field per
 * line — the scheme, the method, the request target (path and query as sent), the timestamp (Unix ms), the nonce,
 * the SHA-256 (hex) of the body as sent, the station id and the station's schema version. The hub refuses a
 * timestamp outside its window and a nonce it has seen within it.
 */
export const SIGNING_SCHEME = 'CD-HUB1-ED25519';

/** Header names, lower case as Node presents them. */
export const HUB_HEADERS = {
  station: 'x-cd-station',
  timestamp: 'x-cd-timestamp',
  nonce: 'x-cd-nonce',
  signature: 'x-cd-signature',
  schemaVersion: 'x-cd-schema-version',
} as const;

export const NONCE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
export const PUBLIC_KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const SIGNATURE_PATTERN = /^[A-Za-z0-9_-]{86}$/;

export interface SignedParts {
  method: string;
  /** path and query, e.g. /v1/pull */
  target: string;
  timestampMs: number;
  nonce: string;
  bodySha256: string;
  stationId: string;
  schemaVersion: number;
}

export function canonicalRequest(p: SignedParts): string {
  return [SIGNING_SCHEME, p.method.toUpperCase(), p.target, String(p.timestampMs), p.nonce, p.bodySha256, p.stationId, String(p.schemaVersion)].join('\n');
}

export interface StationKeys {
  publicKey: CryptoKey;
  privateKey: CryptoKey;
}

/** A new station key pair (the private key is extractable so the station can keep it in its encrypted store). */
export async function generateStationKeys(): Promise<StationKeys> {
  const pair = (await globalThis.crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  return { publicKey: pair.publicKey, privateKey: pair.privateKey };
}

/** The public key as the hub stores it: 32 raw bytes, base64url. */
export async function exportPublicKey(key: CryptoKey): Promise<string> {
  return toBase64Url(new Uint8Array(await globalThis.crypto.subtle.exportKey('raw', key)));
}

export async function importPublicKey(text: string): Promise<CryptoKey> {
  if (!PUBLIC_KEY_PATTERN.test(text)) throw new RangeError('a station public key is 32 bytes of base64url');
  return globalThis.crypto.subtle.importKey('raw', fromBase64Url(text), { name: 'Ed25519' }, true, ['verify']);
}

/** The private key as a station keeps it (PKCS #8, base64url). */
export async function exportPrivateKey(key: CryptoKey): Promise<string> {
  return toBase64Url(new Uint8Array(await globalThis.crypto.subtle.exportKey('pkcs8', key)));
}

export async function importPrivateKey(text: string): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey('pkcs8', fromBase64Url(text), { name: 'Ed25519' }, false, ['sign']);
}

export function newNonce(): string {
  return toBase64Url(randomBytes(16));
}

export interface SignInput {
  method: string;
  target: string;
  body: Uint8Array<ArrayBuffer> | string;
  stationId: string;
  privateKey: CryptoKey;
  schemaVersion: number;
  nowMs?: number;
  nonce?: string;
}

/** The headers that sign one request. Every attempt gets a fresh nonce and timestamp. */
export async function signRequest(r: SignInput): Promise<Record<string, string>> {
  const parts: SignedParts = {
    method: r.method,
    target: r.target,
    timestampMs: Math.floor(r.nowMs ?? Date.now()),
    nonce: r.nonce ?? newNonce(),
    bodySha256: await sha256Hex(typeof r.body === 'string' ? utf8(r.body) : r.body),
    stationId: r.stationId,
    schemaVersion: r.schemaVersion,
  };
  const signature = await globalThis.crypto.subtle.sign('Ed25519', r.privateKey, utf8(canonicalRequest(parts)));
  return {
    [HUB_HEADERS.station]: parts.stationId,
    [HUB_HEADERS.timestamp]: String(parts.timestampMs),
    [HUB_HEADERS.nonce]: parts.nonce,
    [HUB_HEADERS.schemaVersion]: String(parts.schemaVersion),
    [HUB_HEADERS.signature]: toBase64Url(new Uint8Array(signature)),
  };
}

export async function verifyRequest(publicKey: CryptoKey, parts: SignedParts, signature: string): Promise<boolean> {
  if (!SIGNATURE_PATTERN.test(signature)) return false;
  return globalThis.crypto.subtle.verify('Ed25519', publicKey, fromBase64Url(signature), utf8(canonicalRequest(parts)));
}

export type SignedHeaders = Omit<SignedParts, 'method' | 'target' | 'bodySha256'> & { signature: string };

/** Reads the signing headers; a sentence naming the first that is missing or malformed otherwise. */
export function readSignedHeaders(get: (name: string) => string | undefined): SignedHeaders | string {
  const stationId = get(HUB_HEADERS.station);
  const ts = get(HUB_HEADERS.timestamp);
  const nonce = get(HUB_HEADERS.nonce);
  const signature = get(HUB_HEADERS.signature);
  const version = get(HUB_HEADERS.schemaVersion);
  if (!stationId || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(stationId)) return `header ${HUB_HEADERS.station} is missing or not a station id`;
  if (!ts || !/^\d{1,15}$/.test(ts)) return `header ${HUB_HEADERS.timestamp} is missing or not Unix milliseconds`;
  if (!nonce || !NONCE_PATTERN.test(nonce)) return `header ${HUB_HEADERS.nonce} is missing or malformed`;
  if (!signature || !SIGNATURE_PATTERN.test(signature)) return `header ${HUB_HEADERS.signature} is missing or malformed`;
  if (!version || !/^\d{1,7}$/.test(version) || Number(version) < 1) return `header ${HUB_HEADERS.schemaVersion} is missing or not a schema version`;
  return { stationId, timestampMs: Number(ts), nonce, signature, schemaVersion: Number(version) };
}
