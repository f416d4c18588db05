import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Backup files are named by the workstation's local time, as the admin reads the clock on the wall:
 * `collectdesk-2026-12-07-2130.cdbackup` (a safety copy before a restore: `…-2130-before-restore.cdbackup`).
 */
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** 2026-12-07-2130: the local date and minute of an instant. */
export function localStamp(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}`;
}

/** DIR/collectdesk-STAMP[-SUFFIX].cdbackup, or …-2.cdbackup, -3 … when that name is taken (two backups in one minute). */
export function backupPath(dir: string, at: Date, suffix?: string): string {
  const base = `collectdesk-${localStamp(at)}${suffix ? `-${suffix}` : ''}`;
  for (let n = 1; ; n++) {
    const file = join(dir, n === 1 ? `${base}.cdbackup` : `${base}-${n}.cdbackup`);
    if (!existsSync(file)) return file;
  }
}

/** A backup the app named itself (not a safety copy before a restore, not a file someone put there). */
export const APP_BACKUP_NAME = /^collectdesk-\d{4}-\d{2}-\d{2}-\d{4}(-\d+)?\.cdbackup$/;
