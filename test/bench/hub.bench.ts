// Agency hub speed (DESIGN.md, "The agency hub"; the targets of issue 18). Numbers only, never a check.
// `npm run bench -- hub` prints each number beside its target:
//   (a) 50 stations × 1,000 activities pushed over HTTPS and fanned out to the lead: its full replica pulls and
//       applies all 50,000 to its encrypted store through the station code — ≤ 30 s; on both hub stores
//   (b) a new collector station's first pull of a 2,000-case portfolio: join + pull + apply to its encrypted store
//       — ≤ 5 s; on both hub stores
//   (c) one pull page of 500 from a PostgreSQL log of 10M records — ≤ 50 ms: the store's query alone and the whole
//       request over HTTPS (signed, answered, checked against the contract), for a full replica at the start, middle
//       and end of the log and for a collector holding 500 cases; and push throughput into that log
// In (a) and (b) the hub is its own process, as deployed (BENCH_HUB_INPROCESS=1: in this one); the stations run in
// this process. The machine's load average (1 min) is printed beside each number, and for (a) and (b) the CPU time
// spent by this process and the hub's together (PostgreSQL's own work is not in it).
// BENCH_HUB_RECORDS: the log's size (default 10,000,000; seeded once, in about 4–7 min, and kept in the schema
// hub_bench_log_<N> for later runs — drop that schema to reclaim its ~8 GB). BENCH_HUB_PARTS: stations,log (default
// both). BENCH_HUB_STATIONS / BENCH_HUB_ACTIVITIES / BENCH_HUB_CASES_EACH change (a)'s 50 stations, 1,000 calls
// and 100 cases a station. BENCH_HUB_PROFILE=dir writes CPU
// profiles of (a)'s and (b)'s pulls. The PostgreSQL is HUB_TEST_PG_URL (else the tests' one).
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { sealFields, type ChangeRecord } from '../../shared/replication/change';
import { importDataKey } from '../../shared/replication/sealed-value';
import { HUB_PATHS } from '../../shared/replication/api';
import { utf8 } from '../../shared/replication/bytes';
import { change, claimedHub, cleanupTemp, closeStations, enroll, user, type TestStation, type TestHub } from '../hub/harness';
import { dropSchemas, PG_URL } from '../hub/pg';
import { seededLog } from './hub-log-seed';
import { ACTIVITIES, CASES_EACH, PORTFOLIO, STATIONS, stationScenarios } from './hub-stations';

const N = Number(process.env.BENCH_HUB_RECORDS ?? 10_000_000);
const PARTS = (process.env.BENCH_HUB_PARTS ?? 'stations,log').split(',');
const PAGE = 500;
const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const load = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ')[0] ?? '?';
const count = (n: number): string => n.toLocaleString('en');

interface Row {
  what: string;
  measured: string;
  target: string;
  /** within the target; null: no target */
  ok: boolean | null;
  load: string;
  cpu?: string;
}
const rows: Row[] = [];
const say = (line: string): void => console.log(line);

function printTable(): void {
  const w = [Math.max(...rows.map((r) => r.what.length)), Math.max(...rows.map((r) => r.measured.length), 8), 9, 8, 6];
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(w[i] ?? 0)).join('  ');
  console.log('\n' + line(['', 'measured', 'target', 'CPU', 'load']));
  for (const r of rows) console.log(line([r.what, r.measured, r.target + (r.ok === null ? '' : r.ok ? ' ✓' : ' ✗'), r.cpu ?? '', r.load]));
}

function stats(samples: number[]): { median: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95) };
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const out = await fn();
  return [out, performance.now() - t0];
}

async function stations(): Promise<void> {
  for (const kind of ['sqlite', 'postgres'] as const) {
    const t = await stationScenarios(kind, say);
    const l = load();
    const total = t.pushMs + t.pullApplyMs;
    say(`  ${kind}: ${STATIONS} stations of ${CASES_EACH} cases each enrolled in ${secs(t.enrollMs)}; their ${count(STATIONS * ACTIVITIES)} calls sealed in ${secs(t.sealMs)}`);
    say(`  ${kind}: pushed in ${secs(t.pushMs)}; the lead pulled ${count(t.pulled)} and applied ${count(t.applied)} in ${secs(t.pullApplyMs)}`);
    say(`  ${kind}: a new store in ${secs(t.newStoreMs)}; join ${secs(t.joinMs)}; first pull of ${count(t.portfolio)} cases ${secs(t.firstPullMs)}`);
    rows.push(
      { what: `${kind} hub: ${STATIONS} stations × ${count(ACTIVITIES)} calls, push (all at once, HTTPS)`, measured: secs(t.pushMs), target: '', ok: null, load: l, cpu: secs(t.pushCpuMs) },
      { what: `${kind} hub: the lead pulls + applies ${count(t.applied)} (encrypted store)`, measured: secs(t.pullApplyMs), target: '', ok: null, load: l, cpu: secs(t.pullApplyCpuMs) },
      {
        what: `${kind} hub: ${STATIONS} × ${count(ACTIVITIES)} pushed and fanned out to the lead`,
        measured: secs(total),
        target: '≤ 30 s',
        ok: total <= 30_000 && t.applied === STATIONS * ACTIVITIES,
        load: l,
        cpu: secs(t.pushCpuMs + t.pullApplyCpuMs),
      },
      {
        what: `${kind} hub: new collector station, ${count(t.portfolio)}-case portfolio: join + first pull + apply`,
        measured: secs(t.joinMs + t.firstPullMs),
        target: '≤ 5 s',
        ok: t.joinMs + t.firstPullMs <= 5000 && t.portfolio === PORTFOLIO,
        load: l,
        cpu: secs(t.joinCpuMs),
      },
    );
  }
}

