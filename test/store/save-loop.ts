/**
 * A second process that saves activities in a loop, as a collector's app would, for the tests of two writers:
 * `npx tsx test/store/save-loop.ts DATA_DIR PASSPHRASE COLLECTOR AT_ISO STOP_FILE`. It opens the store, prints
 * "ready", records NO_ANSWER calls on the collector's cases one after another (its connection as every store
 * connection is), until STOP_FILE exists, and prints one JSON line: every outcome, by error code ('ok' for a save).
 */
import { existsSync } from 'node:fs';
import { findUserByName } from '../../electron/core/auth/users';
import { requestForCase } from '../../electron/core/contact/contact-context';
import { recordActivity } from '../../electron/core/contact/record-activity';
import { openDatabase } from '../../electron/core/db/open';
import { toApiError } from '../../electron/core/errors';

async function main(): Promise<void> {
  const [dataDir, passphrase, collector, at, stopFile] = process.argv.slice(2);
  if (!dataDir || !passphrase || !collector || !at || !stopFile) throw new Error('usage: save-loop.ts DATA_DIR PASSPHRASE COLLECTOR AT_ISO STOP_FILE');
  const { db } = await openDatabase({ dataDir, secret: { passphrase } });
  const user = findUserByName(db, collector);
  if (!user) throw new Error(`no user ${collector}`);
  const actor = { id: user.id, role: user.role, via: 'cli' as const };
  const targets = db
    .prepare("SELECT k.id AS caseId, p.id AS contactId FROM cases k JOIN contact_persons p ON p.debtor_id = k.debtor_id AND p.relation = 'self' WHERE k.assigned_to = ? ORDER BY k.case_no")
    .all(user.id) as { caseId: string; contactId: string }[];
  const outcomes: Record<string, number> = {};
  const messages: Record<string, string> = {};
  process.stdout.write('ready\n');
  for (let i = 0; !existsSync(stopFile); i++) {
    const t = targets[i % targets.length];
    if (!t) throw new Error('no cases assigned');
    let code = 'ok';
    try {
      const req = requestForCase(db, actor, t.caseId, t.contactId, 'call', 'debtor', new Date(at));
      recordActivity(db, actor, { ...req, resultCode: 'NO_ANSWER', confirmations: [] });
    } catch (err) {
      const e = toApiError(err);
      code = e.code;
      messages[code] = e.message;
    }
    outcomes[code] = (outcomes[code] ?? 0) + 1;
    await new Promise((r) => setTimeout(r, 10));
  }
  db.close();
  process.stdout.write(`${JSON.stringify({ outcomes, messages })}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${String((err as Error)?.stack ?? err)}\n`);
  process.exit(1);
});
