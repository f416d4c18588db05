import { z } from 'zod';
import { DATE_FORMATS } from '../domain/dates';
import { RELATIONS } from '../domain/relations';
import { columnOfLetter } from '../domain/spreadsheet-columns';
import { ReturnsSection } from './returns-schema';
import { SyncSection } from './sync-schema';

/**
 * A client (bank) profile: everything that differs from one bank to the next, as data. Onboarding a bank is
 * writing one of these (docs/profiles.md), never code. Every object is strict: an unknown key is an error that
 * names it, so a typo cannot silently drop a column.
 */
export const PROFILE_VERSION = 1;

/** A column by its place: the spreadsheet letter ("C") or its number from 1 (3), for files without a header. */
const ColumnAt = z.object({ column: z.union([z.string().regex(/^[A-Za-z]{1,3}$/, 'a column letter, A to ZZZ'), z.number().int().min(1).max(16384)]) }).strict();
export type ColumnAt = z.infer<typeof ColumnAt>;

/** A header as the bank writes it, a list of alternatives (the first one present is used), or a place ({ "column": "C" }). */
const ColumnRef = z.union([z.string().min(1), z.array(z.string().min(1)).min(1), ColumnAt], {
  error: 'a header as text, a list of alternative headers, or { "column": "C" }',
});
export type ColumnRef = z.infer<typeof ColumnRef>;

/** The 0-based index of a column given by its place. */
export function columnIndex(at: ColumnAt): number {
  return typeof at.column === 'number' ? at.column - 1 : columnOfLetter(at.column);
}

/** A JavaScript regular expression, checked when the profile is read rather than at the first import. */
const Pattern = z
  .string()
  .min(1)
  .superRefine((source, ctx) => {
    try {
      new RegExp(source);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: `not a valid regular expression (${(e as Error).message.replace(/^Invalid regular expression: /, '')})` });
    }
  });

/** A value given once per file rather than per row. */
const FileValueSource = z.union(
  [
    z.object({ value: z.union([z.string().min(1), z.number()]) }).strict(),
    z.object({ fromFileName: Pattern }).strict(),
    z.object({ fromTitleRows: Pattern }).strict(),
  ],
  { error: 'give one of { "value": … }, { "fromFileName": "regex" } or { "fromTitleRows": "regex" }' },
);
export type FileValueSource = z.infer<typeof FileValueSource>;

/**
 * A row that is not a record: a total (合计, 锦江支行小计) or a trailer (`END|00016`), told by how its first non-empty cell
 * begins or what it contains.
 * It may give the number of records the bank wrote (checked: a file with another number of rows is refused as cut off
 * or altered), and a bank that always writes it can require it (a file without it was cut off).
 */
const TrailerRow = z
  .object({
    startsWith: z.string().min(1).optional(),
    /** for a marker inside the cell: `小计` of `锦江支行小计` */
    contains: z.string().min(1).optional(),
    recordCount: ColumnAt.optional(),
    required: z.boolean().default(false),
  })
  .strict()
  .refine((r) => (r.startsWith === undefined) !== (r.contains === undefined), { message: 'give one of "startsWith" or "contains": the text that marks such a row' });
export type TrailerRow = z.infer<typeof TrailerRow>;

const Layout = {
  format: z.enum(['csv', 'tsv', 'delimited', 'xlsx']),
  delimiter: z.string().length(1, 'one character, e.g. "|" (a delimiter of several characters, "|@|", is not supported)').optional(),
  encoding: z.enum(['auto', 'utf-8', 'gbk', 'gb18030', 'utf-16le', 'utf-16be']).default('auto'),
  sheet: z.union([z.string().min(1), z.number().int().min(1)]).optional(),
  /** the header's row, `auto` (found below title rows), or `none`: the file has no header and columns are given by place */
  headerRow: z.union([z.number().int().min(1), z.literal('auto'), z.literal('none')]).default('auto'),
  dateFormats: z.array(z.enum(DATE_FORMATS)).min(1).default(['YYYY-MM-DD', 'YYYY/MM/DD', 'YYYYMMDD', 'excel']),
  amountUnit: z.enum(['yuan', 'fen']).default('yuan'),
  /** a case number stored as a number in a workbook is padded with zeros to this many digits (7890 → 007890) */
  caseNoDigits: z.number().int().min(1).max(40).optional(),
  /** rows that are not records (totals, a trailer), and what they say about the file */
  trailer: z.array(TrailerRow).min(1).optional(),
};

