import { HubUser, Replica } from '../../../shared/replication/api';
import { WrappedKey } from '../../../shared/replication/key-wrap';
import { z } from 'zod';
import type { EnrollmentCodeRecord, StationRecord } from './types';

/** Row ⇄ record converters shared by both stores (column values arrive as the driver gives them). */
export interface StationRow {
  id: string;
  name: string;
  public_key: string;
  replica: string;
  admin: number | boolean;
  enrolled_at: string | Date;
  last_seen_at: string | Date | null;
  cursor: number | string;
  max_hlc: string | null;
  revoked_at: string | Date | null;
}

export interface CodeRow {
  id: string;
  verifier: string;
  wrapped_keys: string | null;
  users: string;
  replica: string;
  issued_by: string;
  issued_at: string | Date;
  expires_at: string | Date;
  used_at: string | Date | null;
  used_by: string | null;
}

const instant = (v: string | Date): string => (v instanceof Date ? v.toISOString() : v);
const maybeInstant = (v: string | Date | null): string | null => (v === null ? null : instant(v));

export function stationFromRow(row: StationRow, users: HubUser[]): StationRecord {
  return {
    id: row.id,
    name: row.name,
    publicKey: row.public_key,
    replica: Replica.parse(row.replica),
    admin: row.admin === true || row.admin === 1,
    users,
    enrolledAt: instant(row.enrolled_at),
    lastSeenAt: maybeInstant(row.last_seen_at),
    cursor: Number(row.cursor),
    maxHlc: row.max_hlc,
    revokedAt: maybeInstant(row.revoked_at),
  };
}

export function codeFromRow(row: CodeRow): EnrollmentCodeRecord {
  return {
    id: row.id,
    verifier: row.verifier,
    wrappedKeys: row.wrapped_keys === null ? null : z.array(WrappedKey).parse(JSON.parse(row.wrapped_keys)),
    users: z.array(HubUser).parse(JSON.parse(row.users)),
    replica: Replica.parse(row.replica),
    issuedBy: row.issued_by,
    issuedAt: instant(row.issued_at),
    expiresAt: instant(row.expires_at),
    usedAt: maybeInstant(row.used_at),
    usedBy: row.used_by,
  };
}

export function userFromRow(row: { user_id: string; role: string }): HubUser {
  return HubUser.parse({ id: row.user_id, role: row.role });
}

/** The page's cursor: its last position when full, else everything up to `upper` was looked at. */
export function pageOf<T extends { seq: number }>(items: T[], limit: number, upper: number, head: number): { items: T[]; next: number; more: boolean; head: number } {
  const last = items[items.length - 1];
  if (items.length >= limit && last) return { items, next: last.seq, more: last.seq < upper, head };
  return { items, next: upper, more: false, head };
}
