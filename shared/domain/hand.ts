import { toHalfWidth } from './text';

const NUMERALS = '一二三四五六七八九十';

/**
 * A hand (手别: how many agencies have worked the case before, this one included) as banks write it: `2`, `第2手`,
 * `2手`, `第二手`, full-width digits. Null when the text is no whole number from 1.
 */
export function parseHand(text: string): number | null {
  const t = toHalfWidth(text).replace(/\s+/g, '').replace(/^第/, '').replace(/手$/, '');
  if (/^[1-9]\d*$/.test(t)) return Number(t);
  const n = NUMERALS.indexOf(t);
  return t.length === 1 && n >= 0 ? n + 1 : null;
}
