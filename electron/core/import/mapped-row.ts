import type { Relation } from '../../../shared/domain/relations';
import type { PlacementSection } from '../../../shared/profile/schema';
import { cellText, isBlankRow, type SourceRow } from './cells';
import type { AnySection } from './columns';
import type { Header } from './header';
import { mapPlacementRow, type PlacementRecord } from './placement-row';
import { quoted } from './limits';
import { caseNoOf, tooLong, RowReader, RowRejected, type RejectionCode } from './row-reader';

/** A row's first problem, as plain data (it crosses a worker's message port). */
export interface RowProblem {
  field: string;
  code: RejectionCode;
  detail?: string;
}

/** One data row read and mapped, before anything is written: its record, or the first problem found in it. */
export type Mapped<R> = { row: number; caseNo: string; record: R; problem: null } | { row: number; caseNo: string; record: null; problem: RowProblem };

/** Reads one kind's record from a row (pure: no store); throws RowRejected on the first bad value. */
export type RowMapper<R> = (reader: RowReader, row: number, caseNo: string) => R;

/**
 * How many fields a row of a text file may have: the header's, or one more when the file's rows end with a delimiter
 * the header lacks (told by its first data row: an empty field after the header's last); in a file without a header,
 * its first data row's. Undefined for a workbook (its cells cannot shift).
 */
export function fieldsAllowed(section: AnySection, header: Header, firstRow: SourceRow['cells']): number | undefined {
  if (section.format === 'xlsx') return undefined;
  if (header.row === 0) return firstRow.length;
  const n = header.names.length;
  return firstRow.length === n + 1 && cellText(firstRow[n]) === null ? n + 1 : n;
}

/** Rejects a row with more fields than `width` (see fieldsAllowed): a delimiter inside a value has shifted its columns. */
function checkWidth(cells: SourceRow['cells'], width: number | undefined): void {
  if (width !== undefined && cells.length > width) throw new RowRejected('row', 'extra_fields', `${cells.length} fields where a row has ${width}`);
}

/**
 * Maps one source row; null for a blank row, which is not a data row. `width`, for a text file, is the
 * number of fields a row may have (fieldsAllowed): a row with more has a delimiter inside a value (`北京市|朝阳区` in
 * a pipe file), which shifts every later column onto the wrong field — such a row is rejected rather than read askew.
 * A row with a mapped field longer than LIMITS.cellChars is rejected (too_long) before anything of it is read.
 */
export function mapRow<R>(source: SourceRow, columns: Record<string, number>, section: AnySection, map: RowMapper<R>, width?: number): Mapped<R> | null {
  const { row, cells } = source;
  if (isBlankRow(cells)) return null;
  const reader = new RowReader(cells, columns, section.dateFormats, section.amountUnit);
  let caseNo = '';
  try {
    const long = tooLong(cells, columns);
    // A case number too long to be one is reported by its beginning.
    caseNo = long?.field === 'caseNo' ? quoted(cellText(cells[columns.caseNo ?? -1]) ?? '') : caseNoOf(reader, section.caseNoDigits);
    if (long) throw long;
    checkWidth(cells, width);
    if (!caseNo) throw new RowRejected('caseNo', 'missing');
    reader.exactKey('caseNo');
    return { row, caseNo, record: map(reader, row, caseNo), problem: null };
  } catch (err) {
    if (!(err instanceof RowRejected)) throw err;
    return { row, caseNo, record: null, problem: { field: err.field, code: err.code, detail: err.detail } };
  }
}

/** The record of a mapped row, or its problem thrown as the RowRejected it was. */
export function recordOf<R>(m: Mapped<R>): R {
  if (m.problem) throw new RowRejected(m.problem.field, m.problem.code, m.problem.detail);
  return m.record as R;
}

export function placementMapper(section: PlacementSection, words: Record<string, Relation>): RowMapper<PlacementRecord> {
  return (reader, row, caseNo) => mapPlacementRow(reader, row, caseNo, section, words);
}

/**
 * A file's rows, mapped: its header first (a file-level fault rejects it), then the data rows in batches. Read on
 * this thread, or on a worker thread beside the writes (placement-worker.ts).
 */
export interface MappedSource {
  header: Promise<Header>;
  /** the mapped data rows in order; `map` is used where the rows are mapped on this thread (a worker maps placements with placementMapper) */
  batches(map: RowMapper<unknown>, columns: Record<string, number>): AsyncIterable<Mapped<unknown>[]>;
  /** stops reading (a refused file, an error): always called */
  close(): Promise<void>;
}
