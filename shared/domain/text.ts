const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;
const FULL_WIDTH_ALL = /[\uff01-\uff5e\u3000]/g;

/** Full-width ASCII (Ｆ０１ … ～) and the ideographic space to their half-width forms. */
export function toHalfWidth(s: string): string {
  // Most cells hold no full-width character: one scan, and the string itself back.
  return FULL_WIDTH.test(s) ? s.replace(FULL_WIDTH_ALL, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0))) : s;
}

/** Trims, including full-width and no-break spaces; an empty result is null (a value the bank did not send). */
export function cleanText(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const t = raw.replace(/^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g, '');
  return t === '' ? null : t;
}
