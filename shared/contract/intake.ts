import { z } from 'zod';
import { method } from './method';

/** Bank intake: clients, batches, previews, imports and their rejects (issue: batch intake). */
const ImportKind = z.enum(['placement', 'payments', 'recalls']);
const ClientCode = z.string().trim().min(1).max(32);
const FileRef = z.string().min(1).max(64);

export const ClientSummary = z.object({
  code: z.string(),
  name: z.string(),
  rulePack: z.string(),
  timezone: z.string(),
  kinds: z.array(ImportKind),
});
export type ClientSummary = z.infer<typeof ClientSummary>;

export const BatchRow = z.object({
  id: z.string(),
  clientCode: z.string(),
  batchNo: z.string().nullable(),
  fileName: z.string(),
  placedAt: z.string().nullable(),
  dueBackAt: z.string().nullable(),
  hand: z.number().int().nullable(),
  caseCount: z.number().int(),
  placedTotalFen: z.number().int(),
  status: z.string(),
  importedAt: z.string(),
});
export type BatchRow = z.infer<typeof BatchRow>;

export const Rejection = z.object({ row: z.number().int(), caseNo: z.string(), field: z.string(), code: z.string(), message: z.string() });
export type Rejection = z.infer<typeof Rejection>;

export const ImportSummary = z.object({
  kind: ImportKind,
  client: z.string(),
  batchId: z.string().nullable(),
  importId: z.string(),
  file: z.string(),
  sha256: z.string(),
  rows: z.number().int(),
  accepted: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.array(Rejection),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const ImportPreview = z.object({
  file: z.string(),
  kind: ImportKind,
  headerRow: z.number().int(),
  /** each column the profile maps (contact parts as contacts.N.part / contacts.cell), as the profile names it, and the header found for it (null: not in this file) */
  columns: z.array(z.object({ field: z.string(), expected: z.string(), header: z.string().nullable() })),
  /** values given once for the whole file by the profile (batch number, dates, hand) and where they were found */
  fileValues: z.array(z.object({ field: z.string(), value: z.string(), from: z.enum(['profile', 'fileName', 'titleRows']) })),
  rows: z.array(
    z.object({
      row: z.number().int(),
      caseNo: z.string(),
      values: z.record(z.string(), z.string().nullable()),
      problem: z.object({ field: z.string(), code: z.string(), message: z.string() }).nullable(),
      /** what the import would do with the row: a new case, payment or recall (inserted), an update or a reversal (updated), a waiver (adjusted), nothing (unchanged) */
      outcome: z.enum(['inserted', 'updated', 'unchanged', 'adjusted']).nullable(),
      /** placements: the contact persons read from the row, phones masked (null: not a placement row, or rejected) */
      contacts: z.array(z.object({ name: z.string().nullable(), relation: z.string(), phone: z.string() })).nullable(),
    }),
  ),
  /** when this very file (by SHA-256) was imported for the client: importing it again will be refused */
  alreadyImportedAt: z.string().nullable(),
  /** a workbook: the sheet read, and its other sheets, which are not imported (null: a text file) */
  sheets: z.object({ read: z.string(), others: z.array(z.string()) }).nullable(),
  /**
   * placements: the batch's number, term and hand as the file gives them (its values, else its first row that places a
   * case), which the import's batch number and hand only fill in; and the profile's hand for a file that gives none
   */
  batch: z
    .object({ batchNo: z.string().nullable(), placedAt: z.string().nullable(), dueBackAt: z.string().nullable(), hand: z.number().int().nullable(), defaultHand: z.number().int().nullable() })
    .nullable(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ApiErrorShape = z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() });

export const ImportJobStatus = z.object({
  jobId: z.string(),
  /** cancelled: stopped at the user's request (import.cancel), its transaction rolled back: nothing of it was written */
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  kind: ImportKind,
  clientCode: z.string(),
  rows: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  summary: ImportSummary.nullable(),
  error: ApiErrorShape.nullable(),
});
export type ImportJobStatus = z.infer<typeof ImportJobStatus>;

export const ImportRow = z.object({
  id: z.string(),
  clientCode: z.string(),
  kind: ImportKind,
  fileName: z.string(),
  rows: z.number().int(),
  accepted: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  importedAt: z.string(),
  importedBy: z.string(),
});
export type ImportRow = z.infer<typeof ImportRow>;

const FileChoice = { clientCode: ClientCode, kind: ImportKind, fileRef: FileRef };

export const intakeMethods = {
  'clients.list': method(z.object({}).strict(), z.array(ClientSummary), 'user'),
  'batches.list': method(z.object({ clientCode: ClientCode.optional() }).strict(), z.array(BatchRow), 'lead'),
  'import.preview': method(z.object(FileChoice).strict(), ImportPreview, 'lead'),
  'import.start': method(
    z.object({ ...FileChoice, batchNo: z.string().trim().min(1).max(64).optional(), hand: z.number().int().min(1).max(99).optional() }).strict(),
    z.object({ jobId: z.string() }),
    'lead',
  ),
  'import.status': method(z.object({ jobId: z.string().min(1).max(64) }).strict(), ImportJobStatus, 'lead'),
  'import.list': method(z.object({ clientCode: ClientCode.optional(), limit: z.number().int().min(1).max(500).default(50) }).strict(), z.array(ImportRow), 'lead'),
  'import.rejects': method(z.object({ importId: z.string().min(1).max(64) }).strict(), z.array(Rejection), 'lead'),
  'import.discard': method(z.object({ fileRef: FileRef }).strict(), z.object({ done: z.literal(true) }), 'lead'),
  /**
   * Stops a running import (by its job: its transaction is rolled back, the job ends `cancelled`) or the preview of a
   * staged file (by its fileRef: the preview call answers `cancelled`). `cancelled` is false when nothing of it was
   * running (it had already ended).
   */
  'import.cancel': method(
    z.union([z.object({ jobId: z.string().min(1).max(64) }).strict(), z.object({ fileRef: FileRef }).strict()]),
    z.object({ cancelled: z.boolean() }),
    'lead',
  ),
} as const;
