import { parseCalendarDate, type DateFormat } from '../../../shared/domain/dates';
import { numberCellFen, parseAmountFen, type AmountUnit } from '../../../shared/domain/money';
import { toHalfWidth } from '../../../shared/domain/text';
import { cellText, type Cell, type Value } from './cells';
import { LIMITS, quoted } from './limits';

export const REJECTION_CODES = ['missing', 'invalid', 'checksum', 'negative', 'not_a_number', 'invalid_date', 'duplicate_in_file', 'unknown_case', 'duplicate_txn', 'name_mismatch', 'extra_fields', 'unmatched_reversal', 'other_batch', 'unsaved_formula', 'too_long'] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export interface Rejection {
  row: number;
  caseNo: string;
  field: string;
  code: RejectionCode;
  message: string;
}

const MESSAGES: Record<RejectionCode, string> = {
  missing: 'is empty but required',
  invalid: 'is not valid',
  checksum: 'fails the ID number check digit (GB 11643)',
  negative: 'is negative',
  not_a_number: 'is not a number',
  invalid_date: 'is not a valid date',
  duplicate_in_file: 'appears earlier in this file; this later row is ignored',
  unknown_case: 'is not a case the agency holds for this client',
  duplicate_txn: 'is already recorded',
  name_mismatch: 'is held by a debtor under another name',
  extra_fields: 'has more fields than the header: a delimiter inside a value has shifted the columns',
  unmatched_reversal: 'matches no payment of this case to reverse',
  other_batch: "differs from this file's batch",
  unsaved_formula: 'is a formula whose result was not saved with the file: open and save the file in Excel, or paste the values',
  too_long: `is longer than ${LIMITS.cellChars.toLocaleString('en-US')} characters, the most a cell of Excel holds`,
};

/** A row was rejected: the first problem found, in words. */
export class RowRejected extends Error {
  constructor(
    readonly field: string,
    readonly code: RejectionCode,
    readonly detail?: string,
  ) {
    super(`${field} ${MESSAGES[code]}${detail ? `: ${detail}` : ''}`);
  }
}

/**
 * The case number of a row, half-width. A workbook that stores case numbers as numbers has dropped their leading
 * zeros (007890 → 7890): with the section's `caseNoDigits` they are put back.
 */
export function caseNoOf(r: RowReader, digits: number | undefined): string {
  const c = r.raw('caseNo');
  if (typeof c === 'number' && digits !== undefined && Number.isSafeInteger(c) && c >= 0) return String(c).padStart(digits, '0');
  return stripTextMark(toHalfWidth(r.text('caseNo') ?? ''));
}

/**
 * A key some banks' exports mark as text for Excel with an apostrophe (`'6222000012345678`): without the
 * mark. The mark is not part of the key.
 */
export function stripTextMark(key: string): string {
  return key.charCodeAt(0) === 39 || key.charCodeAt(key.length - 1) === 39 ? key.replace(/^'+|'+$/g, '').trim() : key;
}

/** A rejected row as reported and stored: its case number (and any value its message quotes) cut to LIMITS.quotedChars. */
export function rejection(row: number, caseNo: string, err: RowRejected): Rejection {
  return { row, caseNo: quoted(caseNo), field: err.field, code: err.code, message: `Row ${row}: ${err.message}.` };
}

/**
 * The rejection of a row with a field the profile maps longer than LIMITS.cellChars (a 10 MB remark), null when there
 * is none: its value is neither stored nor repeated in the rejection, which says only how long it is.
 */
export function tooLong(cells: Cell[], columns: Record<string, number>): RowRejected | null {
  for (const field in columns) {
    const c = cells[columns[field] ?? -1];
    if (typeof c === 'string' && c.length > LIMITS.cellChars) return new RowRejected(field, 'too_long', `${c.length.toLocaleString('en-US')} characters`);
  }
  return null;
}

// Plain ASCII values, the usual case, parsed on fast paths that give exactly what the general parsers give.
const PLAIN_AMOUNT = /^(\d{1,13})(?:\.(\d{1,2}))?$/;
const PLAIN_INTEGER = /^\d{1,15}$/;
const PLAIN_DATE = /^(\d{4})([-/])(\d{2})\2(\d{2})$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, m: number): number {
  return m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : (DAYS[m - 1] ?? 0);
}

/** Reads the canonical fields of one row through the column indexes; throws RowRejected on the first bad value. */
export class RowReader {
  constructor(
    private readonly cells: Cell[],
    private readonly columns: Record<string, number>,
    private readonly dateFormats: readonly DateFormat[],
    private readonly unit: AmountUnit,
  ) {}

