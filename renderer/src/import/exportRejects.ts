import { neutraliseCell } from '../../../shared/domain/spreadsheet';

/** One sheet as shown on screen: header labels and rows of text or numbers. */
export interface SheetData {
  sheetName: string;
  headers: string[];
  rows: (string | number)[][];
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Writes an .xlsx of the rows (every cell neutralised against formula injection) and hands it to the browser
 * as a download. exceljs is loaded only when someone exports.
 */
export async function downloadXlsx(data: SheetData, fileName: string): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CollectDesk';
  const sheet = workbook.addWorksheet(data.sheetName.slice(0, 31));
  sheet.addRow(data.headers.map((h) => neutraliseCell(h)));
  for (const row of data.rows) sheet.addRow(row.map((cell) => neutraliseCell(cell)));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  data.headers.forEach((h, i) => {
    const longest = Math.max(h.length * 2, ...data.rows.map((r) => String(r[i] ?? '').length));
    sheet.getColumn(i + 1).width = Math.min(Math.max(longest + 2, 8), 80);
  });
  const buffer = await workbook.xlsx.writeBuffer();
  const url = URL.createObjectURL(new Blob([buffer], { type: XLSX_MIME }));
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

/** “mixed-rows.csv” → “mixed-rows”, for naming what is exported from it. */
export function baseName(file: string): string {
  return file.replace(/\.[^.]+$/, '') || file;
}
