import { z } from 'zod';
import { method } from './method';

/** Admin → Data: backups on a schedule, and the purge's preview (what it will touch before the irreversible step). */
export const BackupSchedule = z
  .object({
    frequency: z.enum(['daily', 'weekly']),
    /** weekly: the day, 1 (Monday) … 7 (Sunday) */
    weekday: z.number().int().min(1).max(7).nullable(),
    /** the workstation's local time, HH:MM */
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
    /** an existing folder on this computer */
    folder: z.string().trim().min(1).max(1000),
    /** how many scheduled backups the folder keeps; older ones are removed */
    keep: z.number().int().min(1).max(365),
  })
  .strict();
export type BackupSchedule = z.infer<typeof BackupSchedule>;

export const BackupScheduleState = z.object({
  schedule: BackupSchedule.nullable(),
  /** the data folder's backups folder (where manual backups go) */
  defaultFolder: z.string(),
  /** the last scheduled backup made, or the last attempt that failed */
  last: z.object({ at: z.string(), file: z.string().nullable(), error: z.string().nullable() }).nullable(),
  /** when the next one is due (an instant); null without a schedule */
  next: z.string().nullable(),
});
export type BackupScheduleState = z.infer<typeof BackupScheduleState>;

export const PurgePreview = z.object({
  today: z.string(),
  cases: z.number().int(),
  debtors: z.number().int(),
  byBatch: z.array(z.object({ clientCode: z.string(), clientName: z.string(), batchId: z.string(), batchNo: z.string().nullable(), fileName: z.string(), cases: z.number().int() })),
  held: z.object({ cases: z.number().int(), debtors: z.number().int() }),
  retention: z.array(z.object({ clientCode: z.string(), clientName: z.string(), purgeAfterDays: z.number().int(), cutoff: z.string() })),
});
export type PurgePreview = z.infer<typeof PurgePreview>;

export const backupsMethods = {
  'backup.schedule': method(z.object({}).strict(), BackupScheduleState, 'admin'),
  /** Sets the schedule (null: no scheduled backups). Audited. */
  'backup.setSchedule': method(z.object({ schedule: BackupSchedule.nullable() }).strict(), BackupScheduleState, 'admin'),
  'retention.preview': method(z.object({}).strict(), PurgePreview, 'admin'),
} as const;
