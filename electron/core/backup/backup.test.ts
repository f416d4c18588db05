import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { openDatabase } from '../db/open';
import { PASSPHRASE } from '../../../test/helpers/core';
import { fixture } from '../../../test/helpers/fixtures';
import { useImportStore } from '../../../test/helpers/import';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { createBackup } from './backup';
import { recoverInterruptedRestore, resolveBackupName, restoreBackup } from './restore';

describe('backup and restore', () => {
  const t = useImportStore(async (env) => {
    await env.run('placement', 'bank-a', fixture('bank-a', 'placement-2026-11.csv'));
  });

  it('makes a consistent encrypted copy while the app runs, and restores it into an empty folder with the passphrase', async () => {
    const out = join(t.dir, 'collectdesk-2026-11-24.cdbackup');
    const b = await createBackup(t.env.db, t.env.actor, out, t.env.now);
    expect(b).toMatchObject({ file: out, bytes: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const head = t.env.db.prepare("SELECT seq, hash FROM audit_events WHERE action != 'backup.create' ORDER BY seq DESC LIMIT 1").get() as { seq: number; hash: string };
    expect(t.env.db.prepare("SELECT details FROM audit_events WHERE action = 'backup.create'").get()).toEqual({ details: JSON.stringify({ file: 'collectdesk-2026-11-24.cdbackup', bytes: b.bytes, sha256: b.sha256, anchor: head }) });
    // Useless without the passphrase: no plaintext header, no debtor name, and SQLite will not open it.
    const bytes = readFileSync(out);
    const name = (t.env.db.prepare("SELECT name FROM debtors LIMIT 1").get() as { name: string }).name;
    expect(bytes.subarray(0, 15).toString()).not.toBe('SQLite format 3');
    expect(bytes.includes(Buffer.from(name))).toBe(false);
    expect(() => new Database(out).prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);

    const target = join(t.dir, 'restored');
    await expect(restoreBackup(out, target, 'not the passphrase')).rejects.toMatchObject({ code: 'wrong_passphrase' });
    await restoreBackup(out, target, PASSPHRASE);
    const { db } = await openDatabase({ dataDir: target, secret: { passphrase: PASSPHRASE } });
    expect(db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 200 });
    expect(db.prepare("SELECT count(*) AS n FROM audit_events").get()).toEqual(t.env.db.prepare("SELECT count(*) - 0 AS n FROM audit_events WHERE action != 'backup.create'").get());
    db.close();
  });

  it('refuses to overwrite a file, and to restore over a folder that holds anything', async () => {
    const out = join(t.dir, 'b.cdbackup');
    await createBackup(t.env.db, t.env.actor, out, t.env.now);
    await expect(createBackup(t.env.db, t.env.actor, out, t.env.now)).rejects.toMatchObject({ code: 'conflict' });
    await expect(restoreBackup(out, t.env.dataDir, PASSPHRASE)).rejects.toMatchObject({ code: 'conflict' });
    await expect(createBackup(t.env.db, { ...t.env.actor, role: 'lead' }, join(t.dir, 'c.cdbackup'), t.env.now)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('restores where there is no database though other things are (the desktop profile, a staged upload), never over a database', async () => {
    const out = join(t.dir, 'b.cdbackup');
    await createBackup(t.env.db, t.env.actor, out, t.env.now);
    const target = join(t.dir, 'profile');
    mkdirSync(join(target, 'staging'), { recursive: true });
    writeFileSync(join(target, 'Preferences'), '{}');
    await expect(restoreBackup(out, target, PASSPHRASE)).rejects.toMatchObject({ code: 'conflict' });
    await expect(restoreBackup(out, target, 'not the passphrase', { requireEmpty: false })).rejects.toMatchObject({ code: 'wrong_passphrase' });
    expect(readdirSync(target).sort()).toEqual(['Preferences', 'staging']);
    await restoreBackup(out, target, PASSPHRASE, { requireEmpty: false });
    expect(readdirSync(target).sort()).toEqual(['Preferences', 'collectdesk.db', 'collectdesk.db.anchor', 'staging']);
    await expect(restoreBackup(out, target, PASSPHRASE, { requireEmpty: false })).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('recoverInterruptedRestore', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (tmp = makeTempDir()));
  afterEach(() => tmp.cleanup());

  it('puts back a database left aside by a swap that a crash interrupted, and clears what is left over', () => {
    mkdirSync(join(tmp.dir, '.replaced'));
    mkdirSync(join(tmp.dir, '.restoring'));
    writeFileSync(join(tmp.dir, '.replaced', 'collectdesk.db'), 'the old database');
    writeFileSync(join(tmp.dir, '.replaced', 'collectdesk.db-wal'), 'its wal');
    recoverInterruptedRestore(tmp.dir);
    expect(readdirSync(tmp.dir).sort()).toEqual(['collectdesk.db', 'collectdesk.db-wal']);
    expect(readFileSync(join(tmp.dir, 'collectdesk.db'), 'utf8')).toBe('the old database');
  });

  it('keeps the database in place when the swap had finished', () => {
    mkdirSync(join(tmp.dir, '.replaced'));
    writeFileSync(join(tmp.dir, '.replaced', 'collectdesk.db'), 'the old database');
    writeFileSync(join(tmp.dir, 'collectdesk.db'), 'the restored database');
    recoverInterruptedRestore(tmp.dir);
    expect(readdirSync(tmp.dir)).toEqual(['collectdesk.db']);
    expect(readFileSync(join(tmp.dir, 'collectdesk.db'), 'utf8')).toBe('the restored database');
    recoverInterruptedRestore(join(tmp.dir, 'missing'));
  });
});

describe('resolveBackupName: a listed backup by its bare name, never a path', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    tmp = makeTempDir();
    mkdirSync(join(tmp.dir, 'backups'));
    writeFileSync(join(tmp.dir, 'backups', 'collectdesk-20261124-101500.cdbackup'), 'x');
    writeFileSync(join(tmp.dir, 'collectdesk.db'), 'x');
  });
  afterEach(() => tmp.cleanup());

  it('finds a backup of the list', () => {
    expect(resolveBackupName(tmp.dir, 'collectdesk-20261124-101500.cdbackup')).toBe(join(tmp.dir, 'backups', 'collectdesk-20261124-101500.cdbackup'));
  });

  it('refuses ../, absolute paths and folders with a clear error', () => {
    for (const name of ['../collectdesk.db', '../backups/collectdesk-20261124-101500.cdbackup', './collectdesk-20261124-101500.cdbackup', '/etc/passwd', join(tmp.dir, 'backups', 'collectdesk-20261124-101500.cdbackup'), '..\\collectdesk.db', 'C:\\x.cdbackup', 'a/b.cdbackup', '..', '.', '']) {
      expect(() => resolveBackupName(tmp.dir, name), name).toThrow(expect.objectContaining({ code: 'invalid_input', message: expect.stringMatching(/outside the data folder/) }));
    }
  });

  it('refuses what is not a backup, and a name that is not there', () => {
    expect(() => resolveBackupName(tmp.dir, 'collectdesk.db')).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => resolveBackupName(tmp.dir, 'missing.cdbackup')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});
