import { uuidv7 } from '../../../shared/domain/ids';
import { localDay } from '../../../shared/compliance/zoned';
import type { PaymentsSection, PlacementSection, RecallsSection } from '../../../shared/profile/schema';
import { toHalfWidth } from '../../../shared/domain/text';
import type { ClientRecord } from '../clients/clients';
import type { Db } from '../db/open';
import type { AnySection } from './columns';
import { deferIndexes } from './deferred-indexes';
import { fileDate, fileHand, fileValue } from './file-values';
import type { BatchKey, ImportRequest, ImportSummary } from './import-file';
import { placementMapper, recordOf, type Mapped, type RowMapper } from './mapped-row';
import { PaymentWriter, type PaymentRecord } from './payment-writer';
import type { PlacementRecord } from './placement-row';
import { PlacementWriter, type Outcome } from './placement-writer';
import { RecallWriter, type RecallRecord } from './recall-writer';
import { RowRejected, type RowReader } from './row-reader';
import { quoted } from './limits';

// How each kind of file's rows are read and written: the part of an import that differs by kind (import-file.ts runs them).

/** What the rows of one import are read with: the request's fields that the handlers use. */
export type RunRequest = Pick<ImportRequest, 'kind' | 'file' | 'batchNo' | 'hand' | 'actor' | 'now'>;

/** Where the rows come from: the file's name, hash and size in bytes (0 for records), and its title rows' text. */
export interface RunSource {
  fileName: string;
  sha256: string;
  titleText: string;
  bytes: number;
}

/** One kind's rows: how a row is read (pure, so it may run on a worker thread), and how its record is written. */
export interface RowHandler {
  map: RowMapper<unknown>;
  take(m: Mapped<unknown>): Outcome;
  finish(): void;
  /** placements: the batch's number, term and hand as the file gives them so far (the flags and the profile's default hand only fill what it leaves out) */
  term?(): BatchTerm;
  /** payments: the reference of the payment the last row taken reversed (a reversal matched by amount names none itself) */
  reversed?(): string | null;
}

/** A placement batch's number, term and hand. */
export interface BatchTerm {
  batchNo: string | null;
  placedAt: string | null;
  dueBackAt: string | null;
  hand: number | null;
}

/** The words of a transaction type as compared: half-width, without spaces. */
const typeKey = (word: string): string => toHalfWidth(word).replace(/\s+/g, '');

/** The compared form of each word of a section's transaction types, computed once per section. */
const typeKeys = new WeakMap<readonly string[], Set<string>>();
function isType(words: readonly string[] | undefined, key: string): boolean {
  if (!words) return false;
  let keys = typeKeys.get(words);
  if (!keys) typeKeys.set(words, (keys = new Set(words.map(typeKey))));
  return keys.has(key);
}

/**
 * One payments row, as the payment writer takes it. A reversal (冲正) of an earlier payment — the one `reverses` names,
 * or the case's payment of that amount — is a negative amount, or a row whose `txnType` is one of `reversalTypes`
 * (its amount then taken as negative whatever its sign). A row whose `txnType` is one of `adjustmentTypes` (减免) is
 * a change of the balance, no payment (its amount taken as positive).
 */
export function paymentRecord(r: RowReader, caseNo: string, types: Pick<PaymentsSection, 'reversalTypes' | 'adjustmentTypes' | 'ignoreTypes'>): PaymentRecord {
  const type = types.reversalTypes || types.adjustmentTypes || types.ignoreTypes ? r.text('txnType') : null;
  const key = type ? typeKey(type) : null;
  // A row that records no money moved (a failed debit, often with amount 0) is taken as it is, and changes nothing.
  if (type !== null && key !== null && isType(types.ignoreTypes, key)) {
    return { caseNo, paidAt: r.date('paidAt') ?? '', amountFen: 0, txnRef: r.text('txnRef') ?? '', channel: r.text('channel'), reverses: null, adjustment: null, ignored: type };
  }
  let amountFen = nonZero(r.amount('amount', true, true) as number);
  const adjustment = key !== null && isType(types.adjustmentTypes, key);
  if (adjustment) amountFen = Math.abs(amountFen);
  else if (key !== null && isType(types.reversalTypes, key)) amountFen = -Math.abs(amountFen);
  return {
    caseNo,
    paidAt: r.date('paidAt', true) as string,
    amountFen,
    txnRef: r.required('txnRef'),
    channel: r.text('channel'),
    reverses: amountFen < 0 ? r.text('reverses') : null,
    adjustment: adjustment ? type : null,
  };
}

