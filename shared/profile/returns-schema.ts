import { z } from 'zod';
import { RESULT_CODES } from '../compliance/types';
import { RELATIONS } from '../domain/relations';

/**
 * The returns section of a client profile (回盘): what the agency gives back to the bank, in the bank's own
 * template — one row per returned record (an activity, a promise, a plan, a recalled case), and optionally a daily
 * report (日报). Every object is strict, like the rest of the profile.
 */
export const RETURN_RECORDS = ['activities', 'promises', 'plans', 'recalls'] as const;
export type ReturnRecordKind = (typeof RETURN_RECORDS)[number];

/** Fields a returns column may carry; a field that does not apply to a record is left empty on its row. */
export const RETURN_FIELDS = [
  // every record
  'recordType', 'recordId', 'caseNo', 'batchNo', 'accountMasked', 'debtorName', 'idNumber', 'mobile', 'date', 'at', 'time',
  'collector', 'collectorCode', 'caseStatus', 'balance',
  // activities
  'channel', 'direction', 'party', 'contactName', 'contactRelation', 'phone', 'resultCode', 'durationSeconds', 'notes',
  // promises
  'promiseAmount', 'promiseDate', 'promiseStatus',
  // plans
  'planKind', 'planStatus', 'planAmount', 'planInstallments', 'planFirstDueDate', 'waiverAmount',
  // recalls
  'recalledAt', 'recallReason',
] as const;
export type ReturnField = (typeof RETURN_FIELDS)[number];

/** Personal fields: masked in the file unless listed in `unmasked`. */
export const MASKABLE_FIELDS = ['debtorName', 'idNumber', 'mobile', 'phone', 'contactName'] as const satisfies readonly ReturnField[];
export type MaskableField = (typeof MASKABLE_FIELDS)[number];

/** The daily report (日报): per calendar day of the period, in the client's time zone. */
export const DAILY_FIELDS = ['date', 'workedCases', 'attempts', 'contacts', 'rpcContacts', 'promises', 'promisedAmount', 'recoveredAmount'] as const;
export type DailyField = (typeof DAILY_FIELDS)[number];

export const RETURN_DATE_FORMATS = ['YYYY-MM-DD', 'YYYY/MM/DD', 'YYYYMMDD', 'YYYY.MM.DD', 'YYYY年MM月DD日'] as const;
export type ReturnDateFormat = (typeof RETURN_DATE_FORMATS)[number];
export const RETURN_INSTANT_FORMATS = ['YYYY-MM-DD HH:mm:ss', 'YYYY/MM/DD HH:mm:ss', 'YYYYMMDDHHmmss', 'ISO-8601'] as const;
export type ReturnInstantFormat = (typeof RETURN_INSTANT_FORMATS)[number];

const Header = z.string().min(1).max(100);
/** {client}, {from} and {to} (dates as YYYYMMDD) are filled in; no folder separators. */
const FileNameTemplate = z.string().min(1).max(120).regex(/^[^/\\:*?"<>|]+$/, 'a file name without / \\ : * ? " < > |');

const Column = z.union([
  z.object({ header: Header, field: z.enum(RETURN_FIELDS) }).strict(),
  /** a fixed text on every row, e.g. the agency's code the bank gave it */
  z.object({ header: Header, value: z.string().max(200) }).strict(),
]);
export type ReturnColumn = z.infer<typeof Column>;

const Words = <T extends readonly [string, ...string[]]>(keys: T) => z.partialRecord(z.enum(keys), z.string().max(100));

/** Our result codes → the bank's: every code must be mapped, so no row ever carries a code the bank does not know. */
const ResultCodeMap = z.object(Object.fromEntries(RESULT_CODES.map((c) => [c, z.string().min(1).max(40)])) as Record<(typeof RESULT_CODES)[number], z.ZodString>).strict();

export const DailyReportSection = z
  .object({
    /** xlsx: the sheet's name in the same workbook */
    sheet: z.string().min(1).max(31).regex(/^[^[\]:*?/\\]+$/, 'a sheet name without [ ] : * ? / \\').default('日报'),
    /** csv: the daily report is a second file beside the returns file, named by this template */
    fileName: FileNameTemplate.optional(),
    columns: z.array(z.object({ header: Header, field: z.enum(DAILY_FIELDS) }).strict()).min(1),
    /** a last row with the period's totals (the date column says totalLabel) */
    totalRow: z.boolean().default(false),
    totalLabel: z.string().min(1).max(20).default('合计'),
  })
  .strict();
export type DailyReportSection = z.infer<typeof DailyReportSection>;

export const ReturnsSection = z
  .object({
    format: z.enum(['csv', 'xlsx']),
    /** csv only */
    encoding: z.enum(['utf-8', 'gbk']).default('utf-8'),
    /** csv in utf-8: a byte-order mark so that Excel reads the Chinese right */
    bom: z.boolean().default(true),
    /** xlsx: the sheet's name */
    sheet: z.string().min(1).max(31).regex(/^[^[\]:*?/\\]+$/, 'a sheet name without [ ] : * ? / \\').default('回盘'),
    fileName: FileNameTemplate.optional(),
    dateFormat: z.enum(RETURN_DATE_FORMATS).default('YYYY-MM-DD'),
    instantFormat: z.enum(RETURN_INSTANT_FORMATS).default('YYYY-MM-DD HH:mm:ss'),
    amountUnit: z.enum(['yuan', 'fen']).default('yuan'),
    /** which records go in, in this order */
    include: z.array(z.enum(RETURN_RECORDS)).min(1).default(['activities']),
    columns: z.array(Column).min(1),
    resultCodes: ResultCodeMap,
    /** our words → the bank's; an unmapped value is written in our Chinese words (电话, 分期), never as an internal name */
    valueMaps: z
      .object({
        recordType: Words(['activity', 'promise', 'plan', 'recall']).optional(),
        channel: Words(['call', 'sms', 'letter', 'visit', 'email']).optional(),
        direction: Words(['outbound', 'inbound']).optional(),
        party: Words(['debtor', 'related', 'third', 'none']).optional(),
        relation: Words(RELATIONS).optional(),
        promiseStatus: Words(['pending', 'kept', 'partly_kept', 'broken']).optional(),
        planKind: Words(['installment', 'deferral', 'settlement']).optional(),
        planStatus: Words(['requested', 'approved', 'rejected', 'cancelled']).optional(),
        caseStatus: Words(['new', 'working', 'ptp', 'plan', 'paid', 'disputed', 'legal', 'recalled', 'closed']).optional(),
      })
      .strict()
      .optional(),
    /** personal fields the bank wants in full (each export that carries them is audited with their names) */
    unmasked: z.array(z.enum(MASKABLE_FIELDS)).default([]),
    dailyReport: DailyReportSection.optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.format === 'csv' && r.dailyReport && !r.dailyReport.fileName) {
      ctx.addIssue({ code: 'custom', path: ['dailyReport', 'fileName'], message: 'a csv returns file needs a file name for its daily report' });
    }
    const headers = r.columns.map((c) => c.header);
    const twice = headers.find((h, i) => headers.indexOf(h) !== i);
    if (twice) ctx.addIssue({ code: 'custom', path: ['columns'], message: `the header "${twice}" is used twice` });
    if (r.dailyReport && r.format === 'xlsx' && r.dailyReport.sheet === r.sheet) {
      ctx.addIssue({ code: 'custom', path: ['dailyReport', 'sheet'], message: 'the daily report needs a sheet name of its own' });
    }
  });
export type ReturnsSection = z.infer<typeof ReturnsSection>;
