import type { CollectorSync, Handover, StationEntry, StationUser, SyncOverview, ThisStation } from '../../../shared/contract/stations';
import type { HubUser, StationView } from '../../../shared/replication/api';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/open';
import { CoreError } from '../errors';
import { connectStation, hubFailure, requireStation, stationOf } from './station-state';

/**
 * What the screens show of the hub: this computer as a station, the hub's station list with the users' names, and
 * the lead's view of each collector's last sync and the handovers still pending. The trust steps themselves
 * (connect, enroll, join, revoke) are trust.ts, shared with the command line.
 */

export function thisStation(db: Db): ThisStation {
  const s = stationOf(db);
  if (!s) return { connected: false, stationId: null, stationName: null, hubUrl: null, fingerprint: null, replica: null, connectedAt: null, lastSyncAt: null, revokedAt: null };
  return {
    connected: true,
    stationId: s.station_id,
    stationName: s.station_name,
    hubUrl: s.hub_url,
    fingerprint: s.fingerprint,
    replica: s.replica,
    connectedAt: s.connected_at,
    lastSyncAt: s.last_sync_at,
    revokedAt: s.revoked_at,
  };
}

interface UserNames {
  name: string;
  display_name: string;
  staff_no: string | null;
}

/** A hub user with the names this store knows (a user not here yet keeps its id only). */
function userLookup(db: Db): (u: HubUser) => StationUser {
  const get = db.prepare('SELECT name, display_name, staff_no FROM users WHERE id = ?');
  const cache = new Map<string, UserNames | undefined>();
  return (u) => {
    if (!cache.has(u.id)) cache.set(u.id, get.get(u.id) as UserNames | undefined);
    const row = cache.get(u.id);
    return { id: u.id, role: u.role, name: row?.name ?? null, displayName: row?.display_name ?? null, staffNo: row?.staff_no ?? null };
  };
}

export function stationEntry(db: Db, v: StationView & { pending?: number }, user: (u: HubUser) => StationUser = userLookup(db)): StationEntry {
  const self = stationOf(db)?.station_id === v.id;
  return {
    id: v.id,
    name: v.name,
    replica: v.replica,
    admin: v.admin,
    users: v.users.map(user),
    enrolledAt: v.enrolledAt,
    lastSeenAt: v.lastSeenAt,
    pendingDown: v.pending ?? 0,
    pendingUp: self ? (db.prepare('SELECT count(*) FROM hub_outbox').pluck().get() as number) : null,
    revokedAt: v.revokedAt,
    self,
  };
}

/** The hub's station list (an admin's or a lead's full-replica station may read it), newest contact first. */
async function hubStations(db: Db): Promise<Array<StationView & { pending: number }>> {
  const conn = await connectStation(requireStation(db));
  try {
    return (await conn.client.stations().catch((err: unknown) => {
      throw hubFailure(err);
    })).stations;
  } finally {
    conn.close();
  }
}

export async function stationEntries(db: Db): Promise<StationEntry[]> {
  const user = userLookup(db);
  const list = await hubStations(db);
  return list.map((v) => stationEntry(db, v, user)).sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || (b.lastSeenAt ?? '').localeCompare(a.lastSeenAt ?? '') || a.name.localeCompare(b.name));
}

interface ReassignedRow {
  case_id: string;
  case_no: string;
  client: string;
  from_user: string;
  from_role: HubUser['role'];
  to_user: string;
  to_role: HubUser['role'];
  created_at: string;
  route_waiting: number;
}

/**
 * Cases reassigned away from a user by this store's latest (not undone) assignment of each, still held by the new
 * user. A handover is pending while the route has not reached the hub yet, or while a station of the old holder has
 * not contacted the hub since the reassignment: until then it may still hold changes of the case the hub lacks.
 */
