import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { writeManifest } from '../audit/anchors';
import { appendAudit } from '../audit/audit';
import { sealKeyOf } from '../audit/seal';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/open';
import { CoreError, storeFault } from '../errors';
import { sha256File } from '../import/hash';

export interface BackupResult {
  file: string;
  bytes: number;
  sha256: string;
}

/**
 * A consistent, encrypted copy of the open database, taken while the app runs (VACUUM INTO: one read transaction;
 * the copy keeps the cipher, the key and the key's salt, so the passphrase alone opens it anywhere). Written to a
 * temporary name and renamed, so a half-written backup never exists under the final name. It carries the audit
 * chain's head in its manifest (audit/anchors.ts). Audited with its SHA-256 and that head.
 */
export async function createBackup(db: Db, actor: Actor, out: string, now: string): Promise<BackupResult> {
  if (actor.role !== 'admin') throw new CoreError('forbidden', 'Only an admin can make a backup.');
  const file = resolve(out);
  if (!existsSync(dirname(file))) throw new CoreError('not_found', `The folder ${dirname(file)} does not exist.`, { field: 'out' });
  if (existsSync(file)) throw new CoreError('conflict', `${file} already exists; choose another name.`, { field: 'out' });
  const partial = `${file}${PARTIAL}`;
  rmSync(partial, { force: true });
  sweepPartialBackups(dirname(file), Date.now());
  try {
    // The audit chain's head, sealed, goes into the copy: a store restored from it is checked against it.
    const anchor = db.transaction(() => writeManifest(db, sealKeyOf(db), now))();
    db.prepare('VACUUM INTO ?').run(partial);
    renameSync(partial, file);
    const sha256 = await sha256File(file);
    const bytes = statSync(file).size;
    db.transaction(() =>
      appendAudit(db, { actorId: actor.id, via: actor.via, action: 'backup.create', details: { file: basename(file), bytes, sha256, ...(anchor ? { anchor } : {}) } }, now),
    )();
    return { file, bytes, sha256 };
  } catch (err) {
    rmSync(partial, { force: true });
    throw storeFault(err, 'The backup was not written.') ?? err;
  }
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


/** The suffix of a backup being written (renamed to its own name once whole). */
const PARTIAL = '.partial';
/** A backup being written grows all the time; one untouched this long was left by a killed or crashed backup. */
const PARTIAL_MAX_IDLE_MS = 10 * 60_000;

/** Removes the `*.cdbackup.partial` files a killed backup left in `dir` (those still growing are another backup's). */
export function sweepPartialBackups(dir: string, nowMs: number): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith(PARTIAL)) continue;
    const file = join(dir, name);
    try {
      if (nowMs - statSync(file).mtimeMs > PARTIAL_MAX_IDLE_MS) rmSync(file, { force: true });
    } catch {
      // removed meanwhile
    }
  }
}
