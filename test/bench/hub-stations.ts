// The hub benchmark's station scenarios, through the station code (electron/core/hub) and real encrypted stores, with
// the hub as its own process (`electron/hub/main.ts`, as deployed; BENCH_HUB_INPROCESS=1 runs it in this one):
//   join: a new collector station whose user holds 2,000 cases joins and makes its first pull (join + pull + apply)
//   fan-out: 50 collector stations, enrolled through the hub's API, push 1,000 sealed activities each over HTTPS
//            (at once, as 50 computers would), and the lead's full replica pulls and applies all 50,000
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { uuidv7 } from '../../shared/domain/ids';
import { sealFields, type ChangeRecord } from '../../shared/replication/change';
import { joinHub } from '../../shared/replication/enroll';
import { formatHlc } from '../../shared/replication/hlc';
import { importDataKey } from '../../shared/replication/sealed-value';
import type { Actor } from '../../electron/core/auth/actor';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { entitySpec } from '../../electron/core/hub/schema-map';
import { STATION_SCHEMA_VERSION } from '../../electron/core/hub/station-state';
import { syncOnce } from '../../electron/core/hub/sync';
import { connectAsAdmin, enrollStation, joinAsStation } from '../../electron/core/hub/trust';
import { NODE, ROOT } from '../helpers/cli';
import { seedCases } from '../helpers/seed';
import { makeTempDir } from '../helpers/temp-dir';
import { newStation, startTestHub, type StoreKind, type TestHub } from '../hub/harness';
import { newSchema, PG_URL } from '../hub/pg';

export const PORTFOLIO = 2_000;
export const STATIONS = Number(process.env.BENCH_HUB_STATIONS ?? 50);
export const ACTIVITIES = Number(process.env.BENCH_HUB_ACTIVITIES ?? 1_000);
/**
 * The cases each of the 50 collectors holds; their 1,000 calls fall on these (100: 10 calls a case). The KPI
 * trigger of a call looks at the case's earlier calls, so fewer cases (more calls a case) cost more per call.
 */
export const CASES_EACH = Number(process.env.BENCH_HUB_CASES_EACH ?? 100);
const PASSPHRASE = 'a long enough passphrase for the bench';
const NOW = (): string => new Date().toISOString();

export interface StationTimes {
  kind: StoreKind;
  leadUploadMs: number;
  leadRecords: number;
  newStoreMs: number;
  joinMs: number;
  firstPullMs: number;
  portfolio: number;
  enrollMs: number;
  sealMs: number;
  pushMs: number;
  pullApplyMs: number;
  /** CPU time of this process (stations and hub) in the push, the lead's pull + apply, and the join + first pull */
  pushCpuMs: number;
  pullApplyCpuMs: number;
  joinCpuMs: number;
  pulled: number;
  applied: number;
}

/** BENCH_HUB_PROFILE=dir: the pushes, the lead's pull + apply and the first pull are CPU-profiled into dir (open the .cpuprofile in a browser's devtools). */
async function profiled<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_HUB_PROFILE;
  if (!dir) return fn();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

/** A hub to talk to: its own process by default. `cpuMs` reads the CPU time it has spent so far. */
interface BenchHub {
  url: string;
  fingerprint: string;
  setupCode: string;
  cpuMs(): number;
  close(): Promise<void>;
}

const TICKS_PER_S = 100;