async function pullTimes(hub: TestHub, s: TestStation, full: boolean, after: number, runs = 15): Promise<{ n: number; store: number; https: number; checked: number; p95: number }> {
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
  const st = stats(store);
  const https = stats(raw);
  const checked = stats(client);
  say(`    ${String(n).padStart(3)} records — store median ${st.median.toFixed(1)} ms (p95 ${st.p95.toFixed(1)}); HTTPS ${https.median.toFixed(1)} ms (p95 ${https.p95.toFixed(1)}); with contract check ${checked.median.toFixed(1)} ms (p95 ${checked.p95.toFixed(1)})`);
  return { n, store: st.median, https: https.median, checked: checked.median, p95: https.p95 };
}

async function sealedBatches(s: TestStation, count: number, cases: number): Promise<ChangeRecord[][]> {
  const key = await importDataKey(s.dataKeys[0]?.id ?? '', s.dataKeys[0]?.raw ?? new Uint8Array(32));
  const out: ChangeRecord[][] = [];
  for (let b = 0; b < count; b++) {
    const batch: ChangeRecord[] = [];
    for (let i = 0; i < PAGE; i++) {
      const r = change(s, { routeKey: `case-${(b * PAGE + i) % cases}`, fields: { result: 'PTP', channel: 'call', notes: '债务人称月底前还款两千元，已核实身份', ptpAmountFen: 200000 } });
      batch.push(await sealFields(r, ['notes'], key));
    }
    out.push(batch);
  }
  return out;
}

async function pushRate(label: string, stations: TestStation[], batches: number, cases: number): Promise<void> {
  const prepared = await Promise.all(stations.map((s) => sealedBatches(s, batches, cases)));
  const [, ms] = await timed(() =>
    Promise.all(
      stations.map(async (s, k) => {
        for (const batch of prepared[k] ?? []) await s.client.push({ changes: batch });
      }),
    ),
  );
  const total = stations.length * batches * PAGE;
  rows.push({ what: label, measured: `${count(Math.round(total / (ms / 1000)))} records/s`, target: '', ok: null, load: load() });
}

async function log(): Promise<void> {
  say(`  a PostgreSQL log of ${count(N)} records (${count(Math.floor(N / 10))} cases), pages of ${PAGE}`);
  const kept = await seededLog(PG_URL, N, say);
  const size = `${(kept.bytes / 1024 ** 3).toFixed(1)} GiB, ${Math.round(kept.bytes / N)} bytes a record with indexes`;
  if (kept.seedMs !== null) rows.push({ what: `seeding the ${count(N)}-record log (INSERT … SELECT, indexes built after)`, measured: secs(kept.seedMs), target: '', ok: null, load: load() });
  say(kept.seedMs === null ? `  reusing the log in schema ${kept.schema} (${size})` : `  seeded in ${secs(kept.seedMs)} into schema ${kept.schema} (${size})`);
  const { hub, admin } = await claimedHub('postgres', {}, { schema: kept.schema });
  const lead = await enroll(hub, admin, [user('lead')], 'full');
  const ann = user();
  const collector = await enroll(hub, admin, [ann]);
  try {
    // ann holds 500 cases: an ordinary collector's portfolio
    const c = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${kept.schema}` });
    await c.connect();
    await c.query(`INSERT INTO route_users (route_key, user_id) SELECT 'case-' || (k * ${Math.max(1, Math.floor(kept.cases / 500))}), $1::uuid FROM generate_series(0, 499) k`, [ann.id]);
    await c.query('ANALYZE route_users');
    await c.end();
    const pages = [
      ['full replica, start', lead, true, 0],
      ['full replica, middle', lead, true, Math.floor(N / 2)],
      ['full replica, end (last page)', lead, true, N - PAGE],
      ['collector of 500 cases, start', collector, false, 0],
      ['collector of 500 cases, middle', collector, false, Math.floor(N / 2)],
    ] as const;
    for (const [label, s, full, after] of pages) {
      say(`  pull, ${label}`);
      const r = await pullTimes(hub, s, full, after);
      const l = load();
      rows.push(
        { what: `pull 500 from ${count(N)}, ${label}: store query`, measured: `${r.store.toFixed(1)} ms`, target: '≤ 50 ms', ok: r.store <= 50, load: l },
        { what: `pull 500 from ${count(N)}, ${label}: HTTPS request`, measured: `${r.https.toFixed(1)} ms`, target: '≤ 50 ms', ok: r.https <= 50, load: l },
      );
    }
    await pushRate(`push into the ${count(N)} log, 500 sealed a push, 1 station`, [lead], 20, kept.cases);
    const more = [lead, await enroll(hub, admin, [user('lead')], 'full'), await enroll(hub, admin, [user('lead')], 'full'), await enroll(hub, admin, [user('lead')], 'full')];
    await pushRate(`push into the ${count(N)} log, 500 sealed a push, 4 stations at once`, more, 10, kept.cases);
    await closeStations(...more.slice(1));
  } finally {
    await closeStations(admin, lead, collector);
    await hub.close();
  }
}

console.log(`hub: targets of issue 18 (load average at start ${load()}, ${(await import('node:os')).cpus().length} cores)`);
try {
  if (PARTS.includes('stations')) await stations();
  if (PARTS.includes('log')) await log();
} finally {
  await dropSchemas();
  cleanupTemp();
  if (rows.length) printTable();
}
