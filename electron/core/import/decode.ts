import type { ImportEncoding } from './layout';

export type TextEncoding = Exclude<ImportEncoding, 'auto'>;

/**
 * Whether a file without a byte-order mark is UTF-16 (Excel's "Unicode text" without its mark, a core system's export):
 * text in it that is mostly ASCII or CJK leaves a zero in about every other byte, which UTF-8 and GB18030 text never
 * holds. The side the zeros are on gives the byte order.
 */
function utf16Of(head: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.3 && even < pairs * 0.05) return 'utf-16le';
  if (even > pairs * 0.3 && odd < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Picks the text encoding of a bank file: a byte-order mark says UTF-8 or UTF-16 (Excel's "Unicode text", tab
 * separated); zeros in every other byte say UTF-16 without one; otherwise the first megabyte is tried as strict UTF-8,
 * and failing that the file is GB18030 (a superset of GBK and GB2312).
 */
export function detectEncoding(head: Buffer, declared: ImportEncoding): TextEncoding {
  if (declared !== 'auto') return declared;
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const utf16 = utf16Of(head);
  if (utf16) return utf16;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** A streaming decoder that drops a leading byte-order mark. GBK is decoded as GB18030, its superset. */
export function createDecoder(encoding: TextEncoding): TextDecoder {
  return new TextDecoder(encoding === 'gbk' ? 'gb18030' : encoding, { fatal: encoding !== 'gbk' && encoding !== 'gb18030', ignoreBOM: false });
}
