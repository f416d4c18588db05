import Database from 'better-sqlite3-multiple-ciphers';
import type BetterSqlite3 from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { OutcomeItem, PullKind, PullPage, PushResponse } from '../../electron/core/sync/wire';

/**
 * The bank simulator's own store: an unencrypted SQLite file (DIR/bank-sim.db). It holds the feed the agency pulls
 * (placements, payments and recalls, in the order they were loaded), the outcomes the agency pushed (one row per
 * outbox id: a re-sent id is acknowledged again and counted as a duplicate, never stored twice), the nonces seen,
 * and counters of what happened (refusals, injected failures).
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS feed (seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, data TEXT NOT NULL, loaded_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS outcomes (
  id TEXT PRIMARY KEY, entity TEXT NOT NULL, entity_id TEXT NOT NULL, case_no TEXT, created_at TEXT NOT NULL, data TEXT NOT NULL,
  received_at TEXT NOT NULL, times INTEGER NOT NULL DEFAULT 1);
CREATE INDEX IF NOT EXISTS outcomes_entity ON outcomes(entity, entity_id);
CREATE TABLE IF NOT EXISTS nonces (key_id TEXT NOT NULL, nonce TEXT NOT NULL, seen_at INTEGER NOT NULL, PRIMARY KEY (key_id, nonce));
CREATE INDEX IF NOT EXISTS nonces_seen ON nonces(seen_at);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, n INTEGER NOT NULL);
`;

export interface BankStats {
  /** distinct activities, promises and plans (a plan's request and its decision are one plan) held */
  activities: number;
  promises: number;
  plans: number;
  paymentClaims: number;
  /** outcome items held (one per outbox id) */
  items: number;
  /** items received again after they were stored (acknowledged again, not stored) */
  duplicates: number;
  feed: { placements: number; payments: number; recalls: number };
  /** refusals, injected failures and dropped connections, by name */
  counters: Record<string, number>;
}

export const SIM_DB = 'bank-sim.db';

export class BankStore {
  readonly db: BetterSqlite3.Database;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, SIM_DB));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
  }

  close(): void {
    this.db.close();
  }

  count(name: string, by = 1): void {
    this.db.prepare('INSERT INTO counters (name, n) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET n = n + excluded.n').run(name, by);
  }

  /** Appends records to the feed, in order, in one transaction (any kind: a client skips those it does not know). */
  append(kind: PullKind | (string & {}), records: readonly Record<string, unknown>[], now = new Date().toISOString()): number {
    const st = this.db.prepare('INSERT INTO feed (kind, data, loaded_at) VALUES (?, ?, ?)');
    this.db.transaction(() => {
      for (const r of records) st.run(kind, JSON.stringify(r), now);
    })();
    return records.length;
  }

  /** The page after `since` (a feed sequence number as text; absent: from the start). */
  page(since: string | null, limit: number): PullPage {
    const after = since === null ? 0 : Number(since);
    const rows = this.db.prepare('SELECT seq, kind, data FROM feed WHERE seq > ? ORDER BY seq LIMIT ?').all(after, limit + 1) as { seq: number; kind: string; data: string }[];
    const records = rows.slice(0, limit).map((r) => ({ seq: r.seq, kind: r.kind, data: JSON.parse(r.data) as Record<string, unknown> }));
    return { records, cursor: String(records.at(-1)?.seq ?? after), more: rows.length > limit };
  }

  /** Stores pushed outcomes idempotently by id, in one transaction; the answer has one result per item. */
  receive(items: readonly OutcomeItem[], now = new Date().toISOString()): PushResponse {
    const insert = this.db.prepare('INSERT OR IGNORE INTO outcomes (id, entity, entity_id, case_no, created_at, data, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const again = this.db.prepare('UPDATE outcomes SET times = times + 1 WHERE id = ?');
    return this.db.transaction((): PushResponse => {
      const results: PushResponse['results'] = [];
      for (const item of items) {
        const caseNo = item.data.caseNo;
        if (typeof caseNo !== 'string' || caseNo === '') {
          results.push({ id: item.id, status: 'rejected', code: 'invalid', message: 'data.caseNo is missing' });
          continue;
        }
        if (insert.run(item.id, item.entity, item.entityId, caseNo, item.createdAt, JSON.stringify(item.data), now).changes === 1) {
          results.push({ id: item.id, status: 'accepted' });
        } else {
          again.run(item.id);
          results.push({ id: item.id, status: 'duplicate' });
        }
      }
      return { results };
    })();
  }

  /** Records a nonce; false when this key used it before (a replay). Nonces older than `keepMs` are forgotten. */
  useNonce(keyId: string, nonce: string, nowMs: number, keepMs: number): boolean {
    this.db.prepare('DELETE FROM nonces WHERE seen_at < ?').run(nowMs - keepMs);
    return this.db.prepare('INSERT OR IGNORE INTO nonces (key_id, nonce, seen_at) VALUES (?, ?, ?)').run(keyId, nonce, nowMs).changes === 1;
  }

  stats(): BankStats {
    const distinct = (entity: string): number => this.db.prepare('SELECT count(DISTINCT entity_id) FROM outcomes WHERE entity = ?').pluck().get(entity) as number;
    const feed = (kind: string): number => this.db.prepare('SELECT count(*) FROM feed WHERE kind = ?').pluck().get(kind) as number;
    const totals = this.db.prepare('SELECT count(*) AS items, coalesce(sum(times - 1), 0) AS duplicates FROM outcomes').get() as { items: number; duplicates: number };
    const counters = Object.fromEntries((this.db.prepare('SELECT name, n FROM counters ORDER BY name').all() as { name: string; n: number }[]).map((c) => [c.name, c.n]));
    return {
      activities: distinct('activity'),
      promises: distinct('promise'),
      plans: distinct('plan'),
      paymentClaims: distinct('payment_claim'),
      ...totals,
      feed: { placements: feed('placement'), payments: feed('payment'), recalls: feed('recall') },
      counters,
    };
  }
}
