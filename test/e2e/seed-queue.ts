/**
 * Seeds a work queue into an existing data folder, for the e2e test of the queue (no import screen yet).
 * Run while no host holds the folder: `npx tsx test/e2e/seed-queue.ts DATA_DIR PASSPHRASE`.
 */
import { CoreApp } from '../../electron/core/app/core-app';
import { seedCases } from '../helpers/seed';

export const SEEDED = [
  { caseNo: 'XY2026110001', debtorName: '张伟', balanceFen: 4_821_350, overdueDays: 95, stage: 'M4', status: 'working', next: '2026-11-24T02:00:00.000Z' },
  { caseNo: 'XY2026110002', debtorName: '刘洋', balanceFen: 1_268_000, overdueDays: 42, stage: 'M2', status: 'ptp', next: '2026-11-25T06:30:00.000Z' },
  { caseNo: 'XY2026110003', debtorName: '陈静', balanceFen: 356_712, overdueDays: 188, stage: 'M7+', status: 'disputed', next: null },
  { caseNo: 'XY2026110004', debtorName: '赵磊', balanceFen: 2_090_045, overdueDays: 67, stage: 'M3', status: 'plan', next: '2026-11-28T01:00:00.000Z' },
  { caseNo: 'XY2026110005', debtorName: '黄敏', balanceFen: 98_800, overdueDays: 31, stage: 'M2', status: 'new', next: null },
  { caseNo: 'XY2026110006', debtorName: '周杰', balanceFen: 15_430_000, overdueDays: 240, stage: 'M7+', status: 'legal', next: null },
  { caseNo: 'XY2026110007', debtorName: '吴芳', balanceFen: 0, overdueDays: 12, stage: 'M1', status: 'paid', next: null },
  { caseNo: 'XY2026110008', debtorName: '孙强', balanceFen: 733_219, overdueDays: 120, stage: 'M5', status: 'working', next: '2026-11-24T08:00:00.000Z' },
] as const;

async function main(): Promise<void> {
  const [dataDir, passphrase] = process.argv.slice(2);
  if (!dataDir || !passphrase) throw new Error('usage: seed-queue.ts DATA_DIR PASSPHRASE');
  const app = new CoreApp({ dataDir, via: 'system' });
  const unlocked = await app.dispatch('app.unlock', { passphrase });
  if (!unlocked.ok) throw new Error(unlocked.error.message);
  const db = app.database;
  if (!db) throw new Error('not open');
  const admin = db.prepare("SELECT id FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1").get() as { id: string };
  seedCases(db, admin.id, SEEDED.map((c) => ({ caseNo: c.caseNo, debtorName: c.debtorName, balanceFen: c.balanceFen, assignedTo: admin.id })));
  const update = db.prepare('UPDATE cases SET overdue_days = ?, stage = ?, status = ?, next_action_at = ? WHERE case_no = ?');
  db.transaction(() => SEEDED.forEach((c) => update.run(c.overdueDays, c.stage, c.status, c.next, c.caseNo)))();
  app.close();
}

if (process.argv[1]?.endsWith('seed-queue.ts')) {
  main().catch((err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exit(1);
  });
}
