import { statSync } from 'node:fs';
import { setImmediate } from 'node:timers/promises';
import { basename } from 'node:path';
import { uuidv7 } from '../../../shared/domain/ids';
import type { ImportKind, PlacementSection } from '../../../shared/profile/schema';
import { appendAudit } from '../audit/audit';
import type { Actor } from '../auth/actor';
import { getClient, type ClientRecord } from '../clients/clients';
import type { Db } from '../db/open';
import { withRollbackJournal } from '../db/bulk-journal';
import { localDay } from '../../../shared/compliance/zoned';
import { CoreError, storeFault } from '../errors';
import type { SourceRow } from './cells';
import { resolveColumns, type AnySection } from './columns';
import { sha256File } from './hash';
import type { Header } from './header';
import { localSource } from './local-source';
import { mapRow, type Mapped } from './mapped-row';
import { rejection, RowRejected, type Rejection } from './row-reader';
import type { Outcome } from './placement-writer';
import { rowHandler, type BatchTerm, type RowHandler, type RunRequest, type RunSource } from './row-handlers';
import { WorkerUnavailable, workerSource, type WorkerEntry } from './worker-source';
import { throwIfCancelled } from './cancel';

/** How long an import writes before it lets the app answer (a request, a progress poll). */
const TURN_MS = 100;

export interface ImportRequest {
  clientCode: string;
  kind: ImportKind;
  file: string;
  batchNo?: string;
  hand?: number;
  actor: Actor;
  now: string;
  /** the file's SHA-256 when the caller already has it (the CLI hashes the file while the key is derived) */
  sha256?: Promise<string>;
  /** called every few thousand rows with the number of data rows read */
  onProgress?: (rows: number) => void;
  /** a placement file is read and mapped on a worker thread running this script (see worker-source.ts) */
  worker?: WorkerEntry;
  /** aborted: the import stops at the next chunk or batch, throws CoreError cancelled and its transaction is rolled back */
  signal?: AbortSignal;
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
  const { signal } = req;
  let source =
    req.kind === 'placement' && req.worker
      ? workerSource(req.worker, { file: req.file, section: section as PlacementSection, words: client.profile.relationWords ?? {} }, signal)
      : localSource(req.file, req.kind, section, signal);
  try {
    const sha256 = await (req.sha256 ?? sha256File(req.file, signal));
    throwIfCancelled(signal);
    refuseIfImported(db, client, req.kind, fileName, sha256);
    let header: Header;
    try {
      header = await source.header;
    } catch (err) {
      // A worker that cannot start (a packaging fault) costs speed, not the import: the rows are read here instead.
      if (!(err instanceof WorkerUnavailable)) throw err;
      await source.close();
      source = localSource(req.file, req.kind, section, signal);
      header = await source.header;
    }
    const columns = resolveColumns(header.index, section);
    const run = await withRollbackJournal(db, async () => {
      db.exec('BEGIN IMMEDIATE');
      try {
        const started = startRun(db, req, client, section, { fileName, sha256, titleText: header.titleText, bytes: statSync(req.file).size });
        let turned = performance.now();
        for await (const batch of source.batches(started.handle.map, columns)) {
          throwIfCancelled(signal);
          for (const m of batch) {
            takeMapped(started, m);
            if (started.summary.rows % 5000 === 0) req.onProgress?.(started.summary.rows);
          }
          // For a caller that follows the progress (the app), a turn of the event loop every so often: batches a worker
          // has queued would otherwise be written back to back, and the app would not answer until the end. (A script
          // waiting for the result does without: the turns cost it ~70 MB of peak memory, measured.)
          if (req.onProgress && performance.now() - turned > TURN_MS) {
            await setImmediate();
            turned = performance.now();
          }
        }
        throwIfCancelled(signal);
        endRun(db, req, started);
        db.exec('COMMIT');
        return started;
      } catch (err) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw err;
      }
    });
    const { summary } = run;
    req.onProgress?.(summary.rows);
    return summary;
  } catch (err) {
    throw storeFault(err, 'Nothing was imported.') ?? err;
  } finally {
    await source.close();
  }
}

/**
 * Records already in memory, e.g. pulled from the bank's sync API (electron/core/sync), laid out as rows: each
 * record's values in the cells of `columns`, read with `section` (the client's section with the records' own layout).
 */
