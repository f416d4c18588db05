/**
 * Holds the store's write lock for a moment from another process, for the tests of concurrent writers:
 * `npx tsx test/store/hold-write-lock.ts DATA_DIR PASSPHRASE MS`. Prints "locked" once it holds the lock (a
 * transaction that has written), keeps it MS milliseconds, commits and exits.
 */
import { openDatabase } from '../../electron/core/db/open';

async function main(): Promise<void> {
  const [dataDir, passphrase, ms] = process.argv.slice(2);
  if (!dataDir || !passphrase || !ms) throw new Error('usage: hold-write-lock.ts DATA_DIR PASSPHRASE MS');
  const { db } = await openDatabase({ dataDir, secret: { passphrase } });
  db.exec('BEGIN IMMEDIATE');
  db.prepare("UPDATE debtors SET updated_at = 'held' WHERE rowid = (SELECT min(rowid) FROM debtors)").run();
  process.stdout.write('locked\n');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(ms));
  db.exec('COMMIT');
  db.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`${String((err as Error)?.stack ?? err)}\n`);
  process.exit(1);
});
