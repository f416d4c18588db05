import { EventEmitter } from 'node:events';
import Database from 'better-sqlite3-multiple-ciphers';
import type { RouteAssignment } from '../../../shared/replication/api';
import { acksOf, planAppend } from './append-plan';
import { codeFromRow, pageOf, stationFromRow, userFromRow, type CodeRow, type StationRow } from './rows';
import { SQLITE_SCHEMA, SQLITE_SCHEMA_VERSION } from './sqlite-schema';
import { noticeOf, type AppendResult, type ClaimOutcome, type CommitNotice, type EnrollmentCodeRecord, type HubStore, type LogChange, type LogItem, type NewStation, type PullPage, type PullQuery, type RedeemOutcome, type StationRecord } from './types';

type Db = InstanceType<typeof Database>;

export class StoreOpenError extends Error {}

/**
 * The hub's embedded store: one SQLite file (not encrypted: it holds no personal data in the clear), served by one
 * hub process, which holds it locked. Writes run in IMMEDIATE transactions, so positions are assigned in commit
 * order by construction.
 */
export class SqliteHubStore implements HubStore {
  readonly kind = 'sqlite';
  private readonly events = new EventEmitter();

  private constructor(private readonly db: Db) {
    this.events.setMaxListeners(0);
  }

  static open(file: string): SqliteHubStore {
    const db = new Database(file);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 0');
      db.pragma('locking_mode = EXCLUSIVE');
      migrate(db, file);
    } catch (err) {
      db.close();
      if (String((err as { code?: string }).code).startsWith('SQLITE_BUSY')) throw new StoreOpenError(`The hub store ${file} is in use by another hub process: one hub serves a SQLite store (use PostgreSQL for several).`);
      throw err;
    }
    return new SqliteHubStore(db);
  }

  async close(): Promise<void> {
    this.events.removeAllListeners();
    this.db.close();
  }

  private meta(key: string): string | null {
    return (this.db.prepare('SELECT value FROM hub_meta WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
  }

  async agency(): Promise<{ agencyId: string; claimedAt: string } | null> {
    const agencyId = this.meta('agency_id');
    const claimedAt = this.meta('claimed_at');
    return agencyId && claimedAt ? { agencyId, claimedAt } : null;
  }

  async setupCode(candidate: string): Promise<string | null> {
    return this.db.transaction(() => {
      if (this.meta('agency_id')) return null;
      this.db.prepare(`INSERT OR IGNORE INTO hub_meta (key, value) VALUES ('setup_code', ?)`).run(candidate);
      return this.meta('setup_code');
    }).immediate();
  }

  async claim(input: { setupCode: string; agencyId: string; station: NewStation; now: string }): Promise<ClaimOutcome> {
    return this.db.transaction((): ClaimOutcome => {
      if (this.meta('agency_id')) return 'claimed';
      if (this.meta('setup_code') !== input.setupCode) return 'bad_code';
      if (this.stationRow(input.station.id)) return 'station_exists';
      this.insertStation(input.station, input.now);
      const put = this.db.prepare('INSERT OR REPLACE INTO hub_meta (key, value) VALUES (?, ?)');
      put.run('agency_id', input.agencyId);
      put.run('claimed_at', input.now);
      this.db.prepare(`DELETE FROM hub_meta WHERE key = 'setup_code'`).run();
      return 'ok';
    }).immediate();
  }

  private insertStation(s: NewStation, now: string): void {
    this.db
      .prepare('INSERT INTO stations (id, name, public_key, replica, admin, enrolled_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(s.id, s.name, s.publicKey, s.replica, s.users.some((u) => u.role === 'admin') ? 1 : 0, now);
    const addUser = this.db.prepare('INSERT INTO station_users (station_id, user_id, role) VALUES (?, ?, ?)');
    for (const u of s.users) addUser.run(s.id, u.id, u.role);
  }

  private stationRow(id: string): StationRow | undefined {
    return this.db.prepare('SELECT * FROM stations WHERE id = ?').get(id) as StationRow | undefined;
  }

  private usersOf(stationId: string): ReturnType<typeof userFromRow>[] {
    return (this.db.prepare('SELECT user_id, role FROM station_users WHERE station_id = ? ORDER BY user_id').all(stationId) as Array<{ user_id: string; role: string }>).map(userFromRow);
  }

  async station(id: string): Promise<StationRecord | null> {
    const row = this.stationRow(id);
    return row ? stationFromRow(row, this.usersOf(id)) : null;
  }

  async stations(): Promise<Array<StationRecord & { pending: number }>> {
    const rows = this.db.prepare('SELECT * FROM stations ORDER BY enrolled_at, id').all() as StationRow[];
    const head = this.headNow();
    return rows.map((row) => {
      const s = stationFromRow(row, this.usersOf(row.id));
      const pending = s.replica === 'full' ? head - s.cursor : this.visibleCount(s.cursor, head, s.users.map((u) => u.id));
      return { ...s, pending };
    });
  }

  async touchStation(id: string, now: string): Promise<void> {
    this.db.prepare('UPDATE stations SET last_seen_at = ? WHERE id = ?').run(now, id);
  }

  async revokeStation(id: string, now: string): Promise<StationRecord | null> {
    const changed = this.db.prepare('UPDATE stations SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?').run(now, id).changes;
    if (changed === 0) return null;
    this.events.emit('commit', { head: this.headNow(), keys: [], global: false, audience: [], revoked: id } satisfies CommitNotice);
    return this.station(id);
  }

  async addEnrollmentCode(c: EnrollmentCodeRecord): Promise<'ok' | 'duplicate'> {
    const r = this.db
      .prepare('INSERT OR IGNORE INTO enrollment_codes (id, verifier, wrapped_keys, users, replica, issued_by, issued_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(c.id, c.verifier, JSON.stringify(c.wrappedKeys), JSON.stringify(c.users), c.replica, c.issuedBy, c.issuedAt, c.expiresAt);
    return r.changes === 1 ? 'ok' : 'duplicate';
  }

  async enrollmentCode(id: string): Promise<EnrollmentCodeRecord | null> {
    const row = this.db.prepare('SELECT * FROM enrollment_codes WHERE id = ?').get(id) as CodeRow | undefined;
    return row ? codeFromRow(row) : null;
  }

  async redeemEnrollmentCode(input: { codeId: string; station: Omit<NewStation, 'replica' | 'users'>; now: string }): Promise<RedeemOutcome> {
    return this.db.transaction((): RedeemOutcome => {
      const row = this.db.prepare('SELECT * FROM enrollment_codes WHERE id = ?').get(input.codeId) as CodeRow | undefined;
      if (!row) return { kind: 'unknown' };
      const code = codeFromRow(row);
      if (code.usedAt) return { kind: 'used' };
      if (code.expiresAt <= input.now) {
        this.db.prepare('UPDATE enrollment_codes SET wrapped_keys = NULL WHERE id = ?').run(code.id);
        return { kind: 'expired' };
      }
      if (this.stationRow(input.station.id)) return { kind: 'station_exists' };
      this.insertStation({ ...input.station, replica: code.replica, users: code.users }, input.now);
      this.db.prepare('UPDATE enrollment_codes SET used_at = ?, used_by = ?, wrapped_keys = NULL WHERE id = ?').run(input.now, input.station.id, code.id);
      return { kind: 'ok', code };
    }).immediate();
  }

  async useNonce(stationId: string, nonce: string, expiresAtMs: number): Promise<boolean> {
    return this.db.prepare('INSERT OR IGNORE INTO nonces (station_id, nonce, expires_at) VALUES (?, ?, ?)').run(stationId, nonce, expiresAtMs).changes === 1;
  }

  async purgeNonces(nowMs: number): Promise<void> {
    this.db.prepare('DELETE FROM nonces WHERE expires_at < ?').run(nowMs);
  }

  private headNow(): number {
    return this.db.prepare('SELECT seq FROM hub_counter WHERE id = 1').pluck().get() as number;
  }

  async head(): Promise<number> {
    return this.headNow();
  }

  async append(stationId: string, changes: LogChange[], routes: RouteAssignment[], now: string): Promise<AppendResult> {
    let notice: CommitNotice | null = null;
    const result = this.db.transaction((): AppendResult => {
      const head0 = this.headNow();
      const maxHlc = this.db.prepare('SELECT max_hlc FROM stations WHERE id = ?').pluck().get(stationId) as string | null;
      const find = this.db.prepare('SELECT seq, body FROM log WHERE change_id = ?');
      const known = new Map<string, { seq: number; body: string }>();
      for (const c of changes) {
        const hit = find.get(c.changeId) as { seq: number; body: string } | undefined;
        if (hit) known.set(c.changeId, hit);
      }
      const plan = planAppend(changes, known, maxHlc);
      if (plan.kind !== 'ok') return plan;
      let seq = head0;
      const assigned = new Map<string, number>();
      const insert = this.db.prepare('INSERT INTO log (seq, kind, change_id, route_key, station_id, body, committed_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (const c of plan.fresh) {
        insert.run(++seq, 'change', c.changeId, c.routeKey, stationId, c.body, now);
        assigned.set(c.changeId, seq);
      }
      const routed: Array<{ key: string; seq: number }> = [];
      const audience = new Set<string>();
      const holders = this.db.prepare('SELECT user_id FROM route_users WHERE route_key = ?').pluck();
      const clear = this.db.prepare('DELETE FROM route_users WHERE route_key = ?');
      const hold = this.db.prepare('INSERT OR IGNORE INTO route_users (route_key, user_id) VALUES (?, ?)');
      const hear = this.db.prepare('INSERT OR IGNORE INTO route_audience (user_id, seq) VALUES (?, ?)');
      for (const r of routes) {
        const users = [...new Set(r.users)].sort();
        const before = holders.all(r.key) as string[];
        clear.run(r.key);
        for (const u of users) hold.run(r.key, u);
        insert.run(++seq, 'route', null, r.key, stationId, JSON.stringify({ key: r.key, users, station: stationId, at: now }), now);
        for (const u of new Set([...before, ...users])) {
          hear.run(u, seq);
          audience.add(u);
        }
        routed.push({ key: r.key, seq });
      }
      if (seq !== head0) this.db.prepare('UPDATE hub_counter SET seq = ? WHERE id = 1').run(seq);
      this.db.prepare('UPDATE stations SET max_hlc = ?, last_seen_at = ? WHERE id = ?').run(plan.maxHlc, now, stationId);
      if (seq !== head0) notice = noticeOf(seq, plan.fresh, routes, audience);
      return { kind: 'ok', acks: acksOf(changes, known, assigned), stored: plan.fresh.length, routes: routed, head: seq };
    }).immediate();
    if (notice) this.events.emit('commit', notice);
    return result;
  }

  async pull(q: PullQuery): Promise<PullPage> {
    const head = this.headNow();
    const upper = Math.max(q.after, Math.min(q.before ?? head, head));
    let items: LogItem[];
    if (q.routeKey !== undefined) {
      items = this.db
        .prepare(`SELECT seq, kind, body FROM log WHERE route_key = ? AND kind = 'change' AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?`)
        .all(q.routeKey, q.after, upper, q.limit) as LogItem[];
    } else if (q.full) {
      items = this.db.prepare('SELECT seq, kind, body FROM log WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?').all(q.after, upper, q.limit) as LogItem[];
    } else {
      items = this.db.prepare(`SELECT seq, kind, body FROM log WHERE seq IN (${VISIBLE_SEQS}) ORDER BY seq LIMIT @limit`).all({ after: q.after, upper, limit: q.limit, users: JSON.stringify(q.users) }) as LogItem[];
    }
    return pageOf(items, q.limit, upper, head);
  }

  private visibleCount(after: number, upper: number, users: string[]): number {
    return this.db.prepare(`SELECT count(*) FROM (${VISIBLE_SEQS})`).pluck().get({ after, upper, limit: -1, users: JSON.stringify(users) }) as number;
  }

  async holdsRoute(key: string, users: string[]): Promise<boolean> {
    return this.db.prepare('SELECT 1 FROM route_users WHERE route_key = ? AND user_id IN (SELECT value FROM json_each(?))').get(key, JSON.stringify(users)) !== undefined;
  }

  async usersOfRoutes(keys: string[]): Promise<string[]> {
    return this.db.prepare('SELECT DISTINCT user_id FROM route_users WHERE route_key IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(keys)) as string[];
  }

  async ack(stationId: string, cursor: number): Promise<{ kind: 'ok' | 'behind' | 'ahead'; cursor: number; head: number }> {
    return this.db.transaction(() => {
      const head = this.headNow();
      const stored = (this.db.prepare('SELECT cursor FROM stations WHERE id = ?').pluck().get(stationId) as number | undefined) ?? 0;
      if (cursor > head) return { kind: 'ahead' as const, cursor: stored, head };
      if (cursor < stored) return { kind: 'behind' as const, cursor: stored, head };
      this.db.prepare('UPDATE stations SET cursor = ? WHERE id = ?').run(cursor, stationId);
      return { kind: 'ok' as const, cursor, head };
    }).immediate();
  }

  onCommit(listener: (n: CommitNotice) => void): () => void {
    this.events.on('commit', listener);
    return () => this.events.off('commit', listener);
  }
}

/**
 * The positions a partial station may see between @after and @upper: records with no route, changes of the routes
 * its users (@users, a JSON array) hold, route changes they were named in. Each branch walks its own index.
 */
const VISIBLE_SEQS = `
  SELECT seq FROM (SELECT seq FROM log WHERE route_key IS NULL AND seq > @after AND seq <= @upper ORDER BY seq LIMIT @limit)
  UNION ALL
  SELECT seq FROM (SELECT seq FROM log WHERE kind = 'change' AND route_key IN (SELECT route_key FROM route_users WHERE user_id IN (SELECT value FROM json_each(@users)))
                     AND seq > @after AND seq <= @upper ORDER BY seq LIMIT @limit)
  UNION ALL
  SELECT seq FROM (SELECT DISTINCT seq FROM route_audience WHERE user_id IN (SELECT value FROM json_each(@users)) AND seq > @after AND seq <= @upper ORDER BY seq LIMIT @limit)`;

function migrate(db: Db, file: string): void {
  const has = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'hub_meta'`).get();
  if (!has) {
    db.transaction(() => {
      db.exec(SQLITE_SCHEMA);
      db.prepare(`INSERT INTO hub_meta (key, value) VALUES ('schema_version', ?)`).run(String(SQLITE_SCHEMA_VERSION));
    }).immediate();
    return;
  }
  const version = Number(db.prepare(`SELECT value FROM hub_meta WHERE key = 'schema_version'`).pluck().get());
  if (version > SQLITE_SCHEMA_VERSION) throw new StoreOpenError(`The hub store ${file} was written by a newer hub (schema ${version}; this hub knows ${SQLITE_SCHEMA_VERSION}): update the hub.`);
}
