/**
 * Registers the shipped bank profiles (bank-a, bank-b) as clients of an existing data folder, and optionally a
 * collector, for the e2e tests of the import screen. Run while no host holds the folder:
 * `npx tsx test/e2e/seed-clients.ts DATA_DIR PASSPHRASE [collectorName collectorPassword]`.
 */
import { CoreApp } from '../../electron/core/app/core-app';
import { createUser } from '../../electron/core/auth/users';
import { addClient } from '../../electron/core/clients/clients';
import { shippedProfile } from '../helpers/fixtures';

async function main(): Promise<void> {
  const [dataDir, passphrase, collector, collectorPassword] = process.argv.slice(2);
  if (!dataDir || !passphrase) throw new Error('usage: seed-clients.ts DATA_DIR PASSPHRASE [collectorName collectorPassword]');
  const app = new CoreApp({ dataDir, via: 'system' });
  const unlocked = await app.dispatch('app.unlock', { passphrase });
  if (!unlocked.ok) throw new Error(unlocked.error.message);
  const db = app.database;
  if (!db) throw new Error('not open');
  const admin = db.prepare("SELECT id FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1").get() as { id: string };
  const actor = { id: admin.id, role: 'admin', via: 'system' } as const;
  const now = new Date().toISOString();
  addClient(db, actor, shippedProfile('bank-a'), now);
  addClient(db, actor, shippedProfile('bank-b'), now);
  if (collector && collectorPassword) await createUser(db, actor, { name: collector, displayName: collector, role: 'collector', password: collectorPassword }, now);
  app.close();
}

if (process.argv[1]?.endsWith('seed-clients.ts')) {
  main().catch((err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exit(1);
  });
}
