// Placement import speed (issue 3, "Speed"): numbers only, never a failing check.
//   (a) sqlite3 .import of the same 100k rows as UTF-8 into one table on disk: the floor
//   (b) the 100k-row bank-a GBK CSV through the real CLI process, the `collectdesk` bin (whole process, encrypted
//       store); (b') the same through `npm run cli`, which adds npm's own start-up
//   (c) an updated delivery of the same 100k case numbers into the store of (b): no slower than (b)
//   (d) a 100k-row bank-b XLSX through the CLI: within 10 s, peak RSS under 500 MB
//   (e) the floor of the store: the rows (b) wrote inserted bare into a fresh encrypted store, plus a Node start and
//       the key derivation (store-floor.ts); (e') the same with integer keys, what a store-format change could reach
// Each is measured BENCH_RUNS times (default 2; the machine is shared and noisy): best wall time, spread, every run,
// and the least CPU time (user + system) of the process, which a busy machine inflates less than wall time.
// `npm run bench -- import`; BENCH_ROWS changes the row count.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCases, writeBankACsv, writeBankBXlsx } from '../helpers/bank-files';
import { makeTempDir } from '../helpers/temp-dir';
import { measureStoreFloor, type StoreFloor } from './store-floor';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NODE = join(ROOT, 'node_modules', '.bin', 'node');
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 2));
const TIME = '/usr/bin/time';
const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', COLLECTDESK_PASSPHRASE: 'correct horse battery staple', COLLECTDESK_PASSWORD: 'admin-password-1' };

/** The `collectdesk` command (package.json "bin") on the project's Node: the CLI process a script runs. */
function cliCommand(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  return [NODE, join(ROOT, pkg.bin.collectdesk ?? 'electron/cli/bin.mjs')];
}
const CLI = cliCommand();

interface Run {
  secs: number;
  /** peak resident set of the measured process, in MB (when /usr/bin/time is there) */
  rssMb: number | null;
  /** user + system CPU seconds of the measured process (when /usr/bin/time is there): steadier than wall time on a busy machine */
  cpu: number | null;
  stdout: string;
}

