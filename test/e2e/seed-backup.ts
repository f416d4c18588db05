/**
 * Makes a backup file for the first-run restore test: a database in a temporary folder with the e2e admin and one
 * collector, backed up to OUT_FILE (the folder is removed afterwards).
 * `npx tsx test/e2e/seed-backup.ts OUT_FILE PASSPHRASE ADMIN_NAME ADMIN_DISPLAY_NAME ADMIN_PASSWORD COLLECTOR_NAME`.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreApp } from '../../electron/core/app/core-app';

async function main(): Promise<void> {
  const [out, passphrase, adminName, adminDisplayName, adminPassword, collector] = process.argv.slice(2);
  if (!out || !passphrase || !adminName || !adminDisplayName || !adminPassword || !collector) {
    throw new Error('usage: seed-backup.ts OUT_FILE PASSPHRASE ADMIN_NAME ADMIN_DISPLAY_NAME ADMIN_PASSWORD COLLECTOR_NAME');
  }
  const dir = mkdtempSync(join(tmpdir(), 'collectdesk-seed-backup-'));
  const app = new CoreApp({ dataDir: dir, via: 'system' });
  try {
    const setup = await app.dispatch('app.setup', { passphrase, adminName, adminDisplayName, adminPassword });
    if (!setup.ok) throw new Error(setup.error.message);
    const user = await app.dispatch('users.add', { name: collector, displayName: collector, role: 'collector', password: adminPassword });
    if (!user.ok) throw new Error(user.error.message);
    const backup = await app.dispatch('backup.create', {});
    if (!backup.ok) throw new Error(backup.error.message);
    copyFileSync(backup.value.file, out);
  } finally {
    app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('seed-backup.ts')) {
  main().catch((err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exit(1);
  });
}
