import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { RouteAssignment } from '../../../shared/replication/api';
import { acksOf, planAppend } from './append-plan';
import { planRoutes, writeRoutes, type LogRows } from './pg-routes';
import { PG_MIGRATIONS, PG_SCHEMA_NAME, PG_SCHEMA_VERSION, PG_TABLES, PG_VISIBLE_SEQS, DEFAULT_PG_SCHEMA } from './pg-schema';
import { codeFromRow, pageOf, stationFromRow, userFromRow, type CodeRow, type StationRow } from './rows';
import { StoreOpenError } from './sqlite-store';
import { noticeOf, type AppendResult, type ClaimOutcome, type CommitNotice, type EnrollmentCodeRecord, type HubStore, type LogChange, type LogItem, type NewStation, type PullPage, type PullQuery, type RedeemOutcome, type StationRecord } from './types';

export interface PgStoreOptions {
  url: string;
  schema?: string;
  /** connections in this process's pool */
  poolSize?: number;
  /** tests: runs inside the append transaction just before it commits */
  beforeCommit?: () => Promise<void>;
}

const INT8 = 20;
const types = { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) };
/** NOTIFY payloads stay well under PostgreSQL's 8000 bytes */
const MAX_NOTICE_BYTES = 7000;

type Tx = pg.PoolClient;

/** Ends the append transaction with a rollback and this answer. */
class Refused extends Error {
  constructor(readonly result: AppendResult) {
    super(result.kind);
  }
}

/**
 * The hub's store on PostgreSQL, for a large agency: several hub processes may share the database. A push takes
 * the single-row counter `hub_counter` FOR UPDATE before it looks for duplicates and numbers its records, and
 * holds that row lock until it commits: pushes are serialised on it, so positions are gap-free and in commit order
 * (a reader never sees position n+1 before n). Commits are announced with NOTIFY to every hub process.
 */
