import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { appendAudit } from '../audit/audit';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/open';
import { openDatabase } from '../db/open';
import { dbFile } from '../db/paths';
import { CoreError } from '../errors';
import { sha256File } from '../import/hash';

export interface BackupResult {
  file: string;
  bytes: number;
  sha256: string;
}

/**
 * A consistent, encrypted copy of the open database, taken while the app runs (VACUUM INTO: one read transaction;
 * the copy keeps the cipher, the key and the key's salt, so the passphrase alone opens it anywhere). Written to a
 * temporary name and renamed, so a half-written backup never exists under the final name. Audited with its SHA-256.
 */
export async function createBackup(db: Db, actor: Actor, out: string, now: string): Promise<BackupResult> {
  if (actor.role !== 'admin') throw new CoreError('forbidden', 'Only an admin can make a backup.');
  const file = resolve(out);
  if (!existsSync(dirname(file))) throw new CoreError('not_found', `The folder ${dirname(file)} does not exist.`, { field: 'out' });
  if (existsSync(file)) throw new CoreError('conflict', `${file} already exists; choose another name.`, { field: 'out' });
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    renameSync(partial, file);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
  const sha256 = await sha256File(file);
  const bytes = statSync(file).size;
  db.transaction(() => appendAudit(db, { actorId: actor.id, via: actor.via, action: 'backup.create', details: { file: basename(file), bytes, sha256 } }, now))();
  return { file, bytes, sha256 };
}

