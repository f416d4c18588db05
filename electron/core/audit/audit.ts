import { createHash } from 'node:crypto';
import { uuidv7 } from '../../../shared/domain/ids';
import type { Db } from '../db/open';
import { rowSeal, sealKeyOf } from './seal';

/** Where an action came from. */
export type Via = 'ui' | 'cli' | 'web' | 'sync' | 'system';

export interface AuditInput {
  actorId: string | null;
  via: Via;
  action: string;
  entity?: string;
  entityId?: string;
  /** ids and field names only: never personal data */
  details?: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRow {
  seq: number;
  id: string;
  at: string;
  actor_id: string | null;
  via: string;
  action: string;
  entity: string | null;
  entity_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

export function rowHash(r: Omit<AuditRow, 'hash'>): string {
  const canonical = JSON.stringify([r.seq, r.id, r.at, r.actor_id, r.via, r.action, r.entity, r.entity_id, r.details, r.prev_hash]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Appends one event, chained to the previous one and sealed (audit_seals: an HMAC of its hash under the audit seal
 * key, seal.ts). Call inside the transaction of the change it records.
 */
export function appendAudit(db: Db, e: AuditInput, at: string): void {
  const last = db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  const row = {
    seq: (last?.seq ?? 0) + 1,
    id: uuidv7(Date.parse(at)),
    at,
    actor_id: e.actorId,
    via: e.via,
    action: e.action,
    entity: e.entity ?? null,
    entity_id: e.entityId ?? null,
    details: JSON.stringify(e.details ?? {}),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const hash = rowHash(row);
  db.prepare(
    `INSERT INTO audit_events (seq, id, at, actor_id, via, action, entity, entity_id, details, prev_hash, hash)
     VALUES (@seq, @id, @at, @actor_id, @via, @action, @entity, @entity_id, @details, @prev_hash, @hash)`,
  ).run({ ...row, hash });
  db.prepare('INSERT INTO audit_seals (seq, mac) VALUES (?, ?)').run(row.seq, rowSeal(sealKeyOf(db), row.seq, hash));
}
