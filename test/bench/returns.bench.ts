// Issue 6 speed: a 100k-record returns export in at most 3 s (core, the file built in memory, audited).
// Prints numbers; not a test. Each export runs inside a transaction that is rolled back, so the shared store is unchanged.
import type { Actor } from '../../electron/core/auth/actor';
import { exportReturns } from '../../electron/core/returns/export-returns';
import { BENCH_NOW, benchStore } from './demo-store';

const { db } = await benchStore();
const admin: Actor = { ...(db.prepare("SELECT id, role FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1").get() as { id: string; role: Actor['role'] }), via: 'cli' };
const yesterday = new Date(BENCH_NOW.getTime() - 86_400_000).toISOString().slice(0, 10);

async function once(clientCode: string, from: string, to: string): Promise<{ ms: number; cpuMs: number; records: number; bytes: number; sha: string }> {
  db.exec('BEGIN');
  try {
    const cpu = process.cpuUsage();
    const t = performance.now();
    const r = await exportReturns(db, admin, { clientCode, from, to }, { now: BENCH_NOW.toISOString() });
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000, records: Object.values(r.counts).reduce((a, b) => a + b, 0), bytes: r.bytes.length + (r.dailyReport?.bytes.length ?? 0), sha: r.sha256 };
  } finally {
    db.exec('ROLLBACK');
  }
}

console.log('what'.padEnd(44), 'records'.padStart(9), 'MB'.padStart(7), 'median ms'.padStart(10), 'cpu ms'.padStart(8));
for (const [label, client, from, to] of [
  [`bank-a GBK CSV + daily file, ${yesterday}`, 'bank-a', yesterday, yesterday],
  [`bank-b XLSX + daily sheet, ${yesterday}`, 'bank-b', yesterday, yesterday],
] as const) {
  await once(client, from, to);
  const runs = [await once(client, from, to), await once(client, from, to), await once(client, from, to)].sort((a, b) => a.ms - b.ms);
  const mid = runs[1]!;
  if (new Set(runs.map((r) => r.sha)).size !== 1) console.log('  !! the same period gave different bytes');
  console.log(label.padEnd(44), String(mid.records).padStart(9), (mid.bytes / 1e6).toFixed(1).padStart(7), mid.ms.toFixed(0).padStart(10), mid.cpuMs.toFixed(0).padStart(8), mid.ms <= 3000 ? '' : '  over target (3000 ms per 100k records)');
}
db.close();
