import { basename } from 'node:path';
import { toHalfWidth } from '../../../shared/domain/text';
import { columnIndex, type ColumnRef } from '../../../shared/profile/schema';
import { CoreError } from '../errors';
import type { SheetsRead } from './read-table';
import { cellText, isBlankRow, type SourceRow } from './cells';
import { LIMITS, quoted } from './limits';

const MAX_TITLE_ROWS = 30;

/** Header text compared loosely: full-width folded, spaces removed, case ignored. */
export function headerKey(text: string | null): string {
  return text ? toHalfWidth(text).replace(/[\s\ufeff]/g, '').toLowerCase() : '';
}

function alternatives(ref: string | string[]): string[] {
  return Array.isArray(ref) ? ref : [ref];
}

/** How a column reference reads in a message: its header(s), or its place. */
export function refText(ref: ColumnRef): string {
  return typeof ref === 'object' && !Array.isArray(ref) ? `column ${ref.column}` : alternatives(ref).join(' / ');
}

/**
 * The column of a field in the header, trying each alternative in turn; -1 when absent. A header that repeats a
 * name (联系人1 关系 电话 联系人2 关系 电话) holds it at several columns: `taken` counts the fields that already took
 * one, and the next field takes the next (the last when every one is taken: two fields may read one column).
 */
export function findColumn(headerIndex: HeaderIndex, ref: ColumnRef | undefined, taken?: Map<string, number>): number {
  if (!ref) return -1;
  if (typeof ref === 'object' && !Array.isArray(ref)) return columnIndex(ref);
  for (const name of alternatives(ref)) {
    const key = headerKey(name);
    const at = headerIndex.get(key);
    if (at === undefined) continue;
    const nth = taken?.get(key) ?? 0;
    taken?.set(key, nth + 1);
    return at[Math.min(nth, at.length - 1)] as number;
  }
  return -1;
}

/** Header text (as headerKey folds it) → the columns that hold it, left to right. */
export type HeaderIndex = Map<string, number[]>;

export interface Header {
  row: number;
  index: HeaderIndex;
  /** the header cells as the file spells them */
  names: (string | null)[];
  /** the text of the title rows above the header, for values given once per file */
  titleText: string;
  /** the row read after the header to tell a header of two rows, when it is the first data row (rowsAfter gives it first) */
  firstData?: SourceRow;
}

/** The rows after the header: the one read ahead to tell a two-row header, then the rest. */
export async function* rowsAfter(header: Header, rows: AsyncIterator<SourceRow>): AsyncGenerator<SourceRow> {
  if (header.firstData) yield header.firstData;
  for (;;) {
    const next = await rows.next();
    if (next.done) return;
    yield next.value;
  }
}

function indexOf(cells: SourceRow['cells']): HeaderIndex {
  const m: HeaderIndex = new Map();
  cells.forEach((c, i) => {
    const k = headerKey(cellText(c));
    if (!k) return;
    const at = m.get(k);
    if (at) at.push(i);
    else m.set(k, [i]);
  });
  return m;
}

/**
 * Reads rows up to the header: a fixed row number, or ('auto') the first row within the first 30 that holds every
 * required column. A missing required column refuses the file, naming the column as the profile spells it.
 */
