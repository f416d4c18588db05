// A large demo store for the benchmarks, generated once into .tmp/ and reused (BENCH_CASES, default 1M cases with
// about 5M activities, one collector per 2,000 cases).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CoreApp } from '../../electron/core/app/core-app';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { generateDemo } from '../../electron/core/demo/demo';

export const BENCH_NOW = new Date('2026-11-24T02:00:00Z');
const PASS = 'bench passphrase';

export async function benchStore(): Promise<{ db: Db; cases: number }> {
  const cases = Number(process.env.BENCH_CASES ?? 1_000_000);
  const dir = join(fileURLToPath(new URL('../../.tmp/', import.meta.url)), `bench-store-${cases}`);
  if (!existsSync(join(dir, 'collectdesk.db'))) {
    mkdirSync(dir, { recursive: true });
    const app = new CoreApp({ dataDir: dir, via: 'cli' });
    const r = await app.dispatch('app.setup', { passphrase: PASS, adminName: 'admin', adminDisplayName: 'Admin', adminPassword: 'bench-password' });
    if (!r.ok) throw new Error(r.error.message);
    const t = performance.now();
    const sum = await generateDemo(app.database!, { id: r.value.id, role: 'admin', via: 'cli' }, {
      cases, collectors: Math.max(3, Math.round(cases / 2000)), password: 'bench-password', now: BENCH_NOW,
      onProgress: (n) => { if (n % 100_000 === 0) process.stdout.write(`  generated ${n} cases (${((performance.now() - t) / 1000).toFixed(0)} s)\n`); },
    });
    app.database!.exec('ANALYZE');
    app.close();
    console.log(`Generated ${sum.cases} cases, ${sum.activities} activities, ${sum.promises} promises in ${((performance.now() - t) / 1000).toFixed(1)} s.`);
  }
  const { db } = await openDatabase({ dataDir: dir, secret: { passphrase: PASS } });
  return { db, cases };
}

/** Median and worst of `runs` timed calls (after one warm-up). */
export function timed(label: string, fn: () => unknown, runs = 15): [string, number, number] {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return [label, times[Math.floor(runs / 2)] ?? 0, times[runs - 1] ?? 0];
}

export function printTable(rows: [string, number, number][], targetMs: number): void {
  console.log('what'.padEnd(52), 'median ms'.padStart(10), 'worst ms'.padStart(10));
  for (const [label, med, worst] of rows) console.log(label.padEnd(52), med.toFixed(1).padStart(10), worst.toFixed(1).padStart(10), med <= targetMs ? '' : '  over target');
}
