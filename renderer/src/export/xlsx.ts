import { neutraliseCell } from '../../../shared/domain/spreadsheet';

/**
 * A number written with the Excel format that makes it look as on screen (e.g. 1,234.56 or 12.3%), so the sheet
 * still sums and sorts; `text` is what the screen shows, used to size the column.
 */
export interface FormattedNumber {
  value: number;
  numFmt: string;
  text: string;
}

export type SheetCell = string | number | null | FormattedNumber;

/** One sheet as shown on screen: header labels and rows. */
export interface SheetData {
  sheetName: string;
  headers: string[];
  rows: SheetCell[][];
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Excel refuses these in a sheet name. */
const BAD_SHEET_CHARS = /[\\/?*[\]:]/g;

const isFormatted = (c: SheetCell): c is FormattedNumber => typeof c === 'object' && c !== null;
const shownText = (c: SheetCell): string => (isFormatted(c) ? c.text : String(c ?? ''));
/** CJK characters are about twice as wide as Latin ones in Excel's column units. */
const widthOf = (s: string): number => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);

/** The workbook of the sheets, every text cell neutralised against formula injection. exceljs loads on first use. */
export async function buildXlsx(sheets: SheetData[]): Promise<BlobPart> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CollectDesk';
  sheets.forEach((data, index) => {
    const name = data.sheetName.replace(BAD_SHEET_CHARS, ' ').slice(0, 31) || `Sheet${index + 1}`;
    const sheet = workbook.addWorksheet(name);
    sheet.addRow(data.headers.map((h) => neutraliseCell(h)));
    for (const row of data.rows) {
      const added = sheet.addRow(row.map((cell) => (isFormatted(cell) ? cell.value : neutraliseCell(cell))));
      row.forEach((cell, i) => {
        if (isFormatted(cell)) added.getCell(i + 1).numFmt = cell.numFmt;
      });
    }
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    data.headers.forEach((h, i) => {
      const longest = Math.max(widthOf(h), ...data.rows.map((r) => widthOf(shownText(r[i] ?? null))));
      sheet.getColumn(i + 1).width = Math.min(Math.max(longest + 2, 8), 80);
    });
  });
  return workbook.xlsx.writeBuffer();
}

/** Hands bytes to the browser (or the desktop window) as a download named `fileName`. */
export function saveBlob(bytes: BlobPart, fileName: string, mime = XLSX_MIME): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    a.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** Writes an .xlsx of the sheet(s) and downloads it. */
export async function downloadXlsx(data: SheetData | SheetData[], fileName: string): Promise<void> {
  saveBlob(await buildXlsx(Array.isArray(data) ? data : [data]), fileName);
}

/** “mixed-rows.csv” → “mixed-rows”, for naming what is exported from it. */
export function baseName(file: string): string {
  return file.replace(/\.[^.]+$/, '') || file;
}

/** A file-name-safe form of a label (no path separators or characters Windows refuses). */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '') || 'export';
}
