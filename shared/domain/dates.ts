import { toHalfWidth } from './text';

export const DATE_FORMATS = ['YYYY-MM-DD', 'YYYY/MM/DD', 'YYYYMMDD', 'YYYY.MM.DD', 'YYYY年MM月DD日', 'excel'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

const PATTERNS: Record<Exclude<DateFormat, 'excel'>, RegExp> = {
  'YYYY-MM-DD': /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/,
  'YYYY/MM/DD': /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/,
  YYYYMMDD: /^(\d{4})(\d{2})(\d{2})$/,
  'YYYY.MM.DD': /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  'YYYY年MM月DD日': /^(\d{4})年(\d{1,2})月(\d{1,2})日$/,
};

function iso(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Days since 1899-12-30 (Excel's day 0, which absorbs its 1900 leap-year bug for dates after 1900-03-01). */
export function fromExcelSerial(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 61 || serial > 2_958_465) return null;
  const dt = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return iso(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

/**
 * A calendar date (`YYYY-MM-DD`) from a bank cell: a string in one of the profile's formats, an Excel serial
 * number (when the profile allows `excel`; a whole number such as 20261103 is also tried as text in the other formats),
 * or a Date a spreadsheet reader produced (taken as its UTC calendar day).
 * Impossible dates (2026/13/45) give null.
 */
export function parseCalendarDate(raw: string | number | Date, formats: readonly DateFormat[]): string | null {
  if (raw instanceof Date) {
    return Number.isNaN(raw.getTime()) ? null : iso(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate());
  }
  if (typeof raw === 'number') {
    // A number cell is an Excel serial, or (a bank that types 20261103 into a number cell) a whole number read as
    // text in the other formats: the formats' order decides, and a serial is never above 2,958,465 (9999-12-31).
    for (const f of formats) {
      const d = f === 'excel' ? fromExcelSerial(raw) : Number.isInteger(raw) ? parseText(String(raw), [f]) : null;
      if (d) return d;
    }
    return null;
  }
  return parseText(toHalfWidth(raw).trim(), formats);
}

function parseText(text: string, formats: readonly DateFormat[]): string | null {
  for (const f of formats) {
    if (f === 'excel') {
      if (/^\d{5}(\.\d+)?$/.test(text)) {
        const d = fromExcelSerial(Number(text));
        if (d) return d;
      }
      continue;
    }
    const m = PATTERNS[f].exec(text);
    if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  return null;
}
