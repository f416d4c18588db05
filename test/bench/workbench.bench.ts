// Issue 4 speed: with a large demo store (default 1M cases, ~5M activities), the work queue's first page, each
// search and opening a case (all its tabs) must take at most 50 ms in core. Prints medians; not a test.
// BENCH_CASES=100000 npm run bench -- workbench   (the store is kept in .tmp/ and reused by later runs)
import type { Actor } from '../../electron/core/auth/actor';
import { getCaseDetail } from '../../electron/core/cases/case-detail';
import { listCases } from '../../electron/core/cases/list-cases';
import { BENCH_NOW, benchStore, printTable, timed } from './demo-store';

const { db } = await benchStore();
const now = BENCH_NOW;
const user = (name: string) => db.prepare('SELECT id, role FROM users WHERE name = ?').get(name) as { id: string; role: Actor['role'] };
const collector: Actor = { ...user('c1'), via: 'ui' };
const lead: Actor = { ...user('lead'), via: 'ui' };
const counts = db.prepare('SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM activities) AS activities, (SELECT count(*) FROM cases WHERE assigned_to = ?) AS mine').get(collector.id) as Record<string, number>;
const sample = db.prepare(`SELECT c.id, c.case_no, d.name, d.mobile, d.id_number FROM cases c JOIN debtors d ON d.id = c.debtor_id
  WHERE c.assigned_to = ? AND (SELECT count(*) FROM activities a WHERE a.case_id = c.id) >= 5 LIMIT 1`).get(collector.id) as { id: string; case_no: string; name: string; mobile: string; id_number: string };

const rows = [
  timed('queue, first page (collector, default order)', () => listCases(db, collector, {}, now)),
  timed('queue, page 10 (collector)', () => listCases(db, collector, { page: 10 }, now)),
  timed('queue, promises due today (collector)', () => listCases(db, collector, { due: 'promises_today' }, now)),
  timed('queue, sorted by days overdue (collector)', () => listCases(db, collector, { sort: 'overdueDays' }, now)),
  timed('queue, first page (lead, all cases)', () => listCases(db, lead, {}, now)),
  timed('search: case number (collector)', () => listCases(db, collector, { search: sample.case_no }, now)),
  timed('search: name prefix (collector)', () => listCases(db, collector, { search: sample.name.slice(0, 2) }, now)),
  timed('search: phone (collector)', () => listCases(db, collector, { search: sample.mobile }, now)),
  timed('search: ID number (collector)', () => listCases(db, collector, { search: sample.id_number }, now)),
  timed('search: case number (lead)', () => listCases(db, lead, { search: sample.case_no }, now)),
  timed('open a case, all tabs', () => getCaseDetail(db, collector, sample.id, now)),
];
db.close();
console.log(`\nStore: ${counts.cases} cases, ${counts.activities} activities; collector c1 holds ${counts.mine} cases. Target ≤ 50 ms each.`);
printTable(rows, 50);
