import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { CoreError } from '../errors';
import { openDatabase } from './open';
import { dbFile } from './paths';

const PASS = 'correct horse battery staple';
const NAME = '欧阳明月';
const ID_NUMBER = '11010519491231002X';

describe('the encrypted store', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let dataDir: string;
  beforeEach(() => {
    tmp = makeTempDir();
    dataDir = join(tmp.dir, 'data');
  });
  afterEach(() => tmp.cleanup());

  async function createWithDebtor(): Promise<void> {
    const { db } = await openDatabase({ dataDir, secret: { passphrase: PASS }, create: true });
    db.prepare(`INSERT INTO users (id, name, display_name, role, password_hash, password_changed_at, created_at) VALUES ('u1','a','a','admin','x','t','t')`).run();
    db.prepare(`INSERT INTO clients (id, code, name, profile_json, created_at, created_by, updated_at) VALUES ('c1','bank-a','A','{}','t','u1','t')`).run();
    db.prepare(`INSERT INTO debtors (id, client_id, name, id_number, mobile, created_at, created_by, updated_at) VALUES ('d1','c1',?,?,'13912345678','t','u1','t')`).run(NAME, ID_NUMBER);
    db.close();
  }

  it('is DATA_DIR/collectdesk.db, opened with WAL, foreign keys, full sync and a busy timeout', async () => {
    const { db } = await openDatabase({ dataDir, secret: { passphrase: PASS }, create: true });
    expect(existsSync(join(dataDir, 'collectdesk.db'))).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('keeps no plaintext: neither the SQLite header nor a known debtor name, ID number or phone is in the file or its WAL', async () => {
    await createWithDebtor();
    // Reopen and write again so that pages also sit in the WAL, then look at both files.
    const { db } = await openDatabase({ dataDir, secret: { passphrase: PASS } });
    db.prepare(`UPDATE debtors SET employer = '某某餐饮管理有限公司' WHERE id = 'd1'`).run();
    const bytes = Buffer.concat([readFileSync(dbFile(dataDir)), existsSync(`${dbFile(dataDir)}-wal`) ? readFileSync(`${dbFile(dataDir)}-wal`) : Buffer.alloc(0)]);
    for (const needle of ['SQLite format 3', NAME, ID_NUMBER, '13912345678', '某某餐饮管理有限公司', 'CREATE TABLE']) {
      expect(bytes.includes(Buffer.from(needle, 'utf8')), needle).toBe(false);
    }
    // ...while the data is there for whoever has the passphrase.
    expect(db.prepare('SELECT name FROM debtors').get()).toEqual({ name: NAME });
    db.close();
  });

  it('says "wrong passphrase" for a wrong passphrase, not a stack trace', async () => {
    await createWithDebtor();
    const err = await openDatabase({ dataDir, secret: { passphrase: 'not the passphrase' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CoreError);
    expect((err as CoreError).code).toBe('wrong_passphrase');
    expect((err as CoreError).message).toMatch(/^Wrong passphrase/);
  });

  it('opens a copy of the file elsewhere with the passphrase alone: the key salt travels inside the file', async () => {
    await createWithDebtor();
    const other = join(tmp.dir, 'copy');
    mkdirSync(other);
    copyFileSync(dbFile(dataDir), dbFile(other));
    const { db } = await openDatabase({ dataDir: other, secret: { passphrase: PASS } });
    expect(db.prepare('SELECT name FROM debtors').get()).toEqual({ name: NAME });
    db.close();
  });

  it('opens with the cached key, as the desktop keychain does, and refuses a wrong key', async () => {
    const { db, key } = await openDatabase({ dataDir, secret: { passphrase: PASS }, create: true });
    db.close();
    const again = await openDatabase({ dataDir, secret: { key } });
    again.db.close();
    const wrong = Buffer.from(key);
    wrong[0] = (wrong[0] ?? 0) ^ 0xff;
    await expect(openDatabase({ dataDir, secret: { key: wrong } })).rejects.toMatchObject({ code: 'wrong_passphrase' });
  });

  it('refuses to create over an existing database and to open a missing one', async () => {
    await createWithDebtor();
    await expect(openDatabase({ dataDir, secret: { passphrase: PASS }, create: true })).rejects.toMatchObject({ code: 'conflict' });
    await expect(openDatabase({ dataDir: join(tmp.dir, 'nothing'), secret: { passphrase: PASS } })).rejects.toMatchObject({ code: 'not_initialized' });
  });
});
