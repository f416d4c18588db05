import { hostname } from 'node:os';
import { uuidv7 } from '../../../shared/domain/ids';
import type { HubUser, Replica, StationView } from '../../../shared/replication/api';
import { claimHub, issueEnrollmentCode, joinHub } from '../../../shared/replication/enroll';
import { exportPrivateKey, exportPublicKey, generateStationKeys } from '../../../shared/replication/signing';
import { appendAudit } from '../audit/audit';
import type { Actor } from '../auth/actor';
import { findUserByName } from '../auth/users';
import type { Db } from '../db/open';
import { CoreError } from '../errors';
import { connectHub, connectStation, dataKeys, hubFailure, requireStation, saveStation, stationOf } from './station-state';
import { recordChange } from './write-path';

/** Enrollment codes live a week unless asked otherwise (the hub allows at most 30 days). */
export const ENROLLMENT_TTL_MS = 7 * 24 * 3600_000;

function requireAdmin(actor: Actor, what: string): void {
  if (actor.role !== 'admin') throw new CoreError('forbidden', `Only an admin can ${what}.`);
}

async function newIdentity(): Promise<{ stationId: string; privateKey: string; publicKey: string; keys: Awaited<ReturnType<typeof generateStationKeys>> }> {
  const keys = await generateStationKeys();
  return { stationId: uuidv7(), privateKey: await exportPrivateKey(keys.privateKey), publicKey: await exportPublicKey(keys.publicKey), keys };
}

export interface HubTarget {
  hubUrl: string;
  fingerprint: string;
  stationName?: string;
}

/**
 * `hub connect`: this admin's store claims a fresh hub with its setup code, makes the agency's data key and becomes
 * its first full replica. Its leads and admins are the station's users. The store's rows go up at the first sync.
 */
export async function connectAsAdmin(db: Db, actor: Actor, target: HubTarget & { setupCode: string }, now: string): Promise<{ stationId: string; agencyId: string; station: StationView }> {
  requireAdmin(actor, 'connect this store to a hub');
  if (stationOf(db)) throw new CoreError('conflict', 'This store is already a station of an agency hub.', { reason: 'already_station' });
  const users = (db.prepare(`SELECT id, role FROM users WHERE role IN ('admin', 'lead') AND disabled_at IS NULL ORDER BY created_at, id LIMIT 50`).all() as HubUser[]);
  const id = await newIdentity();
  const conn = await connectHub(target.hubUrl, target.fingerprint, id.stationId, id.privateKey);
  try {
    const name = target.stationName ?? hostname();
    const claimed = await claimHub(conn.client, id.keys, { setupCode: target.setupCode, stationName: name, users }).catch((err: unknown) => {
      throw hubFailure(err, target.hubUrl);
    });
    db.transaction(() => {
      saveStation(db, { ...id, stationName: name, hubUrl: target.hubUrl, fingerprint: target.fingerprint, agencyId: claimed.agencyId, replica: 'full', users: users.map((u) => u.id), keys: [claimed.dataKey] }, now);
      appendAudit(db, { actorId: actor.id, via: actor.via, action: 'hub.connect', entity: 'station', entityId: id.stationId, details: { agencyId: claimed.agencyId, replica: 'full' } }, now);
    })();
    return { stationId: id.stationId, agencyId: claimed.agencyId, station: claimed.station };
  } finally {
    conn.close();
  }
}

/** `station enroll`: a one-time code for a new station of the named users (their user rows go to the hub too). */
export async function enrollStation(db: Db, actor: Actor, input: { userNames: string[]; replica: Replica; ttlMs?: number }, now: string): Promise<{ code: string; codeId: string; expiresAt: string }> {
  requireAdmin(actor, 'enroll a station');
  const station = requireStation(db);
  if (input.userNames.length === 0) throw new CoreError('invalid_input', 'Name at least one user.', { field: 'user' });
  const users = input.userNames.map((name) => {
    const u = findUserByName(db, name);
    if (!u) throw new CoreError('not_found', `There is no user named "${name}".`, { field: 'user' });
    if (u.disabled_at) throw new CoreError('conflict', `The user "${name}" is disabled.`, { field: 'user' });
    return { id: u.id, role: u.role };
  });
  if (input.replica === 'partial' && users.some((u) => u.role !== 'collector')) {
    throw new CoreError('invalid_input', 'A lead or an admin works on a full replica: add --role-replica full.', { field: 'user' });
  }
  const conn = await connectStation(station);
  try {
    const issued = await issueEnrollmentCode(conn.client, { dataKeys: dataKeys(db), users, replica: input.replica, ttlMs: input.ttlMs ?? ENROLLMENT_TTL_MS }).catch((err: unknown) => {
      throw hubFailure(err, station.hub_url);
    });
    db.transaction(() => {
      for (const u of users) recordChange(db, { entity: 'user', id: u.id, userId: actor.id, now });
      appendAudit(db, { actorId: actor.id, via: actor.via, action: 'station.enroll', entity: 'enrollment_code', entityId: issued.codeId, details: { users: users.map((u) => u.id), replica: input.replica } }, now);
    })();
    return { code: issued.text, codeId: issued.codeId, expiresAt: issued.expiresAt };
  } finally {
    conn.close();
  }
}

/**
 * `station join`: registers this new store with the hub by the code, unwrapping the agency's data keys here with the
 * code's secret part (the hub never sees it). The caller created the store; its rows come with the first sync.
 */
export async function joinAsStation(db: Db, target: HubTarget & { code: string }, now: string): Promise<{ stationId: string; agencyId: string; station: StationView }> {
  if (stationOf(db)) throw new CoreError('conflict', 'This store is already a station of an agency hub.', { reason: 'already_station' });
  const id = await newIdentity();
  const conn = await connectHub(target.hubUrl, target.fingerprint, id.stationId, id.privateKey);
  try {
    const name = target.stationName ?? hostname();
    const joined = await joinHub(conn.client, id.keys, { codeText: target.code, stationName: name }).catch((err: unknown) => {
      throw hubFailure(err, target.hubUrl);
    });
    db.transaction(() => {
      saveStation(db, {
        ...id, stationName: name, hubUrl: target.hubUrl, fingerprint: target.fingerprint, agencyId: joined.agencyId, replica: joined.station.replica,
        users: joined.station.users.map((u) => u.id), keys: joined.dataKeys,
      }, now);
      appendAudit(db, { actorId: null, via: 'cli', action: 'station.join', entity: 'station', entityId: id.stationId, details: { agencyId: joined.agencyId, replica: joined.station.replica } }, now);
    })();
    return { stationId: id.stationId, agencyId: joined.agencyId, station: joined.station };
  } finally {
    conn.close();
  }
}

export async function listStations(db: Db, actor: Actor): Promise<StationView[]> {
  requireAdmin(actor, 'list the stations');
  const conn = await connectStation(requireStation(db));
  try {
    return (await conn.client.stations().catch((err: unknown) => {
      throw hubFailure(err);
    })).stations;
  } finally {
    conn.close();
  }
}

export async function revokeStation(db: Db, actor: Actor, stationId: string, now: string): Promise<StationView> {
  requireAdmin(actor, 'revoke a station');
  const conn = await connectStation(requireStation(db));
  try {
    const r = await conn.client.revoke(stationId).catch((err: unknown) => {
      throw hubFailure(err);
    });
    appendAudit(db, { actorId: actor.id, via: actor.via, action: 'station.revoke', entity: 'station', entityId: stationId }, now);
    return r.station;
  } finally {
    conn.close();
  }
}
