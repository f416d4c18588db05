import { readFileSync } from 'node:fs';
import { toHalfWidth } from '../../shared/domain/text';
import type { ClientProfile, ImportKind, PaymentsSection, PlacementSection, RecallsSection } from '../../shared/profile/schema';
import { isBlankRow } from '../../electron/core/import/cells';
import { requiredColumns, resolveColumns, type AnySection } from '../../electron/core/import/columns';
import { fileValue } from '../../electron/core/import/file-values';
import { readHeader, rowsAfter } from '../../electron/core/import/header';
import { paymentRecord, recallRecord } from '../../electron/core/import/row-handlers';
import { mapPlacementRow, type PlacementRecord } from '../../electron/core/import/placement-row';
import { readTable } from '../../electron/core/import/read-table';
import { rejection, RowReader, RowRejected, type Rejection } from '../../electron/core/import/row-reader';
import type { PullKind } from '../../electron/core/sync/wire';

/**
 * What the bank holds, loaded from its own files through the agency's profile readers (the same layout, mapping
 * and checks a file import uses), or from JSON records of the API's shape. Rows a file import would reject at the
 * mapping stage are left out here (the bank would not send them) and reported; rows that only the agency can judge
 * (an unknown case, a transaction already taken) are kept, so that the pull meets them as the file import does.
 */
export const IMPORT_KIND: Record<PullKind, ImportKind> = { placement: 'placement', payment: 'payments', recall: 'recalls' };

export interface Loaded {
  records: Record<string, unknown>[];
  left: Rejection[];
}

interface Delivery {
  batchNo: string | null;
  placedAt: string | null;
  dueBackAt: string | null;
  hand: string | null;
}

function placementWire(r: PlacementRecord, d: Delivery): Record<string, unknown> {
  const c = r.case;
  return {
    caseNo: r.caseNo, debtorName: r.debtor.name, idType: r.debtor.idType, idNumber: r.debtor.idNumber, mobile: r.debtor.mobile,
    homeAddress: r.debtor.homeAddress, workAddress: r.debtor.workAddress, registeredAddress: r.debtor.registeredAddress, employer: r.debtor.employer,
    accountMasked: c.accountMasked, product: c.product, currency: c.currency, principalFen: c.principalFen, interestFen: c.interestFen, feesFen: c.feesFen,
    placedAmountFen: c.placedAmountFen, balanceFen: c.balanceFen, overdueDays: c.overdueDays, stage: c.stage, lastPaymentAt: c.lastPaymentAt,
    lastPaymentFen: c.lastPaymentFen, placedAt: d.placedAt, dueBackAt: d.dueBackAt, batchNo: d.batchNo, hand: d.hand === null ? null : Number(d.hand),
    remarks: c.remarks, contacts: r.contacts.map((p) => ({ name: p.name, relation: p.relation, phone: p.phone })),
  };
}

/** Reads a bank file with the client's profile section for `kind`; `today` dates recalls that carry no date. */
export async function recordsFromFile(profile: ClientProfile, kind: PullKind, file: string, opts: { batchNo?: string; today: string }): Promise<Loaded> {
  const importKind = IMPORT_KIND[kind];
  const section: AnySection | undefined = profile[importKind];
  if (!section) throw new Error(`The profile of ${profile.code} has no "${importKind}" section.`);
  const rows = readTable(file, section);
  const header = await readHeader(file, rows, section.headerRow, requiredColumns(importKind, section));
  const columns = resolveColumns(header.index, section);
  const left: Rejection[] = [];
  const placements: PlacementRecord[] = [];
  const records: Record<string, unknown>[] = [];
  const recallDate = kind === 'recall' ? (fileValue((section as RecallsSection).fileValues?.recalledAt, file, header.titleText) ?? opts.today) : opts.today;
  const seen = new Set<string>();
  const rest = rowsAfter(header, rows);
  for await (const { row, cells } of rest) {
    if (isBlankRow(cells)) continue;
    const reader = new RowReader(cells, columns, section.dateFormats, section.amountUnit);
    const caseNo = toHalfWidth(reader.text('caseNo') ?? '');
    try {
      if (!caseNo) throw new RowRejected('caseNo', 'missing');
      if (kind === 'placement') {
        if (seen.has(caseNo)) throw new RowRejected('caseNo', 'duplicate_in_file', caseNo);
        seen.add(caseNo);
        placements.push(mapPlacementRow(reader, row, caseNo, section as PlacementSection, profile.relationWords ?? {}));
      } else if (kind === 'payment') records.push({ ...paymentRecord(reader, caseNo, section as PaymentsSection) });
      else records.push({ ...recallRecord(reader, caseNo, recallDate, (section as RecallsSection).valueMaps?.reason) });
    } catch (err) {
      if (!(err instanceof RowRejected)) throw err;
      left.push(rejection(row, caseNo, err));
    }
  }
  if (kind !== 'placement') return { records, left };
  // Values of the delivery (one batch): given once per file, else on its first row, as the file import takes them.
  const fv = (section as PlacementSection).fileValues;
  const first = placements[0]?.case;
  const delivery: Delivery = {
    batchNo: fileValue(fv?.batchNo, file, header.titleText) ?? first?.batchNo ?? opts.batchNo ?? null,
    placedAt: fileValue(fv?.placedAt, file, header.titleText) ?? first?.placedAt ?? null,
    dueBackAt: fileValue(fv?.dueBackAt, file, header.titleText) ?? first?.dueBackAt ?? null,
    hand: fileValue(fv?.hand, file, header.titleText) ?? (first?.hand == null ? null : String(first.hand)),
  };
  return { records: placements.map((p) => placementWire(p, delivery)), left };
}

/** JSON records of the API's shape (an array of objects), taken as they are: the agency's checks apply at the pull. */
export function recordsFromJson(file: string): Loaded {
  const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(json) || !json.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r))) throw new Error(`${file}: expected a JSON array of objects.`);
  return { records: json as Record<string, unknown>[], left: [] };
}