export class PgHubStore implements HubStore {
  readonly kind = 'postgres';
  private readonly events = new EventEmitter();
  private listener: pg.Client | null = null;
  private closed = false;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly opts: PgStoreOptions & { schema: string },
    private readonly channel: string,
  ) {
    this.events.setMaxListeners(0);
  }

  static async open(opts: PgStoreOptions): Promise<PgHubStore> {
    const schema = opts.schema ?? DEFAULT_PG_SCHEMA;
    if (!PG_SCHEMA_NAME.test(schema)) throw new StoreOpenError(`"${schema}" is not a usable schema name (lower-case letters, digits and _).`);
    const connection = { connectionString: opts.url, options: `-c search_path=${schema}`, types };
    const pool = new pg.Pool({ ...connection, max: opts.poolSize ?? 8 });
    pool.on('error', () => undefined);
    const store = new PgHubStore(pool, { ...opts, schema }, `${schema}_events`);
    try {
      await store.migrate();
      await store.listen(connection);
    } catch (err) {
      await store.close();
      throw err;
    }
    return store;
  }

  private async migrate(): Promise<void> {
    const c = await this.pool.connect();
    try {
      await c.query('SELECT pg_advisory_lock(hashtext($1))', [`collectdesk-hub-migrate:${this.opts.schema}`]);
      await c.query(`CREATE SCHEMA IF NOT EXISTS ${this.opts.schema}`);
      const exists = await c.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'hub_meta'`, [this.opts.schema]);
      if (exists.rowCount === 0) {
        await c.query('BEGIN');
        await c.query(PG_TABLES);
        await c.query(`INSERT INTO hub_meta (key, value) VALUES ('schema_version', $1)`, [String(PG_SCHEMA_VERSION)]);
        await c.query('COMMIT');
      } else {
        const v = Number((await c.query(`SELECT value FROM hub_meta WHERE key = 'schema_version'`)).rows[0]?.value);
        if (v > PG_SCHEMA_VERSION) throw new StoreOpenError(`The hub schema ${this.opts.schema} was written by a newer hub (schema ${v}; this hub knows ${PG_SCHEMA_VERSION}): update the hub.`);
        for (let next = v + 1; next <= PG_SCHEMA_VERSION; next++) {
          try {
            await c.query('BEGIN');
            await c.query(PG_MIGRATIONS[next] ?? '');
            await c.query(`UPDATE hub_meta SET value = $1 WHERE key = 'schema_version'`, [String(next)]);
            await c.query('COMMIT');
          } catch (err) {
            await c.query('ROLLBACK').catch(() => undefined);
            throw err;
          }
        }
      }
    } finally {
      await c.query('SELECT pg_advisory_unlock(hashtext($1))', [`collectdesk-hub-migrate:${this.opts.schema}`]).catch(() => undefined);
      c.release();
    }
  }

  private async listen(connection: pg.ClientConfig): Promise<void> {
    const client = new pg.Client(connection);
    client.on('notification', (m) => {
      if (m.channel !== this.channel || !m.payload) return;
      try {
        this.events.emit('commit', JSON.parse(m.payload) as CommitNotice);
      } catch {
        // a payload from another version: ignore it
      }
    });
    client.on('error', () => {
      if (this.closed) return;
      this.listener = null;
      setTimeout(() => void this.listen(connection).catch(() => undefined), 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${this.channel}`);
    this.listener = client;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.events.removeAllListeners();
    await this.listener?.end().catch(() => undefined);
    await this.pool.end();
  }

  private async tx<T>(work: (c: Tx) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const out = await work(c);
      await c.query('COMMIT');
      return out;
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      c.release();
    }
  }

  private async meta(c: pg.ClientBase | pg.Pool, key: string): Promise<string | null> {
    return ((await c.query('SELECT value FROM hub_meta WHERE key = $1', [key])).rows[0]?.value as string | undefined) ?? null;
  }

  async agency(): Promise<{ agencyId: string; claimedAt: string } | null> {
    const agencyId = await this.meta(this.pool, 'agency_id');
    const claimedAt = await this.meta(this.pool, 'claimed_at');
    return agencyId && claimedAt ? { agencyId, claimedAt } : null;
  }

  async setupCode(candidate: string): Promise<string | null> {
    return this.tx(async (c) => {
      await c.query('LOCK TABLE hub_meta IN SHARE ROW EXCLUSIVE MODE');
      if (await this.meta(c, 'agency_id')) return null;
      await c.query(`INSERT INTO hub_meta (key, value) VALUES ('setup_code', $1) ON CONFLICT (key) DO NOTHING`, [candidate]);
      return this.meta(c, 'setup_code');
    });
  }

  async claim(input: { setupCode: string; agencyId: string; station: NewStation; now: string }): Promise<ClaimOutcome> {
    return this.tx(async (c) => {
      await c.query('LOCK TABLE hub_meta IN SHARE ROW EXCLUSIVE MODE');
      if (await this.meta(c, 'agency_id')) return 'claimed';
      if ((await this.meta(c, 'setup_code')) !== input.setupCode) return 'bad_code';
      if (!(await this.insertStation(c, input.station, input.now))) return 'station_exists';
      await c.query(`INSERT INTO hub_meta (key, value) VALUES ('agency_id', $1), ('claimed_at', $2)`, [input.agencyId, input.now]);
      await c.query(`DELETE FROM hub_meta WHERE key = 'setup_code'`);
      return 'ok';
    });
  }

  private async insertStation(c: Tx, s: NewStation, now: string): Promise<boolean> {
    const r = await c.query('INSERT INTO stations (id, name, public_key, replica, admin, enrolled_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING', [
      s.id,
      s.name,
      s.publicKey,
      s.replica,
      s.users.some((u) => u.role === 'admin'),
      now,
    ]);
    if (r.rowCount === 0) return false;
    await c.query('INSERT INTO station_users (station_id, user_id, role) SELECT $1, * FROM unnest($2::uuid[], $3::text[])', [s.id, s.users.map((u) => u.id), s.users.map((u) => u.role)]);
    return true;
  }

  private async usersOf(ids: string[]): Promise<Map<string, ReturnType<typeof userFromRow>[]>> {
    const rows = (await this.pool.query('SELECT station_id, user_id, role FROM station_users WHERE station_id = ANY ($1::uuid[]) ORDER BY user_id', [ids])).rows as Array<{ station_id: string; user_id: string; role: string }>;
    const out = new Map<string, ReturnType<typeof userFromRow>[]>(ids.map((id) => [id, []]));
    for (const r of rows) out.get(r.station_id)?.push(userFromRow(r));
    return out;
  }

  async station(id: string): Promise<StationRecord | null> {
    const row = (await this.pool.query('SELECT * FROM stations WHERE id = $1', [id])).rows[0] as StationRow | undefined;
    return row ? stationFromRow(row, (await this.usersOf([id])).get(id) ?? []) : null;
  }

  async stations(): Promise<Array<StationRecord & { pending: number }>> {
    const rows = (await this.pool.query('SELECT * FROM stations ORDER BY enrolled_at, id')).rows as StationRow[];
    const users = await this.usersOf(rows.map((r) => r.id));
    const head = await this.head();
    const out: Array<StationRecord & { pending: number }> = [];
    for (const row of rows) {
      const s = stationFromRow(row, users.get(row.id) ?? []);
      const pending =
        s.replica === 'full' ? head - s.cursor : ((await this.pool.query(`SELECT count(*) AS n FROM (${PG_VISIBLE_SEQS}) v`, [s.cursor, head, null, s.users.map((u) => u.id)])).rows[0].n as number);
      out.push({ ...s, pending });
    }
    return out;
  }

  async touchStation(id: string, now: string): Promise<void> {
    await this.pool.query('UPDATE stations SET last_seen_at = $1 WHERE id = $2', [now, id]);
  }

  async revokeStation(id: string, now: string): Promise<StationRecord | null> {
    const r = await this.pool.query('UPDATE stations SET revoked_at = coalesce(revoked_at, $1) WHERE id = $2', [now, id]);
    if (r.rowCount === 0) return null;
    const notice: CommitNotice = { head: await this.head(), keys: [], global: false, audience: [], revoked: id };
    await this.pool.query('SELECT pg_notify($1, $2)', [this.channel, JSON.stringify(notice)]);
    return this.station(id);
  }

  async addEnrollmentCode(c: EnrollmentCodeRecord): Promise<'ok' | 'duplicate'> {
    const r = await this.pool.query(
      'INSERT INTO enrollment_codes (id, verifier, wrapped_keys, users, replica, issued_by, issued_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING',
      [c.id, c.verifier, JSON.stringify(c.wrappedKeys), JSON.stringify(c.users), c.replica, c.issuedBy, c.issuedAt, c.expiresAt],
    );
    return r.rowCount === 1 ? 'ok' : 'duplicate';
  }

  async enrollmentCode(id: string): Promise<EnrollmentCodeRecord | null> {
    const row = (await this.pool.query('SELECT * FROM enrollment_codes WHERE id = $1', [id])).rows[0] as CodeRow | undefined;
    return row ? codeFromRow(row) : null;
  }

  async redeemEnrollmentCode(input: { codeId: string; station: Omit<NewStation, 'replica' | 'users'>; now: string }): Promise<RedeemOutcome> {
    return this.tx(async (c): Promise<RedeemOutcome> => {
      const row = (await c.query('SELECT * FROM enrollment_codes WHERE id = $1 FOR UPDATE', [input.codeId])).rows[0] as CodeRow | undefined;
      if (!row) return { kind: 'unknown' };
      const code = codeFromRow(row);
      if (code.usedAt) return { kind: 'used' };
      if (code.expiresAt <= input.now) {
        await c.query('UPDATE enrollment_codes SET wrapped_keys = NULL WHERE id = $1', [code.id]);
        return { kind: 'expired' };
      }
      if (!(await this.insertStation(c, { ...input.station, replica: code.replica, users: code.users }, input.now))) return { kind: 'station_exists' };
      await c.query('UPDATE enrollment_codes SET used_at = $1, used_by = $2, wrapped_keys = NULL WHERE id = $3', [input.now, input.station.id, code.id]);
      return { kind: 'ok', code };
    });
  }

  async useNonce(stationId: string, nonce: string, expiresAtMs: number): Promise<boolean> {
    const r = await this.pool.query('INSERT INTO nonces (station_id, nonce, expires_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [stationId, nonce, expiresAtMs]);
    return r.rowCount === 1;
  }

  async purgeNonces(nowMs: number): Promise<void> {
    await this.pool.query('DELETE FROM nonces WHERE expires_at < $1', [nowMs]);
  }

  async head(): Promise<number> {
    return (await this.pool.query('SELECT seq FROM hub_counter WHERE id = 1')).rows[0].seq as number;
  }

  async append(stationId: string, changes: LogChange[], routes: RouteAssignment[], now: string): Promise<AppendResult> {
    try {
      return await this.appendTx(stationId, changes, routes, now);
    } catch (err) {
      if (err instanceof Refused) return err.result;
      throw err;
    }
  }

  private appendTx(stationId: string, changes: LogChange[], routes: RouteAssignment[], now: string): Promise<AppendResult> {
    return this.tx(async (c): Promise<AppendResult> => {
      // The counter row lock serialises appends until this transaction commits: see the class comment.
      const head0 = (await c.query('SELECT seq FROM hub_counter WHERE id = 1 FOR UPDATE')).rows[0].seq as number;
      const maxHlc = ((await c.query('SELECT max_hlc FROM stations WHERE id = $1', [stationId])).rows[0]?.max_hlc as string | null | undefined) ?? null;
      const known = new Map<string, { seq: number; body: string }>();
      if (changes.length > 0) {
        const hits = await c.query('SELECT change_id, seq, body FROM log WHERE change_id = ANY ($1::uuid[])', [changes.map((x) => x.changeId)]);
        for (const h of hits.rows as Array<{ change_id: string; seq: number; body: string }>) known.set(h.change_id, { seq: h.seq, body: h.body });
      }
      const plan = planAppend(changes, known, maxHlc);
      if (plan.kind !== 'ok') throw new Refused(plan);
      let seq = head0;
      const assigned = new Map<string, number>();
      const rows: LogRows = { seq: [], kind: [], changeId: [], routeKey: [], body: [] };
      for (const x of plan.fresh) {
        assigned.set(x.changeId, ++seq);
        rows.seq.push(seq);
        rows.kind.push('change');
        rows.changeId.push(x.changeId);
        rows.routeKey.push(x.routeKey);
        rows.body.push(x.body);
      }
      const { routed, audience, holders } = await planRoutes(c, routes, stationId, now, () => ++seq, rows);
      if (rows.seq.length > 0) {
        await c.query(
          `INSERT INTO log (seq, kind, change_id, route_key, station_id, body, committed_at)
           SELECT s, k, ch, rk, $6, b, $7 FROM unnest($1::bigint[], $2::text[], $3::uuid[], $4::text[], $5::text[]) AS t (s, k, ch, rk, b)`,
          [rows.seq, rows.kind, rows.changeId, rows.routeKey, rows.body, stationId, now],
        );
      }
      if (routes.length > 0) await writeRoutes(c, holders, audience);
      if (seq !== head0) await c.query('UPDATE hub_counter SET seq = $1 WHERE id = 1', [seq]);
      await c.query('UPDATE stations SET max_hlc = $1, last_seen_at = $2 WHERE id = $3', [plan.maxHlc, now, stationId]);
      if (seq !== head0) {
        const aud = new Set<string>();
        for (const users of audience.values()) for (const u of users) aud.add(u);
        let notice = JSON.stringify(noticeOf(seq, plan.fresh, routes, aud));
        if (notice.length > MAX_NOTICE_BYTES) notice = JSON.stringify({ head: seq, keys: 'all', global: true, audience: [] } satisfies CommitNotice);
        await c.query('SELECT pg_notify($1, $2)', [this.channel, notice]);
      }
      await this.opts.beforeCommit?.();
      return { kind: 'ok', acks: acksOf(changes, known, assigned), stored: plan.fresh.length, routes: routed, head: seq };
    });
  }

  async pull(q: PullQuery): Promise<PullPage> {
    const head = await this.head();
    const upper = Math.max(q.after, Math.min(q.before ?? head, head));
    let sql: string;
    let params: unknown[];
    if (q.routeKey !== undefined) {
      sql = `SELECT seq, kind, body FROM log WHERE route_key = $4 AND kind = 'change' AND seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3`;
      params = [q.after, upper, q.limit, q.routeKey];
    } else if (q.full) {
      sql = 'SELECT seq, kind, body FROM log WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3';
      params = [q.after, upper, q.limit];
    } else {
      sql = `SELECT seq, kind, body FROM log WHERE seq IN (${PG_VISIBLE_SEQS}) ORDER BY seq LIMIT $3`;
      params = [q.after, upper, q.limit, q.users];
    }
    const items = (await this.pool.query(sql, params)).rows as LogItem[];
    return pageOf(items, q.limit, upper, head);
  }

  async holdsRoute(key: string, users: string[]): Promise<boolean> {
    return ((await this.pool.query('SELECT 1 FROM route_users WHERE route_key = $1 AND user_id = ANY ($2::uuid[]) LIMIT 1', [key, users])).rowCount ?? 0) > 0;
  }

  async usersOfRoutes(keys: string[]): Promise<string[]> {
    return (await this.pool.query('SELECT DISTINCT user_id FROM route_users WHERE route_key = ANY ($1::text[])', [keys])).rows.map((r: { user_id: string }) => r.user_id);
  }

  async ack(stationId: string, cursor: number): Promise<{ kind: 'ok' | 'behind' | 'ahead'; cursor: number; head: number }> {
    return this.tx(async (c) => {
      const head = (await c.query('SELECT seq FROM hub_counter WHERE id = 1')).rows[0].seq as number;
      const stored = ((await c.query('SELECT cursor FROM stations WHERE id = $1 FOR UPDATE', [stationId])).rows[0]?.cursor as number | undefined) ?? 0;
      if (cursor > head) return { kind: 'ahead' as const, cursor: stored, head };
      if (cursor < stored) return { kind: 'behind' as const, cursor: stored, head };
      await c.query('UPDATE stations SET cursor = $1 WHERE id = $2', [cursor, stationId]);
      return { kind: 'ok' as const, cursor, head };
    });
  }

  onCommit(listener: (n: CommitNotice) => void): () => void {
    this.events.on('commit', listener);
    return () => this.events.off('commit', listener);
  }
}