/** Runs a command to completion; wall time, and the peak RSS through /usr/bin/time when it is installed. */
function timed(cmd: string[], opts: { cwd?: string } = {}): Run {
  const rssFile = join(tmp.dir, 'rss.txt');
  const withTime = existsSync(TIME) ? [TIME, '-o', rssFile, '-f', '%M %U %S', ...cmd] : cmd;
  const t = performance.now();
  const r = spawnSync(withTime[0] as string, withTime.slice(1), { cwd: opts.cwd ?? ROOT, env, encoding: 'utf8', maxBuffer: 256 << 20 });
  const secs = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`bench: ${cmd.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  const usage = withTime !== cmd && existsSync(rssFile) ? (readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number) : [];
  const [kb, user, sys] = usage;
  return { secs, rssMb: kb === undefined ? null : kb / 1024, cpu: user === undefined || sys === undefined ? null : user + sys, stdout: r.stdout };
}

function cli(args: string[]): Run {
  return timed([...CLI, ...args]);
}

function freshStore(name: string, client: 'bank-a' | 'bank-b'): string {
  const data = join(tmp.dir, name);
  rmSync(data, { recursive: true, force: true });
  cli(['init', '--data', data, '--admin', 'boss']);
  cli(['client', 'add', '--data', data, '--profile', join(ROOT, 'resources', 'profiles', `${client}.json`)]);
  return data;
}

function importRun(data: string, client: string, file: string, via: 'process' | 'npm' = 'process'): Run {
  const args = ['import', 'placement', '--client', client, file, '--data', data, '--json'];
  const run = via === 'npm' ? timed(['npm', 'run', '-s', 'cli', '--', ...args]) : cli(args);
  const s = JSON.parse(run.stdout) as { rows: number; inserted: number; updated: number; unchanged: number; rejected: unknown[] };
  counts.set(`${client} ${file.split('/').pop()}`, `${s.rows} rows: ${s.inserted} inserted, ${s.updated} updated, ${s.unchanged} unchanged, ${s.rejected.length} rejected`);
  return run;
}

const tmp = makeTempDir('cd-bench-import-');
const counts = new Map<string, string>();
try {
  const t = performance.now();
  const csv = join(tmp.dir, 'placement-a.csv');
  const csvUpdated = join(tmp.dir, 'placement-a-update.csv');
  const csvUtf8 = join(tmp.dir, 'placement-a-utf8.csv');
  const xlsx = join(tmp.dir, 'placement-b.xlsx');
  writeBankACsv(csv, generateCases(ROWS));
  writeBankACsv(csvUpdated, generateCases(ROWS, { variant: 1 }));
  writeFileSync(csvUtf8, new TextDecoder('gb18030').decode(readFileSync(csv)));
  await writeBankBXlsx(xlsx, generateCases(ROWS, { prefix: 'B' }));
  console.log(`generated ${ROWS} rows: CSV ${(readFileSync(csv).length / 1e6).toFixed(1)} MB (GBK), XLSX in ${((performance.now() - t) / 1000).toFixed(1)} s total`);
  console.log(`CLI process: ${CLI.map((w) => w.replace(ROOT, '')).join(' ')}; (b') runs npm run cli (${(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.cli}); runs: ${RUNS}`);
  const hasSqlite = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' }).status === 0;
  if (!hasSqlite) console.log('sqlite3 is not installed: (a) and the ratio are skipped. Install it with: apt-get update && apt-get install -y sqlite3');

  const results: Record<string, Run[]> = { a: [], b: [], bNpm: [], c: [], d: [] };
  const floors: StoreFloor[] = [];
  for (let i = 0; i < RUNS; i++) {
    if (hasSqlite) {
      const db = join(tmp.dir, 'floor.db');
      rmSync(db, { force: true });
      results.a?.push(timed(['sqlite3', db, '.mode csv', `.import ${csvUtf8} t`]));
    }
    const dataA = freshStore('data-a', 'bank-a');
    results.b?.push(importRun(dataA, 'bank-a', csv));
    floors.push(await measureStoreFloor(dataA, join(tmp.dir, `floor-${i}`), env.COLLECTDESK_PASSPHRASE, NODE));
    results.c?.push(importRun(dataA, 'bank-a', csvUpdated));
    const dataNpm = freshStore('data-npm', 'bank-a');
    results.bNpm?.push(importRun(dataNpm, 'bank-a', csv, 'npm'));
    const dataB = freshStore('data-b', 'bank-b');
    results.d?.push(importRun(dataB, 'bank-b', xlsx));
    process.stdout.write(`  run ${i + 1}/${RUNS} done\n`);
  }

  const best = (rs: Run[]): number => Math.min(...rs.map((r) => r.secs));
  const fmt = (rs: Run[] | undefined): string => {
    if (!rs || rs.length === 0) return 'skipped';
    const secs = rs.map((r) => r.secs);
    const spread = Math.max(...secs) - Math.min(...secs);
    const rss = rs.map((r) => r.rssMb).filter((m): m is number => m !== null);
    const cpu = rs.map((r) => r.cpu).filter((c): c is number => c !== null);
    return `${best(rs).toFixed(2).padStart(6)} s  spread ${spread.toFixed(2)} s  [${secs.map((s) => s.toFixed(2)).join(', ')}]${cpu.length ? `  cpu ${Math.min(...cpu).toFixed(2)} s` : ''}${rss.length ? `  peak RSS ${Math.max(...rss).toFixed(0)} MB` : ''}`;
  };
  const ratio = (rs: Run[] | undefined): string => (hasSqlite && rs?.length && results.a?.length ? `${(best(rs) / best(results.a)).toFixed(2)}×` : 'n/a');
  console.log('');
  console.log(`(a)  sqlite3 .import, ${ROWS} rows UTF-8, one table     ${fmt(results.a)}`);
  console.log(`(b)  CLI import placement, bank-a GBK CSV              ${fmt(results.b)}`);
  console.log(`(b') the same through "npm run cli"                     ${fmt(results.bNpm)}`);
  console.log(`(c)  CLI re-import, updated delivery (same case nos)   ${fmt(results.c)}`);
  console.log(`(d)  CLI import placement, bank-b XLSX                 ${fmt(results.d)}`);
  const least = (pick: (f: StoreFloor) => number): number => Math.min(...floors.map(pick));
  const start = least((f) => f.nodeStart) + least((f) => f.kdf);
  const floorLine = (secs: number): string =>
    `${(start + secs).toFixed(2).padStart(6)} s = ${secs.toFixed(2)} s inserting${results.a?.length ? `  ${((start + secs) / best(results.a)).toFixed(2)}× of (a)` : ''}`;
  console.log(`(e)  floor of this store, text UUIDv7 keys               ${floorLine(least((f) => f.textKeys))}`);
  console.log(`(e') the same rows with integer keys                    ${floorLine(least((f) => f.integerKeys))}`);
  console.log(`     (e) and (e'): ${floors[0]?.rows ?? 0} rows (debtors, cases, contacts) from memory, no index but the keys, no foreign-key check, no trigger; each adds a bare Node start ${least((f) => f.nodeStart).toFixed(2)} s and scrypt ${least((f) => f.kdf).toFixed(2)} s`);
  console.log('');
  console.log(`ratio (b)/(a): ${ratio(results.b)}   (b')/(a): ${ratio(results.bNpm)}   target ≤ 4×, goal 3×`);
  console.log(`(c)/(b): ${results.b?.length && results.c?.length ? (best(results.c) / best(results.b)).toFixed(2) : 'n/a'}   target ≤ 1`);
  console.log(`(d): target ≤ 10 s and < 500 MB peak RSS`);
  for (const [k, v] of counts) console.log(`  ${k}: ${v}`);
} finally {
  tmp.cleanup();
}
