/**
 * A ready data folder for the workbench e2e tests, in one process (no first-run screen, no host running):
 * the database with its admin, the shipped clients, a collector, bank-a's November placement imported and
 * every case assigned to the collector; with `--recalls`, bank-a's recall file of 25 November too (ten cases recalled).
 * `npx tsx test/e2e/seed-workbench.ts DATA_DIR PASSPHRASE [--recalls]`
 */
import { CoreApp } from '../../electron/core/app/core-app';
import { assignCases } from '../../electron/core/assignment/assign';
import { createUser } from '../../electron/core/auth/users';
import { clockFromEnv } from '../../electron/core/clock';
import { addClient } from '../../electron/core/clients/clients';
import { importFile } from '../../electron/core/import/import-file';
import { fixture, shippedProfile } from '../helpers/fixtures';

export const WB_ADMIN = { name: 'admin', displayName: '王经理', password: 'Admin-pass-1' };
export const WB_COLLECTOR = { name: 'lina', displayName: '李娜', password: 'Collector-pass-1' };
export const PLACEMENT = fixture('bank-a', 'placement-2026-11.csv');
export const RECALLS = fixture('bank-a', 'recall-2026-11-25.csv');

async function main(): Promise<void> {
  const [dataDir, passphrase, ...flags] = process.argv.slice(2);
  if (!dataDir || !passphrase) throw new Error('usage: seed-workbench.ts DATA_DIR PASSPHRASE');
  // COLLECTDESK_NOW, when set, dates the seeded rows as the host that opens them will date its own
  const clock = clockFromEnv();
  const app = new CoreApp({ dataDir, via: 'system', clock });
  const setup = await app.dispatch('app.setup', { passphrase, adminName: WB_ADMIN.name, adminDisplayName: WB_ADMIN.displayName, adminPassword: WB_ADMIN.password });
  if (!setup.ok) throw new Error(setup.error.message);
  const db = app.database;
  if (!db) throw new Error('not open');
  const admin = db.prepare("SELECT id FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1").get() as { id: string };
  const actor = { id: admin.id, role: 'admin', via: 'system' } as const;
  const now = clock.now().toISOString();
  addClient(db, actor, shippedProfile('bank-a'), now);
  addClient(db, actor, shippedProfile('bank-b'), now);
  await createUser(db, actor, { name: WB_COLLECTOR.name, displayName: WB_COLLECTOR.displayName, role: 'collector', password: WB_COLLECTOR.password }, now);
  await importFile(db, { clientCode: 'bank-a', kind: 'placement', file: PLACEMENT, actor, now });
  assignCases(db, actor, { clientCode: 'bank-a', to: [WB_COLLECTOR.name] }, now);
  if (flags.includes('--recalls')) await importFile(db, { clientCode: 'bank-a', kind: 'recalls', file: RECALLS, actor, now });
  app.close();
}

if (process.argv[1]?.endsWith('seed-workbench.ts')) {
  main().catch((err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exit(1);
  });
}
