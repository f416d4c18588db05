import { basename } from 'node:path';
import { uuidv7 } from '../../../shared/domain/ids';
import { toHalfWidth } from '../../../shared/domain/text';
import type { ImportKind, PlacementSection, RecallsSection } from '../../../shared/profile/schema';
import { appendAudit } from '../audit/audit';
import type { Actor } from '../auth/actor';
import { getClient, type ClientRecord } from '../clients/clients';
import type { Db } from '../db/open';
import { CoreError } from '../errors';
import { isBlankRow, type SourceRow } from './cells';
import { requiredColumns, resolveColumns, type AnySection } from './columns';
import { fileValue } from './file-values';
import { sha256File } from './hash';
import { readHeader } from './header';
import { PaymentWriter } from './payment-writer';
import { mapPlacementRow } from './placement-row';
import { PlacementWriter, type Outcome } from './placement-writer';
import { readTable } from './read-table';
import { RecallWriter } from './recall-writer';
import { rejection, RowReader, RowRejected, type Rejection } from './row-reader';

export interface ImportRequest {
  clientCode: string;
  kind: ImportKind;
  file: string;
  batchNo?: string;
  hand?: number;
  actor: Actor;
  now: string;
  /** called every few thousand rows with the number of data rows read */
  onProgress?: (rows: number) => void;
}

export interface ImportSummary {
  kind: ImportKind;
  client: string;
  batchId: string | null;
  importId: string;
  file: string;
  sha256: string;
  rows: number;
  accepted: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: Rejection[];
}

function canImport(actor: Actor): void {
  if (actor.role === 'collector') throw new CoreError('forbidden', 'Only a team lead or an admin can import bank files.');
}

function sectionOf(client: ClientRecord, kind: ImportKind): AnySection {
  const section = client.profile[kind];
  if (!section) throw new CoreError('invalid_input', `The profile of ${client.code} has no "${kind}" section: add one to import such files.`, { field: kind });
  return section;
}

/**
 * Imports one bank file with the client's profile, in ONE transaction: row-level rejects never stop the valid rows;
 * a file-level fault (unreadable, missing column, empty, header only, already imported) refuses the whole file and
 * leaves the database as it was — as does a crash or a kill mid-way. Give it a connection of its own: the
 * transaction spans the file's reading.
 */
