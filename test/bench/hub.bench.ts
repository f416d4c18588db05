// Agency hub speed (DESIGN.md, "The agency hub"). Numbers only, never a check. `npm run bench -- hub`.
//   (a) seeding a PostgreSQL log of N records (BENCH_HUB_RECORDS, default 1,000,000; 10 per case), straight in SQL
//   (b) one pull page of 500 from that log: the store's query alone, and the whole request over HTTPS (signed,
//       answered, and checked against the contract) — for a full replica at the start, middle and end of the log,
//       and for a collector's station holding 500 of the cases
//   (c) push throughput over HTTPS, 500 sealed records a push: one station, then four at once; and on SQLite
// The PostgreSQL is HUB_BENCH_PG_URL (else the tests' one); the bench works in its own schema and drops it.
import pg from 'pg';
import { sealFields, type ChangeRecord } from '../../shared/replication/change';
import { importDataKey } from '../../shared/replication/sealed-value';
import { HUB_PATHS } from '../../shared/replication/api';
import { utf8 } from '../../shared/replication/bytes';
import { change, claimedHub, cleanupTemp, closeStations, enroll, user, type StoreKind, type TestStation, type TestHub } from '../hub/harness';
import { dropSchemas, PG_URL } from '../hub/pg';

const N = Number(process.env.BENCH_HUB_RECORDS ?? 1_000_000);
const URL = process.env.HUB_BENCH_PG_URL ?? PG_URL;
process.env.HUB_TEST_PG_URL = URL;
const CASES = Math.max(1, Math.floor(N / 10));
const PAGE = 500;
const secs = (ms: number): string => (ms / 1000).toFixed(2);

