import { toHalfWidth } from './text';

/** Money is integer fen (分) everywhere: never floating point. */
export type AmountUnit = 'yuan' | 'fen';

export type AmountResult = { ok: true; fen: number } | { ok: false; code: 'not_a_number' | 'negative' };

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * A spreadsheet number cell: taken to the fen when it is within a millionth of a fen of one, so a formula's
 * 30000.000000000004 (0.1 + 0.2 drift) is 3,000,000 fen, while 12.345 yuan (half a fen) is not a money amount.
 */
export function numberCellFen(raw: number, unit: AmountUnit, signed = false): AmountResult {
  if (!Number.isFinite(raw)) return { ok: false, code: 'not_a_number' };
  const scaled = unit === 'yuan' ? raw * 100 : raw;
  const fen = Math.round(scaled);
  if (Math.abs(scaled - fen) > 1e-6 + Math.abs(scaled) * 1e-14 || !Number.isSafeInteger(fen)) return { ok: false, code: 'not_a_number' };
  if (fen < 0 && !signed) return { ok: false, code: 'negative' };
  return { ok: true, fen: fen + 0 }; // + 0: never -0
}

/**
 * Parses a bank amount into fen: full-width digits, `¥`/`￥`/`元`/`RMB`, thousands separators and spaces are
 * accepted; yuan may have up to two decimals (trailing zeros beyond are fine). A minus before or after the number, or
 * brackets around it (`-12.30`, `12.30-`, `(12.30)`), make it negative: reported as such, or with `signed` returned.
 */
export function parseAmountFen(raw: string | number, unit: AmountUnit, signed = false): AmountResult {
  if (typeof raw === 'number') return numberCellFen(raw, unit, signed);
  const text = toHalfWidth(raw)
    .replace(/[\s,¥￥]|元|RMB|CNY/gi, '')
    .replace(/^\((.*)\)$/, '-$1')
    .replace(/^([^-].*)-$/, '-$1');
  const m = DECIMAL.exec(text);
  if (!m) return { ok: false, code: 'not_a_number' };
  const [, minus, whole = '0', frac = ''] = m;
  const trimmed = frac.replace(/0+$/, '');
  if (unit === 'fen' ? trimmed.length > 0 : trimmed.length > 2) return { ok: false, code: 'not_a_number' };
  const fen = unit === 'fen' ? Number(whole) : Number(whole) * 100 + Number(trimmed.padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) return { ok: false, code: 'not_a_number' };
  if (minus && fen !== 0) return signed ? { ok: true, fen: -fen } : { ok: false, code: 'negative' };
  return { ok: true, fen };
}

/** 123456 -> "1,234.56" */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}
