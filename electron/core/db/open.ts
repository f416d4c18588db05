import Database from 'better-sqlite3-multiple-ciphers';
import type BetterSqlite3 from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { CoreError } from '../errors';
import { deriveKey, keyPragma, newSalt, readSalt } from './key';
import { migrate } from './migrate';
import { MIGRATIONS, type Migration } from './migrations/index';
import { dbFile } from './paths';

export type Db = BetterSqlite3.Database;

export interface OpenOptions {
  dataDir: string;
  /** the operator's passphrase, or the key already derived from it (the desktop's keychain cache) */
  secret: { passphrase: string } | { key: Buffer };
  /** create a new database; refuses if one exists */
  create?: boolean;
  migrations?: readonly Migration[];
  now?: string;
}

function cipherPragmas(db: Db): void {
  // SQLCipher 4 compatible pages; the key is set separately as a raw key with the file's salt.
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
}

function connectionPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // 64 MiB page cache: a 100k-row import then rarely spills pages mid-transaction.
  db.pragma('cache_size = -65536');
}

export function databaseExists(dataDir: string): boolean {
  return existsSync(dbFile(dataDir));
}

/** Opens (or creates) the encrypted database, checks the key, and brings the schema up to date. */
export async function openDatabase(opts: OpenOptions): Promise<{ db: Db; key: Buffer }> {
  const file = dbFile(opts.dataDir);
  const exists = existsSync(file);
  if (opts.create && exists) {
    throw new CoreError('conflict', `A database already exists in ${opts.dataDir}.`, { dataDir: opts.dataDir });
  }
  if (!opts.create && !exists) {
    throw new CoreError('not_initialized', `There is no CollectDesk database in ${opts.dataDir}. Create one first (init).`, {
      dataDir: opts.dataDir,
    });
  }
  let salt: Buffer | null;
  if (opts.create) {
    mkdirSync(opts.dataDir, { recursive: true });
    salt = newSalt();
  } else {
    salt = readSalt(file);
    if (!salt) throw new CoreError('unreadable_file', `${file} is not a CollectDesk database (it is too short).`);
  }
  const key = 'key' in opts.secret ? opts.secret.key : await deriveKey(opts.secret.passphrase, salt);
  const db: Db = new Database(file);
  try {
    cipherPragmas(db);
    db.pragma(keyPragma(key, salt));
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_NOTADB') {
        throw new CoreError('wrong_passphrase', 'Wrong passphrase: the database could not be opened with it.');
      }
      throw err;
    }
    connectionPragmas(db);
    migrate(db, opts.migrations ?? MIGRATIONS, opts.now ?? new Date().toISOString());
    return { db, key };
  } catch (err) {
    db.close();
    if (opts.create) removeDatabaseFiles(file);
    throw err;
  }
}

function removeDatabaseFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
}