export const PLACEMENT_FIELDS = [
  'caseNo', 'debtorName', 'idType', 'idNumber', 'mobile', 'homeAddress', 'workAddress', 'registeredAddress', 'employer',
  'accountMasked', 'product', 'currency', 'principal', 'interest', 'fees', 'placedAmount', 'balance', 'overdueDays',
  'stage', 'lastPaymentAt', 'lastPaymentAmount', 'placedAt', 'dueBackAt', 'batchNo', 'hand', 'remarks',
] as const;
export type PlacementField = (typeof PLACEMENT_FIELDS)[number];
export const PLACEMENT_REQUIRED = ['caseNo', 'debtorName', 'placedAmount'] as const satisfies readonly PlacementField[];

export const PAYMENT_FIELDS = ['caseNo', 'paidAt', 'amount', 'txnRef', 'channel', 'reverses', 'txnType'] as const;
export type PaymentField = (typeof PAYMENT_FIELDS)[number];
export const PAYMENT_REQUIRED = ['caseNo', 'paidAt', 'amount', 'txnRef'] as const satisfies readonly PaymentField[];

export const RECALL_FIELDS = ['caseNo', 'recalledAt', 'reason'] as const;
export type RecallField = (typeof RECALL_FIELDS)[number];
export const RECALL_REQUIRED = ['caseNo'] as const satisfies readonly RecallField[];

const opt = ColumnRef.optional();

/**
 * What the field types alone cannot say about a section: a `delimited` file names its delimiter (without one a
 * `|` file would be read as one column), and a required column is one the section maps.
 */
interface CheckedSection {
  format: string;
  delimiter?: string | undefined;
  headerRow: number | 'auto' | 'none';
  columns: object;
  requiredColumns?: readonly string[] | undefined;
  contacts?: { columns: Record<string, unknown>[] } | { cell: unknown } | undefined;
}

function checkSection(section: CheckedSection, ctx: z.RefinementCtx): void {
  if (section.format === 'delimited' && section.delimiter === undefined) {
    ctx.addIssue({ code: 'custom', path: ['delimiter'], message: 'required when format is "delimited" (one character, e.g. "|")' });
  }
  if (section.headerRow === 'none') {
    // Without a header there is no name to find a column by: every column is given by its place.
    const byName = (ref: unknown): boolean => ref !== undefined && !(typeof ref === 'object' && ref !== null && 'column' in ref);
    for (const [field, ref] of Object.entries(section.columns)) {
      if (byName(ref)) ctx.addIssue({ code: 'custom', path: ['columns', field], message: 'a file without a header (headerRow "none") gives its columns by place: { "column": "C" }' });
    }
    const contacts = section.contacts;
    const groups = contacts && 'columns' in contacts ? contacts.columns.map((g, i) => [['contacts', 'columns', i], g] as const) : contacts ? [[['contacts'], { cell: contacts.cell }] as const] : [];
    for (const [path, group] of groups) {
      for (const [part, ref] of Object.entries(group)) {
        if (part !== 'relationIs' && byName(ref)) ctx.addIssue({ code: 'custom', path: [...path, part], message: 'a file without a header (headerRow "none") gives its columns by place: { "column": "C" }' });
      }
    }
  }
  const columns = section.columns as Record<string, unknown>;
  section.requiredColumns?.forEach((field, i) => {
    if (columns[field] === undefined) ctx.addIssue({ code: 'custom', path: ['requiredColumns', i], message: `"${field}" is not mapped in columns: map its column or remove it here` });
  });
}

const PlacementColumns = z
  .object({
    caseNo: ColumnRef, debtorName: ColumnRef, placedAmount: ColumnRef,
    idType: opt, idNumber: opt, mobile: opt, homeAddress: opt, workAddress: opt, registeredAddress: opt, employer: opt,
    accountMasked: opt, product: opt, currency: opt, principal: opt, interest: opt, fees: opt, balance: opt,
    overdueDays: opt, stage: opt, lastPaymentAt: opt, lastPaymentAmount: opt, placedAt: opt, dueBackAt: opt,
    batchNo: opt, hand: opt, remarks: opt,
  })
  .strict();
const PaymentColumns = z.object({ caseNo: ColumnRef, paidAt: ColumnRef, amount: ColumnRef, txnRef: ColumnRef, channel: opt, reverses: opt, txnType: opt }).strict();
const RecallColumns = z.object({ caseNo: ColumnRef, recalledAt: opt, reason: opt }).strict();

