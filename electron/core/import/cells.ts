
/**
 * A workbook's formula whose result the file does not hold: written by a program and never calculated, so its value
 * is unknown (not empty).
 */
export interface UnsavedFormula {
  formula: string;
}

/** One cell as a reader produces it: text from CSV, text/number/Date from a workbook, null when empty. */
export type Cell = string | number | Date | UnsavedFormula | null;

/** A cell's value, once known not to be an unsaved formula. */
export type Value = Exclude<Cell, UnsavedFormula>;

export interface SourceRow {
  /** the row number a person sees in Excel (the header row counts) */
  row: number;
  cells: Cell[];
}

/** True for the characters JavaScript's \s matches (which include U+3000, U+00A0 and U+FEFF). */
export function isSpaceCode(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The text of a cell, trimmed; null when empty. */
export function cellText(c: Cell | undefined): string | null {
  if (c === null || c === undefined) return null;
  if (typeof c === 'string') {
    // Most cells need no trimming: checking both ends is far cheaper than the regular expression.
    if (c === '') return null;
    if (!isSpaceCode(c.charCodeAt(0)) && !isSpaceCode(c.charCodeAt(c.length - 1))) return c;
  } else if (c instanceof Date) return Number.isNaN(c.getTime()) ? null : c.toISOString().slice(0, 10);
  else if (typeof c === 'object') return null;
  const t = String(c).replace(/^\s+|\s+$/g, '');
  return t === '' ? null : t;
}

export function isBlankRow(cells: Cell[]): boolean {
  return cells.every((c) => cellText(c) === null);
}
