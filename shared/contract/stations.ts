import { z } from 'zod';
import { method } from './method';
import { AppStatus, Id, Passphrase, Role } from './schemas';

/**
 * The agency hub's screens: first run joins a hub (creating the store), Admin → Stations connects this computer,
 * enrolls new stations, lists and revokes them, and the lead's view of each collector's last sync and the handovers
 * still pending. The core functions are electron/core/hub/trust.ts, the same the command line calls.
 */
const HubUrl = z.string().trim().min(1).max(300);
const Fingerprint = z.string().trim().min(1).max(200);
const StationName = z.string().trim().min(1).max(100);
const Replica = z.enum(['full', 'partial']);
const Instant = z.string().nullable();

/** A user of a station, as this store knows them (a user this store has not seen yet is shown by id). */
export const StationUser = z.object({
  id: Id,
  role: Role,
  name: z.string().nullable(),
  displayName: z.string().nullable(),
  staffNo: z.string().nullable(),
});
export type StationUser = z.infer<typeof StationUser>;

export const StationEntry = z.object({
  id: Id,
  name: z.string(),
  replica: Replica,
  /** a station with an admin among its users: it may enroll, list and revoke */
  admin: z.boolean(),
  users: z.array(StationUser),
  enrolledAt: z.string(),
  lastSeenAt: Instant,
  /** changes on the hub this station has not pulled yet */
  pendingDown: z.number().int(),
  /** changes this station has not pushed yet: known for this computer only */
  pendingUp: z.number().int().nullable(),
  revokedAt: Instant,
  /** this computer */
  self: z.boolean(),
});
export type StationEntry = z.infer<typeof StationEntry>;

/** This computer as a station, from its own store (no request to the hub). */
export const ThisStation = z.object({
  connected: z.boolean(),
  stationId: Id.nullable(),
  stationName: z.string().nullable(),
  hubUrl: z.string().nullable(),
  fingerprint: z.string().nullable(),
  replica: Replica.nullable(),
  connectedAt: Instant,
  lastSyncAt: Instant,
  revokedAt: Instant,
});
export type ThisStation = z.infer<typeof ThisStation>;

export const Handover = z.object({
  caseId: Id,
  caseNo: z.string(),
  client: z.string(),
  fromUser: StationUser,
  toUser: StationUser,
  reassignedAt: z.string(),
  /** the old holder's stations that have not contacted the hub since (their changes may still be on their disk) */
  stations: z.array(z.object({ id: Id, name: z.string(), lastSeenAt: Instant })),
});
export type Handover = z.infer<typeof Handover>;

export const CollectorSync = z.object({
  user: StationUser,
  /** the latest contact of any of the collector's stations; null: none has synced yet */
  lastSyncAt: Instant,
  stations: z.array(z.object({ id: Id, name: z.string(), lastSeenAt: Instant, pendingDown: z.number().int(), revokedAt: Instant })),
  handoversPending: z.number().int(),
});
export type CollectorSync = z.infer<typeof CollectorSync>;

export const SyncOverview = z.object({
  connected: z.boolean(),
  /** null when the hub could not be asked (hubProblem says why); the handovers come from this store */
  collectors: z.array(CollectorSync).nullable(),
  handovers: z.array(Handover),
  /** the error code (or hubCode) when the station list could not be read */
  hubProblem: z.string().nullable(),
  /** when the list was read */
  readAt: z.string(),
});
export type SyncOverview = z.infer<typeof SyncOverview>;

export const stationMethods = {
  /** Admin: this store claims a fresh hub with the setup code the hub printed (CLI `hub connect`). */
  'hub.connect': method(
    z.object({ hubUrl: HubUrl, fingerprint: Fingerprint, setupCode: z.string().trim().min(1).max(64), stationName: StationName.optional() }).strict(),
    ThisStation,
    'admin',
  ),
  /**
   * First run, instead of setup: creates the store with a new passphrase by joining a hub with an enrollment code
   * (CLI `station join`), pulls what its users may hold, and opens it. Answers the status: open, nobody signed in —
   * the station's users then sign in with their own passwords. A join the hub refused leaves no database behind.
   */
  'hub.join': method(
    z.object({ hubUrl: HubUrl, fingerprint: Fingerprint, code: z.string().trim().min(1).max(80), passphrase: Passphrase, stationName: StationName.optional() }).strict(),
    AppStatus,
    'public',
  ),
  /** This computer as a station of a hub (from its own store). */
  'station.self': method(z.object({}).strict(), ThisStation, 'lead'),
  /** Admin: a one-time code (valid 7 days) for a new station of these users (CLI `station enroll`). Shown once. */
  'station.enroll': method(
    z.object({ userIds: z.array(Id).min(1).max(50), replica: Replica }).strict(),
    z.object({ code: z.string(), expiresAt: z.string() }),
    'admin',
  ),
  /** Admin: the agency's stations from the hub, with their users, last contact and pending changes (CLI `station list`). */
  'station.list': method(z.object({}).strict(), z.array(StationEntry), 'admin'),
  /** Admin: revokes a station; it wipes its cases at its next contact with the hub (CLI `station revoke`). */
  'station.revoke': method(z.object({ stationId: Id }).strict(), StationEntry, 'admin'),
  /** Lead: each collector's last sync and the handovers still pending, as this full replica knows them. */
  'station.syncOverview': method(z.object({}).strict(), SyncOverview, 'lead'),
} as const;
