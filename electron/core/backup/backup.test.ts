import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { openDatabase } from '../db/open';
import { PASSPHRASE } from '../../../test/helpers/core';
import { fixture } from '../../../test/helpers/fixtures';
import { setupWithClients } from '../../../test/helpers/import';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { createBackup, restoreBackup } from './backup';

describe('backup and restore', () => {
  let env: Awaited<ReturnType<typeof setupWithClients>>;
  let tmp: ReturnType<typeof makeTempDir>;
  beforeEach(async () => {
    env = await setupWithClients();
    tmp = makeTempDir();
    await env.run('placement', 'bank-a', fixture('bank-a', 'placement-2026-11.csv'));
  });
  afterEach(() => {
    env.cleanup();
    tmp.cleanup();
  });

  it('makes a consistent encrypted copy while the app runs, and restores it into an empty folder with the passphrase', async () => {
    const out = join(tmp.dir, 'collectdesk-2026-11-24.cdbackup');
    const b = await createBackup(env.db, env.actor, out, env.now);
    expect(b).toMatchObject({ file: out, bytes: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(env.db.prepare("SELECT details FROM audit_events WHERE action = 'backup.create'").get()).toEqual({ details: JSON.stringify({ file: 'collectdesk-2026-11-24.cdbackup', bytes: b.bytes, sha256: b.sha256 }) });
    // Useless without the passphrase: no plaintext header, no debtor name, and SQLite will not open it.
    const bytes = readFileSync(out);
    const name = (env.db.prepare("SELECT name FROM debtors LIMIT 1").get() as { name: string }).name;
    expect(bytes.subarray(0, 15).toString()).not.toBe('SQLite format 3');
    expect(bytes.includes(Buffer.from(name))).toBe(false);
    expect(() => new Database(out).prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);

    const target = join(tmp.dir, 'restored');
    await expect(restoreBackup(out, target, 'not the passphrase')).rejects.toMatchObject({ code: 'wrong_passphrase' });
    await restoreBackup(out, target, PASSPHRASE);
    const { db } = await openDatabase({ dataDir: target, secret: { passphrase: PASSPHRASE } });
    expect(db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 200 });
    expect(db.prepare("SELECT count(*) AS n FROM audit_events").get()).toEqual(env.db.prepare("SELECT count(*) - 0 AS n FROM audit_events WHERE action != 'backup.create'").get());
    db.close();
  });

  it('refuses to overwrite a file, and to restore over a folder that holds anything', async () => {
    const out = join(tmp.dir, 'b.cdbackup');
    await createBackup(env.db, env.actor, out, env.now);
    await expect(createBackup(env.db, env.actor, out, env.now)).rejects.toMatchObject({ code: 'conflict' });
    await expect(restoreBackup(out, env.dataDir, PASSPHRASE)).rejects.toMatchObject({ code: 'conflict' });
    await expect(createBackup(env.db, { ...env.actor, role: 'lead' }, join(tmp.dir, 'c.cdbackup'), env.now)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
