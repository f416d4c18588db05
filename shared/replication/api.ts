import { z } from 'zod';
import { ChangeRecord, RouteKey, SchemaVersion, Uuid } from './change';
import { ENROLLMENT_ID_PATTERN } from './enrollment-code';
import { WrappedKey } from './key-wrap';
import { PUBLIC_KEY_PATTERN } from './signing';

/**
 * The hub's HTTP API (docs/hub-api.md): every request but status is POST with a JSON body (or the SSE stream), and
 * signed by the station's key — claim and join by the key they register. Answers are `{ok: true, …}` or the error
 * envelope of ./errors.
 */
export const HUB_PROTOCOL = 1;

export const HUB_PATHS = {
  status: '/v1/status',
  claim: '/v1/claim',
  enrollmentCodes: '/v1/enrollment-codes',
  join: '/v1/join',
  push: '/v1/push',
  pull: '/v1/pull',
  ack: '/v1/ack',
  stations: '/v1/stations',
  revoke: '/v1/stations/revoke',
  events: '/v1/events',
} as const;

export const MAX_PUSH_CHANGES = 2000;
export const MAX_PUSH_ROUTES = 2000;
export const MAX_PULL_LIMIT = 1000;
export const DEFAULT_PULL_LIMIT = 500;
/** an enrollment code lives at most this long */
export const MAX_ENROLLMENT_TTL_MS = 30 * 24 * 3600_000;

const Instant = z.iso.datetime({ offset: true });
const Seq = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const UserRole = z.enum(['collector', 'lead', 'admin']);
/** a user of the agency as the hub knows it: an id and a role, never a name */
export const HubUser = z.strictObject({ id: Uuid, role: UserRole });
export type HubUser = z.infer<typeof HubUser>;
export const Replica = z.enum(['full', 'partial']);
export type Replica = z.infer<typeof Replica>;

export const NewStation = z.strictObject({
  id: Uuid,
  /** a label for the station list (the computer's name) */
  name: z.string().trim().min(1).max(100),
  publicKey: z.string().regex(PUBLIC_KEY_PATTERN, 'a station public key is 32 bytes of base64url'),
});

const uniqueUsers = (users: HubUser[]): boolean => new Set(users.map((u) => u.id)).size === users.length;

export const StationView = z.object({
  id: Uuid,
  name: z.string(),
  users: z.array(HubUser),
  replica: Replica,
  /** may issue enrollment codes, list and revoke stations */
  admin: z.boolean(),
  enrolledAt: Instant,
  lastSeenAt: Instant.nullable(),
  /** the last position of the log it acknowledged */
  cursor: Seq,
  revokedAt: Instant.nullable(),
});
export type StationView = z.infer<typeof StationView>;

export const ClaimRequest = z.strictObject({
  setupCode: z.string().min(1).max(64),
  station: NewStation,
  /** the station's users; at least one admin */
  users: z.array(HubUser).min(1).max(50).refine(uniqueUsers, 'a user is named twice').refine((u) => u.some((x) => x.role === 'admin'), 'the claiming station has an admin user'),
});
export const ClaimResponse = z.object({ ok: z.literal(true), agencyId: Uuid, station: StationView, minSchemaVersion: SchemaVersion, hubTime: Instant });

export const EnrollmentCodeRequest = z.strictObject({
  id: z.string().regex(ENROLLMENT_ID_PATTERN, 'an enrollment code id is 8 base32 characters'),
  /** SHA-256 (hex) of the join proof derived from the code's secret part */
  verifier: z.string().regex(/^[0-9a-f]{64}$/),
  wrappedKeys: z.array(WrappedKey).min(1).max(16),
  users: z.array(HubUser).min(1).max(50).refine(uniqueUsers, 'a user is named twice'),
  replica: Replica,
  expiresAt: Instant,
});
export const EnrollmentCodeResponse = z.object({ ok: z.literal(true), code: z.object({ id: z.string(), expiresAt: Instant }) });

