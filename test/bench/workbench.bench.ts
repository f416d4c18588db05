// Issue 4 speed: with a large demo store (default 1M cases, ~5M activities), the work queue's first page, each
// search and opening a case (all its tabs) must take at most 50 ms in core. Prints medians; not a test.
// BENCH_CASES=100000 npm run bench -- workbench   (the store is kept in .tmp/ and reused by later runs)
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Actor } from '../../electron/core/auth/actor';
import { getCaseDetail } from '../../electron/core/cases/case-detail';
import { listCases } from '../../electron/core/cases/list-cases';
import { openDatabase } from '../../electron/core/db/open';
import { generateDemo } from '../../electron/core/demo/demo';
import { CoreApp } from '../../electron/core/app/core-app';

const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const COLLECTORS = Math.max(3, Math.round(CASES / 2000));
const PASS = 'bench passphrase';
const dir = join(fileURLToPath(new URL('../../.tmp/', import.meta.url)), `bench-workbench-${CASES}`);
const now = new Date('2026-11-24T02:00:00Z');

if (!existsSync(join(dir, 'collectdesk.db'))) {
  mkdirSync(dir, { recursive: true });
  const app = new CoreApp({ dataDir: dir, via: 'cli' });
  const r = await app.dispatch('app.setup', { passphrase: PASS, adminName: 'admin', adminDisplayName: 'Admin', adminPassword: 'bench-password' });
  if (!r.ok) throw new Error(r.error.message);
  const admin = r.value;
  const t = performance.now();
  const sum = await generateDemo(app.database!, { id: admin.id, role: 'admin', via: 'cli' }, {
    cases: CASES, collectors: COLLECTORS, password: 'bench-password', now,
    onProgress: (n) => { if (n % 100_000 === 0) process.stdout.write(`  generated ${n} cases (${((performance.now() - t) / 1000).toFixed(0)} s)\n`); },
  });
  app.database!.exec('ANALYZE');
  app.close();
  console.log(`Generated ${sum.cases} cases, ${sum.activities} activities, ${sum.promises} promises in ${((performance.now() - t) / 1000).toFixed(1)} s.`);
}

const { db } = await openDatabase({ dataDir: dir, secret: { passphrase: PASS } });
const user = (name: string) => db.prepare('SELECT id, role FROM users WHERE name = ?').get(name) as { id: string; role: Actor['role'] };
const collector: Actor = { ...user('c1'), via: 'ui' };
const lead: Actor = { ...user('lead'), via: 'ui' };
const counts = db.prepare('SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM activities) AS activities, (SELECT count(*) FROM cases WHERE assigned_to = ?) AS mine').get(collector.id) as Record<string, number>;
const sample = db.prepare(`SELECT c.id, c.case_no, d.name, d.mobile, d.id_number FROM cases c JOIN debtors d ON d.id = c.debtor_id
  WHERE c.assigned_to = ? AND (SELECT count(*) FROM activities a WHERE a.case_id = c.id) >= 5 LIMIT 1`).get(collector.id) as { id: string; case_no: string; name: string; mobile: string; id_number: string };

function median(label: string, fn: () => unknown, runs = 15): [string, number, number] {
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

const rows = [
  median('queue, first page (collector, default order)', () => listCases(db, collector, {}, now)),
  median('queue, page 10 (collector)', () => listCases(db, collector, { page: 10 }, now)),
  median('queue, promises due today (collector)', () => listCases(db, collector, { due: 'promises_today' }, now)),
  median('queue, sorted by days overdue (collector)', () => listCases(db, collector, { sort: 'overdueDays' }, now)),
  median('queue, first page (lead, all cases)', () => listCases(db, lead, {}, now)),
  median('search: case number (collector)', () => listCases(db, collector, { search: sample.case_no }, now)),
  median('search: name prefix (collector)', () => listCases(db, collector, { search: sample.name.slice(0, 2) }, now)),
  median('search: phone (collector)', () => listCases(db, collector, { search: sample.mobile }, now)),
  median('search: ID number (collector)', () => listCases(db, collector, { search: sample.id_number }, now)),
  median('search: case number (lead)', () => listCases(db, lead, { search: sample.case_no }, now)),
  median('open a case, all tabs', () => getCaseDetail(db, collector, sample.id, now)),
];
db.close();
console.log(`\nStore: ${counts.cases} cases, ${counts.activities} activities; collector c1 holds ${counts.mine} cases. Target ≤ 50 ms each.`);
console.log('what'.padEnd(48), 'median ms'.padStart(10), 'worst ms'.padStart(10));
for (const [label, med, worst] of rows) console.log(label.padEnd(48), med.toFixed(1).padStart(10), worst.toFixed(1).padStart(10), med <= 50 ? '' : '  over target');
