import { z } from 'zod';
import { ROLES } from '../domain/roles';

export const Empty = z.object({}).strict();

/** A user name: letters (any script), digits, dot, dash, underscore. */
export const UserName = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}._-]+$/u, 'letters, digits, dot, dash or underscore only');
export const Password = z.string().min(8, 'at least 8 characters').max(256);
export const Passphrase = z.string().min(8, 'at least 8 characters').max(1024);
export const DisplayName = z.string().trim().min(1).max(100);
/** 工号: letters, digits and dashes; '' clears it */
export const StaffNo = z.string().trim().max(20).regex(/^[A-Za-z0-9-]*$/, 'A staff number holds letters, digits and dashes only.');
export const Role = z.enum(ROLES);
export const Id = z.string().min(1).max(64);

export const SessionUser = z.object({
  id: Id,
  name: z.string(),
  displayName: z.string(),
  role: Role,
});
export type SessionUser = z.infer<typeof SessionUser>;

export const UserRow = SessionUser.extend({
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  /** the cases assigned to the user that are still worked (not paid, recalled or closed): a collector's load */
  openCases: z.number().int(),
  /** 工号, announced by the call scripts (null: not set; the scripts then say the login name) */
  staffNo: z.string().nullable(),
});
export type UserRow = z.infer<typeof UserRow>;

export const AppStatus = z.object({
  /** new: no database yet (first run); locked: needs the passphrase; open: ready to sign in */
  state: z.enum(['new', 'locked', 'open']),
  version: z.string(),
  dataDir: z.string(),
  user: SessionUser.nullable(),
});
export type AppStatus = z.infer<typeof AppStatus>;

/** Work-queue filters and order: done in SQLite, never in memory (paging, sorting, filtering). */
export const QUEUE_SORTS = ['default', 'balance', 'overdueDays', 'nextActionAt', 'caseNo', 'promiseDue', 'dueBack'] as const;
export const QUEUE_DUE = ['promises_today', 'next_action_due', 'broken_promises'] as const;

export const CaseListQuery = z
  .object({
    page: z.number().int().min(0).default(0),
    pageSize: z.number().int().min(1).max(500).default(50),
    search: z.string().trim().max(100).optional(),
    sort: z.enum(QUEUE_SORTS).default('default'),
    dir: z.enum(['asc', 'desc']).default('desc'),
    due: z.enum(QUEUE_DUE).optional(),
    clientCode: z.string().max(32).optional(),
    batchId: z.string().max(64).optional(),
    stage: z.string().max(8).optional(),
    status: z.string().max(16).optional(),
    minBalanceFen: z.number().int().min(0).optional(),
    maxBalanceFen: z.number().int().min(0).optional(),
    /** leads: one collector's cases, or 'none' for the unassigned */
    assignedTo: z.string().max(64).optional(),
  })
  .strict();
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export const CaseListRow = z.object({
  id: Id,
  clientCode: z.string(),
  caseNo: z.string(),
  debtorName: z.string().nullable(),
  balanceFen: z.number().int(),
  overdueDays: z.number().int().nullable(),
  stage: z.string().nullable(),
  status: z.string(),
  assignedTo: z.string().nullable(),
  assignedToName: z.string().nullable().optional(),
  nextActionAt: z.string().nullable(),
  batchNo: z.string().nullable().optional(),
  dueBackAt: z.string().nullable().optional(),
  /** the nearest pending promise */
  promiseDueDate: z.string().nullable().optional(),
  promiseAmountFen: z.number().int().nullable().optional(),
  brokenPromise: z.boolean().optional(),
  flags: z.array(z.string()).optional(),
  /** the calling window in the debtor's zone now (their consent counted): closed → when it opens (debtor's offset) */
  callWindow: z.object({ open: z.boolean(), localTime: z.string(), start: z.string(), end: z.string(), opensAt: z.string().nullable() }).nullable().optional(),
  /** any activity on the case in the debtor's local day */
  contactedToday: z.boolean().optional(),
  /** outbound calls on the case in the debtor's local day */
  attemptsToday: z.number().int().optional(),
});
export type CaseListRow = z.infer<typeof CaseListRow>;

export const CaseListResult = z.object({
  rows: z.array(CaseListRow),
  total: z.number().int(),
  /** how many of the actor's cases are in each due bucket (for the filter chips) */
  counts: z.object({ promisesToday: z.number().int(), nextActionsDue: z.number().int(), brokenPromises: z.number().int() }).optional(),
});

export const AuditVerify = z.object({
  intact: z.boolean(),
  events: z.number().int(),
  firstBrokenSeq: z.number().int().nullable(),
  reason: z.string().nullable(),
  /** the anchors the chain was checked against (kept outside the audit table): where each is, and the row it names */
  anchors: z.array(z.object({ source: z.string(), seq: z.number().int() })),
});
export type AuditVerify = z.infer<typeof AuditVerify>;

export const LANGUAGES = ['zh-CN', 'en'] as const;
export const IDLE_LOCK_CHOICES = [0, 5, 15, 30, 60] as const;
export const Preferences = z.object({
  language: z.enum(LANGUAGES),
  theme: z.enum(['light', 'dark']),
  /** lock the app (close the database) after this many minutes without input; 0 = never */
  idleLockMinutes: z.number().int().min(0).max(240).default(15),
});
export type Preferences = z.infer<typeof Preferences>;
export const DEFAULT_PREFERENCES: Preferences = { language: 'zh-CN', theme: 'light', idleLockMinutes: 15 };