const Contacts = z.union([
  z
    .object({
      columns: z
        .array(
          z
            .object({
              name: ColumnRef.optional(),
              relation: ColumnRef.optional(),
              phone: ColumnRef,
              /** the relation of this group's number when no relation column gives one: `self` for the debtor's own 单位电话 or 家庭电话 */
              relationIs: z.enum(RELATIONS).optional(),
            })
            .strict(),
        )
        .min(1),
    })
    .strict(),
  z
    .object({
      cell: ColumnRef,
      /** characters that separate one person from the next (default ";；") */
      separators: z.string().min(1).default(';；'),
    })
    .strict(),
]);

const ValueMap = z.record(z.string(), z.string());
/** The bank's stage words onto ours: a typo here would make a stage of its own in every report. */
const StageMap = z.record(z.string(), z.string().regex(/^(M?\d+|M7\+)$/i, 'a stage: M0…M6, M7+ (or a number of periods, 8 → M7+)'));

export const PlacementSection = z
  .object({
    ...Layout,
    columns: PlacementColumns,
    /** columns the file must have, beyond caseNo, debtorName and placedAmount: a file without them is refused */
    requiredColumns: z.array(z.enum(PLACEMENT_FIELDS)).optional(),
    contacts: Contacts.optional(),
    valueMaps: z.object({ stage: StageMap.optional(), currency: ValueMap.optional(), idType: ValueMap.optional(), product: ValueMap.optional() }).strict().optional(),
    fileValues: z.object({ batchNo: FileValueSource.optional(), placedAt: FileValueSource.optional(), dueBackAt: FileValueSource.optional(), hand: FileValueSource.optional() }).strict().optional(),
    defaults: z.object({ hand: z.number().int().min(1).optional(), currency: z.string().min(1).optional(), idType: z.string().min(1).optional() }).strict().optional(),
    /** a row without a stage takes the one its days overdue imply (1–30 days M1, 31–60 M2, … over 180 M7+) */
    stageFromOverdueDays: z.boolean().optional(),
  })
  .strict()
  .superRefine(checkSection);
export type PlacementSection = z.infer<typeof PlacementSection>;

export const PaymentsSection = z
  .object({
    ...Layout,
    columns: PaymentColumns,
    requiredColumns: z.array(z.enum(PAYMENT_FIELDS)).optional(),
    /** the words of the `txnType` column that make a row a reversal (冲正) whatever the sign of its amount */
    reversalTypes: z.array(z.string().min(1)).min(1).optional(),
    /** the words of the `txnType` column that make a row a change of the balance the bank made (减免, a waiver): no payment */
    adjustmentTypes: z.array(z.string().min(1)).min(1).optional(),
    /** the words of the `txnType` column of rows that record no money moved (扣款失败, a failed debit): taken as unchanged */
    ignoreTypes: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict()
  .superRefine((section, ctx) => {
    checkSection(section, ctx);
    for (const key of ['reversalTypes', 'adjustmentTypes', 'ignoreTypes'] as const) {
      if (section[key] && section.columns.txnType === undefined) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'needs the column of the transaction type: map "txnType" in columns' });
      }
    }
    const both = section.adjustmentTypes?.find((w) => section.reversalTypes?.includes(w));
    if (both !== undefined) ctx.addIssue({ code: 'custom', path: ['adjustmentTypes'], message: `"${both}" is in reversalTypes too: a transaction type is one or the other` });
    const ignored = section.ignoreTypes?.find((w) => section.reversalTypes?.includes(w) || section.adjustmentTypes?.includes(w));
    if (ignored !== undefined) ctx.addIssue({ code: 'custom', path: ['ignoreTypes'], message: `"${ignored}" is in reversalTypes or adjustmentTypes too: a transaction type is one or the other` });
  });
export type PaymentsSection = z.infer<typeof PaymentsSection>;

export const RecallsSection = z
  .object({
    ...Layout,
    columns: RecallColumns,
    requiredColumns: z.array(z.enum(RECALL_FIELDS)).optional(),
    fileValues: z.object({ recalledAt: FileValueSource.optional() }).strict().optional(),
    /** the bank's reason codes in words (`R01` → 客户投诉); a code the map does not hold is kept as written */
    valueMaps: z.object({ reason: ValueMap.optional() }).strict().optional(),
  })
  .strict()
  .superRefine(checkSection);
export type RecallsSection = z.infer<typeof RecallsSection>;