export interface RecordsImportRequest {
  clientCode: string;
  kind: ImportKind;
  /** names the records in the list of imports, as a file name would */
  name: string;
  /** identifies the records, as a file's SHA-256 does: the same records twice for one client are refused */
  sha256: string;
  section: AnySection;
  columns: Record<string, number>;
  rows: Iterable<SourceRow>;
  /** placements: the batch the new cases join, found by this SHA-256 or created with it (one delivery in several pages stays one batch) */
  batch?: BatchKey;
  actor: Actor;
  now: string;
}

export interface BatchKey {
  fileName: string;
  sha256: string;
}

/**
 * Imports records with the same mapping, checks, writers and summary as a file (one code path), INSIDE the caller's
 * transaction, so that the caller commits them together with its own state (the sync cursor).
 */
export function importRecords(db: Db, req: RecordsImportRequest): ImportSummary {
  canImport(req.actor);
  if (!db.inTransaction) throw new Error('importRecords runs inside the caller’s transaction.');
  const client = getClient(db, req.clientCode);
  refuseIfImported(db, client, req.kind, req.name, req.sha256);
  const run = startRun(db, { ...req, file: req.name }, client, req.section, { fileName: req.name, sha256: req.sha256, titleText: '', bytes: 0 }, req.batch);
  for (const source of req.rows) {
    const m = mapRow(source, req.columns, req.section, run.handle.map);
    if (m) takeMapped(run, m);
  }
  endRun(db, req, run);
  return run.summary;
}

/** The rows of a file to try as an import would take them (see rehearseRows). */
export interface RehearsalRequest {
  clientCode: string;
  kind: ImportKind;
  fileName: string;
  titleText: string;
  columns: Record<string, number>;
  /** the fields a row may have (fieldsAllowed) */
  width: number | undefined;
  rows: SourceRow[];
  actor: Actor;
  now: string;
}

/** What the import would make of some rows: each row's outcome or rejection, and for a placement the batch's term. */
export interface Rehearsal {
  rejected: Rejection[];
  /** the outcome of each accepted row, by spreadsheet row */
  outcomes: Map<number, Outcome>;
  /** placements: the batch's number, term and hand as these rows give them */
  batch: BatchTerm | null;
  /** payments: for each reversal, by spreadsheet row, the reference of the payment it undoes */
  reversed: Map<number, string>;
}

/**
 * What the import would make of some rows, written nowhere: they go through the import's own mapping, checks and
 * writers in a transaction that is then rolled back. So a preview shows what only the store or the rows together can
 * tell — `name_mismatch`, `unknown_case`, `duplicate_txn`, `duplicate_in_file`, a case new or updated, a recall already
 * taken — exactly as the import will.
 */
export function rehearseRows(db: Db, req: RehearsalRequest): Rehearsal {
  const client = getClient(db, req.clientCode);
  const section = sectionOf(client, req.kind);
  db.exec('BEGIN IMMEDIATE');
  try {
    // No file size: a rehearsal never drops indexes to rebuild them.
    const run = startRun(db, { ...req, file: req.fileName }, client, section, { fileName: req.fileName, sha256: 'rehearsal', titleText: req.titleText, bytes: 0 });
    const outcomes = new Map<number, Outcome>();
    const reversed = new Map<number, string>();
    for (const source of req.rows) {
      const m = mapRow(source, req.columns, section, run.handle.map, req.width);
      if (!m) continue;
      const outcome = takeMapped(run, m);
      if (!outcome) continue;
      outcomes.set(m.row, outcome);
      const ref = run.handle.reversed?.();
      if (ref) reversed.set(m.row, ref);
    }
    return { rejected: run.summary.rejected, outcomes, batch: run.handle.term?.() ?? null, reversed };
  } finally {
    db.exec('ROLLBACK');
  }
}

/**
 * The same file twice for one client is refused. A file none of whose rows was taken does not count: it was most
 * likely read with a profile still being fixed, so it may be imported again (the earlier attempt's record, rejects
 * and empty batch give way to the new one, in its transaction).
 */
function refuseIfImported(db: Db, client: ClientRecord, kind: ImportKind, fileName: string, sha256: string): void {
  const at = importedAt(db, client.id, kind, sha256);
  if (at !== null) {
    const day = localDay(new Date(at), client.profile.timezone);
    throw new CoreError('already_imported', `${fileName} was already imported for ${client.code} on ${day} (same SHA-256). Nothing was imported.`, { file: fileName, sha256, importedAt: at });
  }
}

/** When a file with this SHA-256 was imported for the client (null: never, or none of its rows was taken). */
export function importedAt(db: Db, clientId: string, kind: ImportKind, sha256: string): string | null {
  return (db.prepare('SELECT imported_at FROM import_files WHERE client_id = ? AND kind = ? AND sha256 = ? AND accepted > 0').pluck().get(clientId, kind, sha256) as string | undefined) ?? null;
}

