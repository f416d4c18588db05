import { basename } from 'node:path';
import { formatFen } from '../../../shared/domain/money';
import { columnLetter } from '../../../shared/domain/spreadsheet-columns';
import { maskAddress, maskIdNumber, maskName, maskPhone } from '../../../shared/domain/masking';
import type { ImportKind, PlacementSection } from '../../../shared/profile/schema';
import type { ClientRecord } from '../clients/clients';
import { CoreError } from '../errors';
import { fileValuesOf, type FileValueFound } from './file-values';
import { isBlankRow, type SourceRow } from './cells';
import { mappedColumns, requiredColumns, resolveColumns } from './columns';
import { sha256File } from './hash';
import { readHeader, refText, rowsAfter, type Header } from './header';
import { fieldsAllowed, mapRow } from './mapped-row';
import { mapPlacementRow } from './placement-row';
import { readTable } from './read-table';
import { TrailerCheck } from './trailer';
import type { Rehearsal, RehearsalRequest } from './import-file';
import type { Outcome } from './placement-writer';
import type { BatchTerm } from './row-handlers';
import { paymentRecord, recallRecord } from './row-handlers';
import { localDay } from '../../../shared/compliance/zoned';
import { rejection, RowRejected, type RowReader } from './row-reader';

export interface PreviewRow {
  row: number;
  caseNo: string;
  values: Record<string, string | null>;
  problem: { field: string; code: string; message: string } | null;
  /** what the import would do with the row (rehearsed on the store; `adjusted`: a payments row that changes the balance, no payment); null when rejected or not rehearsed */
  outcome: Outcome | 'adjusted' | null;
  /** placements: the contact persons read from the row, phones masked (null: not a placement row, or rejected) */
  contacts: PreviewContact[] | null;
}

export interface PreviewContact {
  name: string | null;
  relation: string;
  phone: string;
}

export interface ImportPreview {
  file: string;
  kind: ImportKind;
  headerRow: number;
  /** each canonical field of the profile and the header it was found under (null: not in this file) */
  columns: { field: string; expected: string; header: string | null }[];
  /** the values the profile takes once for the whole file (batch number, dates, hand), and where from */
  fileValues: FileValueFound[];
  rows: PreviewRow[];
  /** when this very file (by SHA-256) was imported for the client: importing it again will be refused */
  alreadyImportedAt: string | null;
  /** a workbook: the sheet read, and its other sheets, which are not (null: a text file) */
  sheets: { read: string; others: string[] } | null;
  /** placements: the batch's number, term and hand as the file gives them, and the profile's hand for a file without one (rehearsed; null when not) */
  batch: (BatchTerm & { defaultHand: number | null }) | null;
}

const yuan = (fen: number | null): string | null => (fen === null ? null : formatFen(fen));

/** What a column is called in the preview: its header, or in a file without one its letter. */
function columnLabel(header: Header, index: number): string | null {
  if (index < 0) return null;
  return header.names[index] ?? (header.row === 0 ? columnLetter(index) : null);
}

/** The rows previewed, for a rehearsal of their import (rehearseRows): what it would make of them; null when it could not run. */
export type Rehearse = (rows: Pick<RehearsalRequest, 'fileName' | 'titleText' | 'columns' | 'width' | 'rows'>) => Rehearsal | null;

/**
 * The first rows of a file as the profile maps them, masked as the UI shows personal data. Writes nothing. With
 * `rehearse`, each row's problem is the one the import would report, including those only the store can tell. With
 * `signal`, an aborted preview stops at the next chunk of the file and throws CoreError cancelled.
 */
