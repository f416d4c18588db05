import { z } from 'zod';
import { method } from './method';

/** Returns to the bank (回盘): which clients have a template, a preview of a period, the file itself, past exports. */
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
export const ReturnsPeriod = z.object({ clientCode: z.string().trim().min(1).max(32), from: Day, to: Day }).strict();
export type ReturnsPeriod = z.infer<typeof ReturnsPeriod>;

export const ReturnsCounts = z.object({ activities: z.number().int(), promises: z.number().int(), plans: z.number().int(), recalls: z.number().int() });
export type ReturnsCounts = z.infer<typeof ReturnsCounts>;

export const ReturnsClient = z.object({
  code: z.string(),
  name: z.string(),
  /** null: the profile has no returns section */
  format: z.enum(['csv', 'xlsx']).nullable(),
  encoding: z.enum(['utf-8', 'gbk']).nullable(),
  dailyReport: z.boolean(),
  include: z.array(z.enum(['activities', 'promises', 'plans', 'recalls'])),
});
export type ReturnsClient = z.infer<typeof ReturnsClient>;

export const ReturnsPreview = z.object({
  client: z.string(),
  from: z.string(),
  to: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.enum(['utf-8', 'gbk']).nullable(),
  fileName: z.string(),
  dailyFileName: z.string().nullable(),
  counts: ReturnsCounts,
  total: z.number().int(),
  recallsPending: z.number().int(),
  headers: z.array(z.string()),
  /** the first rows as they will be written; personal fields masked on screen whatever the file carries */
  rows: z.array(z.array(z.string())),
  unmaskedColumns: z.array(z.string()),
  daily: z.object({ headers: z.array(z.string()), rows: z.array(z.array(z.string())) }).nullable(),
});
export type ReturnsPreview = z.infer<typeof ReturnsPreview>;

export const ReturnsFileOut = z.object({ fileName: z.string(), mime: z.string(), sha256: z.string(), size: z.number().int(), base64: z.string() });
export type ReturnsFileOut = z.infer<typeof ReturnsFileOut>;

export const ReturnsExportResult = z.object({
  client: z.string(),
  from: z.string(),
  to: z.string(),
  counts: ReturnsCounts,
  recallsMarked: z.number().int(),
  /** the returns file, then (csv templates) the daily report file */
  files: z.array(ReturnsFileOut).min(1),
});
export type ReturnsExportResult = z.infer<typeof ReturnsExportResult>;

export const ReturnsHistoryRow = z.object({
  at: z.string(),
  by: z.string(),
  client: z.string(),
  from: z.string(),
  to: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  counts: ReturnsCounts,
});
export type ReturnsHistoryRow = z.infer<typeof ReturnsHistoryRow>;

/** The clients and the app's today (its clock may run from COLLECTDESK_NOW), for the default period. */
export const ReturnsClients = z.object({ today: z.string(), clients: z.array(ReturnsClient) });
export type ReturnsClients = z.infer<typeof ReturnsClients>;

export const returnsMethods = {
  'returns.clients': method(z.object({}).strict(), ReturnsClients, 'lead'),
  'returns.preview': method(ReturnsPeriod, ReturnsPreview, 'lead'),
  'returns.export': method(ReturnsPeriod, ReturnsExportResult, 'lead'),
  'returns.history': method(z.object({ clientCode: z.string().trim().min(1).max(32).optional(), limit: z.number().int().min(1).max(200).default(20) }).strict(), z.array(ReturnsHistoryRow), 'lead'),
} as const;
