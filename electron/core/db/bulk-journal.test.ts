import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { withRollbackJournal } from './bulk-journal';
import { openDatabase, type Db } from './open';
import { dbFile } from './paths';

const PASS = 'correct horse battery staple';

describe('a large write with a rollback journal', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let dataDir: string;
  let db: Db;
  beforeEach(async () => {
    tmp = makeTempDir();
    dataDir = join(tmp.dir, 'data');
    db = (await openDatabase({ dataDir, secret: { passphrase: PASS }, create: true })).db;
    db.exec('CREATE TABLE t (x INTEGER)');
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });

  it('writes without the WAL when the connection is alone, and is back in WAL afterwards', async () => {
    const during = await withRollbackJournal(db, async () => {
      db.transaction(() => db.prepare('INSERT INTO t VALUES (1)').run())();
      return db.pragma('journal_mode', { simple: true });
    });
    expect(during).toBe('delete');
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(1);
  });

  it('goes back to WAL when the write fails, with nothing of it kept', async () => {
    await expect(
      withRollbackJournal(db, async () => {
        db.exec('BEGIN');
        db.prepare('INSERT INTO t VALUES (1)').run();
        db.exec('ROLLBACK');
        throw new Error('row 7 is bad');
      }),
    ).rejects.toThrow('row 7 is bad');
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(0);
    expect(existsSync(`${dbFile(dataDir)}-journal`)).toBe(false);
  });

  it('stays in WAL at once, without waiting, when another connection has the file open', async () => {
    const other = (await openDatabase({ dataDir, secret: { passphrase: PASS } })).db;
    try {
      other.prepare('SELECT count(*) FROM t').get();
      const started = performance.now();
      const during = await withRollbackJournal(db, async () => {
        db.transaction(() => db.prepare('INSERT INTO t VALUES (1)').run())();
        return db.pragma('journal_mode', { simple: true });
      });
      expect(during).toBe('wal');
      expect(performance.now() - started).toBeLessThan(2000); // far below the 5 s busy timeout: no waiting on the lock
      expect(other.prepare('SELECT count(*) FROM t').pluck().get()).toBe(1);
    } finally {
      other.close();
    }
  });
});