export async function readHeader(
  file: string,
  rows: AsyncIterator<SourceRow> & { sheets?: SheetsRead },
  headerRow: number | 'auto' | 'none',
  required: Record<string, ColumnRef>,
): Promise<Header> {
  if (headerRow === 'none') return { row: 0, index: new Map(), names: [], titleText: '' };
  const titles: string[] = [];
  let best: { row: number; cells: SourceRow['cells']; missing: string[] } | null = null;
  for (;;) {
    const next = await rows.next();
    if (next.done) break;
    const { row, cells } = next.value;
    if (isBlankRow(cells)) continue;
    const index = indexOf(cells);
    const missing = Object.entries(required)
      .filter(([, ref]) => findColumn(index, ref) < 0)
      .map(([field, ref]) => `${refText(ref)} (${field})`);
    if (headerRow === 'auto' ? missing.length === 0 : row === headerRow) {
      if (missing.length > 0) throw missingColumns(file, missing, row, cells, rows.sheets);
      const header: Header = { row, index, names: namesOf(cells), titleText: titles.join('\n') };
      return headerRow === 'auto' ? lowerRowOf(header, await rows.next(), required) : header;
    }
    if (!best || missing.length < best.missing.length) best = { row, cells, missing };
    // A title row gives the batch number or a date: its first LIMITS.cellChars characters are read.
    titles.push(cells.map((c) => cellText(c) ?? '').join(' ').slice(0, LIMITS.cellChars));
    if (headerRow === 'auto' ? titles.length >= MAX_TITLE_ROWS : row > headerRow) break;
  }
  if (!best) throw new CoreError('unreadable_file', `${basename(file)}: the file holds no rows.`, { file: basename(file) });
  throw missingColumns(file, best.missing, best.row, best.cells, rows.sheets);
}

/** The header's names as shown (a preview's columns): a name past LIMITS.quotedChars cut with "…". */
function namesOf(cells: SourceRow['cells']): (string | null)[] {
  return cells.map((c) => {
    const t = cellText(c);
    return t === null ? null : quoted(t);
  });
}

/**
 * A header of two rows — its single columns merged over both (a workbook reads their names in both rows), a group's
 * label (联系人) over its sub-headers (姓名 关系 电话) — is the lower row: the row after the header that holds every
 * required column where the header does. Any other row after it is the first data row, kept to be read first.
 */
function lowerRowOf(header: Header, next: IteratorResult<SourceRow>, required: Record<string, ColumnRef>): Header {
  if (next.done) return header;
  // Only columns named by their header tell: a column given by place is found in any row.
  const named = Object.values(required).filter((ref) => typeof ref !== 'object' || Array.isArray(ref));
  const index = indexOf(next.value.cells);
  const same = named.length > 0 && named.every((ref) => findColumn(index, ref) === findColumn(header.index, ref));
  return same ? { row: next.value.row, index, names: namesOf(next.value.cells), titleText: header.titleText } : { ...header, firstData: next.value };
}

/**
 * Names the missing columns, and what the row closest to a header holds: a wrong delimiter, encoding or header row
 * shows there. Runs of 7 or more digits are left out of it (the row may be a debtor's, with phone and ID number).
 */
function missingColumns(file: string, missing: string[], row: number, cells: SourceRow['cells'], sheets?: SheetsRead): CoreError {
  const found = cells.map(cellText).filter((t): t is string => t !== null);
  const shown = found.slice(0, 12).map((t) => {
    const masked = t.replace(/\d{7,}/g, '…');
    return masked.length > 40 ? `${masked.slice(0, 40)}…` : masked;
  });
  const hint = `Row ${row}, the closest to a header, has: ${shown.join(', ')}${found.length > shown.length ? `, … (${found.length} columns)` : ''}.`;
  // A workbook read on another sheet than the bank's list (a summary sheet first) says which sheets it has.
  const others = sheets && sheets.others.length > 0 ? sheets : undefined;
  const sheetHint = others ? ` That is sheet "${others.read}"; the workbook also has ${others.others.map((n) => `"${n}"`).join(', ')}: name the right one in the profile's "sheet".` : '';
  return new CoreError('unreadable_file', `${basename(file)}: required column${missing.length > 1 ? 's' : ''} missing: ${missing.join(', ')}. ${hint}${sheetHint} Nothing was imported.`, {
    file: basename(file),
    missingColumns: missing,
    row,
    found: found.length > shown.length ? [...shown, '…'] : shown,
    ...(others ? { sheet: others.read, otherSheets: others.others } : {}),
  });
}
