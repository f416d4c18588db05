import { neutraliseCell } from '../../../shared/domain/spreadsheet';
import { saveBlob, type SheetCell, type SheetData } from './xlsx';

const cellText = (c: SheetCell): string => {
  if (c === null) return '';
  if (typeof c === 'object') return String(c.value);
  return String(neutraliseCell(c));
};

const quote = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * The sheet as CSV text (RFC 4180, CRLF lines), every text cell neutralised against formula injection as in the
 * .xlsx; numbers are written plain (1234.5), not as shown.
 */
export function csvOf(data: SheetData): string {
  return [data.headers.map((h) => quote(String(neutraliseCell(h)))), ...data.rows.map((r) => r.map((c) => quote(cellText(c))))].map((r) => r.join(',')).join('\r\n') + '\r\n';
}

/** Downloads the sheet as a UTF-8 CSV with a byte-order mark, so Excel opens Chinese text correctly. */
export function downloadCsv(data: SheetData, fileName: string): void {
  saveBlob(`\uFEFF${csvOf(data)}`, fileName, 'text/csv;charset=utf-8');
}
