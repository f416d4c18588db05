/**
 * For the hub's e2e test: the bank-a client, the collector 张伟 (zhang) and three cases assigned to him, in an existing
 * data folder. Run while no host holds the folder: `npx tsx test/e2e/seed-hub-cases.ts DATA_DIR PASSPHRASE`.
 */
import { uuidv7 } from '../../shared/domain/ids';
import { CoreApp } from '../../electron/core/app/core-app';
import { createUser } from '../../electron/core/auth/users';
import { addClient } from '../../electron/core/clients/clients';
import { shippedProfile } from '../helpers/fixtures';

export const HUB_COLLECTOR = { name: 'zhang', displayName: '张伟', password: 'Zhang-pass-1' };
export const HUB_CASES = ['HUB-0001', 'HUB-0002', 'HUB-0003'];

async function main(): Promise<void> {
  const [dataDir, passphrase] = process.argv.slice(2);
  if (!dataDir || !passphrase) throw new Error('usage: seed-hub-cases.ts DATA_DIR PASSPHRASE');
  const app = new CoreApp({ dataDir, via: 'system' });
  const unlocked = await app.dispatch('app.unlock', { passphrase });
  if (!unlocked.ok) throw new Error(unlocked.error.message);
  const db = app.database;
  if (!db) throw new Error('not open');
  const admin = db.prepare("SELECT id FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1").get() as { id: string };
  const actor = { id: admin.id, role: 'admin', via: 'system' } as const;
  const now = new Date().toISOString();
  addClient(db, actor, shippedProfile('bank-a'), now);
  const zhang = await createUser(db, actor, { ...HUB_COLLECTOR, role: 'collector' }, now);
  const clientId = db.prepare(`SELECT id FROM clients WHERE code = 'bank-a'`).pluck().get() as string;
  const batchId = uuidv7();
  db.transaction(() => {
    db.prepare(`INSERT INTO batches (id, client_id, batch_no, file_name, sha256, imported_at, created_by) VALUES (?, ?, 'HUB-B1', 'hub.csv', 'x', ?, ?)`).run(batchId, clientId, now, admin.id);
    HUB_CASES.forEach((caseNo, i) => {
      const debtorId = uuidv7();
      db.prepare(`INSERT INTO debtors (id, client_id, name, mobile, id_number, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(debtorId, clientId, ['赵一', '钱二', '孙三'][i], `1380013800${i}`, `11010119900307777${i}`, now, admin.id, now);
      db.prepare(
        `INSERT INTO cases (id, client_id, batch_id, debtor_id, case_no, placed_amount_fen, balance_fen, assigned_to, assigned_at, created_at, created_by, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(uuidv7(), clientId, batchId, debtorId, caseNo, 100_000 * (i + 1), 100_000 * (i + 1), zhang.id, now, now, admin.id, now);
    });
  }).immediate();
  app.close();
}

if (process.argv[1]?.endsWith('seed-hub-cases.ts')) {
  main().catch((err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exit(1);
  });
}
