import { z } from 'zod';
import { method } from './method';
import { AppStatus } from './schemas';

/** Admin: the audit log viewer, backups, purge. */
export const AuditRow = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string().nullable(),
  via: z.string(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  details: z.string(),
});
export type AuditRow = z.infer<typeof AuditRow>;

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const adminMethods = {
  'audit.list': method(
    z
      .object({
        action: z.string().max(40).optional(),
        actorId: z.string().max(64).optional(),
        entityId: z.string().max(64).optional(),
        from: Day.optional(),
        to: Day.optional(),
        page: z.number().int().min(0).default(0),
        pageSize: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    z.object({ rows: z.array(AuditRow), total: z.number().int() }),
    'admin',
  ),
  'backup.create': method(z.object({}).strict(), z.object({ file: z.string(), bytes: z.number().int(), sha256: z.string() }), 'admin'),
  'backup.list': method(z.object({}).strict(), z.array(z.object({ name: z.string(), bytes: z.number().int(), createdAt: z.string() })), 'admin'),
  /**
   * Replaces the open database with a listed backup (by its bare name in DATA_DIR/backups): the backup is checked with
   * its passphrase first, a safety backup of the current database is made, then the swap. Answers the new status:
   * open, nobody signed in.
   */
  'backup.restore': method(
    z.object({ name: z.string().min(1).max(255), passphrase: z.string().min(1).max(1024) }).strict(),
    AppStatus,
    'admin',
  ),
  /** `expectCases`: the count the preview showed (retention.preview); another number due now is refused (conflict) */
  'retention.purge': method(z.object({ expectCases: z.number().int().min(0).optional() }).strict(), z.object({ cases: z.number().int(), debtors: z.number().int(), vacuumed: z.boolean() }), 'admin'),
} as const;