  /** A field's cell; a formula whose result the file does not hold rejects the row, as its value is unknown. */
  raw(field: string): Value {
    const i = this.columns[field];
    const c = i === undefined || i < 0 ? null : (this.cells[i] ?? null);
    if (c !== null && typeof c === 'object' && !(c instanceof Date)) throw new RowRejected(field, 'unsaved_formula', `=${quoted(c.formula)}`);
    return c;
  }

  text(field: string): string | null {
    return cellText(this.raw(field));
  }

  required(field: string): string {
    const t = this.text(field);
    if (t === null) throw new RowRejected(field, 'missing');
    return t;
  }

  /** An amount in fen; `signed` lets a negative one through (a credit balance) instead of rejecting it. */
  amount(field: string, required = false, signed = false): number | null {
    const c = this.raw(field);
    if (typeof c === 'number') {
      // A workbook's number, read directly; a bad one is reported below, as for text.
      const r = numberCellFen(c, this.unit, signed);
      if (r.ok) return r.fen;
    } else if (typeof c === 'string') {
      // Fast path for plain amounts ("1234.5"): what parseAmountFen gives for them, without its clean-up passes.
      const m = PLAIN_AMOUNT.exec(c);
      if (m) {
        const frac = m[2];
        if (this.unit === 'yuan') return Number(m[1]) * 100 + (frac === undefined ? 0 : frac.length === 1 ? Number(frac) * 10 : Number(frac));
        if (frac === undefined) return Number(m[1]);
      }
    }
    const t = typeof c === 'number' ? c : cellText(c);
    if (t === null) {
      if (required) throw new RowRejected(field, 'missing');
      return null;
    }
    const r = parseAmountFen(t, this.unit, signed);
    if (r.ok) return r.fen;
    // In fen a fraction is no amount: the message says why (the profile's unit may be the mistake, or the bank's cell).
    const fraction = this.unit === 'fen' && r.code === 'not_a_number' && /^\D*-?\d[\d,]*\.\d*[1-9]/.test(String(t));
    throw new RowRejected(field, r.code, `${quoted(String(t))}${fraction ? ' (amounts of this file are whole fen: amountUnit "fen")' : ''}`);
  }

  /**
   * A key (case number, ID number) that a workbook holds as a number of 16 digits or more has lost its last digits
   * (Excel keeps 15): the row is refused rather than filed under another key.
   */
  exactKey(field: string): void {
    const c = this.raw(field);
    if (typeof c === 'number' && Math.abs(c) >= 1e15) {
      throw new RowRejected(field, 'invalid', `${quoted(cellText(c) ?? '')}, a number of more than 15 digits in the workbook whose last digits are lost: the bank must store it as text`);
    }
  }

  integer(field: string): number | null {
    const c = this.raw(field);
    if (typeof c === 'string' && PLAIN_INTEGER.test(c)) return Number(c);
    const t = typeof c === 'number' ? String(c) : cellText(c);
    if (t === null) return null;
    // A count of days may carry its unit (95天).
    const s = toHalfWidth(t).replace(/[,\s]/g, '').replace(/天$/, '');
    if (!/^-?\d+$/.test(s)) throw new RowRejected(field, 'not_a_number', quoted(t));
    const n = Number(s);
    if (n < 0) throw new RowRejected(field, 'negative');
    return n;
  }

  date(field: string, required = false): string | null {
    const c = this.raw(field);
    if (typeof c === 'string') {
      // Fast path for a valid YYYY-MM-DD or YYYY/MM/DD in a format the profile allows: what parseCalendarDate gives.
      const m = PLAIN_DATE.exec(c);
      if (m && this.dateFormats.includes(m[2] === '-' ? 'YYYY-MM-DD' : 'YYYY/MM/DD')) {
        const y = Number(m[1]);
        const mo = Number(m[3]);
        const d = Number(m[4]);
        if (y >= 1000 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)) return `${m[1]}-${m[3]}-${m[4]}`;
      }
    }
    if (c === null || (typeof c === 'string' && cellText(c) === null)) {
      if (required) throw new RowRejected(field, 'missing');
      return null;
    }
    const d = parseCalendarDate(typeof c === 'string' ? c.trim() : c, this.dateFormats);
    if (!d) throw new RowRejected(field, 'invalid_date', `${quoted(String(c instanceof Date ? c.toISOString() : c).trim())} (the profile's dateFormats: ${this.dateFormats.join(', ')})`);
    return d;
  }
}
