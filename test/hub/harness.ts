import { join } from 'node:path';
import { uuidv7 } from '../../shared/domain/ids';
import type { HubUser, Replica } from '../../shared/replication/api';
import type { ChangeRecord } from '../../shared/replication/change';
import { HubClient } from '../../shared/replication/client';
import { claimHub, issueEnrollmentCode, joinHub, type AgencyKey } from '../../shared/replication/enroll';
import { formatHlc, HlcClock, hlcNodeOf } from '../../shared/replication/hlc';
import { generateStationKeys, type StationKeys } from '../../shared/replication/signing';
import { loadOrCreateCertificate, type HubCertificate } from '../../electron/hub/certificate';
import { DEFAULT_CONFIG, type HubConfig } from '../../electron/hub/config';
import { startHubServer, type RunningHub } from '../../electron/hub/server';
import { HubService } from '../../electron/hub/service';
import { PgHubStore } from '../../electron/hub/store/pg-store';
import { SqliteHubStore } from '../../electron/hub/store/sqlite-store';
import type { HubStore } from '../../electron/hub/store/types';
import { newSetupCode } from '../../shared/replication/setup-code';
import { makeTempDir } from '../helpers/temp-dir';
import { newSchema, PG_URL } from './pg';
import { pinnedTransport, type PinnedTransport } from './pinned-transport';

export type StoreKind = 'sqlite' | 'postgres';
export const SCHEMA_VERSION = 3;

export interface TestHub {
  kind: StoreKind;
  store: HubStore;
  running: RunningHub;
  config: HubConfig;
  /** moves the hub's clock */
  clock: { offsetMs: number };
  url: string;
  fingerprint: string;
  setupCode: string;
  /** the SQLite file, or the PostgreSQL schema */
  where: string;
  close(): Promise<void>;
}

const tmp = makeTempDir('hub-test-');
let cert: Promise<HubCertificate> | null = null;

export async function openStore(kind: StoreKind, extra: { beforeCommit?: () => Promise<void>; schema?: string } = {}): Promise<{ store: HubStore; where: string }> {
  if (kind === 'sqlite') {
    const file = join(tmp.dir, `${uuidv7()}.db`);
    return { store: SqliteHubStore.open(file), where: file };
  }
  const schema = extra.schema ?? newSchema();
  return { store: await PgHubStore.open({ url: PG_URL, schema, poolSize: 4, beforeCommit: extra.beforeCommit }), where: schema };
}

/** `store.schema`: a PostgreSQL schema of the caller's (kept afterwards) instead of a new one dropped by dropSchemas. */
export async function startTestHub(kind: StoreKind, opts: Partial<HubConfig> = {}, storeOpts: { schema?: string } = {}): Promise<TestHub> {
  cert ??= loadOrCreateCertificate(tmp.dir, '127.0.0.1');
  const tls = await cert;
  const { store, where } = await openStore(kind, storeOpts);
  const clock = { offsetMs: 0 };
  const config: HubConfig = { ...DEFAULT_CONFIG, ...opts, now: () => Date.now() + clock.offsetMs };
  const running = await startHubServer({ service: new HubService(store, config), tls, host: '127.0.0.1', port: 0, heartbeatMs: 60_000 });
  const setupCode = (await store.setupCode(newSetupCode())) ?? '';
  return {
    kind,
    store,
    running,
    config,
    clock,
    url: running.url,
    fingerprint: tls.fingerprint,
    setupCode,
    where,
    close: async () => {
      await running.close();
      await store.close();
    },
  };
}

export interface TestStation {
  id: string;
  keys: StationKeys;
  client: HubClient;
  transport: PinnedTransport;
  users: HubUser[];
  clock: HlcClock;
  /** moves this station's wall clock */
  offset: { ms: number };
  dataKeys: AgencyKey[];
}

export async function newStation(hub: Pick<TestHub, 'url' | 'fingerprint'>, users: HubUser[], schemaVersion = SCHEMA_VERSION): Promise<TestStation> {
  const id = uuidv7();
  const keys = await generateStationKeys();
  const transport = await pinnedTransport(hub.url, hub.fingerprint);
  const offset = { ms: 0 };
  const now = (): number => Date.now() + offset.ms;
  const client = new HubClient(transport, { stationId: id, privateKey: keys.privateKey }, { schemaVersion, now });
  return { id, keys, client, transport, users, clock: new HlcClock(hlcNodeOf(id), { now }), offset, dataKeys: [] };
}

export const user = (role: HubUser['role'] = 'collector'): HubUser => ({ id: uuidv7(), role });

/** A hub claimed by an admin station (which made the agency's data key). */
export async function claimedHub(kind: StoreKind, opts: Partial<HubConfig> = {}, storeOpts: { schema?: string } = {}): Promise<{ hub: TestHub; admin: TestStation }> {
  const hub = await startTestHub(kind, opts, storeOpts);
  const admin = await newStation(hub, [user('admin')]);
  const claimed = await claimHub(admin.client, admin.keys, { setupCode: hub.setupCode, stationName: 'lead-pc', users: admin.users });
  admin.dataKeys = [claimed.dataKey];
  return { hub, admin };
}

export async function enroll(hub: TestHub, admin: TestStation, users: HubUser[], replica: Replica = 'partial', schemaVersion = SCHEMA_VERSION): Promise<TestStation> {
  const issued = await issueEnrollmentCode(admin.client, { dataKeys: admin.dataKeys, users, replica, ttlMs: 3600_000 });
  const station = await newStation(hub, users, schemaVersion);
  const joined = await joinHub(station.client, station.keys, { codeText: issued.text, stationName: `pc-${station.id.slice(-4)}` });
  station.dataKeys = joined.dataKeys;
  return station;
}

/** A change by this station, stamped by its clock. */
export function change(s: TestStation, partial: Partial<ChangeRecord> & { routeKey: string | null }): ChangeRecord {
  return {
    changeId: uuidv7(),
    entity: 'activity',
    id: uuidv7(),
    op: 'upsert',
    fields: { result: 'NO_ANSWER' },
    hlc: formatHlc(s.clock.send()),
    station: s.id,
    user: s.users[0]?.id ?? '',
    schemaVersion: SCHEMA_VERSION,
    ...partial,
  };
}

export async function closeStations(...stations: TestStation[]): Promise<void> {
  for (const s of stations) s.transport.close();
}

export function cleanupTemp(): void {
  tmp.cleanup();
}