export const ClientProfile = z
  .object({
    profileVersion: z.literal(PROFILE_VERSION),
    code: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'lower-case letters, digits and dashes'),
    name: z.string().min(1).max(100),
    rulePack: z.enum(['cn-2026', 'us-regf']).default('cn-2026'),
    timezone: z
      .string()
      .default('Asia/Shanghai')
      .refine((tz) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, 'not an IANA time zone name'),
    /** the bank's customer-service hotline, read out in the call script's dispute step */
    hotline: z.string().min(3).max(40).optional(),
    /** the bank's designated repayment channels, the only ones a collector may name (CN-PAY) */
    repaymentChannels: z.array(z.string().min(1).max(60)).max(10).optional(),
    /** the agency's commission: rate by stage and/or hand, the first matching rule wins, else defaultRate */
    commission: z
      .object({
        rates: z.array(z.object({ stage: z.string().optional(), hand: z.number().int().min(1).optional(), rate: z.number().min(0).max(1) }).strict()).default([]),
        defaultRate: z.number().min(0).max(1).default(0),
      })
      .strict()
      .optional(),
    /** how long after a recall or the due-back date a case's personal data is kept before it is purged (PIPL Art. 21, 47) */
    retention: z.object({ purgeAfterDays: z.number().int().min(0).max(3650) }).strict().optional(),
    /** a settlement waiver above this (in fen) needs an admin's approval, not only a lead's */
    waiverLimitFen: z.number().int().min(0).optional(),
    /** extra words for contact relations, e.g. { "表哥": "sibling" } */
    relationWords: z.record(z.string(), z.enum(RELATIONS)).optional(),
    placement: PlacementSection,
    payments: PaymentsSection.optional(),
    recalls: RecallsSection.optional(),
    /** the returns file (回盘) in the bank's template, and its daily report (日报) */
    returns: ReturnsSection.optional(),
    /** the bank's exchange API (docs/bank-sync-api.yaml); without it the client is not synced */
    sync: SyncSection.optional(),
  })
  .strict();
export type ClientProfile = z.infer<typeof ClientProfile>;
export type ClientProfileInput = z.input<typeof ClientProfile>;

export type ImportKind = 'placement' | 'payments' | 'recalls';

/** Issues of a profile in words an admin acts on: "placement.columns: unknown key "caseNumber"". */
export function describeProfileIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => {
    const where = i.path.join('.') || '(top level)';
    if (i.code === 'unrecognized_keys') return `${where}: unknown key${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}`;
    return `${where}: ${i.message}`;
  });
}

/**
 * One problem of a profile, structured so a screen can say it in its own language: where (the key path, as the admin
 * wrote it in the file), what kind of problem, and its particulars (the unknown keys, the values allowed, a bound).
 */
export interface ProfileIssue {
  /** the key path, e.g. "placement.columns"; "" for the top level */
  path: string;
  kind: 'unknown_key' | 'missing' | 'wrong_type' | 'not_allowed' | 'too_small' | 'too_big' | 'format' | 'invalid';
  /** unknown_key: the keys not known there */
  keys?: string[];
  /** not_allowed: the values allowed there */
  allowed?: string[];
  /** too_small / too_big: the bound */
  bound?: number;
  /** the problem in English words, as describeProfileIssues gives it */
  message: string;
}

/** A key that is not there at all (zod says "received undefined"; a union of shapes says it for each). */
function isMissing(issue: z.core.$ZodIssue): boolean {
  if (issue.code === 'invalid_type') return /received undefined$/.test(issue.message);
  if (issue.code === 'invalid_union') return issue.errors.length > 0 && issue.errors.every((alternative) => alternative.some(isMissing));
  return false;
}

export function profileIssues(error: z.ZodError): ProfileIssue[] {
  return error.issues.map((i): ProfileIssue => {
    const path = i.path.join('.');
    const message = i.message;
    if (isMissing(i)) return { path, kind: 'missing', message };
    switch (i.code) {
      case 'unrecognized_keys':
        return { path, kind: 'unknown_key', keys: [...i.keys], message };
      case 'invalid_type':
        return { path, kind: 'wrong_type', message };
      case 'invalid_value':
        return { path, kind: 'not_allowed', allowed: i.values.map((v) => String(v)), message };
      case 'too_small':
        return { path, kind: 'too_small', bound: Number(i.minimum), message };
      case 'too_big':
        return { path, kind: 'too_big', bound: Number(i.maximum), message };
      case 'invalid_format':
        return { path, kind: 'format', message };
      default:
        return { path, kind: 'invalid', message };
    }
  });
}
