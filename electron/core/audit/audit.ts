import { createHash } from 'node:crypto';
import { uuidv7 } from '../../../shared/domain/ids';
import type { Db } from '../db/open';

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

interface AuditRow {
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

function rowHash(r: Omit<AuditRow, 'hash'>): string {
  const canonical = JSON.stringify([r.seq, r.id, r.at, r.actor_id, r.via, r.action, r.entity, r.entity_id, r.details, r.prev_hash]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Appends one event, chained to the previous one. Call inside the transaction of the change it records. */
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
  db.prepare(
    `INSERT INTO audit_events (seq, id, at, actor_id, via, action, entity, entity_id, details, prev_hash, hash)
     VALUES (@seq, @id, @at, @actor_id, @via, @action, @entity, @entity_id, @details, @prev_hash, @hash)`,
  ).run({ ...row, hash: rowHash(row) });
}

export interface ChainCheck {
  intact: boolean;
  events: number;
  firstBrokenSeq: number | null;
  reason: string | null;
}

/** Walks the chain from the first row; names the first row whose link or content does not hold. */
export function verifyAudit(db: Db): ChainCheck {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let events = 0;
  for (const r of db.prepare('SELECT * FROM audit_events ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    events++;
    const broken = (reason: string): ChainCheck => ({ intact: false, events, firstBrokenSeq: r.seq, reason });
    if (r.seq !== expectedSeq) return broken(`row ${expectedSeq} is missing`);
    if (r.prev_hash !== prev) return broken('its link to the previous row does not match');
    if (rowHash(r) !== r.hash) return broken('its content does not match its hash');
    prev = r.hash;
    expectedSeq++;
  }
  return { intact: true, events, firstBrokenSeq: null, reason: null };
}