export async function importFile(db: Db, req: ImportRequest): Promise<ImportSummary> {
  canImport(req.actor);
  const client = getClient(db, req.clientCode);
  const section = sectionOf(client, req.kind);
  const fileName = basename(req.file);
  const rows = readTable(req.file, section);
  const sha256 = await sha256File(req.file);
  if (db.prepare('SELECT 1 FROM import_files WHERE client_id = ? AND kind = ? AND sha256 = ?').get(client.id, req.kind, sha256)) {
    throw new CoreError('already_imported', `${fileName} was already imported for ${client.code} (same SHA-256). Nothing was imported.`, { file: fileName, sha256 });
  }
  const header = await readHeader(req.file, rows, section.headerRow, requiredColumns(req.kind, section));
  const columns = resolveColumns(header.index, section);
  const importId = uuidv7(Date.parse(req.now));
  const summary: ImportSummary = { kind: req.kind, client: client.code, batchId: null, importId, file: fileName, sha256, rows: 0, accepted: 0, inserted: 0, updated: 0, unchanged: 0, rejected: [] };

  db.exec('BEGIN IMMEDIATE');
  try {
    db.prepare(
      `INSERT INTO import_files (id, client_id, kind, file_name, sha256, rows, accepted, imported_at, created_by) VALUES (?, ?, ?, ?, ?, 0, 0, ?, ?)`,
    ).run(importId, client.id, req.kind, fileName, sha256, req.now, req.actor.id);
    const handle = rowHandler(db, req, client, section, header.titleText, summary);
    const rest: AsyncIterable<SourceRow> = { [Symbol.asyncIterator]: () => rows };
    for await (const { row, cells } of rest) {
      if (isBlankRow(cells)) continue;
      summary.rows++;
      const reader = new RowReader(cells, columns, section.dateFormats, section.amountUnit);
      const caseNo = toHalfWidth(reader.text('caseNo') ?? '');
      try {
        if (!caseNo) throw new RowRejected('caseNo', 'missing');
        summary[handle.row(reader, row, caseNo)]++;
        summary.accepted++;
      } catch (err) {
        if (!(err instanceof RowRejected)) throw err;
        summary.rejected.push(rejection(row, caseNo, err));
      }
      if (summary.rows % 5000 === 0) req.onProgress?.(summary.rows);
    }
    if (summary.rows === 0) {
      throw new CoreError('unreadable_file', `${fileName}: the file has a header but no data rows. Nothing was imported.`, { file: fileName });
    }
    handle.finish();
    db.prepare('UPDATE import_files SET batch_id = ?, rows = ?, accepted = ?, inserted = ?, updated = ?, unchanged = ?, rejected = ? WHERE id = ?').run(
      summary.batchId, summary.rows, summary.accepted, summary.inserted, summary.updated, summary.unchanged, summary.rejected.length, importId,
    );
    const reject = db.prepare('INSERT INTO import_rejects (import_id, row, case_no, field, code, message) VALUES (?, ?, ?, ?, ?, ?)');
    for (const r of summary.rejected) reject.run(importId, r.row, r.caseNo, r.field, r.code, r.message);
    const { rejected, ...counts } = summary;
    appendAudit(db, { actorId: req.actor.id, via: req.actor.via, action: `import.${req.kind}`, entity: 'import', entityId: importId, details: { ...counts, rejected: rejected.length } }, req.now);
    db.exec('COMMIT');
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
  req.onProgress?.(summary.rows);
  return summary;
}

interface RowHandler {
  row(reader: RowReader, row: number, caseNo: string): Outcome;
  finish(): void;
}

function rowHandler(db: Db, req: ImportRequest, client: ClientRecord, section: AnySection, titleText: string, summary: ImportSummary): RowHandler {
  const actor = req.actor.id;
  if (req.kind === 'placement') return placementHandler(db, req, client, section as PlacementSection, titleText, summary);
  if (req.kind === 'payments') {
    const w = new PaymentWriter(db, client.id, summary.importId, actor, req.now);
    return {
      row: (r, _row, caseNo) => w.write({ caseNo, paidAt: r.date('paidAt', true) as string, amountFen: positive(r.amount('amount', true) as number), txnRef: r.required('txnRef'), channel: r.text('channel') }),
      finish: () => undefined,
    };
  }
  const recalls = section as RecallsSection;
  const fileDate = fileValue(recalls.fileValues?.recalledAt, req.file, titleText);
  const w = new RecallWriter(db, client.id, summary.importId, actor, req.now);
  return {
    row: (r, _row, caseNo) => w.write({ caseNo, recalledAt: r.date('recalledAt') ?? fileDate ?? req.now.slice(0, 10), reason: r.text('reason') }),
    finish: () => undefined,
  };
}

function positive(fen: number): number {
  if (fen === 0) throw new RowRejected('amount', 'invalid', '0');
  return fen;
}

function placementHandler(db: Db, req: ImportRequest, client: ClientRecord, section: PlacementSection, titleText: string, summary: ImportSummary): RowHandler {
  const batchId = uuidv7(Date.parse(req.now));
  summary.batchId = batchId;
  db.prepare(`INSERT INTO batches (id, client_id, file_name, sha256, imported_at, created_by) VALUES (?, ?, ?, ?, ?, ?)`).run(batchId, client.id, summary.file, summary.sha256, req.now, req.actor.id);
  const writer = new PlacementWriter(db, client.id, batchId, req.actor.id, req.now);
  const fv = section.fileValues;
  const batch = {
    batchNo: fileValue(fv?.batchNo, req.file, titleText),
    placedAt: fileValue(fv?.placedAt, req.file, titleText),
    dueBackAt: fileValue(fv?.dueBackAt, req.file, titleText),
    hand: fileValue(fv?.hand, req.file, titleText),
  };
  const seen = new Set<string>();
  let count = 0;
  let placedFen = 0;
  let first = true;
  return {
    row(reader, row, caseNo) {
      if (seen.has(caseNo)) throw new RowRejected('caseNo', 'duplicate_in_file', caseNo);
      seen.add(caseNo);
      const record = mapPlacementRow(reader, row, caseNo, section, client.profile.relationWords ?? {});
      if (first) {
        first = false;
        batch.batchNo ??= record.case.batchNo;
        batch.placedAt ??= record.case.placedAt;
        batch.dueBackAt ??= record.case.dueBackAt;
        batch.hand ??= record.case.hand === null ? null : String(record.case.hand);
      }
      const { outcome, placedFen: fen } = writer.write(record);
      if (outcome === 'inserted') {
        count++;
        placedFen += fen;
      }
      return outcome;
    },
    finish() {
      const hand = batch.hand ?? (req.hand !== undefined ? String(req.hand) : null) ?? (section.defaults?.hand !== undefined ? String(section.defaults.hand) : null);
      db.prepare('UPDATE batches SET batch_no = ?, placed_at = ?, due_back_at = ?, hand = ?, case_count = ?, placed_total_fen = ? WHERE id = ?').run(
        batch.batchNo ?? req.batchNo ?? null,
        batch.placedAt,
        batch.dueBackAt,
        hand === null ? null : Number(hand),
        count,
        placedFen,
        batchId,
      );
    },
  };
}
