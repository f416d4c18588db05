import { toHalfWidth } from './text';

/** Money is integer fen (分) everywhere: never floating point. */
export type AmountUnit = 'yuan' | 'fen';

export type AmountResult = { ok: true; fen: number } | { ok: false; code: 'not_a_number' | 'negative' };

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * Parses a bank amount into fen: full-width digits, `¥`/`￥`/`元`/`RMB`, thousands separators and spaces are
 * accepted; yuan may have up to two decimals (trailing zeros beyond are fine). Negative amounts are reported as such.
 */
export function parseAmountFen(raw: string | number, unit: AmountUnit): AmountResult {
  let text: string;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { ok: false, code: 'not_a_number' };
    // Shortest decimal form of the double: 1234.56 -> "1234.56", never 1234.5599999.
    text = String(raw);
    if (/e/i.test(text)) text = raw.toFixed(unit === 'yuan' ? 2 : 0);
  } else {
    text = toHalfWidth(raw)
      .replace(/[\s,¥￥]|元|RMB|CNY/gi, '')
      .replace(/^\((.*)\)$/, '-$1');
  }
  const m = DECIMAL.exec(text);
  if (!m) return { ok: false, code: 'not_a_number' };
  const [, minus, whole = '0', frac = ''] = m;
  const trimmed = frac.replace(/0+$/, '');
  if (unit === 'fen' ? trimmed.length > 0 : trimmed.length > 2) return { ok: false, code: 'not_a_number' };
  const fen = unit === 'fen' ? Number(whole) : Number(whole) * 100 + Number(trimmed.padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) return { ok: false, code: 'not_a_number' };
  if (minus && fen !== 0) return { ok: false, code: 'negative' };
  return { ok: true, fen };
}

/** 123456 -> "1,234.56" */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}
