/** One cell as a reader produces it: text from CSV, text/number/Date from a workbook, null when empty. */
export type Cell = string | number | Date | null;

export interface SourceRow {
  /** the row number a person sees in Excel (the header row counts) */
  row: number;
  cells: Cell[];
}

/** The text of a cell, trimmed; null when empty. */
export function cellText(c: Cell | undefined): string | null {
  if (c === null || c === undefined) return null;
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? null : c.toISOString().slice(0, 10);
  const t = String(c).replace(/^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g, '');
  return t === '' ? null : t;
}

export function isBlankRow(cells: Cell[]): boolean {
  return cells.every((c) => cellText(c) === null);
}
