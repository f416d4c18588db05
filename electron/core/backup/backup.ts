import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
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

function isEmptyOrMissing(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/**
 * Restores a backup into a data folder that is empty or does not exist. The copy must open with the passphrase
 * (it is checked, and brought up to this version's schema) before it takes the database's name.
 */
export async function restoreBackup(file: string, dataDir: string, passphrase: string): Promise<{ dataDir: string }> {
  const source = resolve(file);
  if (!existsSync(source) || !statSync(source).isFile()) throw new CoreError('not_found', `${file}: no such backup file.`, { field: 'file' });
  if (!isEmptyOrMissing(dataDir)) throw new CoreError('conflict', `${dataDir} is not empty: restore into an empty or new folder.`, { field: 'data' });
  const staging = join(dataDir, '.restoring');
  mkdirSync(staging, { recursive: true });
  try {
    copyFileSync(source, dbFile(staging));
    const { db } = await openDatabase({ dataDir: staging, secret: { passphrase } });
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    for (const suffix of ['', '-wal', '-shm']) {
      const from = `${dbFile(staging)}${suffix}`;
      if (existsSync(from)) renameSync(from, `${dbFile(dataDir)}${suffix}`);
    }
    return { dataDir };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
