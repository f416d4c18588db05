// The hub benchmark's PostgreSQL log of N records, kept across runs in a schema of its own (hub_bench_log_<N>).
// Seeding: the hub makes its tables, the log's indexes are dropped, the records go in with INSERT … SELECT over
// generate_series (two connections at once), and the indexes are built once at the end. Change ids are UUIDv7
// made in log order, so the change-id index grows at its right edge as a real hub's does.
// A later run reuses the schema when it holds the N seeded records (the records pushed by a run are deleted and the
// stations, codes and routes forgotten, so every run starts from the same log).
import pg from 'pg';
import { PgHubStore } from '../../electron/hub/store/pg-store';

/** the author of every seeded record (a station and user that are never enrolled: the log is history) */
export const SEED_STATION = '0190a1b2-c3d4-7e5f-8000-00000000000a';
export const SEED_USER = '0190a1b2-c3d4-7e5f-8000-00000000000b';
const CHUNK = 500_000;
const WORKERS = 2;

export interface SeededLog {
  schema: string;
  records: number;
  cases: number;
  /** ms spent seeding; null when an earlier run's log was reused */
  seedMs: number | null;
  bytes: number;
}

const client = async (url: string, schema: string): Promise<pg.Client> => {
  const c = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await c.connect();
  return c;
};

async function seededCount(url: string, schema: string): Promise<number> {
  const c = await client(url, schema);
  try {
    const r = await c.query(`SELECT value FROM hub_meta WHERE key = 'bench_records'`);
    return Number(r.rows[0]?.value ?? 0);
  } catch {
    return 0;
  } finally {
    await c.end();
  }
}

/** Puts the kept schema back as it was right after seeding. */
async function reset(url: string, schema: string, n: number): Promise<void> {
  const c = await client(url, schema);
  try {
    await c.query('BEGIN');
    await c.query('DELETE FROM log WHERE seq > $1', [n]);
    await c.query('UPDATE hub_counter SET seq = $1', [n]);
    for (const t of ['nonces', 'route_audience', 'route_users', 'enrollment_codes', 'station_users', 'stations']) await c.query(`DELETE FROM ${t}`);
    await c.query(`DELETE FROM hub_meta WHERE key IN ('agency_id', 'claimed_at', 'setup_code')`);
    await c.query('COMMIT');
  } finally {
    await c.end();
  }
}

const INSERT = (cases: number): string => `
  INSERT INTO log (seq, kind, change_id, route_key, station_id, body, committed_at)
  SELECT g, 'change', x.cid, x.rk, '${SEED_STATION}'::uuid, json_build_object(
      'changeId', x.cid, 'entity', 'activity', 'id', x.rid, 'op', 'upsert',
      'fields', json_build_object('result', 'NO_ANSWER', 'channel', 'call', 'durationS', g % 300,
        'notes', json_build_object('k', 'dkBENCH0000', 'iv', 'AAAAAAAAAAAAAAAA', 'ct', x.m || md5(x.m) || x.r || md5(x.r))),
      'hlc', x.ts, 'station', '${SEED_STATION}', 'user', '${SEED_USER}', 'schemaVersion', 1, 'routeKey', x.rk)::text,
    timestamptz '2026-01-01' + g * interval '10 ms'
  FROM generate_series($1::bigint, $2::bigint) g,
  LATERAL (SELECT md5(g::text) AS m, md5('r' || g) AS r, lpad(to_hex(1767225600000 + g * 10), 12, '0') AS h, 'case-' || (g % ${cases}) AS rk,
                  to_char((timestamptz '2026-01-01' + g * interval '10 ms') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '-0000-0190A1B2C3D4E5F6' AS ts) y,
  LATERAL (SELECT (substr(y.h, 1, 8) || '-' || substr(y.h, 9, 4) || '-7' || substr(y.m, 1, 3) || '-8' || substr(y.m, 4, 3) || '-' || substr(y.m, 7, 12))::uuid AS cid,
                  (substr(y.h, 1, 8) || '-' || substr(y.h, 9, 4) || '-7' || substr(y.r, 1, 3) || '-9' || substr(y.r, 4, 3) || '-' || substr(y.r, 7, 12))::uuid AS rid,
                  y.m, y.r, y.rk, y.ts) x`;

async function seed(url: string, schema: string, n: number, cases: number, say: (line: string) => void): Promise<number> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
  await (await PgHubStore.open({ url, schema, poolSize: 1 })).close();
  const t0 = performance.now();
  const c = await client(url, schema);
  // the log's indexes as the hub made them, dropped now and built again once the records are in
  const constraints = (await c.query(`SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'log'::regclass AND contype IN ('p', 'u')`)).rows as { conname: string; def: string }[];
  const indexes = (await c.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = 'log' AND indexname <> ALL ($2::text[])`, [schema, constraints.map((x) => x.conname)])).rows as {
    indexname: string;
    indexdef: string;
  }[];
  for (const x of constraints) await c.query(`ALTER TABLE log DROP CONSTRAINT ${x.conname}`);
  for (const x of indexes) await c.query(`DROP INDEX ${x.indexname}`);
  const chunks: [number, number][] = [];
  for (let from = 1; from <= n; from += CHUNK) chunks.push([from, Math.min(n, from + CHUNK - 1)]);
  let done = 0;
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      const w = await client(url, schema);
      await w.query('SET synchronous_commit = off');
      try {
        for (let next = chunks.shift(); next; next = chunks.shift()) {
          await w.query(INSERT(cases), next);
          done += next[1] - next[0] + 1;
          say(`    … ${done.toLocaleString('en')} records, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
        }
      } finally {
        await w.end();
      }
    }),
  );
  const t1 = performance.now();
  await c.query(`SET maintenance_work_mem = '1GB'`);
  for (const x of constraints) await c.query(`ALTER TABLE log ADD CONSTRAINT ${x.conname} ${x.def}`);
  for (const x of indexes) await c.query(x.indexdef);
  say(`    … indexes built in ${((performance.now() - t1) / 1000).toFixed(0)} s`);
  await c.query('UPDATE hub_counter SET seq = $1', [n]);
  await c.query('VACUUM ANALYZE log');
  await c.query(`INSERT INTO hub_meta (key, value) VALUES ('bench_records', $1)`, [String(n)]);
  await c.end();
  return performance.now() - t0;
}

/** The kept log of n records (seeded now, or reused), reset to the state right after seeding. */
export async function seededLog(url: string, n: number, say: (line: string) => void): Promise<SeededLog> {
  const schema = `hub_bench_log_${n}`;
  const cases = Math.max(1, Math.floor(n / 10));
  let seedMs: number | null = null;
  if ((await seededCount(url, schema)) !== n) seedMs = await seed(url, schema, n, cases, say);
  await reset(url, schema, n);
  const c = await client(url, schema);
  const bytes = Number((await c.query(`SELECT pg_total_relation_size('log') AS b`)).rows[0].b);
  await c.end();
  return { schema, records: n, cases, seedMs, bytes };
}