function stats(samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms`;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const out = await fn();
  return [out, performance.now() - t0];
}

async function seed(schema: string, lead: TestStation): Promise<number> {
  const c = new pg.Client({ connectionString: URL, options: `-c search_path=${schema}` });
  await c.connect();
  const CHUNK = 250_000;
  const t0 = performance.now();
  for (let from = 1; from <= N; from += CHUNK) {
    const to = Math.min(N, from + CHUNK - 1);
    await c.query(
      `INSERT INTO log (seq, kind, change_id, route_key, station_id, body, committed_at)
       SELECT g, 'change', x.cid, x.rk, $3::uuid, json_build_object(
           'changeId', x.cid, 'entity', 'activity', 'id', x.rid, 'op', 'upsert',
           'fields', json_build_object('result', 'NO_ANSWER', 'channel', 'call', 'durationS', g % 300,
             'notes', json_build_object('k', 'dkBENCH0000', 'iv', 'AAAAAAAAAAAAAAAA', 'ct', md5(g::text) || md5((g + 1)::text) || md5((g + 2)::text) || md5((g + 3)::text))),
           'hlc', to_char((timestamptz '2026-01-01' + g * interval '10 ms') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '-0000-0190A1B2C3D4E5F6',
           'station', $3::text, 'user', $4::text, 'schemaVersion', 1, 'routeKey', x.rk)::text, now()
       FROM generate_series($1::bigint, $2::bigint) g,
       LATERAL (SELECT overlay(gen_random_uuid()::text placing '7' from 15 for 1)::uuid AS cid,
                       overlay(gen_random_uuid()::text placing '7' from 15 for 1)::uuid AS rid,
                       'case-' || (g % ${CASES}) AS rk) x`,
      [from, to, lead.id, lead.users[0]?.id],
    );
    process.stdout.write(`    … ${to.toLocaleString('en')} records, ${secs(performance.now() - t0)} s\n`);
  }
  await c.query('UPDATE hub_counter SET seq = $1', [N]);
  await c.query('ANALYZE');
  const size = (await c.query(`SELECT pg_total_relation_size('log') AS b`)).rows[0].b as string;
  await c.end();
  console.log(`  log on disk: ${(Number(size) / 1024 ** 3).toFixed(2)} GiB (${(Number(size) / N).toFixed(0)} bytes a record, indexes included)`);
  return performance.now() - t0;
}

async function pullTimes(hub: TestHub, s: TestStation, full: boolean, after: number, runs = 15): Promise<string> {
  const store: number[] = [];
  const raw: number[] = [];
  const client: number[] = [];
  let n = 0;
  const body = utf8(JSON.stringify({ after, limit: PAGE }));
  for (let i = 0; i < runs; i++) {
    const [page, ms] = await timed(() => hub.store.pull({ after, limit: PAGE, full, users: s.users.map((u) => u.id) }));
    store.push(ms);
    n = page.items.length;
    const headers = await s.client.signedHeaders('POST', HUB_PATHS.pull, body);
    raw.push((await timed(() => s.transport.request({ method: 'POST', target: HUB_PATHS.pull, headers: { ...headers, 'content-type': 'application/json' }, body })))[1]);
    client.push((await timed(() => s.client.pull({ after, limit: PAGE })))[1]);
  }
  return `${String(n).padStart(3)} records — store ${stats(store)}; HTTPS answer ${stats(raw)}; with contract check ${stats(client)}`;
}

async function sealedBatches(s: TestStation, count: number): Promise<ChangeRecord[][]> {
  const key = await importDataKey(s.dataKeys[0]?.id ?? '', s.dataKeys[0]?.raw ?? new Uint8Array(32));
  const out: ChangeRecord[][] = [];
  for (let b = 0; b < count; b++) {
    const batch: ChangeRecord[] = [];
    for (let i = 0; i < PAGE; i++) {
      const r = change(s, { routeKey: `case-${(b * PAGE + i) % CASES}`, fields: { result: 'PTP', channel: 'call', notes: '债务人称月底前还款两千元，已核实身份', ptpAmountFen: 200000 } });
      batch.push(await sealFields(r, ['notes'], key));
    }
    out.push(batch);
  }
  return out;
}

async function pushRate(label: string, stations: TestStation[], batches: number): Promise<void> {
  const prepared = await Promise.all(stations.map((s) => sealedBatches(s, batches)));
  const [, ms] = await timed(() => Promise.all(stations.map(async (s, k) => {
    for (const batch of prepared[k] ?? []) await s.client.push({ changes: batch });
  })));
  const total = stations.length * batches * PAGE;
  console.log(`  ${label.padEnd(40)} ${secs(ms).padStart(6)} s   ${Math.round(total / (ms / 1000)).toLocaleString('en').padStart(8)} records/s   (${total.toLocaleString('en')} records)`);
}

async function pushOnly(kind: StoreKind): Promise<void> {
  const { hub, admin } = await claimedHub(kind);
  const stations = [admin, await enroll(hub, admin, [user('lead')], 'full'), await enroll(hub, admin, [user('lead')], 'full'), await enroll(hub, admin, [user('lead')], 'full')];
  await pushRate(`push, ${kind}, 1 station`, [stations[0] as TestStation], 20);
  await pushRate(`push, ${kind}, 4 stations at once`, stations, 10);
  await closeStations(...stations);
  await hub.close();
}

console.log(`hub: a PostgreSQL log of ${N.toLocaleString('en')} records (${CASES.toLocaleString('en')} cases), pages of ${PAGE}`);
const { hub, admin } = await claimedHub('postgres');
const lead = await enroll(hub, admin, [user('lead')], 'full');
const ann = user();
const collector = await enroll(hub, admin, [ann]);
try {
  const seedMs = await seed(hub.where, lead);
  console.log(`  seeding ${N.toLocaleString('en')} records: ${secs(seedMs)} s (${Math.round(N / (seedMs / 1000)).toLocaleString('en')} records/s)`);
  // ann holds 500 cases: an ordinary collector's portfolio
  const c = new pg.Client({ connectionString: URL, options: `-c search_path=${hub.where}` });
  await c.connect();
  await c.query(`INSERT INTO route_users (route_key, user_id) SELECT 'case-' || (k * ${Math.max(1, Math.floor(CASES / 500))}), $1::uuid FROM generate_series(0, 499) k`, [ann.id]);
  await c.query('ANALYZE route_users');
  await c.end();
  for (const [label, after] of [
    ['start', 0],
    ['middle', Math.floor(N / 2)],
    ['end (last page)', N - PAGE],
  ] as const) {
    console.log(`  pull, full replica, ${label.padEnd(16)} ${await pullTimes(hub, lead, true, after)}`);
  }
  for (const [label, after] of [
    ['start', 0],
    ['middle', Math.floor(N / 2)],
  ] as const) {
    console.log(`  pull, collector (500 cases), ${label.padEnd(7)} ${await pullTimes(hub, collector, false, after)}`);
  }
  await pushRate(`push, postgres (log of ${N.toLocaleString("en")}), 1 station`, [lead], 20);
  const more = [lead, await enroll(hub, admin, [user('lead')], 'full'), await enroll(hub, admin, [user('lead')], 'full'), await enroll(hub, admin, [user('lead')], 'full')];
  await pushRate(`push, postgres (log of ${N.toLocaleString("en")}), 4 stations`, more, 10);
  await closeStations(...more.slice(1));
} finally {
  await closeStations(admin, lead, collector);
  await hub.close();
  if (!process.env.BENCH_HUB_KEEP) await dropSchemas();
}
await pushOnly('sqlite');
cleanupTemp();
