/**
 * What one bank file may hold before it is refused whole as unreadable: far above what a real 100k–300k-row bank file
 * reaches, far below what would exhaust the workstation. Measured by `npm run bench -- file-limits` on generated
 * 300k-row files: bank-a's 29 columns as a workbook with shared strings inflate to a 307 MB sheet (longest row about
 * 2,200 characters) and 34 MB of 1.25 million shared strings; bank-b's workbook of inline strings to a 186 MB sheet;
 * the CSV's longest record is 212 characters. A file past a cap is refused as soon as the cap is passed (a part that
 * declares more, before it is inflated), naming the cap, rather than read to its end.
 *
 * A field past `cellChars` (mapped by the profile) only rejects its row, with code `too_long`. The row cap is far
 * above it so that such a row (a 30 MB remark) is rejected on its own rather than refusing the whole file.
 */
export const LIMITS = {
  /** inflated bytes of one part of a workbook's zip (its sheet, its shared strings) */
  partBytes: 2048 * 1024 * 1024,
  /** inflated bytes of all the parts of a workbook read for one import or preview */
  totalBytes: 3072 * 1024 * 1024,
  /** inflated bytes of a part read whole: the workbook, its relationships, its styles, a sheet's merged cells; the zip's directory */
  metadataBytes: 32 * 1024 * 1024,
  /** characters of one row: a CSV record, a workbook's <row> element or one shared string (<si>) */
  rowChars: 64 * 1024 * 1024,
  /** fields of one row: Excel's own last column is XFD, the 16,384th */
  columns: 16_384,
  /** cells a sheet's ranges merged over several rows fill down (a range of 3 rows fills 2 cells) */
  mergedCells: 16 * 1024 * 1024,
  /** items in a workbook's shared strings (each distinct text of the workbook) */
  sharedStrings: 8 * 1024 * 1024,
  /**
   * characters of one field the profile maps: a longer one rejects its row (too_long). Excel's own limit for a cell,
   * so no file that went through Excel passes it (a bank's 9,000-character remark is kept whole; a 10 MB one is not).
   */
  cellChars: 32_767,
  /** characters of a value quoted in a message or rejection, before it is cut with "…" */
  quotedChars: 50,
} as const;

export type LimitName = 'partBytes' | 'totalBytes' | 'metadataBytes' | 'rowChars' | 'columns' | 'mergedCells' | 'sharedStrings';

const n = (max: number): string => max.toLocaleString('en-US');

/** What passed the cap, in words: `row 7 is longer than 67,108,864 characters`. */
const SAID: Record<LimitName, (where: string, max: number) => string> = {
  partBytes: (where, max) => `${where || 'a part of the workbook'} unpacks to more than ${n(max)} bytes`,
  totalBytes: (_where, max) => `its parts unpack to more than ${n(max)} bytes in all`,
  metadataBytes: (where, max) => `${where || 'a part of the workbook'} unpacks to more than ${n(max)} bytes`,
  rowChars: (where, max) => `${where || 'a row'} is longer than ${n(max)} characters`,
  columns: (where, max) => `${where || 'a row'} has more than ${n(max)} columns`,
  mergedCells: (_where, max) => `its merged ranges fill more than ${n(max)} cells`,
  sharedStrings: (where, max) => `it holds more distinct texts (shared strings) than ${where || n(max)}`,
};

/**
 * A file past one of the reader's caps: read-table refuses it as unreadable, naming the file and the cap. `where` says
 * where in the file the cap was passed (`row 7`, `its part xl/sharedStrings.xml`), when known.
 */
export class LimitExceeded extends Error {
  constructor(
    readonly limit: LimitName,
    readonly where = '',
    /** the cap applied, when lower than LIMITS[limit] (the shared strings a small sheet can use) */
    readonly max: number = LIMITS[limit],
  ) {
    super(`${SAID[limit](where, max)}, far more than a bank file holds: the file may be damaged or built to exhaust the computer`);
  }
}

/** A value as a message quotes it: at most LIMITS.quotedChars characters, then "…". */
export function quoted(value: string): string {
  return value.length > LIMITS.quotedChars ? `${value.slice(0, LIMITS.quotedChars)}…` : value;
}