/** The backups kept in DATA_DIR/backups, newest first. */
export function listBackups(dataDir: string): { name: string; bytes: number; createdAt: string }[] {
  const dir = join(dataDir, 'backups');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.cdbackup'))
    .map((name) => {
      const st = statSync(join(dir, name));
      return { name, bytes: st.size, createdAt: st.mtime.toISOString() };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export function backupsDir(dataDir: string): string {
  const dir = join(dataDir, 'backups');
  mkdirSync(dir, { recursive: true });
  return dir;
}

const DB_SUFFIXES = ['', '-wal', '-shm'] as const;
const STAGING = '.restoring';

function isEmptyOrMissing(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

function hasDatabase(dir: string): boolean {
  return DB_SUFFIXES.some((suffix) => existsSync(`${dbFile(dir)}${suffix}`));
}

/**
 * The file of a backup the app listed (DATA_DIR/backups/NAME): only a bare name from that folder is taken, never a
 * path, so no request can make the app read a file outside its data folder.
 */
export function resolveBackupName(dataDir: string, name: string): string {
  const root = resolve(dataDir, 'backups');
  const file = resolve(root, name);
  if (isAbsolute(name) || name.includes('/') || name.includes('\\') || dirname(file) !== root || basename(file) !== name) {
    throw new CoreError('invalid_input', `"${name}" is a path outside the data folder's backups; choose a backup from the list.`, { field: 'name' });
  }
  if (!name.endsWith('.cdbackup')) throw new CoreError('invalid_input', `"${name}" is not a CollectDesk backup (.cdbackup).`, { field: 'name' });
  if (!existsSync(file) || !statSync(file).isFile()) throw new CoreError('not_found', `There is no backup named ${name}.`, { field: 'name' });
  return file;
}

/**
 * Copies a backup into DATA_DIR/.restoring and opens it there with the passphrase: a wrong passphrase (or a file that
 * is no backup) fails here, before anything in the data folder changes. The copy is brought up to this version's
 * schema and checkpointed, so it is one self-contained file. Returns the staging folder; the caller moves the
 * database out of it (moveDatabase) and removes it.
 */
async function stageBackup(source: string, dataDir: string, passphrase: string): Promise<string> {
  const staging = join(dataDir, STAGING);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    copyFileSync(source, dbFile(staging));
    let opened: Awaited<ReturnType<typeof openDatabase>>;
    try {
      opened = await openDatabase({ dataDir: staging, secret: { passphrase } });
    } catch (err) {
      if (err instanceof CoreError && (err.code === 'wrong_passphrase' || err.code === 'unreadable_file')) {
        throw new CoreError('wrong_passphrase', `${basename(source)} could not be opened with this passphrase: give the passphrase the backup was made with.`, { field: 'passphrase' });
      }
      throw err;
    }
    opened.db.pragma('wal_checkpoint(TRUNCATE)');
    opened.db.close();
    return staging;
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
}

/** Moves the database files (and any -wal/-shm beside them) from one folder to another. */
function moveDatabase(fromDir: string, toDir: string): void {
  for (const suffix of DB_SUFFIXES) {
    const from = `${dbFile(fromDir)}${suffix}`;
    if (existsSync(from)) renameSync(from, `${dbFile(toDir)}${suffix}`);
  }
}

export interface RestoreOptions {
  /**
   * true (the command line): the folder must be empty or missing. false (the app's first run): the folder may hold
   * other things (the desktop's browser profile, preferences, the staged upload) but no database.
   */
  requireEmpty?: boolean;
}

/**
 * Restores a backup into a data folder that is empty or does not exist (or, with requireEmpty false, that has no
 * database). The copy must open with the passphrase (it is checked, and brought up to this version's schema) before
 * it takes the database's name.
 */
export async function restoreBackup(file: string, dataDir: string, passphrase: string, opts: RestoreOptions = {}): Promise<{ dataDir: string }> {
  const source = resolve(file);
  if (!existsSync(source) || !statSync(source).isFile()) throw new CoreError('not_found', `${file}: no such backup file.`, { field: 'file' });
  if (opts.requireEmpty === false) {
    if (hasDatabase(dataDir)) throw new CoreError('conflict', `${dataDir} already has a database: a backup is restored only where there is none.`, { field: 'data' });
  } else if (!isEmptyOrMissing(dataDir)) {
    throw new CoreError('conflict', `${dataDir} is not empty: restore into an empty or new folder.`, { field: 'data' });
  }
  const staging = await stageBackup(source, dataDir, passphrase);
  try {
    moveDatabase(staging, dataDir);
    return { dataDir };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Replacing the database of a running app, in two steps so a wrong passphrase changes nothing:
 * `prepareReplacement` checks the backup (copied aside and opened with its passphrase) while the current database is
 * still open; then the app closes its database and calls `swap`, which puts the current files aside and the
 * restored copy in their place. `rollback` puts the current files back (when the restored copy then fails to open);
 * `finish` deletes them (the caller made a safety backup first).
 */
export interface Replacement {
  /** the backup's SHA-256, for the audit */
  sha256: string;
  swap(): void;
  rollback(): void;
  finish(): void;
  /** gives up before the swap: removes the checked copy */
  discard(): void;
}

/**
 * After a crash in the middle of a swap (between its two renames) the folder has no database and the replaced one
 * waits in DATA_DIR/.replaced: it is put back, so the app opens what it had. Leftover checked copies are removed.
 * Call before the app looks at the folder.
 */
export function recoverInterruptedRestore(dataDir: string): void {
  const aside = join(dataDir, '.replaced');
  if (!hasDatabase(dataDir) && existsSync(dbFile(aside))) moveDatabase(aside, dataDir);
  if (hasDatabase(dataDir)) rmSync(aside, { recursive: true, force: true });
  rmSync(join(dataDir, STAGING), { recursive: true, force: true });
}

export async function prepareReplacement(source: string, dataDir: string, passphrase: string): Promise<Replacement> {
  const sha256 = await sha256File(source);
  const staging = await stageBackup(source, dataDir, passphrase);
  const aside = join(dataDir, '.replaced');
  return {
    sha256,
    swap() {
      rmSync(aside, { recursive: true, force: true });
      mkdirSync(aside);
      moveDatabase(dataDir, aside);
      try {
        moveDatabase(staging, dataDir);
      } catch (err) {
        moveDatabase(aside, dataDir);
        throw err;
      }
      rmSync(staging, { recursive: true, force: true });
    },
    rollback() {
      for (const suffix of DB_SUFFIXES) rmSync(`${dbFile(dataDir)}${suffix}`, { force: true });
      moveDatabase(aside, dataDir);
      rmSync(aside, { recursive: true, force: true });
    },
    finish() {
      rmSync(aside, { recursive: true, force: true });
    },
    discard() {
      rmSync(staging, { recursive: true, force: true });
    },
  };
}