async function startHub(kind: StoreKind, dir: string): Promise<BenchHub> {
  if (process.env.BENCH_HUB_INPROCESS) {
    const hub: TestHub = await startTestHub(kind);
    return { url: hub.url, fingerprint: hub.fingerprint, setupCode: hub.setupCode, cpuMs: () => 0, close: () => hub.close() };
  }
  const args = ['--import', 'tsx', 'electron/hub/main.ts', '--data', dir, '--listen', '127.0.0.1:0', ...(kind === 'postgres' ? ['--pg', PG_URL, '--pg-schema', newSchema()] : [])];
  const child = spawn(NODE, args, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const ready = await new Promise<{ listening: string; fingerprint: string; setupCode?: string }>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(JSON.parse(out.slice(0, nl)) as { listening: string; fingerprint: string; setupCode?: string });
    });
    child.once('exit', (code) => reject(new Error(`the hub exited ${code}: ${err}`)));
  });
  return {
    url: ready.listening,
    fingerprint: ready.fingerprint,
    setupCode: ready.setupCode ?? '',
    cpuMs: () => {
      // utime and stime, fields 14 and 15 of /proc/PID/stat, in clock ticks
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_S) * 1000;
    },
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const out = await fn();
  return [out, performance.now() - t0];
};

/** CPU time of this process and the hub's since `from`. */
function cpuMark(hub: BenchHub): () => number {
  const from = process.cpuUsage();
  const hubFrom = hub.cpuMs();
  return () => {
    const d = process.cpuUsage(from);
    return (d.user + d.system) / 1000 + hub.cpuMs() - hubFrom;
  };
}

async function newStore(dir: string, name: string): Promise<Db> {
  return (await openDatabase({ dataDir: join(dir, `${name}-${uuidv7()}`), secret: { passphrase: PASSPHRASE }, create: true })).db;
}

function addUser(db: Db, name: string, role: 'admin' | 'collector'): string {
  const id = uuidv7();
  db.prepare(`INSERT INTO users (id, name, display_name, role, password_hash, password_changed_at, created_at) VALUES (?, ?, ?, ?, 'x', ?, ?)`).run(id, name, name, role, NOW(), NOW());
  return id;
}

/** A call as the write path records it: every column of the activity, its personal fields sealed. */
function callOf(stationId: string, userId: string, hlc: string, c: { id: string; debtor_id: string }, i: number): ChangeRecord {
  const id = uuidv7();
  const at = new Date(Date.now() - (ACTIVITIES - i) * 60_000).toISOString();
  return {
    changeId: uuidv7(),
    entity: 'activity',
    id,
    op: 'upsert',
    fields: {
      case_id: c.id, debtor_id: c.debtor_id, collector_id: userId, channel: 'call', direction: 'outbound', party: i % 4 === 0 ? 'related' : 'debtor',
      contact_person_id: null, phone: '13800138000', started_at: at, recorded_at: at, duration_s: 30 + (i % 200), result_code: i % 3 ? 'NO_ANSWER' : 'PTP',
      script_id: null, disclosures: '[]', notes: i % 3 ? '无人接听' : '债务人称月底前还款两千元，已核实身份', verdicts: '[]', override_reason: null, recording_ref: null, created_by: userId,
    },
    hlc,
    station: stationId,
    user: userId,
    schemaVersion: STATION_SCHEMA_VERSION,
    routeKey: c.id,
  };
}