/** One recalls row: without a date of its own, the file's date, else `fallbackDate`; the reason through the profile's map. */
export function recallRecord(r: RowReader, caseNo: string, fallbackDate: string, reasons?: Record<string, string>): RecallRecord {
  const reason = r.text('reason');
  return { caseNo, recalledAt: r.date('recalledAt') ?? fallbackDate, reason: reason !== null && reasons?.[reason] !== undefined ? reasons[reason] : reason };
}

export function rowHandler(db: Db, req: RunRequest, client: ClientRecord, section: AnySection, source: RunSource, summary: ImportSummary, batch?: BatchKey): RowHandler {
  const actor = req.actor.id;
  const { titleText } = source;
  if (req.kind === 'placement') return placementHandler(db, req, client, section as PlacementSection, source, summary, batch);
  if (req.kind === 'payments') {
    const w = new PaymentWriter(db, client.id, summary.importId, actor, req.now);
    return {
      map: (r, _row, caseNo) => paymentRecord(r, caseNo, section as PaymentsSection),
      take: (m) => w.write(recordOf(m) as PaymentRecord),
      finish: () => undefined,
      reversed: () => w.reversed,
    };
  }
  const recalls = section as RecallsSection;
  const recalledAt = fileDate(recalls.fileValues?.recalledAt, req.file, titleText, recalls.dateFormats, 'recalledAt');
  const w = new RecallWriter(db, client.id, summary.importId, actor, req.now);
  return {
    // Without a date of its own, a recall is of the day of the import — the bank's day, in its time zone.
    map: (r, _row, caseNo) => recallRecord(r, caseNo, recalledAt ?? localDay(new Date(req.now), client.profile.timezone), recalls.valueMaps?.reason),
    take: (m) => w.write(recordOf(m) as RecallRecord),
    finish: () => undefined,
  };
}

function nonZero(fen: number): number {
  if (fen === 0) throw new RowRejected('amount', 'invalid', '0');
  return fen;
}

interface BatchRow {
  id: string;
  batch_no: string | null;
  placed_at: string | null;
  due_back_at: string | null;
  hand: number | null;
  case_count: number;
  placed_total_fen: number;
}

