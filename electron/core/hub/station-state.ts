import type { Replica } from '../../../shared/replication/api';
import { fromBase64Url, toBase64Url } from '../../../shared/replication/bytes';
import { HubClient, HubRequestError } from '../../../shared/replication/client';
import type { AgencyKey } from '../../../shared/replication/enroll';
import { HlcClock, hlcNodeOf } from '../../../shared/replication/hlc';
import { importDataKey, type DataKey } from '../../../shared/replication/sealed-value';
import { importPrivateKey } from '../../../shared/replication/signing';
import type { Db } from '../db/open';
import { CoreError } from '../errors';
import { PinMismatch, pinnedTransport, type PinnedTransport } from './transport';

/** The schema version this station's change records carry (the store's migration version). */
export const STATION_SCHEMA_VERSION = 13;

export interface StationRow {
  station_id: string;
  station_name: string;
  private_key: string;
  public_key: string;
  hub_url: string;
  fingerprint: string;
  agency_id: string;
  replica: Replica;
  users: string;
  hlc_last: string | null;
  cursor: number;
  uploaded_at: string | null;
  revoked_at: string | null;
  connected_at: string;
  last_sync_at: string | null;
}

export interface NewStation {
  stationId: string;
  stationName: string;
  privateKey: string;
  publicKey: string;
  hubUrl: string;
  fingerprint: string;
  agencyId: string;
  replica: Replica;
  users: string[];
  keys: AgencyKey[];
}

/** This store's station, or null when it is not connected to a hub (it then writes no change records). */
export function stationOf(db: Db): StationRow | null {
  return (db.prepare('SELECT * FROM hub_station WHERE singleton = 1').get() as StationRow | undefined) ?? null;
}

export function requireStation(db: Db): StationRow {
  const s = stationOf(db);
  if (!s) throw new CoreError('conflict', 'This store is not connected to an agency hub (hub connect or station join first).', { reason: 'not_station' });
  return s;
}

export function stationUsers(s: StationRow): string[] {
  return JSON.parse(s.users) as string[];
}

export function saveStation(db: Db, s: NewStation, now: string): void {
  db.transaction(() => {
    if (stationOf(db)) throw new CoreError('conflict', 'This store is already a station of an agency hub.', { reason: 'already_station' });
    db.prepare(
      `INSERT INTO hub_station (singleton, station_id, station_name, private_key, public_key, hub_url, fingerprint, agency_id, replica, users, connected_at)
       VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(s.stationId, s.stationName, s.privateKey, s.publicKey, s.hubUrl, s.fingerprint, s.agencyId, s.replica, JSON.stringify(s.users), now);
    for (const k of s.keys) addDataKey(db, k, now);
  })();
}

export function addDataKey(db: Db, k: AgencyKey, now: string): void {
  db.prepare('INSERT OR IGNORE INTO hub_keys (key_id, raw, added_at) VALUES (?, ?, ?)').run(k.id, toBase64Url(k.raw), now);
}

export function dataKeys(db: Db): AgencyKey[] {
  const rows = db.prepare('SELECT key_id, raw FROM hub_keys ORDER BY added_at, key_id').all() as { key_id: string; raw: string }[];
  return rows.map((r) => ({ id: r.key_id, raw: fromBase64Url(r.raw) }));
}

export interface Keyring {
  /** the key new values are sealed with (the newest) */
  current: DataKey;
  ring: Map<string, CryptoKey>;
}

export async function keyring(db: Db): Promise<Keyring> {
  const keys = dataKeys(db);
  if (keys.length === 0) throw new CoreError('conflict', 'This station holds no agency data key: join again with a new enrollment code.');
  const ring = new Map<string, CryptoKey>();
  let current: DataKey | null = null;
  for (const k of keys) {
    current = await importDataKey(k.id, k.raw);
    ring.set(k.id, current.key);
  }
  return { current: current as DataKey, ring };
}

/** The station's clock, restored from the last stamp it committed. */
export function stationClock(s: StationRow, now?: () => number): HlcClock {
  return new HlcClock(hlcNodeOf(s.station_id), { last: s.hlc_last, now });
}

export interface Connection {
  client: HubClient;
  transport: PinnedTransport;
  close(): void;
}

/** Opens the pinned transport and a signing client for a station (or for one about to register). */
export async function connectHub(url: string, fingerprint: string, stationId: string, privateKeyPkcs8: string, now?: () => number): Promise<Connection> {
  let transport: PinnedTransport;
  try {
    transport = await pinnedTransport(url, fingerprint);
  } catch (err) {
    throw hubFailure(err, url);
  }
  const client = new HubClient(transport, { stationId, privateKey: await importPrivateKey(privateKeyPkcs8) }, { schemaVersion: STATION_SCHEMA_VERSION, now });
  return { client, transport, close: () => transport.close() };
}

export function connectStation(s: StationRow): Promise<Connection> {
  return connectHub(s.hub_url, s.fingerprint, s.station_id, s.private_key);
}

/** A hub or network failure as the error every boundary understands. */
export function hubFailure(err: unknown, url?: string): CoreError {
  if (err instanceof CoreError) return err;
  if (err instanceof HubRequestError) return new CoreError('hub_failed', `The hub refused: ${err.message}`, { hubCode: err.code, ...err.details });
  if (err instanceof PinMismatch) return new CoreError('hub_failed', err.message, { hubCode: 'pin_mismatch' });
  const e = err as { code?: string; message?: string };
  if (typeof e?.code === 'string' && /^E[A-Z]+/.test(e.code)) {
    return new CoreError('hub_failed', `The hub${url ? ` at ${url}` : ''} cannot be reached (${e.code}).`, { hubCode: 'unreachable', cause: e.code });
  }
  throw err;
}