export async function previewImport(
  client: ClientRecord,
  kind: ImportKind,
  file: string,
  opts: { limit?: number; rehearse?: Rehearse; now?: string; importedAt?: (sha256: string) => string | null; signal?: AbortSignal } = {},
): Promise<ImportPreview> {
  const limit = opts.limit ?? 20;
  const section = client.profile[kind];
  if (!section) throw new CoreError('invalid_input', `The profile of ${client.code} has no "${kind}" section.`, { field: kind });
  const rows = readTable(file, section, opts.signal);
  const header = await readHeader(file, rows, section.headerRow, requiredColumns(kind, section));
  const columns = resolveColumns(header.index, section);
  const fileValues = fileValuesOf('fileValues' in section ? section.fileValues : undefined, section.dateFormats, file, header.titleText);
  // A recall without a date of its own is of the file's date, else of the day of the import (as the import reads it).
  const recallDay = fileValues.find((v) => v.field === 'recalledAt')?.value ?? localDay(new Date(opts.now ?? Date.now()), client.profile.timezone);
  const out: PreviewRow[] = [];
  const taken: SourceRow[] = [];
  let width: number | undefined;
  const seen = new Set<string>();
  const rest = rowsAfter(header, rows);
  // Each row through the import's own mapping (mapRow), then — as the import does first — a case number given twice.
  const extras: RowExtras = { contacts: new Map(), adjustments: new Set() };
  const display = (r: RowReader, row: number, caseNo: string) => mapValues(kind, r, row, caseNo, section as PlacementSection, client, recallDay, extras);
  // A total or trailer row is not a record: not shown. When the profile names trailer rows, the rest of the file is
  // read too (not mapped) for their check: a file cut off or altered is refused here as the import would refuse it.
  const trailer = new TrailerCheck(file, section.trailer);
  for await (const source of rest) {
    if (isBlankRow(source.cells) || trailer.skip(source)) continue;
    if (out.length >= limit) continue;
    taken.push(source);
    if (taken.length === 1) width = fieldsAllowed(section, header, source.cells);
    const m = mapRow(source, columns, section, display, width);
    if (!m) continue;
    let problem = m.problem;
    if (kind === 'placement' && m.caseNo) {
      if (seen.has(m.caseNo)) problem = { field: 'caseNo', code: 'duplicate_in_file', detail: m.caseNo };
      seen.add(m.caseNo);
    }
    const shown = problem ? rejection(m.row, m.caseNo, new RowRejected(problem.field, problem.code, problem.detail)) : null;
    out.push({ row: m.row, caseNo: m.caseNo, values: { caseNo: m.caseNo, ...(problem ? {} : m.record) }, problem: shown && { field: shown.field, code: shown.code, message: shown.message }, outcome: null, contacts: problem ? null : (extras.contacts.get(m.row) ?? null) });
    if (out.length >= limit && !section.trailer) break;
  }
  await rows.return(undefined);
  if (section.trailer) trailer.finish();
  const rehearsed = opts.rehearse?.({ fileName: basename(file), titleText: header.titleText, columns, width, rows: taken });
  if (rehearsed) {
    const verdicts = new Map(rehearsed.rejected.map((r) => [r.row, r]));
    // The rehearsal is the import's own verdict (a credit balance of a held case is fine there, say): it decides.
    for (const p of out) {
      const r = verdicts.get(p.row);
      p.problem = r ? { field: r.field, code: r.code, message: r.message } : null;
      if (r) p.contacts = null;
      const outcome = rehearsed.outcomes.get(p.row) ?? null;
      p.outcome = outcome === 'updated' && extras.adjustments.has(p.row) ? 'adjusted' : outcome;
      // A reversal matched by its amount: the payment it undoes, which the row does not name.
      const undone = rehearsed.reversed.get(p.row);
      if (undone) p.values.reverses = undone;
    }
  }
  return {
    file: basename(file),
    kind,
    headerRow: header.row,
    columns: mappedColumns(section).flatMap(([field, ref]) => (ref === undefined ? [] : [{ field, expected: refText(ref), header: columnLabel(header, columns[field] ?? -1) }])),
    fileValues,
    rows: out,
    alreadyImportedAt: opts.importedAt ? opts.importedAt(await sha256File(file, opts.signal)) : null,
    sheets: rows.sheets ?? null,
    batch: rehearsed?.batch ? { ...rehearsed.batch, defaultHand: kind === 'placement' ? ((section as PlacementSection).defaults?.hand ?? null) : null } : null,
  };
}

/** What a row holds besides its values: a placement row's contact persons; the payments rows that change the balance. */
interface RowExtras {
  contacts: Map<number, PreviewContact[]>;
  adjustments: Set<number>;
}

/** A row's values as the preview shows them: every field the import takes, personal data masked as the UI shows it. */
function mapValues(
  kind: ImportKind,
  r: RowReader,
  row: number,
  caseNo: string,
  section: PlacementSection,
  client: ClientRecord,
  recallDay: string,
  extras: RowExtras,
): Record<string, string | null> {
  if (kind === 'payments') {
    const p = paymentRecord(r, caseNo, client.profile.payments ?? {});
    if (p.adjustment !== null) extras.adjustments.add(row);
    // A row of a type the profile ignores shows what the file says; its import changes nothing.
    if (p.ignored !== undefined) return { paidAt: p.paidAt || null, amount: r.text('amount'), txnRef: p.txnRef || null, channel: p.channel, reverses: null, txnType: p.ignored };
    return { paidAt: p.paidAt, amount: yuan(p.amountFen), txnRef: p.txnRef, channel: p.channel, reverses: p.reverses, txnType: r.text('txnType') };
  }
  if (kind === 'recalls') {
    const p = recallRecord(r, caseNo, recallDay, client.profile.recalls?.valueMaps?.reason);
    return { recalledAt: p.recalledAt, reason: p.reason };
  }
  const p = mapPlacementRow(r, row, caseNo, section, client.profile.relationWords ?? {});
  // Without the store, a negative amount cannot be told from a held case's credit balance: shown as the import of a new case would.
  if (p.case.placedAmountFen < 0) throw new RowRejected('placedAmount', 'negative', formatFen(p.case.placedAmountFen));
  // Names as the case screen shows them: the debtor's masked (a contact who is the debtor too), a third party's as given.
  extras.contacts.set(row, p.contacts.map((c) => ({ name: c.relation === 'self' ? maskName(c.name) : c.name, relation: c.relation, phone: maskPhone(c.phone) ?? '' })));
  return {
    debtorName: maskName(p.debtor.name),
    idType: p.debtor.idType,
    idNumber: maskIdNumber(p.debtor.idNumber),
    mobile: maskPhone(p.debtor.mobile),
    homeAddress: maskAddress(p.debtor.homeAddress),
    workAddress: maskAddress(p.debtor.workAddress),
    registeredAddress: maskAddress(p.debtor.registeredAddress),
    employer: p.debtor.employer,
    accountMasked: p.case.accountMasked,
    product: p.case.product,
    currency: p.case.currency,
    principal: yuan(p.case.principalFen),
    interest: yuan(p.case.interestFen),
    fees: yuan(p.case.feesFen),
    placedAmount: yuan(p.case.placedAmountFen),
    balance: yuan(p.case.balanceFen ?? p.case.placedAmountFen),
    overdueDays: p.case.overdueDays === null ? null : String(p.case.overdueDays),
    stage: p.case.stage,
    lastPaymentAt: p.case.lastPaymentAt,
    lastPaymentAmount: yuan(p.case.lastPaymentFen),
    placedAt: p.case.placedAt,
    dueBackAt: p.case.dueBackAt,
    batchNo: p.case.batchNo,
    hand: p.case.hand === null ? null : String(p.case.hand),
    remarks: p.case.remarks,
    contacts: String(p.contacts.length),
  };
}
