import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { NODE, ROOT } from '../../../test/helpers/cli';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { openDatabase, type Db } from './open';

const PASS = 'correct horse battery staple';

/** A second process that holds the write lock for `ms`; resolves once it holds it, with its exit. */
async function holdWriteLock(dataDir: string, ms: number): Promise<{ exited: Promise<number> }> {
  const child = spawn(NODE, ['--import', 'tsx', 'test/store/hold-write-lock.ts', dataDir, PASS, String(ms)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
    void exited.then((code) => reject(new Error(`hold-write-lock exited ${code}`)));
  });
  return { exited };
}

describe('every transaction on a store connection begins as a writer', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let dataDir: string;
  let db: Db;
  beforeEach(async () => {
    tmp = makeTempDir();
    dataDir = join(tmp.dir, 'data');
    db = (await openDatabase({ dataDir, secret: { passphrase: PASS }, create: true })).db;
    db.prepare(`INSERT INTO users (id, name, display_name, role, password_hash, password_changed_at, created_at) VALUES ('u1','a','a','admin','x','t','t')`).run();
    db.prepare(`INSERT INTO clients (id, code, name, profile_json, created_at, created_by, updated_at) VALUES ('c1','bank-a','A','{}','t','u1','t')`).run();
    db.prepare(`INSERT INTO debtors (id, client_id, name, created_at, created_by, updated_at) VALUES ('d1','c1','x','t','u1','t')`).run();
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });

  it('holds the write lock from its first statement (BEGIN IMMEDIATE), before it has written anything', async () => {
    const other = (await openDatabase({ dataDir, secret: { passphrase: PASS } })).db;
    try {
      other.pragma('busy_timeout = 0');
      db.transaction(() => {
        db.prepare('SELECT count(*) FROM debtors').get();
        expect(() => other.exec('BEGIN IMMEDIATE')).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
      })();
      // A read-only snapshot is still there for whoever asks for it by name.
      db.transaction(() => {
        other.exec('BEGIN IMMEDIATE');
        other.exec('ROLLBACK');
      }).deferred();
    } finally {
      other.close();
    }
  });

  it('a write that reads first waits for another process’s short write instead of failing with "database is locked"', async () => {
    const holder = await holdWriteLock(dataDir, 700);
    const started = performance.now();
    db.transaction(() => {
      const n = db.prepare('SELECT count(*) FROM debtors').pluck().get() as number;
      db.prepare("UPDATE debtors SET employer = ? WHERE id = 'd1'").run(`read ${n} first`);
    })();
    expect(performance.now() - started).toBeGreaterThan(200);
    expect(await holder.exited).toBe(0);
    expect(db.prepare("SELECT employer, updated_at FROM debtors WHERE id = 'd1'").get()).toEqual({ employer: 'read 1 first', updated_at: 'held' });
  });

  it('keeps SQLite’s temporary files in memory: they are not encrypted', () => {
    expect(db.pragma('temp_store', { simple: true })).toBe(2);
  });
});
