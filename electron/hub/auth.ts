import { createHash } from 'node:crypto';
import { importPublicKey, readSignedHeaders, verifyRequest, type SignedHeaders } from '../../shared/replication/signing';
import type { HubConfig } from './config';
import { HubError } from './hub-error';
import type { HubStore, StationRecord } from './store/types';

/** A request as the signature covers it. */
export interface SignedRequest {
  method: string;
  target: string;
  header: (name: string) => string | undefined;
  body: Uint8Array;
}

export interface Caller {
  station: StationRecord;
  schemaVersion: number;
}

const keyCache = new Map<string, Promise<CryptoKey>>();

function publicKey(text: string): Promise<CryptoKey> {
  let key = keyCache.get(text);
  if (!key) {
    key = importPublicKey(text);
    keyCache.set(text, key);
    if (keyCache.size > 10_000) keyCache.delete(keyCache.keys().next().value ?? '');
  }
  return key;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The signing headers, dated within the window around the hub's clock. */
function readAndDate(req: SignedRequest, config: HubConfig): SignedHeaders {
  const h = readSignedHeaders(req.header);
  if (typeof h === 'string') throw new HubError('unauthenticated', `The request is not signed as the hub expects: ${h}.`);
  const now = config.now();
  const ahead = h.timestampMs - now;
  if (ahead > config.maxAheadMs) {
    throw new HubError('clock_ahead', `This computer's clock is ${Math.round(ahead / 60_000)} min ahead of the hub's: set the clock right, then sync again.`, { hubTime: iso(now), aheadMs: ahead });
  }
  if (-ahead > config.maxBehindMs) {
    throw new HubError('stale_request', `The request is dated ${Math.round(-ahead / 60_000)} min before the hub's clock: it was delayed, replayed, or this computer's clock is behind.`, { hubTime: iso(now), behindMs: -ahead });
  }
  return h;
}

async function verify(req: SignedRequest, h: SignedHeaders, key: string): Promise<void> {
  const bodySha256 = createHash('sha256').update(req.body).digest('hex');
  const ok = await verifyRequest(await publicKey(key), { method: req.method, target: req.target, timestampMs: h.timestampMs, nonce: h.nonce, bodySha256, stationId: h.stationId, schemaVersion: h.schemaVersion }, h.signature);
  if (!ok) throw new HubError('bad_signature', 'The request signature does not verify with this station\'s key: it was altered on the way, or signed with another key.');
}

async function once(store: HubStore, h: SignedHeaders, config: HubConfig): Promise<void> {
  const fresh = await store.useNonce(h.stationId, h.nonce, h.timestampMs + config.maxBehindMs + config.maxAheadMs);
  if (!fresh) throw new HubError('replay', 'This request was already received once (its nonce was used): a replayed request is refused.');
}

function versionCheck(h: SignedHeaders, config: HubConfig): void {
  if (h.schemaVersion < config.minSchemaVersion) {
    throw new HubError('update_required', `This station's version (schema ${h.schemaVersion}) is older than the hub accepts (schema ${config.minSchemaVersion} or later): update CollectDesk on this computer.`, {
      minSchemaVersion: config.minSchemaVersion,
      schemaVersion: h.schemaVersion,
    });
  }
}

/** An enrolled station's request: its signature, then revocation, nonce and version. */
export async function authenticateStation(req: SignedRequest, store: HubStore, config: HubConfig): Promise<Caller> {
  const h = readAndDate(req, config);
  const station = await store.station(h.stationId);
  if (!station) throw new HubError('unknown_station', 'This hub has no station with this id: the station was never enrolled here, or enrolled with another hub.');
  await verify(req, h, station.publicKey);
  if (station.revokedAt) throw new HubError('revoked', 'This station was revoked by an administrator: its data is to be wiped.', { revokedAt: station.revokedAt });
  await once(store, h, config);
  versionCheck(h, config);
  return { station, schemaVersion: h.schemaVersion };
}

/** A claim or join: signed by the key it registers (proof that the caller holds it). */
export async function authenticateRegistration(req: SignedRequest, store: HubStore, config: HubConfig, station: { id: string; publicKey: string }): Promise<number> {
  const h = readAndDate(req, config);
  if (h.stationId !== station.id) throw new HubError('invalid_input', 'The signing station id is not the station id in the request body.', { field: 'station.id' });
  await verify(req, h, station.publicKey);
  await once(store, h, config);
  versionCheck(h, config);
  return h.schemaVersion;
}
