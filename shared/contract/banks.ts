import { z } from 'zod';
import { ImportPreview, Rejection } from './intake';
import { method } from './method';

/**
 * Admin → Banks (银行/委托方): register or replace a bank from its profile file, edit the settings an admin changes
 * between profile files (commission, waiver limit, retention, sync), and try a profile on a sample file first.
 * The sync secret goes in and never comes back out: a bank says only whether one is set.
 */
const ClientCode = z.string().trim().min(1).max(32);
const FileRef = z.string().min(1).max(64);
const ImportKind = z.enum(['placement', 'payments', 'recalls']);

export const CommissionRule = z.object({ stage: z.string().trim().min(1).max(8).optional(), hand: z.number().int().min(1).max(99).optional(), rate: z.number().min(0).max(1) }).strict();
export type CommissionRule = z.infer<typeof CommissionRule>;
export const Commission = z.object({ rates: z.array(CommissionRule).max(50), defaultRate: z.number().min(0).max(1) }).strict();
export type Commission = z.infer<typeof Commission>;
export const BankSync = z.object({ url: z.string().trim().min(1).max(500), keyId: z.string().trim().min(1).max(128), intervalMinutes: z.number().int().min(1).max(1440) }).strict();
export type BankSync = z.infer<typeof BankSync>;

export const BankRow = z.object({
  code: z.string(),
  name: z.string(),
  rulePack: z.string(),
  timezone: z.string(),
  kinds: z.array(ImportKind),
  commission: Commission.nullable(),
  /** a waiver above this (fen) needs an admin; null: no limit set */
  waiverLimitFen: z.number().int().nullable(),
  /** the profile's retention; null: the rule pack's default (`retentionDefaultDays`) */
  retentionDays: z.number().int().nullable(),
  retentionDefaultDays: z.number().int(),
  sync: BankSync.nullable(),
  /** a sync secret is stored (its value is never sent back) */
  secretSet: z.boolean(),
  /** sync runs: a sync section with an acceptable address and a secret */
  syncOn: z.boolean(),
  cases: z.number().int(),
  updatedAt: z.string(),
});
export type BankRow = z.infer<typeof BankRow>;

export const ProfileTrial = z.object({
  /** the first rows as the candidate profile maps them (masked), with each row's problem */
  preview: ImportPreview,
  /** every rejected row among the rows read, by spreadsheet row and field */
  rejects: z.array(Rejection),
  /** how many records were read (the trial reads at most this many) */
  scanned: z.number().int(),
  /** true when the file has more records than the trial read */
  truncated: z.boolean(),
});
export type ProfileTrial = z.infer<typeof ProfileTrial>;

export const banksMethods = {
  'banks.list': method(z.object({}).strict(), z.array(BankRow), 'admin'),
  /**
   * Registers (`add`) or replaces the profile of (`update`) a bank from a profile file staged by the file picker. An
   * invalid profile is refused with every problem in `details.problems` (key path, kind). The staged file is let go.
   */
  'banks.register': method(
    z
      .object({
        fileRef: FileRef,
        mode: z.enum(['add', 'update']),
        /** update: the bank whose profile is replaced; a file of another bank (another code) is refused */
        code: ClientCode.optional(),
      })
      .strict(),
    BankRow,
    'admin',
  ),
  /** Changes a registered bank's settings; absent keys stay as they are, null removes (a limit, a retention, sync). */
  'banks.update': method(
    z
      .object({
        code: ClientCode,
        commission: Commission.optional(),
        waiverLimitFen: z.number().int().min(0).max(1e13).nullable().optional(),
        retentionDays: z.number().int().min(0).max(3650).nullable().optional(),
        sync: BankSync.nullable().optional(),
        /** a new sync secret (replaces the stored one); it is never answered back */
        syncSecret: z.string().min(1).max(1024).optional(),
      })
      .strict(),
    BankRow,
    'admin',
  ),
  /** Reads a staged bank file with a staged candidate profile: nothing is written, nothing is registered. */
  'banks.tryProfile': method(z.object({ profileRef: FileRef, sampleRef: FileRef, kind: ImportKind }).strict(), ProfileTrial, 'admin'),
} as const;