function placementHandler(db: Db, req: RunRequest, client: ClientRecord, section: PlacementSection, { titleText, bytes }: RunSource, summary: ImportSummary, key?: BatchKey): RowHandler {
  // A batch key (records pulled in pages) continues the batch of the earlier pages; a file is a batch of its own.
  const prior = key
    ? (db.prepare('SELECT id, batch_no, placed_at, due_back_at, hand, case_count, placed_total_fen FROM batches WHERE client_id = ? AND sha256 = ?').get(client.id, key.sha256) as BatchRow | undefined)
    : undefined;
  const batchId = prior?.id ?? uuidv7(Date.parse(req.now));
  summary.batchId = batchId;
  if (!prior) {
    db.prepare(`INSERT INTO batches (id, client_id, file_name, sha256, imported_at, created_by) VALUES (?, ?, ?, ?, ?, ?)`).run(batchId, client.id, key?.fileName ?? summary.file, key?.sha256 ?? summary.sha256, req.now, req.actor.id);
  }
  const rebuildIndexes = deferIndexes(db, bytes);
  const fv = section.fileValues;
  const batch = {
    batchNo: prior?.batch_no ?? fileValue(fv?.batchNo, req.file, titleText),
    placedAt: prior?.placed_at ?? fileDate(fv?.placedAt, req.file, titleText, section.dateFormats, 'placedAt'),
    dueBackAt: prior?.due_back_at ?? fileDate(fv?.dueBackAt, req.file, titleText, section.dateFormats, 'dueBackAt'),
    hand: prior?.hand != null ? String(prior.hand) : fileHand(fv?.hand, req.file, titleText),
  };
  const writer = new PlacementWriter(db, client.id, batchId, req.actor.id, req.now, () => ({
    batchNo: batch.batchNo ?? req.batchNo ?? null,
    hand: batch.hand !== null ? Number(batch.hand) : (req.hand ?? null),
    placedAt: batch.placedAt,
  }));
  const seen = new Set<string>();
  let count = prior?.case_count ?? 0;
  let placedFen = prior?.placed_total_fen ?? 0;
  // The batch's number, term and hand come from the first row that places a case in it: in a bank's full re-delivery the
  // first rows may be cases placed before, whose dates are their own batch's. A file that only updates cases takes
  // them from its first accepted row. The term is written while the batch holds no case of this file yet: a batch
  // whose term changes recounts its recoveries (the kpi_*_batch_term triggers), and asking whether it has any payment
  // to recount costs a probe per case once its cases are in (~0.2 s for 100k).
  let termSet = false;
  let firstAccepted: PlacementRecord | null = null;
  // The batch number and hand the batch took from the row that set its term (null: from elsewhere, or none).
  let fromRow: { row: number; batchNo: string | null; hand: number | null } | null = null;
  const setTerm = (record: PlacementRecord | null): void => {
    termSet = true;
    if (record) {
      fromRow = { row: record.row, batchNo: batch.batchNo === null ? record.case.batchNo : null, hand: batch.hand === null ? record.case.hand : null };
      batch.batchNo ??= record.case.batchNo;
      batch.placedAt ??= record.case.placedAt;
      batch.dueBackAt ??= record.case.dueBackAt;
      batch.hand ??= record.case.hand === null ? null : String(record.case.hand);
    }
    db.prepare('UPDATE batches SET placed_at = ?, due_back_at = ? WHERE id = ?').run(batch.placedAt, batch.dueBackAt, batchId);
  };
  // A file places one batch: a later row that places a case under another batch number or hand than the batch took
  // from its first such row is rejected, not filed under the wrong batch (the returns file would report it so).
  const sameBatch = (record: PlacementRecord): void => {
    if (!fromRow) return;
    const { batchNo, hand } = record.case;
    if (fromRow.batchNo !== null && batchNo !== null && batchNo !== fromRow.batchNo) {
      throw new RowRejected('batchNo', 'other_batch', `${quoted(batchNo)}, where row ${fromRow.row} gives ${quoted(fromRow.batchNo)} (a file places one batch: import the rows of ${quoted(batchNo)} as a file of their own)`);
    }
    if (fromRow.hand !== null && hand !== null && hand !== fromRow.hand) {
      throw new RowRejected('hand', 'other_batch', `${hand}, where row ${fromRow.row} gives ${fromRow.hand} (a file places one batch: import the rows of hand ${hand} as a file of their own)`);
    }
  };
  return {
    map: placementMapper(section, client.profile.relationWords ?? {}),
    take(m) {
      // A case number given twice is the later row's first problem, whatever else is wrong with it.
      if (m.caseNo) {
        if (seen.has(m.caseNo)) throw new RowRejected('caseNo', 'duplicate_in_file', quoted(m.caseNo));
        seen.add(m.caseNo);
      }
      const record = recordOf(m) as PlacementRecord;
      if (writer.places(record)) {
        if (termSet) sameBatch(record);
        else setTerm(record);
      }
      firstAccepted ??= record;
      const { outcome, placedFen: fen } = writer.write(record);
      if (outcome === 'inserted') {
        count++;
        placedFen += fen;
      }
      return outcome;
    },
    finish() {
      if (!termSet) setTerm(firstAccepted); // no row placed a case: the first accepted one, else the file values alone
      writer.flush();
      rebuildIndexes();
      const hand = batch.hand ?? (req.hand !== undefined ? String(req.hand) : null) ?? (section.defaults?.hand !== undefined ? String(section.defaults.hand) : null);
      db.prepare('UPDATE batches SET batch_no = ?, hand = ?, case_count = ?, placed_total_fen = ? WHERE id = ?').run(
        batch.batchNo ?? req.batchNo ?? null,
        hand === null ? null : Number(hand),
        count,
        placedFen,
        batchId,
      );
    },
    term() {
      const r = termSet ? null : firstAccepted;
      const hand = batch.hand ?? (r?.case.hand != null ? String(r.case.hand) : null);
      return {
        batchNo: batch.batchNo ?? r?.case.batchNo ?? null,
        placedAt: batch.placedAt ?? r?.case.placedAt ?? null,
        dueBackAt: batch.dueBackAt ?? r?.case.dueBackAt ?? null,
        hand: hand === null ? null : Number(hand),
      };
    },
  };
}
