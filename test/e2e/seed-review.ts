/**
 * A ready data folder for the review-queue (质检) e2e tests: what seed-workbench.ts makes (admin, clients, the collector
 * 李娜 with bank-a's November cases), a team lead, and a few notes already in the review queue — four saved with a
 * screening warn and the collector's reason, one found by re-screening a note an older pack let through.
 * `npx tsx test/e2e/seed-review.ts DATA_DIR PASSPHRASE`
 */
import { uuidv7 } from '../../shared/domain/ids';
import { CoreApp } from '../../electron/core/app/core-app';
import { assignCases } from '../../electron/core/assignment/assign';
import type { Actor } from '../../electron/core/auth/actor';
import { createUser } from '../../electron/core/auth/users';
import { addClient } from '../../electron/core/clients/clients';
import { requestForCase } from '../../electron/core/contact/contact-context';
import { recordActivity } from '../../electron/core/contact/record-activity';
import { importFile } from '../../electron/core/import/import-file';
import { rescreenNotes } from '../../electron/core/review/rescreen';
import { fixture, shippedProfile } from '../helpers/fixtures';

export const RV_ADMIN = { name: 'admin', displayName: '王经理', password: 'Admin-pass-1' };
export const RV_COLLECTOR = { name: 'lina', displayName: '李娜', password: 'Collector-pass-1' };
export const RV_LEAD = { name: 'zhou', displayName: '周组长', password: 'Lead-pass-1' };

/** Notes saved with a warn, each with the collector's reason, on the 2nd to 5th case of the queue. */
const QUEUED = [
  { notes: '客户称家人会帮忙还款，已提醒其通知家人', reason: '客户主动提出由家人代还' },
  { notes: '客户问是否可以微信转账给我', reason: '已告知只能还到银行卡' },
  { notes: '客户骂人，说我们是骗子，要报警', reason: '客户原话，已安抚' },
  { notes: '客户问你们是不是法院的', reason: '已说明是受银行委托的催收公司' },
];

async function main(): Promise<void> {
  const [dataDir, passphrase] = process.argv.slice(2);
  if (!dataDir || !passphrase) throw new Error('usage: seed-review.ts DATA_DIR PASSPHRASE');
  const app = new CoreApp({ dataDir, via: 'system' });
  const setup = await app.dispatch('app.setup', { passphrase, adminName: RV_ADMIN.name, adminDisplayName: RV_ADMIN.displayName, adminPassword: RV_ADMIN.password });
  if (!setup.ok) throw new Error(setup.error.message);
  const db = app.database;
  if (!db) throw new Error('not open');
  const admin = db.prepare("SELECT id FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1").get() as { id: string };
  const actor = { id: admin.id, role: 'admin', via: 'system' } as const;
  const now = new Date().toISOString();
  addClient(db, actor, shippedProfile('bank-a'), now);
  const collector = await createUser(db, actor, { name: RV_COLLECTOR.name, displayName: RV_COLLECTOR.displayName, role: 'collector', password: RV_COLLECTOR.password }, now);
  const lead = await createUser(db, actor, { name: RV_LEAD.name, displayName: RV_LEAD.displayName, role: 'lead', password: RV_LEAD.password }, now);
  await importFile(db, { clientCode: 'bank-a', kind: 'placement', file: fixture('bank-a', 'placement-2026-11.csv'), actor, now });
  assignCases(db, actor, { clientCode: 'bank-a', to: [RV_COLLECTOR.name] }, now);

  const as: Actor = { id: collector.id, role: 'collector', via: 'ui' };
  const cases = db.prepare("SELECT c.id, c.debtor_id FROM cases c ORDER BY c.case_no LIMIT 6 OFFSET 10").all() as { id: string; debtor_id: string }[];
  QUEUED.forEach((q, i) => {
    const c = cases[i]!;
    const self = db.prepare("SELECT id FROM contact_persons WHERE debtor_id = ? AND relation = 'self' ORDER BY id LIMIT 1").get(c.debtor_id) as { id: string };
    const at = new Date(Date.parse('2026-11-23T02:00:00Z') + i * 47 * 60_000);
    const req = requestForCase(db, as, c.id, self.id, 'call', 'debtor', at);
    recordActivity(db, as, { ...req, resultCode: 'REFUSED', confirmations: ['CN-ID', 'CN-RPC', 'CN-R1'], notes: q.notes, reason: q.reason, requireReasonForWarns: true });
  });
  // A note from before the pack knew this phrase, then the re-screen that finds it.
  const old = cases[5]!;
  db.prepare(`INSERT INTO activities (id, case_id, debtor_id, collector_id, channel, party, started_at, recorded_at, result_code, notes, created_by) VALUES (?, ?, ?, ?, 'call', 'debtor', ?, ?, 'REFUSED', ?, ?)`).run(
    uuidv7(), old.id, old.debtor_id, collector.id, '2026-11-20T03:00:00.000Z', '2026-11-20T03:05:00.000Z', '跟他说再不还就让他好看', collector.id,
  );
  rescreenNotes(db, { id: lead.id, role: 'lead', via: 'cli' }, { clientCode: 'bank-a' }, now);
  app.close();
}

if (process.argv[1]?.endsWith('seed-review.ts')) {
  main().catch((err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exit(1);
  });
}