export async function stationScenarios(kind: StoreKind, say: (line: string) => void): Promise<StationTimes> {
  const tmp = makeTempDir('hub-bench-');
  const hub = await startHub(kind, join(tmp.dir, 'hub'));
  const dbs: Db[] = [];
  try {
    // the lead's store: 2,000 cases of ann, and CASES_EACH for each of the 50 collectors
    const lead = await newStore(tmp.dir, 'lead');
    dbs.push(lead);
    const boss = addUser(lead, 'boss', 'admin');
    const ann = addUser(lead, 'ann', 'collector');
    const names = Array.from({ length: STATIONS }, (_, k) => `c${String(k + 1).padStart(2, '0')}`);
    const collectors = names.map((n) => addUser(lead, n, 'collector'));
    seedCases(lead, boss, [
      ...Array.from({ length: PORTFOLIO }, (_, i) => ({ caseNo: `A${i}`, debtorName: `债务人A${i}`, balanceFen: 100_000 + i, assignedTo: ann })),
      ...collectors.flatMap((u, k) => Array.from({ length: CASES_EACH }, (_, i) => ({ caseNo: `C${k}-${i}`, debtorName: `债务人C${k}-${i}`, balanceFen: 50_000 + i, assignedTo: u }))),
    ]);
    const actor: Actor = { id: boss, role: 'admin', via: 'cli' };
    await connectAsAdmin(lead, actor, { hubUrl: hub.url, fingerprint: hub.fingerprint, setupCode: hub.setupCode, stationName: 'lead' }, NOW());
    const [r0, leadUploadMs] = await timed(() => syncOnce(lead));
    const leadRecords = r0.pushed;
    say(`    … ${kind}: the lead uploaded ${leadRecords.toLocaleString('en')} records in ${(leadUploadMs / 1000).toFixed(1)} s`);

    // (join) ann's new station
    const code = await enrollStation(lead, actor, { userNames: ['ann'], replica: 'partial' }, NOW());
    await syncOnce(lead);
    const [annDb, newStoreMs] = await timed(() => newStore(tmp.dir, 'ann'));
    dbs.push(annDb);
    const joinCpu = cpuMark(hub);
    const [, joinMs] = await timed(() => joinAsStation(annDb, { hubUrl: hub.url, fingerprint: hub.fingerprint, code: code.code, stationName: 'ann' }, NOW()));
    const [, firstPullMs] = await timed(() => profiled(`first-pull-${kind}`, () => syncOnce(annDb)));
    const joinCpuMs = joinCpu();
    const portfolio = annDb.prepare('SELECT count(*) FROM cases').pluck().get() as number;

    // (fan-out) 50 collector stations
    const [stations, enrollMs] = await timed(async () => {
      const out = [];
      for (const [k, name] of names.entries()) {
        const issued = await enrollStation(lead, actor, { userNames: [name], replica: 'partial' }, NOW());
        const s = await newStation(hub, [{ id: collectors[k] as string, role: 'collector' }], STATION_SCHEMA_VERSION);
        s.dataKeys = (await joinHub(s.client, s.keys, { codeText: issued.code, stationName: name })).dataKeys;
        out.push(s);
      }
      return out;
    });
    await syncOnce(lead);
    const [batches, sealMs] = await timed(() =>
      Promise.all(
        stations.map(async (s, k) => {
          const key = await importDataKey(s.dataKeys[0]?.id ?? '', s.dataKeys[0]?.raw ?? new Uint8Array(32));
          const cases = lead.prepare('SELECT id, debtor_id FROM cases WHERE assigned_to = ? ORDER BY id').all(collectors[k]) as { id: string; debtor_id: string }[];
          const personal = entitySpec('activity')?.personal ?? [];
          return Promise.all(Array.from({ length: ACTIVITIES }, (_, i) => sealFields(callOf(s.id, collectors[k] as string, formatHlc(s.clock.send()), cases[i % cases.length] as { id: string; debtor_id: string }, i), personal, key)));
        }),
      ),
    );
    const pushCpu = cpuMark(hub);
    const [, pushMs] = await timed(() => profiled(`push-${kind}`, () => Promise.all(stations.map((s, k) => s.client.push({ changes: batches[k] ?? [] })))));
    const pushCpuMs = pushCpu();
    const before = lead.prepare('SELECT count(*) FROM activities').pluck().get() as number;
    const pullCpu = cpuMark(hub);
    const [r, pullApplyMs] = await timed(() => profiled(`fan-out-${kind}`, () => syncOnce(lead)));
    const pullApplyCpuMs = pullCpu();
    const applied = (lead.prepare('SELECT count(*) FROM activities').pluck().get() as number) - before;
    for (const s of stations) s.transport.close();
    return { kind, leadUploadMs, leadRecords, newStoreMs, joinMs, firstPullMs, portfolio, enrollMs, sealMs, pushMs, pullApplyMs, pushCpuMs, pullApplyCpuMs, joinCpuMs, pulled: r.pulled, applied };
  } finally {
    for (const d of dbs) d.close();
    await hub.close();
    tmp.cleanup();
  }
}
