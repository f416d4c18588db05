import type { HubUser, Replica, RouteAssignment } from '../../../shared/replication/api';
import type { WrappedKey } from '../../../shared/replication/key-wrap';

/**
 * What the hub keeps, behind one interface with two implementations: an embedded SQLite file (one hub process) and
 * PostgreSQL (several hub processes on one database). Both hold only envelopes in the clear — ids, routing keys,
 * clocks — and the stations' sealed values as they came.
 *
 * The log's positions (`seq`) are gap-free and assigned in commit order: a reader that has seen position n has
 * seen every position below it, so a station's cursor never skips a record.
 */
export interface StationRecord {
  id: string;
  name: string;
  publicKey: string;
  replica: Replica;
  admin: boolean;
  users: HubUser[];
  enrolledAt: string;
  lastSeenAt: string | null;
  cursor: number;
  /** the largest clock among the changes the station pushed */
  maxHlc: string | null;
  revokedAt: string | null;
}

export interface NewStation {
  id: string;
  name: string;
  publicKey: string;
  replica: Replica;
  users: HubUser[];
}

export interface EnrollmentCodeRecord {
  id: string;
  verifier: string;
  /** null once the code was used or expired */
  wrappedKeys: WrappedKey[] | null;
  users: HubUser[];
  replica: Replica;
  issuedBy: string;
  issuedAt: string;
  expiresAt: string;
  usedAt: string | null;
  usedBy: string | null;
}

/** One change as the log stores it: the envelope's routing parts beside the record's JSON text. */
export interface LogChange {
  changeId: string;
  routeKey: string | null;
  hlc: string;
  /** the record as received (JSON) */
  body: string;
}

export type AppendResult =
  | { kind: 'ok'; acks: Array<{ changeId: string; seq: number }>; stored: number; routes: Array<{ key: string; seq: number }>; head: number }
  /** a change id the log holds with other content */
  | { kind: 'conflict'; changeId: string }
  /** a new change whose clock is not after the station's largest one: the station's own sequence went backwards */
  | { kind: 'regressed'; changeId: string; stationMaxHlc: string };

export interface LogItem {
  seq: number;
  kind: 'change' | 'route';
  body: string;
}

export interface PullQuery {
  after: number;
  limit: number;
  /** a full replica sees every record; a partial one what is routed to its users, and records with no route */
  full: boolean;
  users: string[];
  /** a backfill of one route's changes, up to `before` */
  routeKey?: string;
  before?: number;
}

export interface PullPage {
  items: LogItem[];
  /** the cursor after this page */
  next: number;
  more: boolean;
  head: number;
}

/** What a commit changed, for the stations listening (across processes on PostgreSQL). */
export interface CommitNotice {
  head: number;
  /** the routing keys of the committed changes; 'all' when there were too many to list */
  keys: string[] | 'all';
  /** records with no route were among them (every station gets those) */
  global: boolean;
  /** users whose routes changed (old and new holders) */
  audience: string[];
  /** a station that was revoked */
  revoked?: string;
}

export type ClaimOutcome = 'ok' | 'claimed' | 'bad_code' | 'station_exists';
export type RedeemOutcome = { kind: 'ok'; code: EnrollmentCodeRecord } | { kind: 'used' | 'expired' | 'unknown' | 'station_exists' };

export interface HubStore {
  readonly kind: 'sqlite' | 'postgres';
  close(): Promise<void>;

  /** the agency that claimed the hub, if one did */
  agency(): Promise<{ agencyId: string; claimedAt: string } | null>;
  /** the setup code while unclaimed: the stored one, or `candidate` stored now; null once claimed */
  setupCode(candidate: string): Promise<string | null>;
  claim(input: { setupCode: string; agencyId: string; station: NewStation; now: string }): Promise<ClaimOutcome>;

  station(id: string): Promise<StationRecord | null>;
  stations(): Promise<Array<StationRecord & { pending: number }>>;
  touchStation(id: string, now: string): Promise<void>;
  revokeStation(id: string, now: string): Promise<StationRecord | null>;

  addEnrollmentCode(code: EnrollmentCodeRecord): Promise<'ok' | 'duplicate'>;
  enrollmentCode(id: string): Promise<EnrollmentCodeRecord | null>;
  /** uses the code once (it must be unused and unexpired at `now`) and enrolls the station, in one transaction */
  redeemEnrollmentCode(input: { codeId: string; station: Omit<NewStation, 'replica' | 'users'>; now: string }): Promise<RedeemOutcome>;

  /** records a nonce; false when the station already used it (a replay) */
  useNonce(stationId: string, nonce: string, expiresAtMs: number): Promise<boolean>;
  purgeNonces(nowMs: number): Promise<void>;

  /** appends a station's changes (those it has not sent before) and route changes, in one transaction */
  append(stationId: string, changes: LogChange[], routes: RouteAssignment[], now: string): Promise<AppendResult>;
  pull(q: PullQuery): Promise<PullPage>;
  head(): Promise<number>;
  /** whether any of these users holds the route now */
  holdsRoute(key: string, users: string[]): Promise<boolean>;
  /** the users who hold any of these routes now */
  usersOfRoutes(keys: string[]): Promise<string[]>;
  /** stores a station's cursor; 'behind' when it is below the one stored (the station went back in time) */
  ack(stationId: string, cursor: number): Promise<{ kind: 'ok' | 'behind' | 'ahead'; cursor: number; head: number }>;

  /** listens to commits (of every hub process on the same store) */
  onCommit(listener: (n: CommitNotice) => void): () => void;
}

export const MAX_NOTICE_KEYS = 100;

export function noticeOf(head: number, changes: LogChange[], routes: RouteAssignment[], audience: Iterable<string>): CommitNotice {
  const keys = new Set<string>();
  let global = false;
  for (const c of changes) {
    if (c.routeKey === null) global = true;
    else keys.add(c.routeKey);
  }
  for (const r of routes) keys.add(r.key);
  return { head, keys: keys.size > MAX_NOTICE_KEYS ? 'all' : [...keys], global, audience: [...new Set(audience)] };
}
