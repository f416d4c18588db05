// Bank sync speed (issue 6, "Speed": 10k activities pushed to the simulator in ≤ 10 s). Numbers only, never a check.
//   (a) 10k activity outcomes pushed by one round in this process, at batch sizes 100, 500 (the default) and 2000
//   (b) the same through the real CLI process (`sync --client bank-a --once`), start-up included
//   (c) (a) at 500 with the simulator answering 20 ms late (a slow link)
//   (d) 10k placements pulled and applied through the import path, in pages of 500
// The simulator runs as its own process (npm run bank-sim), on its own store; the agency store is encrypted.
// Outbox rows are written straight into the store in the shape recordActivity writes them (10k real contacts would
// trip the frequency rules on a small portfolio). `npm run bench -- sync`; BENCH_ITEMS changes the count.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { uuidv7 } from '../../shared/domain/ids';
import { createUser } from '../../electron/core/auth/users';
import { addClient } from '../../electron/core/clients/clients';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { importFile } from '../../electron/core/import/import-file';
import { runClientRound } from '../../electron/core/sync/round';
import { storeSyncSecret } from '../../electron/core/sync/secret';
import { generateCases, writeBankACsv } from '../helpers/bank-files';
import { fixture, shippedProfile } from '../helpers/fixtures';
import { makeTempDir } from '../helpers/temp-dir';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NODE = join(ROOT, 'node_modules', '.bin', 'node');
const ITEMS = Number(process.env.BENCH_ITEMS ?? 10_000);
const PASSPHRASE = 'correct horse battery staple';
const KEY_ID = 'bench-agency';
const SECRET = 'bench secret of some length 0123';
const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', COLLECTDESK_PASSPHRASE: PASSPHRASE };
const tmp = makeTempDir('sync-bench-');

interface Sim {
  child: ChildProcess;
  url: string;
  data: string;
}

async function startSim(name: string, extra: string[] = []): Promise<Sim> {
  const data = join(tmp.dir, name);
  const child = spawn(NODE, ['--import', 'tsx', 'test/bank-sim/main.ts', '--data', data, '--port', '0', '--key-id', KEY_ID, '--secret', SECRET, ...extra], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve((JSON.parse(out.split('\n')[0] as string) as { listening: string }).listening);
    });
    child.once('exit', (code) => reject(new Error(`bank-sim exited ${code}`)));
  });
  return { child, url, data };
}

async function stopSim(sim: Sim): Promise<void> {
  sim.child.kill('SIGTERM');
  await new Promise((r) => sim.child.once('exit', r));
}

function simStats(sim: Sim): { activities: number; items: number } {
  const r = spawnSync(NODE, ['--import', 'tsx', 'test/bank-sim/main.ts', 'stats', '--data', sim.data, '--json'], { cwd: ROOT, env, encoding: 'utf8' });
  return JSON.parse(r.stdout) as { activities: number; items: number };
}

async function agency(name: string, url: string, batchSize: number): Promise<{ db: Db; key: Buffer; dataDir: string; clientId: string; actor: { id: string; role: 'admin'; via: 'sync' } }> {
  const dataDir = join(tmp.dir, name);
  const now = new Date().toISOString();
  const { db, key } = await openDatabase({ dataDir, secret: { passphrase: PASSPHRASE }, create: true, now });
  const admin = await createUser(db, null, { name: 'boss', displayName: 'Boss', role: 'admin', password: 'admin-password-1' }, now);
  const actor = { id: admin.id, role: 'admin' as const, via: 'sync' as const };
  const client = addClient(db, actor, { ...shippedProfile('bank-a'), sync: { url, keyId: KEY_ID, intervalMinutes: 15, batchSize } }, now);
  storeSyncSecret(db, key, client, SECRET, actor, now);
  await importFile(db, { clientCode: 'bank-a', kind: 'placement', file: fixture('bank-a', 'placement-2026-11.csv'), actor, now });
  return { db, key, dataDir, clientId: client.id, actor };
}

