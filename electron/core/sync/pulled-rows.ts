import type { z } from 'zod';
import type { ImportKind, PaymentsSection, PlacementSection, RecallsSection } from '../../../shared/profile/schema';
import type { Cell, SourceRow } from '../import/cells';
import type { AnySection } from '../import/columns';
import { SyncFailure } from './failure';
import { PulledPayment, PulledPlacement, PulledRecall, type PullKind, type PullRecord } from './wire';

/**
 * Pulled records as rows for the file import's own path (importRecords): each record's values become the cells of
 * the canonical fields, read with the client's section in the API's layout (ISO dates, integer fen) — so the same
 * row reader, mapper, checks and writers apply, and a bad value is rejected as it would be in a file.
 */

/** API field → the canonical field the row reader knows (amounts are in fen on the wire). */
const PLACEMENT_FIELDS: readonly (readonly [keyof PulledPlacement, string])[] = [
  ['caseNo', 'caseNo'], ['debtorName', 'debtorName'], ['idType', 'idType'], ['idNumber', 'idNumber'], ['mobile', 'mobile'],
  ['homeAddress', 'homeAddress'], ['workAddress', 'workAddress'], ['registeredAddress', 'registeredAddress'], ['employer', 'employer'],
  ['accountMasked', 'accountMasked'], ['product', 'product'], ['currency', 'currency'], ['principalFen', 'principal'], ['interestFen', 'interest'],
  ['feesFen', 'fees'], ['placedAmountFen', 'placedAmount'], ['balanceFen', 'balance'], ['overdueDays', 'overdueDays'], ['stage', 'stage'],
  ['lastPaymentAt', 'lastPaymentAt'], ['lastPaymentFen', 'lastPaymentAmount'], ['placedAt', 'placedAt'], ['dueBackAt', 'dueBackAt'],
  ['batchNo', 'batchNo'], ['hand', 'hand'], ['remarks', 'remarks'],
];
const PAYMENT_FIELDS: readonly (readonly [keyof PulledPayment, string])[] = [['caseNo', 'caseNo'], ['paidAt', 'paidAt'], ['amountFen', 'amount'], ['txnRef', 'txnRef'], ['channel', 'channel'], ['reverses', 'reverses']];
const RECALL_FIELDS: readonly (readonly [keyof PulledRecall, string])[] = [['caseNo', 'caseNo'], ['recalledAt', 'recalledAt'], ['reason', 'reason']];

export const IMPORT_KIND: Record<PullKind, ImportKind> = { placement: 'placement', payment: 'payments', recall: 'recalls' };

/** The layout of every pulled record, whatever the bank's files look like. */
function wireLayout(): Pick<PlacementSection, 'format' | 'encoding' | 'headerRow' | 'dateFormats' | 'amountUnit'> {
  return { format: 'csv', encoding: 'utf-8', headerRow: 1, dateFormats: ['YYYY-MM-DD'], amountUnit: 'fen' };
}

export interface RowsOfRun {
  section: AnySection;
  columns: Record<string, number>;
  rows: SourceRow[];
}

function columnsOf(fields: readonly (readonly [string, string])[]): Record<string, number> {
  return Object.fromEntries(fields.map(([, canonical], i) => [canonical, i]));
}

function parse<T>(schema: z.ZodType<T>, r: PullRecord): T {
  const parsed = schema.safeParse(r.data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new SyncFailure('protocol', `The bank sent a malformed ${r.kind} record (#${r.seq}${issue ? `, ${issue.path.map(String).join('.')}: ${issue.message}` : ''}). Nothing of its page was applied.`, false);
}

function cellsOf<T extends object>(data: T, fields: readonly (readonly [keyof T, string])[]): Cell[] {
  return fields.map(([key]) => (data[key] ?? null) as Cell);
}

/**
 * Rows of one run of placements. Contacts take three cells each after the fixed fields; the section names as many
 * contact column groups as the run's longest list, as a profile with that many contact columns would.
 */
export function placementRows(records: readonly PullRecord[], profile: PlacementSection): RowsOfRun {
  const parsed = records.map((r) => ({ seq: r.seq, data: parse(PulledPlacement, r) }));
  const most = Math.max(0, ...parsed.map((p) => p.data.contacts?.length ?? 0));
  const columns = columnsOf(PLACEMENT_FIELDS);
  const base = PLACEMENT_FIELDS.length;
  for (let i = 0; i < most; i++) {
    columns[`contacts.${i}.name`] = base + i * 3;
    columns[`contacts.${i}.relation`] = base + i * 3 + 1;
    columns[`contacts.${i}.phone`] = base + i * 3 + 2;
  }
  const section: PlacementSection = {
    ...profile,
    ...wireLayout(),
    fileValues: undefined,
    contacts: most > 0 ? { columns: Array.from({ length: most }, (_, i) => ({ name: `contacts.${i}.name`, relation: `contacts.${i}.relation`, phone: `contacts.${i}.phone` })) } : undefined,
  };
  const rows = parsed.map(({ seq, data }) => {
    const cells = cellsOf(data, PLACEMENT_FIELDS);
    for (const c of data.contacts ?? []) cells.push(c.name ?? null, c.relation ?? null, c.phone ?? null);
    return { row: seq, cells };
  });
  return { section, columns, rows };
}

export function paymentRows(records: readonly PullRecord[], profile: PaymentsSection | undefined): RowsOfRun {
  const section: PaymentsSection = { columns: { caseNo: 'caseNo', paidAt: 'paidAt', amount: 'amount', txnRef: 'txnRef' }, ...profile, ...wireLayout() };
  return { section, columns: columnsOf(PAYMENT_FIELDS), rows: records.map((r) => ({ row: r.seq, cells: cellsOf(parse(PulledPayment, r), PAYMENT_FIELDS) })) };
}

export function recallRows(records: readonly PullRecord[], profile: RecallsSection | undefined): RowsOfRun {
  const section: RecallsSection = { columns: { caseNo: 'caseNo' }, ...profile, ...wireLayout(), fileValues: undefined };
  return { section, columns: columnsOf(RECALL_FIELDS), rows: records.map((r) => ({ row: r.seq, cells: cellsOf(parse(PulledRecall, r), RECALL_FIELDS) })) };
}

/** The batch a pulled placement belongs to: its batch number, else its placement date. */
export function batchLabel(r: PullRecord): string {
  const d = r.data;
  const no = typeof d.batchNo === 'string' || typeof d.batchNo === 'number' ? String(d.batchNo).trim() : '';
  if (no) return no;
  const placed = typeof d.placedAt === 'string' ? d.placedAt : '';
  return placed ? `(no batch number) ${placed}` : '(no batch number)';
}
