import { maskIdNumber, maskName, maskPhone } from '../../../shared/domain/masking';
import { neutraliseCell } from '../../../shared/domain/spreadsheet';
import type { ResultCode } from '../../../shared/compliance/types';
import type { MaskableField, ReturnField, ReturnsSection } from '../../../shared/profile/returns-schema';
import { DEFAULT_WORDS } from './default-words';
import { dayOf, formatDay, formatLocal, localTimes, type LocalTime } from './local-time';
import type { RawValue, ReturnRecord } from './records';

/** An amount, written in the template's unit: yuan with two decimals, or whole fen. */
export interface Money {
  fen: number;
}
/** One cell of the file: text (already neutralised), a number, an amount, or empty. */
export type Cell = string | number | Money | null;

export function isMoney(c: Cell): c is Money {
  return typeof c === 'object' && c !== null;
}

/** One table of the file, as it will be written. */
export interface Table {
  name: string;
  headers: string[];
  rows: Cell[][];
}

const DATE_FIELDS = new Set<ReturnField>(['promiseDate', 'planFirstDueDate', 'recalledAt']);
const AMOUNT_FIELDS = new Set<ReturnField>(['balance', 'promiseAmount', 'planAmount', 'waiverAmount']);
const MASKS: Record<MaskableField, (v: string | null) => string | null> = {
  debtorName: maskName, idNumber: maskIdNumber, mobile: maskPhone, phone: maskPhone, contactName: maskName,
};
type MapKey = keyof NonNullable<ReturnsSection['valueMaps']>;
const MAPPED: Partial<Record<ReturnField, MapKey>> = {
  recordType: 'recordType', channel: 'channel', direction: 'direction', party: 'party', contactRelation: 'relation',
  promiseStatus: 'promiseStatus', planKind: 'planKind', planStatus: 'planStatus', caseStatus: 'caseStatus',
};

/** Text cells are neutralised (CSV injection): a value beginning with = + - @ can never become a formula. */
export function text(v: RawValue): Cell {
  if (v === null || v === undefined || v === '') return null;
  return neutraliseCell(String(v));
}

export interface FormatOptions {
  /** mask every personal field whatever the profile says (the preview on screen) */
  maskAll?: boolean;
}

/**
 * Turns records into rows of the bank's template: our result codes and words mapped to the bank's (or, unmapped, to
 * our Chinese words: never an internal name), dates and times
 * in its formats and the client's zone, personal fields masked unless the bank asked for them in full.
 */
export function rowFormatter(r: ReturnsSection, tz: string, o: FormatOptions = {}): (rec: ReturnRecord) => Cell[] {
  const local = localTimes(tz);
  const unmasked = new Set<string>(o.maskAll ? [] : r.unmasked);
  // The record's instant in the client's zone, computed once per row for every column that shows it.
  let at: LocalTime | null = null;
  const compile = (f: ReturnField): ((rec: ReturnRecord) => Cell) => {
    const raw = (rec: ReturnRecord): RawValue => rec.values[f] ?? null;
    switch (f) {
      case 'at': return () => (at ? formatLocal(at, r.instantFormat) : null);
      case 'time': return () => (at ? `${at.hh}:${at.mm}:${at.ss}` : null);
      case 'date': return (rec) => {
        const v = raw(rec);
        const day = at ? dayOf(at) : typeof v === 'string' ? v : null;
        return day ? formatDay(day, r.dateFormat) : null;
      };
      case 'resultCode': return (rec) => {
        const v = raw(rec);
        return v === null ? null : text(r.resultCodes[v as ResultCode] ?? v);
      };
      case 'durationSeconds':
      case 'planInstallments': return (rec) => {
        const v = raw(rec);
        return typeof v === 'number' ? v : null;
      };
    }
    if (DATE_FIELDS.has(f)) return (rec) => {
      const v = raw(rec);
      return typeof v === 'string' ? formatDay(v, r.dateFormat) : null;
    };
    if (AMOUNT_FIELDS.has(f)) return (rec) => {
      const v = raw(rec);
      return typeof v === 'number' ? { fen: v } : null;
    };
    const mapKey = MAPPED[f];
    if (mapKey) {
      const words: Partial<Record<string, string>> = r.valueMaps?.[mapKey] ?? {};
      const ours = DEFAULT_WORDS[mapKey];
      return (rec) => {
        const v = raw(rec);
        return v === null ? null : text(words[String(v)] ?? ours[String(v)] ?? v);
      };
    }
    if (f in MASKS && !unmasked.has(f)) {
      const mask = MASKS[f as MaskableField];
      return (rec) => {
        const v = raw(rec);
        return text(mask(v === null ? null : String(v)));
      };
    }
    return (rec) => text(raw(rec));
  };
  const getters = r.columns.map((c) => {
    if ('value' in c) {
      const fixed = text(c.value);
      return () => fixed;
    }
    return compile(c.field);
  });
  return (rec) => {
    const instant = rec.values.at;
    at = typeof instant === 'string' ? local(instant) : null;
    return getters.map((g) => g(rec));
  };
}

/** The header row, neutralised like every other cell. */
export function headerRow(r: { columns: { header: string }[] }): string[] {
  return r.columns.map((c) => neutraliseCell(c.header));
}

/** Columns whose personal data the file carries in full. */
export function unmaskedColumns(r: ReturnsSection): string[] {
  return r.columns.filter((c) => 'field' in c && (r.unmasked as readonly string[]).includes(c.field)).map((c) => c.header);
}

/** A cell as text, for previews and CSV: amounts in the template's unit. */
export function cellText(c: Cell, unit: 'yuan' | 'fen'): string {
  if (c === null) return '';
  if (isMoney(c)) return unit === 'fen' ? String(c.fen) : yuanText(c.fen);
  return String(c);
}

export function yuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
