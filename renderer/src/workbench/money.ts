/**
 * Yuan as typed by a collector ("1,234.5", "１２３４") → integer fen; null when it is not an amount with at most
 * two decimals. String arithmetic only: an amount never goes through floating point.
 */
export function parseYuan(text: string): number | null {
  const half = text.replace(/[\uFF10-\uFF19\uFF0E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const clean = half.replace(/[,，\s]/g, '');
  const m = /^(\d{1,12})(?:\.(\d{0,2}))?$/.exec(clean);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** Integer fen → "1234.50" for an input field (no grouping). */
export function fenToInput(fen: number): string {
  return `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}
