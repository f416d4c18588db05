/**
 * Opens a data folder's store and fails (exit 1) unless it holds no case, debtor, contact person or activity: a
 * revoked station keeps none. `npx tsx test/e2e/expect-no-cases.ts DATA_DIR PASSPHRASE`
 */
import { openDatabase } from '../../electron/core/db/open';

async function main(): Promise<void> {
  const [dataDir, passphrase] = process.argv.slice(2);
  if (!dataDir || !passphrase) throw new Error('usage: expect-no-cases.ts DATA_DIR PASSPHRASE');
  const { db } = await openDatabase({ dataDir, secret: { passphrase } });
  try {
    const counts = Object.fromEntries(['cases', 'debtors', 'contact_persons', 'activities', 'promises'].map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]));
    if (Object.values(counts).some((n) => n > 0)) throw new Error(`the store still holds ${JSON.stringify(counts)}`);
    process.stdout.write(`${JSON.stringify(counts)}\n`);
  } finally {
    db.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