/** Inside the transaction: removes an earlier import of this file that took no row (see refuseIfImported). */
function replaceUnacceptedImport(db: Db, clientId: string, kind: ImportKind, sha256: string): void {
  const earlier = db.prepare('SELECT id, batch_id FROM import_files WHERE client_id = ? AND kind = ? AND sha256 = ? AND accepted = 0').get(clientId, kind, sha256) as
    | { id: string; batch_id: string | null }
    | undefined;
  if (!earlier) return;
  db.prepare('DELETE FROM import_rejects WHERE import_id = ?').run(earlier.id);
  db.prepare('DELETE FROM import_files WHERE id = ?').run(earlier.id);
  if (earlier.batch_id) dropEmptyBatch(db, earlier.batch_id);
}

/** A batch no case belongs to and no import names (left by an import that took no row). */
function dropEmptyBatch(db: Db, batchId: string): void {
  db.prepare('DELETE FROM batches WHERE id = ? AND NOT EXISTS (SELECT 1 FROM cases WHERE batch_id = ?) AND NOT EXISTS (SELECT 1 FROM import_files WHERE batch_id = ?)').run(batchId, batchId, batchId);
}

interface ImportRun {
  summary: ImportSummary;
  handle: RowHandler;
}

/** Inside the transaction: records the import and prepares its row handler. */
function startRun(db: Db, req: RunRequest, client: ClientRecord, section: AnySection, source: RunSource, batch?: BatchKey): ImportRun {
  const importId = uuidv7(Date.parse(req.now));
  const summary: ImportSummary = { kind: req.kind, client: client.code, batchId: null, importId, file: source.fileName, sha256: source.sha256, rows: 0, accepted: 0, inserted: 0, updated: 0, unchanged: 0, rejected: [] };
  replaceUnacceptedImport(db, client.id, req.kind, source.sha256);
  db.prepare(
    `INSERT INTO import_files (id, client_id, kind, file_name, sha256, rows, accepted, imported_at, created_by) VALUES (?, ?, ?, ?, ?, 0, 0, ?, ?)`,
  ).run(importId, client.id, req.kind, source.fileName, source.sha256, req.now, req.actor.id);
  return { summary, handle: rowHandler(db, req, client, section, source, summary, batch) };
}

/** One data row: accepted (and counted by outcome) or rejected with the first problem; its outcome, null when rejected. */
function takeMapped(run: ImportRun, m: Mapped<unknown>): Outcome | null {
  const { summary } = run;
  summary.rows++;
  try {
    const outcome = run.handle.take(m);
    summary[outcome]++;
    summary.accepted++;
    return outcome;
  } catch (err) {
    if (!(err instanceof RowRejected)) throw err;
    summary.rejected.push(rejection(m.row, m.caseNo, err));
    return null;
  }
}

/** Still inside the transaction: finishes the batch, stores the counts and the rejects, audits the import. */
function endRun(db: Db, req: Pick<RunRequest, 'kind' | 'actor' | 'now'>, { summary, handle }: ImportRun): void {
  if (summary.rows === 0) {
    throw new CoreError('unreadable_file', `${summary.file}: the file has a header but no data rows. Nothing was imported.`, { file: summary.file });
  }
  handle.finish();
  const emptyBatch = summary.accepted === 0 ? summary.batchId : null;
  if (emptyBatch) summary.batchId = null; // no row taken: the file leaves no batch behind
  db.prepare('UPDATE import_files SET batch_id = ?, rows = ?, accepted = ?, inserted = ?, updated = ?, unchanged = ?, rejected = ? WHERE id = ?').run(
    summary.batchId, summary.rows, summary.accepted, summary.inserted, summary.updated, summary.unchanged, summary.rejected.length, summary.importId,
  );
  if (emptyBatch) dropEmptyBatch(db, emptyBatch);
  const reject = db.prepare('INSERT INTO import_rejects (import_id, row, case_no, field, code, message) VALUES (?, ?, ?, ?, ?, ?)');
  for (const r of summary.rejected) reject.run(summary.importId, r.row, r.caseNo, r.field, r.code, r.message);
  const { rejected, ...counts } = summary;
  appendAudit(db, { actorId: req.actor.id, via: req.actor.via, action: `import.${req.kind}`, entity: 'import', entityId: summary.importId, details: { ...counts, rejected: rejected.length } }, req.now);
}
