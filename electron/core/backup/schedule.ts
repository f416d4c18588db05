import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import type { BackupSchedule, BackupScheduleState } from '../../../shared/contract/backups';
import { appendAudit } from '../audit/audit';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/open';
import { CoreError, toApiError } from '../errors';
import { backupsDir, createBackup } from './backup';
import { APP_BACKUP_NAME, backupPath } from './names';

interface Row {
  frequency: 'daily' | 'weekly';
  weekday: number | null;
  at_time: string;
  folder: string;
  keep: number;
  set_at: string;
  set_by: string;
  last_attempt_at: string | null;
  last_file: string | null;
  last_error: string | null;
}

function readRow(db: Db): Row | undefined {
  return db.prepare('SELECT frequency, weekday, at_time, folder, keep, set_at, set_by, last_attempt_at, last_file, last_error FROM backup_schedule WHERE id = 1').get() as Row | undefined;
}

const toSchedule = (r: Row): BackupSchedule => ({ frequency: r.frequency, weekday: r.weekday, time: r.at_time, folder: r.folder, keep: r.keep });

/** 1 (Monday) … 7 (Sunday), in local time. */
const isoWeekday = (d: Date): number => ((d.getDay() + 6) % 7) + 1;

/** The schedule's time on the local day `daysFromToday` days from `now`'s. */
function slotOn(s: BackupSchedule, now: Date, daysFromToday: number): Date {
  const [h, m] = s.time.split(':').map(Number) as [number, number];
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + daysFromToday, h, m);
}

const fits = (s: BackupSchedule, d: Date): boolean => s.frequency === 'daily' || isoWeekday(d) === s.weekday;

/** The latest moment at or before `now` a backup was due. */
export function previousSlot(s: BackupSchedule, now: Date): Date {
  for (let k = 0; k <= 8; k++) {
    const d = slotOn(s, now, -k);
    if (d.getTime() <= now.getTime() && fits(s, d)) return d;
  }
  throw new Error('no slot in the last 8 days');
}

/** The first moment after `now` a backup is due. */
export function nextSlot(s: BackupSchedule, now: Date): Date {
  for (let k = 0; k <= 8; k++) {
    const d = slotOn(s, now, k);
    if (d.getTime() > now.getTime() && fits(s, d)) return d;
  }
  throw new Error('no slot in the next 8 days');
}

/** Whether a slot has passed since the schedule was set and since the last attempt (made or failed). */
function isDue(r: Row, now: Date): boolean {
  const covered = Math.max(Date.parse(r.set_at), r.last_attempt_at ? Date.parse(r.last_attempt_at) : 0);
  return previousSlot(toSchedule(r), now).getTime() > covered;
}

export function scheduleState(db: Db, dataDir: string, now: Date): BackupScheduleState {
  const r = readRow(db);
  const defaultFolder = backupsDir(dataDir);
  if (!r) return { schedule: null, defaultFolder, last: null, next: null };
  const last = r.last_attempt_at ? { at: r.last_attempt_at, file: r.last_file, error: r.last_error } : null;
  return { schedule: toSchedule(r), defaultFolder, last, next: (isDue(r, now) ? now : nextSlot(toSchedule(r), now)).toISOString() };
}

/** Sets (or with null removes) the schedule; the folder must exist. Audited with the settings (a folder is no personal data). */
export function setSchedule(db: Db, actor: Actor, schedule: BackupSchedule | null, now: string): void {
  if (actor.role !== 'admin') throw new CoreError('forbidden', 'Only an admin can schedule backups.');
  if (schedule) {
    if (schedule.frequency === 'weekly' && schedule.weekday === null) throw new CoreError('invalid_input', 'A weekly backup needs its day of the week.', { field: 'weekday' });
    if (!isAbsolute(schedule.folder)) throw new CoreError('invalid_input', `"${schedule.folder}" is not a full folder path.`, { field: 'folder' });
    if (!existsSync(schedule.folder) || !statSync(schedule.folder).isDirectory()) throw new CoreError('not_found', `The folder ${schedule.folder} does not exist.`, { field: 'folder' });
  }
  db.transaction(() => {
    db.prepare('DELETE FROM backup_schedule').run();
    if (schedule) {
      db.prepare('INSERT INTO backup_schedule (id, frequency, weekday, at_time, folder, keep, set_at, set_by) VALUES (1, ?, ?, ?, ?, ?, ?, ?)').run(
        schedule.frequency,
        schedule.frequency === 'weekly' ? schedule.weekday : null,
        schedule.time,
        resolve(schedule.folder),
        schedule.keep,
        now,
        actor.id,
      );
    }
    appendAudit(db, { actorId: actor.id, via: actor.via, action: 'backup.schedule', details: schedule ? { ...schedule, folder: resolve(schedule.folder) } : { off: true } }, now);
  })();
}

/** Removes the app's own backups in `folder` beyond the newest `keep` (safety copies and other files stay). */
export function pruneBackups(folder: string, keep: number): string[] {
  const ours = readdirSync(folder)
    .filter((n) => APP_BACKUP_NAME.test(n))
    .map((name) => ({ name, mtime: statSync(join(folder, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime || b.name.localeCompare(a.name));
  const removed = ours.slice(keep).map((b) => b.name);
  for (const name of removed) rmSync(join(folder, name), { force: true });
  return removed;
}

/**
 * Makes the scheduled backup when one is due (a slot passed since the last attempt: at its time while the app is
 * open, or at the next open when the app was closed then), then removes the oldest beyond the number kept. A failure
 * is recorded (the Data panel shows it) and the next slot tries again. Answers what it did, or null when nothing was due.
 */
export async function runDueBackup(db: Db, now: Date): Promise<{ file: string | null; error: string | null } | null> {
  const r = readRow(db);
  if (!r || !isDue(r, now)) return null;
  const at = now.toISOString();
  const actor: Actor = { id: r.set_by, role: 'admin', via: 'system' };
  let file: string | null = null;
  let error: string | null = null;
  try {
    if (!existsSync(r.folder)) throw new CoreError('not_found', `The folder ${r.folder} does not exist.`, { field: 'folder' });
    file = basename((await createBackup(db, actor, backupPath(r.folder, now), at)).file);
    const removed = pruneBackups(r.folder, r.keep);
    if (removed.length > 0) db.transaction(() => appendAudit(db, { actorId: actor.id, via: 'system', action: 'backup.prune', details: { folder: r.folder, removed } }, at))();
  } catch (err) {
    error = toApiError(err).code;
    // An import holds the store's write lock: tried again at the next tick, not only at the next slot.
    if (error === 'busy') return { file: null, error };
  }
  db.transaction(() => db.prepare('UPDATE backup_schedule SET last_attempt_at = ?, last_file = ?, last_error = ? WHERE id = 1').run(at, file, error))();
  return { file, error };
}
