import type ExcelJS from 'exceljs';
import { cellText, isMoney, type Cell, type Table } from './cells';

const WIDTH_SAMPLE = 1000;

/** Display width of a text: a CJK character counts two. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1;
  return w;
}

function value(c: Cell, unit: 'yuan' | 'fen'): string | number | null {
  if (isMoney(c)) return unit === 'fen' ? c.fen : c.fen / 100;
  return c;
}

function addTable(wb: ExcelJS.Workbook, t: Table, unit: 'yuan' | 'fen'): void {
  const sheet = wb.addWorksheet(t.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = sheet.addRow(t.headers);
  header.font = { bold: true };
  for (const row of t.rows) sheet.addRow(row.map((c) => value(c, unit)));
  t.headers.forEach((h, i) => {
    const col = sheet.getColumn(i + 1);
    const sample = t.rows.slice(0, WIDTH_SAMPLE).map((r) => width(cellText(r[i] ?? null, unit)));
    col.width = Math.min(Math.max(width(h), ...sample, 6) + 2, 60);
    // Amounts in yuan show two decimals; texts (case numbers with leading zeros, ID numbers) are written as texts.
    const first = t.rows.find((r) => r[i] !== null && r[i] !== undefined)?.[i] ?? null;
    if (isMoney(first) && unit === 'yuan') col.numFmt = '0.00';
  });
}

/**
 * Tables as one .xlsx workbook whose bytes depend on the tables alone: fixed document properties and dates, and
 * every zip entry stamped with the same date, so that exporting the same period twice gives the same file.
 */
export async function encodeXlsx(tables: Table[], o: { amountUnit: 'yuan' | 'fen'; stamp: Date }): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'CollectDesk';
  wb.lastModifiedBy = 'CollectDesk';
  wb.created = o.stamp;
  wb.modified = o.stamp;
  wb.lastPrinted = o.stamp;
  for (const t of tables) addTable(wb, t, o.amountUnit);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return stampZip(bytes, o.stamp);
}

/** MS-DOS time and date of a calendar moment (the zip format's 2-second resolution). */
function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/**
 * Sets the modification time of every entry of a zip (the local headers and the central directory) to one
 * moment. The zip writer stamps entries with the clock; the content and its checksums are untouched.
 */
export function stampZip(zip: Buffer, when: Date): Buffer {
  const { time, date } = dosDateTime(when);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file: no end of central directory');
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`zip central directory entry ${n} is damaged`);
    zip.writeUInt16LE(time, at + 12);
    zip.writeUInt16LE(date, at + 14);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`zip local header ${n} is damaged`);
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(date, local + 12);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}
