import Database from 'better-sqlite3-multiple-ciphers';
import type BetterSqlite3 from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { anchorPath, isAnchor, readAnchorFile, refreshAnchorFile } from '../audit/anchors';
import { deriveSealKey, setSealKey } from '../audit/seal';
import { CoreError, storeFault } from '../errors';
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

/**
 * The page size of new databases. SQLCipher 4 pages (AES-256-CBC, HMAC-SHA512 per page) of 16 KiB rather than
 * SQLCipher's default 4 KiB: a page's IV, HMAC set-up and B-tree bookkeeping are paid per page, so a 100k-row import
 * writes and encrypts the same data in ~0.8 s less CPU (of ~6 s), with a marginally smaller file. The sqlcipher tool
 * opens such a database with `PRAGMA cipher_page_size = 16384`.
 */
export const PAGE_SIZE = 16384;
/** SQLCipher 4's default, the page size of databases created before PAGE_SIZE. */
const LEGACY_PAGE_SIZE = 4096;

/**
 * How long a write waits for another connection's write to end (an import in another process, a sync round) before
 * it gives up with SQLITE_BUSY, which reaches the user as `busy` ("an import is writing; try again in a moment").
 */
export const BUSY_TIMEOUT_MS = 5000;

type TransactionBody = Parameters<Db['transaction']>[0];

/**
 * Every transaction on a store connection begins as a writer: `db.transaction(fn)()` runs BEGIN IMMEDIATE (the
 * driver's default is a deferred BEGIN). A deferred transaction that reads before it writes cannot wait for another
 * writer: SQLite answers its first write with SQLITE_BUSY at once, without the busy timeout (a read snapshot cannot
 * be upgraded once another connection has committed), so during an import in another process almost every save
 * failed. BEGIN IMMEDIATE takes the write lock first and waits for it up to BUSY_TIMEOUT_MS. Set here, once per
 * connection, so no write can forget it; a read-only snapshot asks for it by name: `db.transaction(fn).deferred()`.
 */
function beginAsWriter(db: Db): void {
  const plain = db.transaction.bind(db);
  // The driver gives each variant (default, deferred, immediate, exclusive) the same four properties.
  db.transaction = ((fn: TransactionBody) => plain(fn).immediate) as Db['transaction'];
}

function cipherPragmas(db: Db, pageSize: number): void {
  // SQLCipher 4 compatible pages; the key is set separately as a raw key with the file's salt. The page size is not
  // in any plaintext header: it must be given before the first read (and, for a new file, before the first table).
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`legacy_page_size=${pageSize}`);
}

/**
 * Connects with the key. A new file gets PAGE_SIZE pages; an existing one is tried with PAGE_SIZE, then with the 4 KiB
 * pages of older databases (a wrong page size fails exactly like a wrong key, and with a raw key a try costs ~1 ms).
 */
function connect(file: string, key: Buffer, salt: Buffer, create: boolean): Db {
  const sizes = create ? [PAGE_SIZE] : [PAGE_SIZE, LEGACY_PAGE_SIZE];
  for (const pageSize of sizes) {
    const db: Db = new Database(file);
    try {
      // Before the first read: a writer in another process may hold the file for a moment (an import's commit).
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      cipherPragmas(db, pageSize);
      db.pragma(keyPragma(key, salt));
      // Page 1 alone: it decrypts (its HMAC holds) only with the right key and page size.
      db.pragma('schema_version');
    } catch (err) {
      db.close();
      if ((err as { code?: string }).code !== 'SQLITE_NOTADB') throw err;
      continue;
    }
    try {
      // The key is right: a schema that cannot be read now is a damaged file, not a wrong passphrase.
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      beginAsWriter(db);
      return db;
    } catch (err) {
      db.close();
      throw storeFault(err) ?? err;
    }
  }
  // Page 1 did not decrypt. With the right key it is damaged: the anchor file beside the database, sealed with a key
  // derived from the database key, tells the one from the other.
  if (isAnchor(readAnchorFile(file, deriveSealKey(key)))) {
    throw new CoreError('damaged', 'The database file is damaged: the passphrase is right, but the start of the file cannot be read. Nothing was changed. Restore the latest backup, or ask your administrator.', { cause: 'SQLITE_NOTADB' });
  }
  throw new CoreError('wrong_passphrase', 'Wrong passphrase: the database could not be opened with it.');
}

/**
 * When a connection closes, the audit chain's head goes to the anchor file beside the database (audit/anchors.ts), so
 * deleting the newest audit rows afterwards shows in `audit verify`. Never a reason not to close: a failure to write
 * it (a full disk, a read-only folder) only leaves the older anchor.
 */
function anchorOnClose(db: Db, file: string, sealKey: Buffer): void {
  const close = db.close.bind(db);
  db.close = (() => {
    if (db.open) {
      try {
        refreshAnchorFile(db, file, sealKey, new Date().toISOString());
      } catch {
        // the older anchor stays
      }
    }
    return close();
  }) as Db['close'];
}

function connectionPragmas(db: Db): void {
  // SQLite's temporary files (sorts, index builds, statement journals: etilqs_* in TMPDIR) are not encrypted: a 50k-row
  // import spilled tens of thousands of ID numbers into them. Kept in memory, no debtor data leaves the encrypted file.
  db.pragma('temp_store = MEMORY');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // 64 MiB page cache. A 100k-row import writes ~180 MB and spills mid-transaction anyway; a 1 GiB cache saved
  // ~0.1 s of its ~6 s of CPU, not worth the memory.
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
  let db: Db | null = null;
  try {
    db = connect(file, key, salt, opts.create === true);
    const sealKey = deriveSealKey(key);
    setSealKey(db, sealKey);
    connectionPragmas(db);
    migrate(db, opts.migrations ?? MIGRATIONS, opts.now ?? new Date().toISOString());
    anchorOnClose(db, file, sealKey);
    return { db, key };
  } catch (err) {
    db?.close();
    if (opts.create) removeDatabaseFiles(file);
    throw err;
  }
}

function removeDatabaseFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, anchorPath(file)]) rmSync(f, { force: true });
}
