import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { openDatabase } from '../db/open';
import { dbFile } from '../db/paths';
import { CoreError, isDamaged, storeFault } from '../errors';
import { sha256File } from '../import/hash';
import { sweepPartialBackups } from './backup';

const DB_SUFFIXES = ['', '-wal', '-shm'] as const;
/** what moves with a database: its files, and its audit anchor (audit/anchors.ts) */
const MOVED_SUFFIXES = [...DB_SUFFIXES, '.anchor'] as const;
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
 * is no backup) fails here, before anything in the data folder changes, and so does a damaged backup (every page is
 * read: SQLite's quick_check) and a disk too full to hold the copy. The copy is brought up to this version's schema
 * and checkpointed, so it is one self-contained file. Returns the staging folder; the caller moves the database out
 * of it (moveDatabase) and removes it.
 */
async function stageBackup(source: string, dataDir: string, passphrase: string): Promise<string> {
  const staging = join(dataDir, STAGING);
  const name = basename(source);
  rmSync(staging, { recursive: true, force: true });
  try {
    mkdirSync(staging, { recursive: true });
    copyFileSync(source, dbFile(staging));
    let opened: Awaited<ReturnType<typeof openDatabase>>;
    try {
      opened = await openDatabase({ dataDir: staging, secret: { passphrase } });
    } catch (err) {
      if (err instanceof CoreError && (err.code === 'wrong_passphrase' || err.code === 'unreadable_file')) {
        throw new CoreError('wrong_passphrase', `${name} could not be opened with this passphrase: give the passphrase the backup was made with.`, { field: 'passphrase' });
      }
      throw err;
    }
    try {
      const check = opened.db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw damagedBackup(name, String(check));
      opened.db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      opened.db.close();
    }
    return staging;
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    if (isDamaged(err) || (err instanceof CoreError && err.code === 'damaged')) throw damagedBackup(name, (err as Error).message);
    throw storeFault(err, 'Nothing was restored: the data folder is as it was.') ?? err;
  }
}

function damagedBackup(name: string, problem: string): CoreError {
  return new CoreError('damaged', `${name} is damaged: it opens with this passphrase, but part of it cannot be read. Nothing was restored; choose another backup.`, {
    field: 'file',
    problem: problem.slice(0, 200),
  });
}

/** Moves the database files (and any -wal/-shm beside them) from one folder to another. */
function moveDatabase(fromDir: string, toDir: string): void {
  for (const suffix of MOVED_SUFFIXES) {
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
  // A restore or a swap that was killed half-way leaves its working folders: they are recovered or cleared first, as
  // the app does when it starts, so they do not count as the folder's contents. (Where a database is, a restore is
  // refused anyway, and an app running on it may be staging a restore of its own: that is left alone.)
  if (!hasDatabase(dataDir)) recoverInterruptedRestore(dataDir);
  if (opts.requireEmpty === false) {
    if (hasDatabase(dataDir)) throw new CoreError('conflict', `${dataDir} already has a database: a backup is restored only where there is none.`, { field: 'data' });
  } else if (!isEmptyOrMissing(dataDir)) {
    throw new CoreError('conflict', `${dataDir} is not empty: restore into an empty or new folder.`, { field: 'data' });
  }
  const created = !existsSync(dataDir);
  let staging: string;
  try {
    staging = await stageBackup(source, dataDir, passphrase);
  } catch (err) {
    if (created) rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
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
  // An empty .replaced (a swap killed before it moved anything) holds nothing to put back.
  if (existsSync(aside) && readdirSync(aside).length === 0) rmSync(aside, { recursive: true, force: true });
  rmSync(join(dataDir, STAGING), { recursive: true, force: true });
  sweepPartialBackups(join(dataDir, 'backups'), Date.now());
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
      for (const suffix of MOVED_SUFFIXES) rmSync(`${dbFile(dataDir)}${suffix}`, { force: true });
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