/** Outbox rows shaped as recordActivity writes them, on the client's cases. */
function fillOutbox(db: Db, clientId: string, collectorId: string, n: number): void {
  const cases = db.prepare('SELECT case_no FROM cases WHERE client_id = ?').pluck().all(clientId) as string[];
  const insert = db.prepare(`INSERT INTO outbox (id, client_id, entity, entity_id, payload, created_at) VALUES (?, ?, 'activity', ?, ?, ?)`);
  const results = ['NO_ANSWER', 'BUSY', 'LEFT_MESSAGE', 'CALLBACK', 'REFUSED'];
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const at = new Date(Date.parse('2026-11-24T01:00:00Z') + i * 7_000).toISOString();
      const id = uuidv7();
      const payload = { id, caseNo: cases[i % cases.length], channel: 'call', party: i % 4 === 0 ? 'related' : 'debtor', startedAt: at, resultCode: results[i % results.length], collectorId, notes: i % 3 === 0 ? '客户称月底前处理，已告知官方还款渠道' : null };
      insert.run(uuidv7(), clientId, id, JSON.stringify(payload), at);
    }
  })();
}

const secs = (ms: number): string => (ms / 1000).toFixed(2);
const rate = (n: number, ms: number): string => `${Math.round(n / (ms / 1000)).toLocaleString('en')} /s`;

async function pushInProcess(label: string, simExtra: string[], batchSize: number): Promise<void> {
  const sim = await startSim(`sim-${label}`, simExtra);
  const a = await agency(`agency-${label}`, sim.url, batchSize);
  try {
    fillOutbox(a.db, a.clientId, a.actor.id, ITEMS);
    const t = performance.now();
    const r = await runClientRound(a.db, a.key, 'bank-a', { now: () => new Date(), actor: a.actor });
    const ms = performance.now() - t;
    const held = simStats(sim);
    console.log(`  ${label.padEnd(28)} ${secs(ms).padStart(6)} s   ${rate(r.acknowledged, ms).padStart(10)}   pushed ${r.pushed}, acknowledged ${r.acknowledged}, bank holds ${held.activities}, ok ${r.ok}`);
  } finally {
    a.db.close();
    await stopSim(sim);
  }
}

async function pushThroughCli(): Promise<void> {
  const sim = await startSim('sim-cli');
  const a = await agency('agency-cli', sim.url, 500);
  fillOutbox(a.db, a.clientId, a.actor.id, ITEMS);
  a.db.close();
  try {
    const t = performance.now();
    const r = spawnSync(NODE, [join(ROOT, 'electron/cli/bin.mjs'), 'sync', '--client', 'bank-a', '--once', '--json', '--data', a.dataDir], { cwd: ROOT, env, encoding: 'utf8' });
    const ms = performance.now() - t;
    const out = JSON.parse(r.stdout) as { ok: boolean; acknowledged: number };
    console.log(`  ${'CLI process, batch 500'.padEnd(28)} ${secs(ms).padStart(6)} s   ${rate(out.acknowledged, ms).padStart(10)}   acknowledged ${out.acknowledged}, bank holds ${simStats(sim).activities}, exit ${r.status}`);
  } finally {
    await stopSim(sim);
  }
}

async function pullPlacements(): Promise<void> {
  const file = join(tmp.dir, 'placements.csv');
  writeBankACsv(file, generateCases(ITEMS, { prefix: 'P' }));
  const sim = await startSim('sim-pull');
  spawnSync(NODE, ['--import', 'tsx', 'test/bank-sim/main.ts', 'load', '--data', sim.data, '--client', 'bank-a', 'placements', file, '--batch-no', 'P-2611'], { cwd: ROOT, env });
  const a = await agency('agency-pull', sim.url, 500);
  try {
    const t = performance.now();
    const r = await runClientRound(a.db, a.key, 'bank-a', { now: () => new Date(), actor: a.actor });
    const ms = performance.now() - t;
    console.log(`  ${'pull placements, pages 500'.padEnd(28)} ${secs(ms).padStart(6)} s   ${rate(r.pulled.placements, ms).padStart(10)}   pulled ${r.pulled.placements}, new ${r.applied.inserted}, ok ${r.ok}`);
  } finally {
    a.db.close();
    await stopSim(sim);
  }
}

try {
  console.log(`sync: ${ITEMS.toLocaleString('en')} outcomes (target: 10k pushed in ≤ 10 s)`);
  await pushInProcess('push, batch 100', [], 100);
  await pushInProcess('push, batch 500', [], 500);
  await pushInProcess('push, batch 2000', [], 2000);
  await pushThroughCli();
  await pushInProcess('push, batch 500, +20 ms', ['--latency-ms', '20'], 500);
  await pullPlacements();
} finally {
  tmp.cleanup();
}