export const JoinRequest = z.strictObject({
  codeId: z.string().regex(ENROLLMENT_ID_PATTERN),
  proof: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'the join proof is 32 bytes of base64url'),
  station: NewStation,
});
export const JoinResponse = z.object({
  ok: z.literal(true),
  agencyId: Uuid,
  station: StationView,
  wrappedKeys: z.array(WrappedKey),
  minSchemaVersion: SchemaVersion,
  hubTime: Instant,
});

/** Who holds a case from now on (full replicas hold everything anyway). Only full-replica stations set routes. */
export const RouteAssignment = z.strictObject({ key: RouteKey, users: z.array(Uuid).max(50) });
export type RouteAssignment = z.infer<typeof RouteAssignment>;

export const PushRequest = z.strictObject({
  changes: z.array(ChangeRecord).max(MAX_PUSH_CHANGES),
  routes: z.array(RouteAssignment).max(MAX_PUSH_ROUTES).default([]),
});
export type PushRequest = z.input<typeof PushRequest>;
export const PushAck = z.object({ changeId: z.string(), seq: Seq });
export type PushAck = z.infer<typeof PushAck>;
export const PushResponse = z.object({
  ok: z.literal(true),
  /** one per change, in the order sent: where the log holds it (the same answer when it is sent again) */
  acks: z.array(PushAck),
  /** how many of them this request stored (0 for a push sent again) */
  stored: z.number().int(),
  routes: z.array(z.object({ key: z.string(), seq: Seq })),
  head: Seq,
  hubTime: Instant,
});
export type PushResponse = z.infer<typeof PushResponse>;

export const PullRequest = z.strictObject({
  /** the cursor: the last position already applied (0 at first) */
  after: Seq,
  limit: z.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
  /** a backfill: only this case's records (a case newly routed to the station), up to `before` */
  routeKey: RouteKey.optional(),
  before: Seq.optional(),
});
export type PullRequest = z.input<typeof PullRequest>;

export const RouteEntry = z.object({ key: RouteKey, users: z.array(Uuid), station: Uuid, at: Instant });
export type RouteEntry = z.infer<typeof RouteEntry>;
export const PulledItem = z.discriminatedUnion('kind', [
  z.object({ seq: Seq, kind: z.literal('change'), change: ChangeRecord }),
  z.object({ seq: Seq, kind: z.literal('route'), route: RouteEntry }),
]);
export type PulledItem = z.infer<typeof PulledItem>;
export const PullResponse = z.object({
  ok: z.literal(true),
  items: z.array(PulledItem),
  /** the cursor to pull after next time (past records this station may not see, too) */
  next: Seq,
  more: z.boolean(),
  head: Seq,
  hubTime: Instant,
});
export type PullResponse = z.infer<typeof PullResponse>;

export const AckRequest = z.strictObject({ cursor: Seq });
export const AckResponse = z.object({ ok: z.literal(true), cursor: Seq, head: Seq });

export const StationsResponse = z.object({
  ok: z.literal(true),
  stations: z.array(StationView.extend({ pending: z.number().int() })),
  head: Seq,
});
export type StationsResponse = z.infer<typeof StationsResponse>;
export const RevokeRequest = z.strictObject({ stationId: Uuid });
export const RevokeResponse = z.object({ ok: z.literal(true), station: StationView });

export const StatusResponse = z.object({
  ok: z.literal(true),
  protocol: z.number().int(),
  claimed: z.boolean(),
  agencyId: Uuid.nullable(),
  minSchemaVersion: SchemaVersion,
  hubTime: Instant,
});
export type StatusResponse = z.infer<typeof StatusResponse>;

/** Server-sent events on /v1/events: `ready` and `changes` carry the log's head; `revoked` ends the stream. */
export const HubEventData = z.object({ head: Seq });
export const HUB_EVENTS = ['ready', 'changes', 'revoked'] as const;