function reassignedCases(db: Db): ReassignedRow[] {
  return db
    .prepare(
      `SELECT aoc.case_id, c.case_no, cl.name AS client, aoc.from_user, fu.role AS from_role, aoc.to_user, tu.role AS to_role, ao.created_at,
              EXISTS (SELECT 1 FROM hub_route_outbox r WHERE r.case_id = aoc.case_id) AS route_waiting
         FROM assignment_op_cases aoc
         JOIN assignment_ops ao ON ao.id = aoc.op_id AND ao.undone_at IS NULL
         JOIN cases c ON c.id = aoc.case_id AND c.assigned_to = aoc.to_user
         JOIN clients cl ON cl.id = c.client_id
         JOIN users fu ON fu.id = aoc.from_user
         JOIN users tu ON tu.id = aoc.to_user
        WHERE aoc.from_user IS NOT NULL AND aoc.from_user <> aoc.to_user
          AND ao.created_at = (SELECT max(o2.created_at) FROM assignment_op_cases x JOIN assignment_ops o2 ON o2.id = x.op_id AND o2.undone_at IS NULL WHERE x.case_id = aoc.case_id)
        ORDER BY ao.created_at DESC, c.case_no`,
    )
    .all() as ReassignedRow[];
}

function pendingHandovers(db: Db, stations: StationView[], user: (u: HubUser) => StationUser): Handover[] {
  const live = stations.filter((s) => !s.revokedAt && s.replica === 'partial');
  const out: Handover[] = [];
  for (const r of reassignedCases(db)) {
    const holders = live.filter((s) => s.users.some((u) => u.id === r.from_user));
    const behind = holders.filter((s) => r.route_waiting === 1 || s.lastSeenAt === null || s.lastSeenAt < r.created_at);
    if (behind.length === 0) continue;
    out.push({
      caseId: r.case_id,
      caseNo: r.case_no,
      client: r.client,
      fromUser: user({ id: r.from_user, role: r.from_role }),
      toUser: user({ id: r.to_user, role: r.to_role }),
      reassignedAt: r.created_at,
      stations: behind.map((s) => ({ id: s.id, name: s.name, lastSeenAt: s.lastSeenAt })),
    });
  }
  return out;
}

/**
 * The lead's view: each collector with their stations' last contact and the handovers pending. The station list
 * comes from the hub (this full replica asks it); when the hub cannot be reached the answer says why and has no
 * collectors, and no handovers (whether one is pending cannot be known without the stations' last contact).
 */
export async function syncOverview(db: Db, actor: Actor, now: string): Promise<SyncOverview> {
  if (actor.role === 'collector') throw new CoreError('forbidden', 'Only a team lead or an admin sees the stations’ sync.');
  const station = stationOf(db);
  if (!station) return { connected: false, collectors: null, handovers: [], hubProblem: null, readAt: now };
  let list: StationView[];
  try {
    list = await hubStations(db);
  } catch (err) {
    if (!(err instanceof CoreError)) throw err;
    const hubCode = typeof err.details?.hubCode === 'string' ? err.details.hubCode : err.code;
    return { connected: true, collectors: null, handovers: [], hubProblem: hubCode, readAt: now };
  }
  const user = userLookup(db);
  const handovers = pendingHandovers(db, list, user);
  const collectors = db.prepare(`SELECT id FROM users WHERE role = 'collector' AND disabled_at IS NULL ORDER BY coalesce(staff_no, ''), display_name`).pluck().all() as string[];
  const rows: CollectorSync[] = collectors.map((id) => {
    const theirs = list.filter((s) => s.users.some((u) => u.id === id));
    const seen = theirs.filter((s) => !s.revokedAt).map((s) => s.lastSeenAt).filter((t): t is string => t !== null).sort();
    return {
      user: user({ id, role: 'collector' }),
      lastSyncAt: seen.at(-1) ?? null,
      stations: theirs.map((s) => ({ id: s.id, name: s.name, lastSeenAt: s.lastSeenAt, pendingDown: (s as { pending?: number }).pending ?? 0, revokedAt: s.revokedAt })),
      handoversPending: handovers.filter((h) => h.fromUser.id === id).length,
    };
  });
  return { connected: true, collectors: rows, handovers, hubProblem: null, readAt: now };
}
